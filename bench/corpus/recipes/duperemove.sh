#!/bin/bash
# Usage: duperemove.sh SRC_DIR BUILD_DIR   (plain make + bear; the Makefile builds in the source tree, so the
# source is copied into BUILD_DIR first)
# duperemove (markfasheh/duperemove), the extent-based deduplication tool for btrfs/xfs: duperemove,
# hashstats, btrfs-extent-same and csum-test. Locks: GLib's GMutex (g_mutex_lock / g_mutex_unlock) around its
# GThreadPool workers: dbfile.c's io_mutex behind the dbfile_lock() / dbfile_unlock() helpers (the sqlite
# handle and its transactions, also taken from file_scan.c and run_dedupe.c), results-tree.c's res->tree_mutex
# and per-extent dext->de_mutex, run_dedupe.c's mutex / console_mutex / dedupe_counts_mutex, filerec.c's
# filerec_fd_mutex, progress.c's pscan.mutex and threads.c's pool->mutex.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config libglib2.0-dev libsqlite3-dev libblkid-dev libmount-dev uuid-dev \
  libbsd-dev libxxhash-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
make clean >/dev/null 2>&1 || true
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc
test -s "$BUILD/compile_commands.json"
