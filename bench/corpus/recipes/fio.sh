#!/bin/bash
# Usage: fio.sh SRC_DIR BUILD_DIR   (out-of-tree: configure is run from BUILD_DIR)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear zlib1g-dev libaio-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
"$SRC/configure" --cc=gcc --disable-native --disable-lex \
  --disable-numa --disable-rdma --disable-rados --disable-rbd --disable-http --disable-gfapi \
  --disable-pmem --disable-xnvme --disable-isal --disable-libblkio --disable-libzbc \
  --disable-tcmalloc --disable-dfs
bear -- make -j2
test -s "$BUILD/compile_commands.json"
