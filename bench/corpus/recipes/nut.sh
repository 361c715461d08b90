#!/bin/bash
# Usage: nut.sh SRC_DIR BUILD_DIR   (autotools, out of tree, bear)
# Network UPS Tools (NUT), release tag v2.8.5 (latest non-rc release in the
# mirror), configured with serial + USB + SNMP + XML/HTTP (neon) + Modbus +
# i2c support, no docs, no CGI. Built: common/ (libcommon, libnutconf),
# clients/ (libupsclient, upsc, upscmd, upsrw, upslog, upsmon, upssched,
# C++ client), server/ (upsd), tools/nut-scanner (libnutscan + nut-scanner,
# the only multi-threaded part), and a representative set of drivers
# (dummy-ups usbhid-ups snmp-ups nutdrv_qx blazer_usb blazer_ser netxml-ups
# generic_modbus) with the shared driver core (main.c, dstate.c, serial.c,
# libusb1.c, ...). The remaining ~150 driver programs (no threads, no locks)
# were left out to fit the time box on a loaded 2-core machine.
# Locks: raw pthread mutexes only in tools/nut-scanner (threadcount_mutex in
# nutscan-init.c, dev_mutex in each scan_*.c), taken around thread-count
# bookkeeping and device-list appends; POSIX semaphores (sem_wait/sem_post)
# limit the number of scanner threads. Daemons and drivers are
# single-threaded and take no locks.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config python3 libltdl-dev libusb-1.0-0-dev libssl-dev libsnmp-dev libneon27-dev libmodbus-dev libi2c-dev libsystemd-dev libwrap0-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && ./autogen.sh)
cd "$BUILD"
"$SRC/configure" CC=gcc CFLAGS="-O0 -g0" --with-doc=no --with-dev --with-serial --with-usb --with-snmp --with-neon --with-modbus --with-nut-scanner --with-ssl=openssl --without-cgi
for d in common clients server tools/nut-scanner; do bear --append -- make -j2 -C "$d"; done
bear --append -- make -j2 -C drivers dummy-ups usbhid-ups snmp-ups nutdrv_qx blazer_usb blazer_ser netxml-ups generic_modbus
test -s "$BUILD/compile_commands.json"
