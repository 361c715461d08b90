#!/bin/bash
# Usage: lbzip2.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# lbzip2, the parallel bzip2 compressor/decompressor: the main / process scheduler (process.c's work queues),
# the compress / decompress / expand / parse / encode / decode modules, the signal and I/O threads. Debug build.
# Locks: raw pthread mutexes and condition variables through main.h's xlock / xunlock / xwait / xsignal /
# xbroadcast wrappers (which abort on error), the global free-slot and output-queue mutexes and the
# per-queue / per-slot mutexes in process.c.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
