#!/bin/bash
# Usage: citus.sh SRC_DIR BUILD_DIR   (autoconf configure + make under bear, out of tree; SRC_DIR checked out at
#        tag v13.2.2 = cc91f4c2, the last release line that builds against PostgreSQL 15: HEAD (v14) wants 16-18)
# Citus, the distributed-PostgreSQL extension, as a server module against Debian's PostgreSQL 15: the columnar
# access method, the distributed planner / adaptive executor / connection management / transaction (2PC,
# backend data, lock graph, deadlock detection), metadata sync, shard transfer and rebalancer, background
# job/task workers, the CDC decoder and the safestringlib vendored copy. Debug info as PGXS sets it (-g -O2);
# the LLVM bitcode pass is off (with_llvm=no). make -k: commands/database.c and 24 other units do not compile against Debian's 15.20
# (pg_version_compat.h's static have_createdb_privilege clashes with the one the server headers now export); the other 408 units build.
# Locks: PostgreSQL's own: LWLocks (LWLockAcquire / LWLockRelease / LWLockHeldByMe on the shared-memory structs'
# lwlocks, e.g. backend_data, the maintenance daemon, the shared connection stats, the background-task queue),
# spinlocks (SpinLockAcquire / SpinLockRelease = S_LOCK / S_UNLOCK macros on slock_t mutex fields), and
# heavyweight locks (LockRelationOid / UnlockRelationOid, LockAcquire / LockRelease, LockShardResource and
# the other citus resource-lock wrappers in resource_lock.c), all released automatically at transaction abort.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear postgresql-server-dev-15 libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libselinux1-dev libxslt1-dev libpam0g-dev libreadline-dev libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
CC=gcc "$SRC/configure" --without-libcurl
bear -- make -k -j2 with_llvm=no || true
test -s "$BUILD/compile_commands.json"
