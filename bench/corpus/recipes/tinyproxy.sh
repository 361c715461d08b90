#!/bin/bash
# Usage: tinyproxy.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, configure run from BUILD_DIR)
# Tinyproxy, the light-weight HTTP/HTTPS proxy daemon: every optional feature (debug, X-Tinyproxy header,
# filtering, upstream proxies, reverse proxying, transparent proxying), no man pages. Tinyproxy 1.11 serves each
# connection in its own pthread. Locks: raw pthread mutexes: log.c's log_mutex (log_message / setup_logging /
# shutdown_logging), loop.c's loop_records_lock (the recent-connection loop detector) and stats.c's
# stats_update_lock / stats_file_lock (the statistics counters and the stats page).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake pkg-config; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && autoreconf -i)
cd "$BUILD"
CC=gcc "$SRC/configure" --enable-debug --enable-xtinyproxy --enable-filter --enable-upstream --enable-reverse \
  --enable-transparent --disable-manpage_support
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
