#!/bin/bash
# Usage: pg_stat_monitor.sh SRC_DIR BUILD_DIR   (PGXS make via bear, VPATH build out of tree)
# Percona pg_stat_monitor extension against Debian 12's postgresql-server-dev-15.
# Tag 2.3.2: newest release (supports PG13-18). The snapshot lacks the large
# scripts/data_*.sql files: check out sparsely without them (not needed to build).
# with_llvm=no keeps clang bitcode compiles out of the database.
# Locks: one PostgreSQL LWLock (pgsm->lock) taken only through the static
# wrappers pgsm_lock_aquire(pgsm, mode)/pgsm_lock_release(pgsm) in
# pg_stat_monitor.c; a per-entry spinlock (SpinLockAcquire(&entry->mutex)) around
# counter updates; AddinShmemInitLock around shared-memory setup in hash_query.c.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear postgresql-server-dev-15 libkrb5-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
nice bear -- make -f "$SRC/Makefile" VPATH="$SRC" USE_PGXS=1 PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config with_llvm=no -j2
test -s "$BUILD/compile_commands.json"
