#!/bin/bash
# Usage: nng.sh SRC_DIR BUILD_DIR
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DBUILD_SHARED_LIBS=ON -DNNG_TESTS=OFF -DNNG_TOOLS=ON -DNNG_ENABLE_NNGCAT=ON \
  -DNNG_ENABLE_TLS=OFF -DNNG_ENABLE_STATS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
