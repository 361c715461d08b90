#!/bin/bash
# Usage: pglogical.sh SRC_DIR BUILD_DIR   (PGXS make via bear, VPATH build out of tree)
# pglogical 2 logical replication extension (pglogical.so, pglogical_output.so,
# pglogical_create_subscriber) against Debian 12's postgresql-server-dev-15.
# Tag REL2_4_4: the newest release (== head of REL2_x_STABLE), which has a
# compat15/ layer. with_llvm=no so PGXS does not add clang bitcode compiles to
# the database. Note: PGXS writes compat15/pglogical_compat.o into the source tree.
# Locks: PostgreSQL LWLocks through the raw API (LWLockAcquire(PGLogicalCtx->lock,
# ...)/LWLockRelease in pglogical_worker.c, pglogical_sync.c, pglogical_apply.c),
# plus heavyweight, transaction-scoped locks (LockRelationOid,
# LockDatabaseObject, LockSharedObject) that are released at commit/abort, not
# by a matching Unlock call.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear postgresql-server-dev-15 libkrb5-dev libselinux1-dev libzstd-dev liblz4-dev libpam0g-dev libxslt1-dev libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
nice bear -- make -f "$SRC/Makefile" VPATH="$SRC" USE_PGXS=1 PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config with_llvm=no -j2
test -s "$BUILD/compile_commands.json"
