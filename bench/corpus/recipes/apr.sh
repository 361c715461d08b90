#!/bin/bash
# Usage: apr.sh SRC_DIR BUILD_DIR   (autotools: ./buildconf in SRC_DIR, then a VPATH build in BUILD_DIR)
# Apache Portable Runtime (trunk, which also carries the former apr-util parts: buckets, dbd, dbm, crypto,
# memcache, redis, xml, reslist, queue, ...), the default configure (threads on), the library and the helper
# tools, no test suite (make's default target). Locks: APR's own lock API implemented in locks/unix/
# (apr_thread_mutex_lock / _unlock, apr_thread_rwlock_*, apr_proc_mutex_*, apr_global_mutex_*: plain functions
# in other files, wrapping pthread / sysv / fcntl / flock), used by the pool allocator (allocator->mutex),
# apr_reslist, apr_queue, apr_thread_pool, the memcache/redis clients, apr_skiplist users and the dbd/dbm layers.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf libtool python3 libexpat1-dev libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && ./buildconf)
cd "$BUILD"
CC=gcc "$SRC/configure" --with-openssl --with-crypto
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
