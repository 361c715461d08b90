#!/bin/bash
# Usage: coturn.sh SRC_DIR BUILD_DIR
# Backends: SQLite, PostgreSQL, Redis (hiredis), Prometheus (microhttpd); MySQL/MongoDB off.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libssl-dev libevent-dev libsqlite3-dev libpq-dev libhiredis-dev libmicrohttpd-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DWITH_MYSQL=OFF -DBUILD_TESTING=OFF -DFUZZER=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
