#!/bin/bash
# Usage: libevhtp.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# libevhtp (criticalstack/libevhtp), the libevent-based HTTP server library: with OpenSSL, the thread pool
# (EVHTP_DISABLE_EVTHR off) and the Oniguruma regex URI callbacks, plus the examples. Debug build.
# Locks: raw pthread mutexes: thread.c's per-thread evthr lock (thread->lock), evhtp.c's htp__lock_ /
# htp__unlock_ macros over the server's optional h->lock (taken only `if (h->lock)`), refcount.h's reference
# counter mutex (refc->mux) and the OpenSSL 1.0 locking callback htp__ssl_thread_lock_ over an array of mutexes
# indexed by lock type (registered with CRYPTO_set_locking_callback, a no-op macro since OpenSSL 1.1).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libevent-dev libssl-dev libonig-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DEVHTP_DISABLE_SSL=OFF -DEVHTP_DISABLE_EVTHR=OFF \
  -DEVHTP_DISABLE_REGEX=OFF -DEVHTP_BUILD_SHARED=ON -DCMAKE_POLICY_VERSION_MINIMUM=3.5
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
