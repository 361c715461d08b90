#!/bin/bash
# Usage: libfuse.sh SRC_DIR BUILD_DIR   (meson, out of tree; compile_commands.json written by meson)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in meson ninja-build gcc g++ pkg-config liburing-dev libudev-dev libsystemd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug \
  -Dutils=true -Dexamples=true -Dtests=true -Denable-io-uring=true -Duseroot=false
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
