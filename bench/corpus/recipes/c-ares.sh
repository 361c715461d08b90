#!/bin/bash
# Usage: c-ares.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Debug build, shared library, CARES_THREADS=ON (the default: pthread-backed ares_thread_mutex / cond, the
# channel lock taken by every public entry point, the event-thread and the server/connection state), tools
# (adig, ahost) on; the C++ googletest suite is left off (CARES_BUILD_TESTS=OFF), so every unit is C.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCARES_THREADS=ON -DCARES_SHARED=ON -DCARES_STATIC=OFF \
  -DCARES_BUILD_TOOLS=ON -DCARES_BUILD_TESTS=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
