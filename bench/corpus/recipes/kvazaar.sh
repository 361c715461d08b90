#!/bin/bash
# Usage: kvazaar.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Kvazaar, the HEVC encoder: the libkvazaar library (encoder state machine, CABAC, search, rate control,
# strategies with their SIMD variants, the thread queue) and the kvazaar CLI. Debug build, pthreads; the
# tests (greatest submodule) are not built and the git submodule update is turned off. Locks: raw pthread
# mutexes / condition variables in threadqueue.c, used through its PTHREAD_LOCK / PTHREAD_UNLOCK /
# PTHREAD_COND_WAIT / _SIGNAL / _BROADCAST macros (which print, assert and `return 0` on error) on the
# queue's lock and each job's lock; the per-QP outfile_mutex[] of rdo.c; rate_control.c's ck_ctu_lock[]
# rwlocks; atomic refcounts (KVZ_ATOMIC_INC / DEC, __sync builtins) on images and CU arrays.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DBUILD_TESTS=OFF -DGIT_SUBMODULE=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
