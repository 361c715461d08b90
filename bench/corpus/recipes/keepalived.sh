#!/bin/bash
# Usage: keepalived.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; autogen.sh runs in SRC_DIR)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config autoconf automake libssl-dev libnl-3-dev libnl-genl-3-dev \
  libnl-route-3-dev libmnl-dev libnftnl-dev libmagic-dev libsystemd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./autogen.sh)
cd "$BUILD"
"$SRC/configure" --enable-bfd --enable-json
bear -- make -j2
test -s "$BUILD/compile_commands.json"
