#!/bin/bash
# Usage: lrzip.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, configure run from BUILD_DIR)
# lrzip (ckolivas/lrzip), the long-range zip compressor: the lrzip binary and liblrzip with its bundled LZMA SDK
# (lzma/C, multithreaded LzFind / LzmaEnc), libzpaq (C++), zlib / bzip2 / LZO / LZ4 back ends; no x86 assembly
# (--disable-asm), so no nasm. Locks: stream.c's out-of-line wrappers lock_mutex / unlock_mutex / cond_wait over
# pthread_mutex_lock on control->control_lock (the rzip_control shared by the compression threads) and the
# static output_lock + output_cond (in-order stream output from the compress / decompress worker threads), and the
# LZMA SDK's lzma/C/Threads.c CriticalSection / Event / Semaphore emulation over pthread mutexes and conds.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool pkg-config perl zlib1g-dev libbz2-dev liblzo2-dev \
  liblz4-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && NOCONFIGURE=1 ./autogen.sh)
cd "$BUILD"
CC=gcc CXX=g++ "$SRC/configure" --disable-asm
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
