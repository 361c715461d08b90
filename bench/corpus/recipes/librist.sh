#!/bin/bash
# Usage: librist.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# librist, the Reliable Internet Stream Transport library (from the GitHub mirror nanake/librist of
# code.videolan.org/rist/librist): the sender / receiver peer code, flows, buffers, the logging, the udpsocket
# and the mbedTLS-backed PSK / SRP crypto, plus the tools (ristsender, ristreceiver, rist2rist, ristsrppasswd),
# shared library, no tests, no wrap downloads (system cJSON and mbedTLS). Locks: raw pthread mutexes and
# pthread rwlocks under librist's portable names (pthread-shim for Windows, on Linux the real pthread_*):
# ctx->peerlist_lock, the flow mutexes, the logging lock, the stats / buffer locks.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config libmbedtls-dev libcjson-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc meson setup "$BUILD" "$SRC" --wrap-mode=nodownload --buildtype=debug -Dtest=false -Dbuilt_tools=true \
  -Duse_mbedtls=true -Dbuiltin_cjson=false -Dbuiltin_mbedtls=false
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
