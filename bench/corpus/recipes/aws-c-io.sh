#!/bin/bash
# Usage: aws-c-io.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree; aws-c-common is built and installed first)
# aws-c-io, the AWS C SDK's I/O layer: the epoll event loop and event-loop group, the POSIX socket and
# socket channel handler, channels / channel bootstrap, the host resolver (default_host_resolver.c with its
# resolver threads), retry strategies (exponential backoff / standard retry token buckets), the s2n-less TLS
# channel handler stubs, PKCS#11, the async stream / future code, the shared library / pipe / stream helpers;
# tests not built (BUILD_TESTING=OFF). Its dependencies aws-c-common and aws-c-cal (with system OpenSSL
# libcrypto; commits recorded in projects_new.tsv) are built from SRC_DIR/../aws-c-common and
# SRC_DIR/../aws-c-cal and installed into BUILD_DIR/../aws-c-io-deps (their files are not in aws-c-io's
# compile database). BYO_CRYPTO is on (no s2n on Debian 12), so TLS is the
# stub. Locks: aws-c-common's aws_mutex_lock / aws_mutex_unlock (thin wrappers over pthread_mutex_lock /
# _unlock in aws-c-common's source, whose bodies are not in this database), aws_rw_lock_*, aws_condition_variable_*,
# plus aws-c-io's own s_lock_synced_data / s_unlock_synced_data style static helpers around them.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
DEPS=$(realpath -m "$BUILD/../aws-c-io-deps"); COMMON_SRC=$(realpath "$SRC/../aws-c-common"); CAL_SRC=$(realpath "$SRC/../aws-c-cal")
need=(); for p in gcc cmake ninja-build pkg-config libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc cmake -S "$COMMON_SRC" -B "$DEPS/build-aws-c-common" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_INSTALL_PREFIX="$DEPS" -DBUILD_TESTING=OFF -DBUILD_SHARED_LIBS=OFF
ninja -C "$DEPS/build-aws-c-common" -j2 install
CC=gcc cmake -S "$CAL_SRC" -B "$DEPS/build-aws-c-cal" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_INSTALL_PREFIX="$DEPS" -DCMAKE_PREFIX_PATH="$DEPS" -DBUILD_TESTING=OFF -DBUILD_SHARED_LIBS=OFF -DUSE_OPENSSL=ON
ninja -C "$DEPS/build-aws-c-cal" -j2 install
CC=gcc cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DCMAKE_PREFIX_PATH="$DEPS" -DBUILD_TESTING=OFF -DBYO_CRYPTO=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
