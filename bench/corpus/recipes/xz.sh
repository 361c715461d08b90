#!/bin/bash
# Usage: xz.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# XZ Utils: liblzma (shared, Debug) with the multithreaded .xz encoder and decoder (stream_encoder_mt.c,
# stream_decoder_mt.c, outqueue.c), the xz, xzdec and lzmainfo tools, no tests. Locks: the mythread_mutex /
# mythread_cond wrappers of src/common/mythread.h (static inline functions around pthread_mutex_lock/unlock,
# plus the mythread_sync(mutex) { ... } block macro that locks, runs one block and unlocks), which guard the
# per-worker-thread state (thr->mutex) and the coordinator's state (coder->mutex) in the threaded coders.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DBUILD_SHARED_LIBS=ON -DXZ_THREADS=posix -DBUILD_TESTING=OFF \
  -DXZ_NLS=OFF -DXZ_DOC=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
