#!/bin/bash
# Usage: h2o.sh SRC_DIR BUILD_DIR   (cmake, out-of-tree build; h2o no longer tags releases, so master is used)
# Upstream default options with Debian's OpenSSL, zlib, libuv (libh2o), wslay, brotli, zstd, libcap, liburing,
# libyaml; DTrace probes on (systemtap-sdt-dev). mruby off (it needs ruby, not installed). Default `all` target:
# the h2o server, libh2o and libh2o-evloop, bundled picotls/quicly and the other deps/.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake make pkg-config libssl-dev zlib1g-dev libuv1-dev libwslay-dev libbrotli-dev \
  libzstd-dev libcap-dev liburing-dev libyaml-dev systemtap-sdt-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DWITH_MRUBY=OFF
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
