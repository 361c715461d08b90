#!/bin/bash
# Usage: librdkafka.sh SRC_DIR BUILD_DIR   (cmake, out-of-tree build)
# Options: SSL (OpenSSL), SASL (cyrus + SCRAM/OAUTHBEARER/OIDC via curl), zlib, zstd, external lz4,
# plugins (libdl); pthreads are always used (tinycthread wrapper). C++ binding, examples and tests built too.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake make pkg-config libssl-dev libsasl2-dev zlib1g-dev libzstd-dev liblz4-dev \
  libcurl4-openssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DWITH_SSL=ON -DWITH_SASL=ON -DWITH_ZLIB=ON -DWITH_ZSTD=ON -DWITH_CURL=ON -DENABLE_LZ4_EXT=ON \
  -DWITH_PLUGINS=ON -DRDKAFKA_BUILD_EXAMPLES=ON -DRDKAFKA_BUILD_TESTS=ON
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
