#!/bin/bash
# Usage: open62541.sh SRC_DIR BUILD_DIR
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc python3 libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DUA_MULTITHREADING=100 -DUA_ENABLE_ENCRYPTION=OPENSSL -DUA_ENABLE_DEBUG_SANITIZER=OFF \
  -DUA_BUILD_EXAMPLES=OFF -DUA_BUILD_TOOLS=OFF -DUA_BUILD_UNIT_TESTS=OFF -DUA_ENABLE_AMALGAMATION=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
