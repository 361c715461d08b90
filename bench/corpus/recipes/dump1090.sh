#!/bin/bash
# Usage: dump1090.sh SRC_DIR BUILD_DIR   (plain make + bear; the Makefile builds in the source tree, so the
# source is copied into BUILD_DIR first)
# dump1090-fa (flightaware/dump1090), the Mode S / ADS-B decoder: dump1090, view1090 and the faup1090 feeder,
# with the RTL-SDR back end only (BladeRF, HackRF, LimeSDR, SoapySDR off). Locks: raw pthread mutexes:
# fifo.c's fifo_mutex (the sample-buffer FIFO between the SDR reader thread and the demodulator, with its
# condvars) and dump1090.c's Modes.reader_cpu_mutex (the reader thread's CPU accounting).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config librtlsdr-dev libncurses-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
make clean >/dev/null 2>&1 || true
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc RTLSDR=yes BLADERF=no HACKRF=no LIMESDR=no \
  SOAPYSDR=no all faup1090
test -s "$BUILD/compile_commands.json"
