#!/bin/bash
# Usage: mariadb-connector-c.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# MariaDB Connector/C (mariadb-corporation/mariadb-connector-c): libmariadb (shared + static) with OpenSSL TLS,
# external zlib, the dynamic plugins (auth: caching_sha2 / sha256 / ed25519 / dialog / gssapi; pvio; remote_io over
# curl; trace), mariadb_config and the unittest suite (built, not run). Debug build.
# Locks: raw pthread mutexes: ma_client_plugin.c's LOCK_load_client_plugin (the client-plugin list and dlopen),
# secure/openssl.c's LOCK_openssl_config (TLS library init / end / session context) and the legacy OpenSSL
# locking-callback array LOCK_crypto[], plus the threaded unit tests (unittest/libmariadb/thread.c, ssl.c).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libssl-dev zlib1g-dev libkrb5-dev libcurl4-openssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DWITH_SSL=OPENSSL -DWITH_EXTERNAL_ZLIB=ON -DWITH_CURL=ON -DWITH_UNIT_TESTS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
