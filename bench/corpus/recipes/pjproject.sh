#!/bin/bash
# Usage: pjproject.sh SRC_DIR BUILD_DIR   (autoconf "aconfigure" + GNU make; in-tree only, so SRC_DIR minus .git is
# copied into BUILD_DIR first and the compile database's paths point into BUILD_DIR; default configure, pthreads)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear pkg-config libssl-dev libasound2-dev uuid-dev libopus-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
./configure
bear -- make -j2
test -s "$BUILD/compile_commands.json"
