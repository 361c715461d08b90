#!/bin/bash
# Usage: direwolf.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Dire Wolf (wb2osz/direwolf), the software AX.25 packet modem / APRS TNC: direwolf itself with ALSA audio,
# gpsd, hamlib, udev (CM108 PTT) and Avahi (DNS-SD) support, and its utilities (decode_aprs, kissutil, ...).
# Debug build. Locks: raw pthread mutexes, most through direwolf.h's dw_mutex_lock / dw_mutex_unlock macros
# (which call dw_mutex_lock/unlock functions with __func__ and __LINE__ over dw_mutex_t): tq.c's tq_mutex (the
# transmit queue), dlq.c's dlq_mutex and wake_up_mutex (received-frame queue), ax25_link.c's, igate.c's and
# the KISS / AGW client lists' mutexes, and audio/ptt helpers.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libasound2-dev libudev-dev libgps-dev libhamlib-dev \
  libavahi-client-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DUNITTEST=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
