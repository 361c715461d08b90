#!/bin/bash
# Usage: pg_cron.sh SRC_DIR BUILD_DIR   (PGXS make via bear, in the source tree; database written to BUILD)
# pg_cron job scheduler extension (pg_cron.so: background worker, cron
# entry parser, job metadata) against Debian 12's postgresql-server-dev-15.
# Tag v1.6.7: the newest release. Built in SRC: the Makefile finds its sources
# with $(wildcard src/*.c) and adds -Iinclude, both relative to the current
# directory, so a VPATH build out of tree finds no objects; objects and
# pg_cron.so land in SRC (git-ignored), compile_commands.json in BUILD.
# with_llvm=no so PGXS adds no clang bitcode compiles to the database.
# Locks: none that lockcheck follows. The only locks are heavyweight,
# transaction-scoped relation locks taken through table_open(rel,
# RowExclusiveLock/AccessShareLock) and table_close(rel, NoLock) in
# job_metadata.c; no LWLock, spinlock or pthread calls. The scheduler is one
# background worker driving libpq connections with poll().
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear postgresql-server-dev-15 libpq-dev libkrb5-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
make PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config with_llvm=no clean   # objects of an earlier build would leave the database empty
nice bear --output "$BUILD/compile_commands.json" -- make PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config with_llvm=no -j2
test -s "$BUILD/compile_commands.json"
