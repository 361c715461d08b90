#!/bin/bash
# Usage: mongo-c-driver.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Debug build of libbson + libmongoc (static only: the test suite needs it), TLS via OpenSSL, SASL via Cyrus,
# system zlib, snappy and zstd, client-side encryption off (libmongocrypt is not in Debian 12), tests and examples
# on (the test programs are listed in the compile database but not built by `ninja all`; the test suite's mock
# server and its many multi-threaded tests are C; a few header-check units are C++). Locks: the bson_mutex_t /
# bson_shared_mutex_t wrappers (pthread mutex / rwlock behind inline functions and macros in
# common-thread-private.h): the client pool's mutex and cond, the topology's tpld_modification_mtx (taken by
# mc_tpld_modify_begin and released by mc_tpld_modify_commit/drop; readers use an atomic shared pointer) and its
# srv_polling_mtx, the server monitors' shared mutex and cond, the topology-scanner's and background monitoring
# threads' locks, the thread-safe pool (mongoc-ts-pool.c), the OpenSSL/OCSP-cache/handshake/log globals and the
# AWS credential cache lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libssl-dev libsasl2-dev zlib1g-dev libsnappy-dev \
  libzstd-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DENABLE_SHARED=OFF -DENABLE_STATIC=BUILD_ONLY -DENABLE_SSL=OPENSSL \
  -DENABLE_SASL=CYRUS -DENABLE_ZLIB=SYSTEM -DENABLE_SNAPPY=ON -DENABLE_ZSTD=ON \
  -DENABLE_CLIENT_SIDE_ENCRYPTION=OFF -DENABLE_TESTS=ON -DENABLE_EXAMPLES=ON -DBUILD_VERSION=2.6.0-dev
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
