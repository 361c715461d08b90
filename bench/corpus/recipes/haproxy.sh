#!/bin/bash
# Usage: haproxy.sh SRC_DIR BUILD_DIR   (plain Makefile, in-tree: source is copied to BUILD_DIR)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config libssl-dev libpcre2-dev zlib1g-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
bear -- make -j2 TARGET=linux-glibc USE_THREAD=1 USE_OPENSSL=1 USE_PCRE2=1 USE_ZLIB=1
test -s "$BUILD/compile_commands.json"
