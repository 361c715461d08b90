#!/bin/bash
# Usage: userspace-rcu.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; bootstrap runs in SRC_DIR)
# Upstream default options (shared and static libraries, SMP support, compiler TLS): liburcu, liburcu-mb,
# -memb, -qsbr, -signal, -bp, -cds (rculfhash, lfstack, wfcqueue, ... with their pthread mutexes), the doc
# examples; then `make check TESTS=` so the test programs (benchmark: test_mutex, test_rwlock, test_urcu*,
# test_*queue/stack; regression; unit) are compiled but not run.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./bootstrap)
cd "$BUILD"
"$SRC/configure" CC=gcc CXX=g++
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
