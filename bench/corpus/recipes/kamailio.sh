#!/bin/bash
# Usage: kamailio.sh SRC_DIR BUILD_DIR   (cmake, out-of-tree build)
# Upstream default options: the kamailio core (TCP, TLS hooks, SCTP, f_malloc/q_malloc/tlsf, futex/pthread
# locking as cmake/lock_methods.cmake picks) plus the DEFAULT module group (the basic, extra, db, dbuid, devel
# and jsdt module lists, i.e. the modules with no external dependencies). Parser generated with bison/flex.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake make pkg-config bison flex libsctp-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
