#!/bin/bash
# Usage: mydumper.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# mydumper / myloader, the parallel MySQL/MariaDB logical dump and restore tools: the dump worker threads and
# chunkers (integer / string / multicolumn chunk steps), the file handler and writer threads, the myloader
# loader / schema / index / post workers and their restore-job queues, plus the unit test. Debug build.
# Locks: GLib locks used directly, no wrappers: heap GMutex objects made by g_mutex_new() and taken with
# g_mutex_lock / g_mutex_unlock (per-chunk csi->mutex, per-table dbt->chunks_mutex, per-FIFO f->mutex held from
# myl_open to myl_close, global table / FIFO / schema mutexes, some used as start gates and barriers), GCond
# with g_cond_wait / g_cond_signal, and GAsyncQueue for hand-off between threads.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build pkg-config libmariadb-dev libglib2.0-dev libpcre2-dev zlib1g-dev libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
