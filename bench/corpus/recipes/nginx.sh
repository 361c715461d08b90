#!/bin/bash
# Usage: nginx.sh SRC_DIR BUILD_DIR  -- in-tree build (nginx has no out-of-tree build)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
PKGS="libpcre2-dev zlib1g-dev libssl-dev"
missing=$(for p in $PKGS; do dpkg -s $p >/dev/null 2>&1 || echo $p; done)
[ -z "$missing" ] || { apt-get update; apt-get install -y --no-install-recommends $missing; }
cd "$SRC"
./auto/configure --with-threads --with-http_ssl_module --with-http_v2_module --with-stream --with-stream_ssl_module
bear --output "$BUILD/compile_commands.json" -- make -j2
