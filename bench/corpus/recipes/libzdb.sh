#!/bin/bash
# Usage: libzdb.sh SRC_DIR BUILD_DIR   (autotools, in-tree only: configure makes ./tools/bin relative to the build
# folder, so a VPATH build fails; SRC_DIR minus .git is copied into BUILD_DIR, bootstrapped and built there)
# libzdb (mverbert/libzdb, a GitHub copy of Tildeslash's libzdb 3.2.2), the thread-safe database connection pool:
# ConnectionPool, Connection / ResultSet / PreparedStatement over the SQLite (with the unlock-notify API),
# PostgreSQL and MySQL / MariaDB adapters, and the C unit tests (`make check TESTS=`; the C++ zdbpp test is
# skipped by the tool). Locks: raw pthread mutexes and condition variables behind Thread.h macros (the same as
# monit's libmonit): Mutex_lock(m) / Mutex_unlock(m), both wrapper(pthread_mutex_...(&m)), where wrapper ABORTs
# (a longjmp-based THROW) unless the status is 0 or ETIMEDOUT; the block macros LOCK(m) ... END_LOCK; Sem_wait /
# Sem_timeWait over pthread_cond_*: the pool's mutex and its alarm condition (ConnectionPool.c, reaper thread) and
# the SQLite adapter's unlock-notify handshake (SQLiteAdapter.c).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool re2c flex libsqlite3-dev libpq-dev \
  default-libmysqlclient-dev libssl-dev zlib1g-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
test -f configure || ./bootstrap
CC=gcc ./configure --with-sqlite --with-postgresql --with-mysql --enable-sqliteunlock
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
