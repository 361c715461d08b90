#!/bin/bash
# Usage: libcoap.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree; the ext/tinydtls submodule is not needed: the
# DTLS back end is OpenSSL)
# libcoap 4.3 (obgm/libcoap): libcoap-3 with DTLS / TLS over OpenSSL, client, server and proxy code, OSCORE,
# observe persistence, epoll, TCP, IPv4 / IPv6 / AF_UNIX, WebSockets, async, Q-Block, the thread-safe build
# (ENABLE_THREAD_SAFE) with recursive-lock checking, the examples (coap-client, coap-server, coap-rd, oscore
# and proxy examples) and the CUnit tests. Debug build. Locks: the library's single global_lock, a
# coap_mutex_t (pthread mutex via coap_mutex_internal.h's coap_mutex_lock / _unlock) wrapped by
# coap_threadsafe.c's coap_lock_lock_func / coap_lock_unlock_func, which track the owning thread and the
# app-callback depth; the public API is coap_lock_lock(c, failed) ... coap_lock_unlock(c) macros around
# the *_lkd internal functions, and coap_lock_callback* macros keep it held across application call-backs.
# Also coap_mutex_lock on the PKCS#11 / OpenSSL and io-thread helpers.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libssl-dev libcunit1-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DENABLE_DTLS=ON -DDTLS_BACKEND=openssl -DUSE_VENDORED_TINYDTLS=OFF \
  -DENABLE_CLIENT_MODE=ON -DENABLE_SERVER_MODE=ON -DENABLE_PROXY_CODE=ON -DENABLE_OSCORE=ON \
  -DWITH_OBSERVE_PERSIST=ON -DWITH_EPOLL=ON -DENABLE_THREAD_SAFE=ON -DENABLE_THREAD_RECURSIVE_LOCK_CHECK=ON \
  -DENABLE_TCP=ON -DENABLE_IPV4=ON -DENABLE_IPV6=ON -DENABLE_AF_UNIX=ON -DENABLE_WS=ON -DENABLE_ASYNC=ON \
  -DENABLE_Q_BLOCK=ON -DENABLE_TESTS=ON -DENABLE_EXAMPLES=ON -DENABLE_DOCS=OFF -DWARNING_TO_ERROR=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
