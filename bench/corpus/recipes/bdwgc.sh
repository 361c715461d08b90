#!/bin/bash
# Usage: bdwgc.sh SRC_DIR BUILD_DIR   (cmake)
# The Boehm-Demers-Weiser garbage collector (ivmai/bdwgc): libgc with threads, parallel marking, thread-local
# allocation, gcj / Java finalization / disclaim support and the cord library, one object per source file
# (disable_single_obj_compilation, so that the database lists the sources rather than extra/gc.c), and the test
# programs (build_tests); C only. Locks: the allocator lock behind gc_locks.h's LOCK() / UNLOCK() macros, here
# `if (GC_need_to_lock) { if (pthread_mutex_trylock(&GC_allocate_ml) != 0) GC_lock(); }` and
# `if (GC_need_to_lock) pthread_mutex_unlock(&GC_allocate_ml)` (GC_lock: a spin-then-block loop in
# pthread_support.c), the mark lock GC_acquire_mark_lock / GC_release_mark_lock (parallel mark), and functions
# documented to be called with the allocator lock held (GC_ASSERT(I_HOLD_LOCK()) in assertion builds).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake make pkg-config; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc cmake -S "$SRC" -B "$BUILD" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -Dbuild_tests=ON -Denable_cplusplus=OFF -Ddisable_single_obj_compilation=ON -Denable_docs=OFF
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
