#!/bin/bash
# Usage: bindfs.sh SRC_DIR BUILD_DIR   (autotools; source is copied to BUILD_DIR and bootstrapped there)
# bindfs, the FUSE bind-mount filesystem with permission / ownership remapping: bindfs.c (the FUSE ops),
# the usermap, permchain, userinfo cache (uid/gid lookup cache with its rwlock / mutex), arena, rate limiter,
# against libfuse3. Locks: raw pthread mutexes and pthread rwlocks (userinfo.c's cache_lock, the rate limiter's
# mutex, bindfs.c's optional serialisation mutex).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libfuse3-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
./autogen.sh
./configure CC=gcc
bear -- make -j2
test -s "$BUILD/compile_commands.json"
