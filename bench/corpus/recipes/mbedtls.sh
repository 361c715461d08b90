#!/bin/bash
# Usage: mbedtls.sh SRC_DIR BUILD_DIR   (mbedtls-3.6 branch; framework/ submodule must be filled)
# Threading is enabled in a copy of the source tree (MBEDTLS_THREADING_C + MBEDTLS_THREADING_PTHREAD).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc python3 python3-jinja2 python3-jsonschema; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
mkdir -p "$BUILD/src"
cp -a "$SRC/." "$BUILD/src/"
cd "$BUILD/src"
python3 scripts/config.py set MBEDTLS_THREADING_C
python3 scripts/config.py set MBEDTLS_THREADING_PTHREAD
cmake -S "$BUILD/src" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DENABLE_TESTING=OFF -DENABLE_PROGRAMS=ON \
  -DMBEDTLS_FATAL_WARNINGS=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
