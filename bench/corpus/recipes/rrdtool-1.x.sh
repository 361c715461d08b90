#!/bin/bash
# Usage: rrdtool-1.x.sh SRC_DIR BUILD_DIR   (autotools: ./bootstrap in SRC_DIR, then a VPATH build in BUILD_DIR)
# librrd (with rrd_graph on cairo/pango, rrd_restore on libxml2, librados support), rrdtool, rrdupdate, rrdcgi and
# the rrdcached daemon; docs, examples and every language binding (perl, ruby, lua, tcl, python) off. Locks: raw
# pthread mutexes and condition variables in rrd_daemon.c (rrdcached: cache_lock around the cache tree and the
# update queue, journal_lock, connection_threads_lock, stats_lock, the per-thread queue conditions), the
# rrd_thread_safe.c per-thread error context and mutex.c's small mutex_lock/mutex_unlock wrappers (used on Windows
# builds and by the fetch / flock paths).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool autopoint gettext pkg-config libglib2.0-dev \
  libxml2-dev libcairo2-dev libpango1.0-dev librados-dev groff; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && ./bootstrap)
cd "$BUILD"
CC=gcc "$SRC/configure" --disable-docs --disable-examples --disable-perl --disable-ruby --disable-lua \
  --disable-tcl --disable-python --disable-libdbi --disable-libwrap
bear --output "$BUILD/compile_commands.json" -- make -j2 -C src
test -s "$BUILD/compile_commands.json"
