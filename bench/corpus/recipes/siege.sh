#!/bin/bash
# Usage: siege.sh SRC_DIR BUILD_DIR   (autotools, in-tree only: src/ finds joedog/defs.h through -I../include
# relative to the build folder, so a VPATH build fails; SRC_DIR minus .git is copied into BUILD_DIR, bootstrapped
# and built there, and the compile database's paths point into BUILD_DIR)
# siege, the HTTP load tester and benchmark: siege with OpenSSL, zlib and libuuid (bombardment, siege2csv are
# scripts). Locks: raw pthread mutexes and condition variables: the crew thread pool (crew.c: crew->lock with
# the not_empty / not_full / empty conditions; the browsers are cancelled and cleaned up through
# pthread_cleanup_push), the AUTH object's lock (auth.c), the global my.lock (browser.c), the timer thread's
# timer_mutex (timer.c, util.c) and OpenSSL's locking callback (ssl.c's lock_cs[]).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool perl libssl-dev zlib1g-dev uuid-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
test -f configure || utils/bootstrap
CC=gcc ./configure --with-ssl=/usr --with-zlib=/usr
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
