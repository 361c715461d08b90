#!/bin/bash
# Usage: hashcat.sh SRC_DIR BUILD_DIR   (its own Makefile + bear; hashcat builds in the tree it runs from, so the
# source is copied into BUILD_DIR first)
# hashcat (hashcat/hashcat), the password recovery tool: the hashcat front end and its host library (src/*.c,
# with the brain client/server) and the bundled LZMA SDK and zlib/minizip; not the ~550 hash-mode modules or
# the bridges (`make hashcat` only), no unrar (C++), system xxHash. Locks: include/thread.h's
# hc_thread_mutex_lock / hc_thread_mutex_unlock macros over pthread_mutex_lock, given the mutex itself and
# taking its address (`pthread_mutex_lock (&m)`): status_ctx->mux_dispatcher / mux_counter / mux_display /
# mux_hwmon (dispatch.c, backend.c, status.c, monitor.c, hashes.c ...), brain.c's server-side mux_dbs /
# mux_hg / mux_hr / mux_ag (the hash and attack databases) and its static mux_display.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear libxxhash-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
make clean >/dev/null 2>&1 || true
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc ENABLE_UNRAR=0 USE_SYSTEM_XXHASH=1 hashcat
test -s "$BUILD/compile_commands.json"
