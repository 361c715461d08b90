#!/bin/bash
# Usage: pgpool2.sh SRC_DIR BUILD_DIR   (autotools + bear, in the source tree: its Makefiles do not support VPATH builds)
# pgpool-II, the PostgreSQL connection pooler / load balancer: the pgpool main process, child / pcp /
# worker / watchdog processes, the query cache, the protocol and parser modules. Debug build.
# Locks: inter-process only (pgpool is multi-process, no pthread mutexes) — System V semaphores (semop with
# SEM_UNDO) through utils/pool_sema.c's pool_semaphore_lock / pool_semaphore_unlock /
# pool_semaphore_lock_allow_interrupt, keyed by *_SEM indexes (ACCEPT_FD_SEM, CONN_COUNTER_SEM, ...), and the
# query cache's pool_shmem_lock / pool_shmem_unlock (POOL_MEMQ_SHARED_LOCK / _EXCLUSIVE_LOCK, a flock on a lock file).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make autoconf automake libtool bear flex bison libpq-dev postgresql-server-dev-15 libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
autoreconf -fi
CFLAGS="-g -O0" ./configure --with-openssl
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
