#!/bin/bash
# Usage: sysbench.sh SRC_DIR BUILD_DIR   (autotools, in-tree only: a VPATH build breaks the generated
# src/lua/internal/*.lua.h, whose xxd -i array names become the absolute source paths; so SRC_DIR minus .git is
# copied into BUILD_DIR, built there, and the compile database's paths point into BUILD_DIR)
# sysbench, the scriptable multithreaded benchmark: the sysbench binary (src/: the LuaJIT-driven test runner,
# event queue and report threads, timers, histograms, logger, barrier, the db driver layer with the MySQL (MariaDB
# client) and PostgreSQL drivers, and the built-in cpu / fileio (Linux AIO on) / memory / mutex / threads tests),
# Debian's LuaJIT and Concurrency Kit instead of the bundled third_party copies (so the compile database holds only
# sysbench's own sources), --with-debug. Locks: plain pthread mutexes (drv->mutex, text_mutex, queue_mutex,
# barrier->mutex, the mutex/threads tests' arrays of mutexes, sb_globals.exec_mutex behind the
# SB_THREAD_MUTEX_LOCK / SB_THREAD_MUTEX_UNLOCK macros), the histogram's pthread rwlock (h->lock, write-locked
# for merges) and Concurrency Kit spinlocks (ck_spinlock_lock / ck_spinlock_unlock, static inline in
# ck_spinlock.h) guarding each sb_timer.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libluajit-5.1-dev libck-dev \
  default-libmysqlclient-dev libpq-dev libaio-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
test -f configure || ./autogen.sh
CC=gcc ./configure --with-system-luajit --with-system-ck --with-mysql --with-pgsql --with-debug --without-gcc-arch
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
