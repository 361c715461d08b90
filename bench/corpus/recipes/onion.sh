#!/bin/bash
# Usage: onion.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# libonion (davidmoreno/onion) HTTP server library, master HEAD de8ea938 (2022-09-05; the
# project has no release since v0.8 and master is what users build), default options with
# pthreads, GnuTLS, PAM, sqlite3/redis sessions, libxml2 (WebDAV), PNG/JPEG, systemd; the C++
# bindings and the Boehm GC examples are off (C only, libgc not needed). Library, tools,
# examples and tests are all built.
# Locks: raw pthread mutexes and rwlocks, no wrapper functions: onion->mutex / server->mutex
# and the static count_mtx in onion.c, dict->refmutex and the dict rwlock dict->lock in
# dict.c, p->mutex in poller.c (taken with pthread_mutex_trylock too; poller.c #defines the
# pthread calls to nothing when built without pthreads), onion_response_date_lock (rwlock) in
# response.c, and the macros onion_random_refcount_mutex_lock()/_unlock() in
# random-default.c / random-gnutls.c that expand to pthread_mutex_lock/unlock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build libgnutls28-dev libgcrypt20-dev libsqlite3-dev libhiredis-dev libxml2-dev libpam0g-dev libpng-dev libjpeg-dev libsystemd-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DONION_USE_BINDINGS_CPP=false -DONION_USE_GC=false
ninja -C "$BUILD" -j2 -k 0
test -s "$BUILD/compile_commands.json"
