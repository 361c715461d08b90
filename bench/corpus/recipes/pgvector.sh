#!/bin/bash
# Usage: pgvector.sh SRC_DIR BUILD_DIR   (PGXS make via bear, VPATH build out of tree)
# pgvector vector similarity extension (vector.so: HNSW and IVFFlat index AMs,
# vector/halfvec/sparsevec types) against Debian 12's postgresql-server-dev-15.
# Tag v0.8.6: the newest release; it supports PostgreSQL 13+. OPTFLAGS= drops
# -march=native (portable objects), with_llvm=no so PGXS adds no clang bitcode
# compiles to the database. The VPATH build needs src/ and sql/ made in BUILD.
# Locks: PostgreSQL LWLocks through the raw API (LWLockAcquire/LWLockRelease on
# per-element locks &e->lock, &graph->allocatorLock, flushLock, entryLock/
# entryWaitLock in hnswbuild.c/hnswinsert.c/hnswutils.c, AddinShmemInitLock in
# hnsw.c) and spinlocks (SpinLockAcquire(&graph->lock)); buffer content locks
# through LockBuffer(buf, BUFFER_LOCK_SHARE/EXCLUSIVE/UNLOCK) and
# UnlockReleaseBuffer, and LockPage/UnlockPage on the index, which the shipped
# rules do not describe (LockBuffer takes its mode as an argument).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear postgresql-server-dev-15 libkrb5-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
mkdir -p src sql
nice bear -- make -f "$SRC/Makefile" VPATH="$SRC" USE_PGXS=1 PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config with_llvm=no OPTFLAGS= -j2
test -s "$BUILD/compile_commands.json"
