#!/bin/bash
# Usage: nut.sh SRC_DIR BUILD_DIR   (autotools: autogen.sh in SRC_DIR, configure run from BUILD_DIR, make under bear)
# Network UPS Tools (networkupstools/nut): upsd, upsmon, upssched, the clients and libupsclient (--with-dev), the
# serial, USB (libusb-1.0), SNMP, neon XML/HTTP, Avahi, FreeIPMI and Modbus drivers, and nut-scanner (libltdl);
# no docs, no CGI, no nutconf (C++). NUT's daemons are mostly single-threaded. Locks: raw pthread mutexes in
# clients/upsclient.c (the OpenSSL / NSS initialisation and the per-connection SSL state) and in
# tools/nut-scanner (scan_nut.c, scan_snmp.c, scan_xml_http.c, scan_eaton_serial.c, scan_ipmi.c, ...: the
# device-list dev_mutex and per-scan thread bookkeeping around the threaded subnet scans, with a semaphore
# capping the thread count).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool pkg-config python3 libltdl-dev libusb-1.0-0-dev \
  libsnmp-dev libneon27-dev libavahi-client-dev libavahi-core-dev libfreeipmi-dev libipmimonitoring-dev libmodbus-dev libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && ./autogen.sh)
cd "$BUILD"
CC=gcc CXX=g++ "$SRC/configure" --with-dev --with-nut-scanner --with-serial --with-usb --with-snmp --with-neon \
  --with-avahi --with-ipmi --with-freeipmi --with-modbus --with-openssl --without-docs --without-cgi \
  --without-nutconf --without-pynut --without-nut_monitor
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
