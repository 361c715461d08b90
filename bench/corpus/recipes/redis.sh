#!/bin/bash
# Usage: redis.sh SRC_DIR BUILD_DIR   (plain make; in-tree only, so SRC_DIR is copied into BUILD_DIR first and the
# compile database's paths point into BUILD_DIR)
# Redis (redis/redis): redis-server (with redis-check-rdb / -aof), redis-cli and redis-benchmark with TLS built in
# (BUILD_TLS=yes, OpenSSL), libc malloc (MALLOC=libc, so the bundled jemalloc is not built) and the bundled deps
# hiredis, lua, linenoise, hdr_histogram, fpconv (fast_float is C++). Locks: raw pthread mutexes: bio.c's
# bio_mutex[] + bio_newjob_cond[] (the background close / fsync / lazy-free job queues and their worker
# threads), module.c's moduleGIL (RedisModule_ThreadSafeContextLock and the module thread-safe contexts) and
# moduleUnblockedClientsMutex, networking.c's io_threads_mutex[] (the threaded-I/O start / stop handshake),
# debug.c's bug-report / stack-trace mutexes, tls.c's and redis-benchmark.c's locks; plus hiredis' SSL init.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear pkg-config libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
make distclean >/dev/null 2>&1 || true
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc MALLOC=libc BUILD_TLS=yes
test -s "$BUILD/compile_commands.json"
