#!/bin/bash
# Usage: rtl_433.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# rtl_433, the ISM-band radio decoder: the r_api / sdr (RTL-SDR, SoapySDR and rtl_tcp acquisition thread),
# the mongoose-based http / mqtt / influx / rtl_tcp output modules and the ~250 device decoders. Debug build,
# threads on, RTL-SDR, SoapySDR and OpenSSL enabled.
# Locks: raw pthread mutexes and condition variables (compat_pthread.h maps them to Win32 only on _WIN32):
# sdr.c's per-device dev->lock around the acquisition thread's ring buffer, output_rtltcp.c's srv->lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build pkg-config librtlsdr-dev libusb-1.0-0-dev libsoapysdr-dev libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DENABLE_THREADS=ON -DENABLE_RTLSDR=ON -DENABLE_SOAPYSDR=ON -DENABLE_OPENSSL=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
