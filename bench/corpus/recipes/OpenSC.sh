#!/bin/bash
# Usage: OpenSC.sh SRC_DIR BUILD_DIR   (autotools; source is copied to BUILD_DIR and bootstrapped there)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config gengetopt libpcsclite-dev libssl-dev \
  zlib1g-dev libreadline-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
./bootstrap
./configure CC=gcc --disable-doc --disable-man --disable-tests --disable-cmocka --disable-notify \
  --disable-strict --disable-fuzzing --disable-autostart-items
bear -- make -j2
test -s "$BUILD/compile_commands.json"
