#!/bin/bash
# Usage: mosquitto.sh SRC_DIR BUILD_DIR
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc libssl-dev libcjson-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DWITH_TLS=ON -DWITH_TLS_PSK=ON -DWITH_EC=ON -DWITH_CJSON=ON -DWITH_THREADING=ON \
  -DWITH_SRV=OFF -DWITH_WEBSOCKETS=OFF -DWITH_DLT=OFF -DWITH_LIB_CPP=OFF -DDOCUMENTATION=OFF \
  -DWITH_CLIENTS=ON -DWITH_BROKER=ON -DWITH_APPS=ON -DWITH_PLUGINS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
