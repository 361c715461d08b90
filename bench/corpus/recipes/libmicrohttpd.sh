#!/bin/bash
# Usage: libmicrohttpd.sh SRC_DIR BUILD_DIR   (out-of-tree: configure is run from BUILD_DIR)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libgnutls28-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && ./bootstrap)
cd "$BUILD"
CC=gcc "$SRC/configure" --with-threads=posix --enable-https --enable-messages \
  --disable-doc --disable-examples --disable-curl
bear -- make -j2
test -s "$BUILD/compile_commands.json"
