#!/bin/bash
# Usage: twemcache.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, then a VPATH build in BUILD_DIR)
# Twitter's memcached fork: the twemcache server (src/mc_*.c: libevent worker threads, slab allocator, item LRU,
# hash table with its expanding maintenance thread, stats aggregator thread, command logger klog, hotkey
# detection), stats and klog on, --enable-debug=log (debug logs, no assert panics); no tests. Locks: plain pthread
# mutexes taken directly: the global cache_lock (items, hash table, with maintenance_cond for the hash-expansion
# thread), slab_lock, accept_lock, the per-thread stats_mutex (reached through thread_get(keys.stats_mutex)), the
# worker connection queue's cq->lock, free_connq_mutex, the suffix cache->mutex and the thread-setup init_lock with
# its condition variable; the stats aggregator uses a POSIX semaphore (aggregator.stats_sem, sem_wait / sem_post)
# as a lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool libevent-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && autoreconf -fvi)
cd "$BUILD"
# -fcommon: mc_assoc.h defines nbyte_primary / nbyte_old without extern (tentative definitions), which GCC >= 10
# (-fno-common by default) refuses to link
CC=gcc CFLAGS="-g -O2 -fcommon" "$SRC/configure" --enable-debug=log
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
