#!/bin/bash
# Usage: monkey.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Monkey HTTP server, default configuration (plugins dirlisting and mandril, OpenSSL TLS, epoll event loop):
# mk_core, mk_server (scheduler and worker threads, FIFO channels, vhost file-descriptor table), the monkey
# binary and the api test programs. Debug build (MK_DEBUG). The other optional plugins (auth, cgi, cheetah,
# fastcgi, logger) no longer compile against the current headers and are left off.
# Locks: raw pthread mutexes, no wrappers: mk_scheduler.c's mutex_worker_exit and server->pth_mutex (worker
# start-up), mk_vhost.c's server->vhost_fdt_mutex, mk_fifo.c's ctx->mutex_init; the rest is per-thread state.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DMK_DEBUG=On
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
