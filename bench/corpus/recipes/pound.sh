#!/bin/bash
# Usage: pound.sh SRC_DIR BUILD_DIR   (autotools, in-tree only: tests/ includes the generated cfg-gram.h through
# $(top_srcdir)/src, so a VPATH build fails; SRC_DIR minus .git is copied into BUILD_DIR, bootstrapped and built
# there, and the compile database's paths point into BUILD_DIR)
# pound (graygnuorg's continuation of Apsis pound), the reverse proxy / load balancer: pound and poundctl with
# OpenSSL, PCRE2, dynamic back ends (GNU adns), Lua extensions, inotify file watching; the test helpers of make's
# default target. Locks: raw pthread mutexes, rwlocks and condition variables (each service's mutex and its
# session table, the dynamic back-end resolver and its job queue, the worker thread pool, the watcher list, the
# metrics and log buffers, the tbf rate limiter), partly through small static helpers in the same files.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool perl bison flex texinfo pkg-config libssl-dev \
  libpcre2-dev libadns1-dev liblua5.4-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
test -f configure || ./bootstrap
CC=gcc ./configure --enable-dynamic-backends --enable-lua
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
