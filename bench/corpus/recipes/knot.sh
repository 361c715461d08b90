#!/bin/bash
# Usage: knot.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; autoreconf runs in SRC_DIR)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config autoconf automake libtool liburcu-dev libgnutls28-dev \
  liblmdb-dev libedit-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && autoreconf -fi)
cd "$BUILD"
"$SRC/configure" --disable-documentation --disable-static
bear -- make -j2
test -s "$BUILD/compile_commands.json"
