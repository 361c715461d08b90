#!/bin/bash
# Usage: nats.c.sh SRC_DIR BUILD_DIR   (cmake, out-of-tree build)
# Upstream default options (TLS with OpenSSL, static and shared library, examples, the test program through
# CTest's BUILD_TESTING) plus NATS Streaming (stan/, protobuf-c) and the libuv and libevent adapter examples.
# Locks: natsMutex (pthread) per connection, subscription, JetStream context, KV and object store, the
# library's global lock and timers' and async callbacks' threads; the spin option is at its default (on).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake make pkg-config libssl-dev libprotobuf-c-dev libuv1-dev libevent-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DNATS_BUILD_STREAMING=ON -DNATS_BUILD_LIBUV_EXAMPLE=ON -DNATS_BUILD_LIBEVENT_EXAMPLE=ON
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
