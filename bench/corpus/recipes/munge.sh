#!/bin/bash
# Usage: munge.sh SRC_DIR BUILD_DIR   (autotools; SRC_DIR minus .git is copied into BUILD_DIR and
# autoreconf / configure / make run there, so the compile database's paths point into BUILD_DIR)
# MUNGE, the credential service: libmunge, the munged daemon (its work-thread pool, timer thread, GID map,
# replay cache, credential cache), the munge / unmunge / remunge / mungekey clients and the tests' helpers.
# Debug build (--enable-debug, -g -O0), OpenSSL as crypto library; pthreads always on. Locks: raw pthread
# mutexes / conds tested as `if ((errno = pthread_mutex_lock(&m)) != 0) log_errno(...)` (log_errno exits)
# on work.c's wp->lock, timer.c's _timer_mutex, gids.c's gids->mutex, remunge.c's conf->mutex; the
# lsd_mutex_lock / lsd_mutex_unlock macros of munged/thread.h (abort on error); crypto.c's OpenSSL
# locking-callback mutex array and its lock->mutex.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libssl-dev libbz2-dev zlib1g-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
autoreconf -fi
CC=gcc CFLAGS="-g -O0" ./configure --with-crypto-lib=openssl --enable-debug
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
