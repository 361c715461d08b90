#!/bin/bash
# Usage: jemalloc.sh SRC_DIR BUILD_DIR  -- out-of-tree autoconf build (library only)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
PKGS="autoconf make gcc"
missing=$(for p in $PKGS; do dpkg -s $p >/dev/null 2>&1 || echo $p; done)
[ -z "$missing" ] || { apt-get update; apt-get install -y --no-install-recommends $missing; }
cd "$SRC"
[ -x configure ] || autoconf
cd "$BUILD"
"$SRC/configure" --disable-cxx
bear --output "$BUILD/compile_commands.json" -- make -j2
