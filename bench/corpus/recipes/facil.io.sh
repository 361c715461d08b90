#!/bin/bash
# Usage: facil.io.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# facil.io, the evented web-application framework: the reactor / thread pool / timers / pub-sub core (fio.c),
# the fiobj object system, the HTTP/1.1, websocket and redis-engine modules and the TLS stubs (the OpenSSL
# backend needs OpenSSL < 1.2, so it compiles to nothing on Debian 12). Debug build, pthreads.
# Locks: facil.io's own spinlocks, fio.h's fio_lock_i with the inline fio_lock / fio_trylock / fio_unlock
# (atomic exchange; fio_lock spins on fio_trylock), used for the per-connection, timer, task-queue, pub/sub
# channel and engine locks (fd_data(fd).protocol_lock / sock_lock, fio_timer_lock, fio_postoffice.*.lock, the
# memory allocator locks, the redis engine r->lock, ws->sub_lock); no pthread mutexes are used.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
