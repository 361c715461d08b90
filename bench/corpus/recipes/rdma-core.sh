#!/bin/bash
# Usage: rdma-core.sh SRC_DIR BUILD_DIR   (cmake + ninja, out-of-tree; pyverbs and man pages disabled)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libnl-3-dev libnl-route-3-dev libudev-dev \
  libsystemd-dev linux-libc-dev valgrind; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DNO_PYVERBS=1 -DNO_MAN_PAGES=1 -DENABLE_RESOLVE_NEIGH=1
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
