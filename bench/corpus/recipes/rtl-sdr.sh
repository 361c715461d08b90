#!/bin/bash
# Usage: rtl-sdr.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# rtl-sdr (osmocom/rtl-sdr): librtlsdr (RTL2832U dongle driver over libusb-1.0, with its async bulk-transfer
# reader) and the rtl_* tools (rtl_tcp, rtl_fm, rtl_adsb, rtl_power, rtl_sdr, rtl_test, rtl_eeprom). Debug build.
# Locks: raw pthread mutexes and rwlocks: rtl_tcp.c's ll_mutex (the sample list shared by the dongle callback and
# the tcp_worker thread), rtl_fm.c's per-stage rwlocks (d->rw, o->rw, s->rw) and the safe_cond_signal /
# safe_cond_wait macros of rtl_fm.c and rtl_adsb.c (lock, cond signal/wait, unlock in one statement list).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libusb-1.0-0-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DDETACH_KERNEL_DRIVER=ON -DENABLE_ZEROCOPY=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
