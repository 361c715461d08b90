#!/bin/bash
# Usage: multipath-tools.sh SRC_DIR BUILD_DIR   (plain Makefile, in-tree: source is copied to BUILD_DIR)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config libdevmapper-dev libudev-dev libaio-dev liburcu-dev \
  libjson-c-dev libsystemd-dev libedit-dev libmount-dev libcmocka-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
bear -- make -j2 READLINE=libedit
test -s "$BUILD/compile_commands.json"
