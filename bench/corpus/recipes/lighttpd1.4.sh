#!/bin/bash
# Usage: lighttpd1.4.sh SRC_DIR BUILD_DIR
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libpcre2-dev zlib1g-dev libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DWITH_PCRE2=ON -DWITH_ZLIB=ON -DWITH_OPENSSL=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
