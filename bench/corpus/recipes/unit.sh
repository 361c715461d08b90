#!/bin/bash
# Usage: unit.sh SRC_DIR BUILD_DIR   (its own shell configure + make + bear; configure writes into the tree it
# runs from, so the source is copied into BUILD_DIR first)
# NGINX Unit (nginx/unit), the polyglot application server: unitd (main, controller, router, discovery and
# application prototype processes), libunit (src/nxt_unit.c, the application-side library) and the unit tests,
# with OpenSSL, zlib, zstd and PCRE2, debug logging on; no language modules. Locks: raw pthread mutexes in
# libunit (nxt_unit.c: per-context and per-port mutexes, the shared library context's mutex) and, in the
# daemon, its own wrappers: nxt_thread_mutex_lock / _unlock (nxt_thread_mutex.c over pthread_mutex_t, used by
# the router's and the thread pool's work queues, the port memory pools, log moderation and access logs) and
# nxt_thread_spin_lock / _unlock (nxt_spinlock.c, an atomic-CAS spin lock used by the memory zones and the
# locked work queues).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config libssl-dev libpcre2-dev zlib1g-dev libzstd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
rm -rf build
./configure --cc=gcc --openssl --zlib --zstd --debug --tests
bear --output "$BUILD/compile_commands.json" -- make -j2 all tests
test -s "$BUILD/compile_commands.json"
