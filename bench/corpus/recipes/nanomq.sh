#!/bin/bash
# Usage: nanomq.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# NanoMQ, the MQTT broker for edge computing (nanomq commit c794c838, the newest whose pinned nng/ submodule
# commit, NanoNNG f2acbcf2, is in the mirror), with its bundled NanoNNG (nanomq's fork of nng; the sqlite3
# amalgamation is absent from the mirror, so NNG_ENABLE_SQLITE stays off): the broker (nanomq/), the client tools
# (nanomq_cli off), the webhook / REST / bridge / ACL code, NanoNNG's MQTT broker / client protocols and
# transports (TCP, TLS off, WS, IPC, inproc), its platform layer and HTTP. Debug build, no tests, no JWT.
# Locks: nng's nni_mtx_lock / nni_mtx_unlock (platform/posix over pthread_mutex, with nni_cv), nni_rwlock,
# NanoMQ's own pthread_mutex / pthread_rwlock uses (rest api, web hook, bridge, cache) and nng_mtx_lock in the
# broker code.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake ninja-build pkg-config; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DNNG_TESTS=OFF -DNNG_TOOLS=OFF -DNNG_ENABLE_NNGCAT=OFF -DNANOMQ_TESTS=OFF \
  -DENABLE_JWT=OFF -DBUILD_NANOMQ_CLI=OFF -DNNG_ENABLE_SQLITE=OFF -DNNG_ENABLE_TLS=OFF -DBUILD_CLIENT=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
