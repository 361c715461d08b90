#!/bin/bash
# Usage: libgit2.sh SRC_DIR BUILD_DIR
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libssl-dev zlib1g-dev libpcre2-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DBUILD_TESTS=OFF -DBUILD_CLI=ON -DBUILD_EXAMPLES=OFF -DBUILD_FUZZERS=OFF -DBUILD_BENCHMARKS=OFF \
  -DUSE_THREADS=ON -DUSE_SSH=OFF -DUSE_HTTPS=OpenSSL -DUSE_AUTH_NEGOTIATE=OFF \
  -DUSE_REGEX=pcre2 -DUSE_COMPRESSION=zlib -DUSE_HTTP_PARSER=builtin
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
