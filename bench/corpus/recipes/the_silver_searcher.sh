#!/bin/bash
# Usage: the_silver_searcher.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, configure run from BUILD_DIR)
# The Silver Searcher (ag): the ag program with PCRE, zlib and lzma (xz) support. gcc 12 defaults to -fno-common,
# which ag's headers (tentative definitions in options.h / search.h) predate, so -fcommon is passed.
# Locks: raw pthread mutexes: search.c / main.c's work_queue_mtx (the directory-walk -> worker-thread file queue,
# with pthread_cond_wait on files_ready), print_mtx (serialises match output, also in log.c) and stats_mtx.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake pkg-config libpcre3-dev zlib1g-dev liblzma-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && autoreconf -i)
cd "$BUILD"
CC=gcc "$SRC/configure" CFLAGS="-g -O2 -fcommon"
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
