#!/bin/bash
# Usage: zyre.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# zyre, the ZeroMQ proximity-based peer-to-peer framework: the zyre node actor, peers, groups, beacon /
# gossip discovery, the zyre API and the perf / selftest programs. Debug build.
# Locks: none of its own — all concurrency goes through CZMQ actors (zactor / zsock message passing between
# threads); no pthread / zmutex calls in src/ or include/.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build libczmq-dev libzmq3-dev uuid-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
