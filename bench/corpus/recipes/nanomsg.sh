#!/bin/bash
# Usage: nanomsg.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# nanomsg (the predecessor of nng): the shared library (core, the SP protocols, inproc/ipc/tcp/ws transports,
# the AIO state machines on epoll) and nanocat, Debug; no tests, no docs. Locks: nanomsg's own wrappers of
# src/utils/mutex.c (nn_mutex_lock / nn_mutex_unlock: functions in another file around pthread_mutex_*, with
# nn_assert on errors), nn_ctx_enter / nn_ctx_leave (src/aio/ctx.c: take and release the context's mutex),
# the global socket table lock (self.lock in src/core/global.c), nn_sock's locks, the inproc binds lock,
# nn_condvar and the worker's task lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DNN_TESTS=OFF -DNN_TOOLS=ON -DNN_ENABLE_DOC=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
