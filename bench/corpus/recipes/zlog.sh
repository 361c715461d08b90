#!/bin/bash
# Usage: zlog.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Upstream defaults (Need_THREAD: -pthread; shared + static libzlog, zlog-chk-conf); Debug build, plus
# -DUNIT_TEST=ON so the test programs (several multi-threaded: test_mdc, test_bitmap, ...) are compiled too.
# Locks: zlog's global rwlock (zlog_env_lock) around every logging call, the per-thread/category tables,
# the rotater's pthread mutex plus its lock file, and the consumer/fifo threads of the async writer.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DUNIT_TEST=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
