#!/bin/bash
# Usage: c-blosc.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# C-Blosc 1.x (Blosc/c-blosc), the blocking, shuffling meta-compressor: the library with its bundled codecs
# (internal-complibs: LZ4, Zlib, Zstd; Snappy is off by default), the tests and the benchmarks. Debug build.
# Locks: raw pthread mutexes in blosc/blosc.c: the global_comp_mutex around the global context
# (blosc_compress / blosc_decompress / blosc_set_nthreads ...), and per-context count_mutex /
# count_threads_mutex that the worker threads (t_blosc) take to hand out blocks and to count themselves in and
# out, with the pthread barriers and condvars of the worker pool (WAIT_INIT / WAIT_FINISH macros).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DBUILD_TESTS=ON -DBUILD_BENCHMARKS=ON -DBUILD_FUZZERS=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
