#!/bin/bash
# Usage: fluent-bit.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Fluent Bit (fluent/fluent-bit), the log / metrics / traces processor and forwarder: the fluent-bit binary
# with its default input, filter, processor and output plugins, TLS (OpenSSL), the HTTP server, YAML configs,
# and the bundled libraries it compiles (monkey, chunkio, cmetrics, ctraces, cprofiles, cfl, c-ares, nghttp2,
# onigmo, msgpack-c, mpack, zstd, snappy, miniz, jansson, yyjson, libmaxminddb, libbacktrace...). Off: WASM
# (WAMR), Kafka (librdkafka is a corpus project of its own), LuaJIT, Zig, the Go proxy, simdutf (its AVX2 C++
# does not build with gcc 12) and with it the Unicode encoder, examples, the shared library; SQLite comes
# from Debian (the amalgamation's sqlite3.c is over the snapshot size limit, so it may be missing from
# SRC_DIR). Debug build. Locks: raw pthread mutexes (the input / output thread and instance mutexes, chunk
# trace's chunk_trace_lock and pipeline lock, the processor / log / ring-buffer / downstream locks, flb_lock.c's
# flb_lock_acquire / flb_lock_release retry wrappers, plugin-local mutexes in out_loki, out_splunk,
# filter_kubernetes, filter_throttle, out_azure_blob...), c-ares' ares_thread_mutex_lock / _unlock, and the
# out_s3 / out_azure_blob / out_azure_kusto "file lock" helpers (s3_store_file_lock / _unlock and friends:
# void functions in another file that set or clear a `locked` busy flag on a buffered file).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc g++ pkg-config flex bison libssl-dev libyaml-dev libsqlite3-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc CXX=g++ cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DFLB_WASM=Off -DFLB_KAFKA=Off -DFLB_ZIG=Off -DFLB_LUAJIT=Off -DFLB_EXAMPLES=Off -DFLB_SHARED_LIB=Off \
  -DFLB_PROXY_GO=Off -DFLB_USE_SIMDUTF=No -DFLB_UNICODE_ENCODER=No -DFLB_PREFER_SYSTEM_LIB_SQLITE=On
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
