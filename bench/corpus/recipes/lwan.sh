#!/bin/bash
# Usage: lwan.sh SRC_DIR BUILD_DIR   (cmake, out-of-tree build)
# Upstream default options (Debug build type, as lwan defaults to): liblwan, the lwan server, testrunner, the tools
# (mimegen, bin2hex, configdump, ...) and every sample (freegeoip, techempower with SQLite and MariaDB, websocket,
# pastebin, smolsite, ...), Lua 5.4 handler, libdeflate, brotli and zstd; no TLS (ENABLE_TLS is OFF upstream),
# system malloc. Locks: pthread mutexes and rwlocks (job thread, cache, pub/sub).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake make pkg-config python3 libdeflate-dev zlib1g-dev liblua5.4-dev libbrotli-dev \
  libzstd-dev libsqlite3-dev libmariadb-dev valgrind; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
