#!/bin/bash
# Usage: libwebsockets.sh SRC_DIR BUILD_DIR
# Threading: LWS_MAX_SMP=32 (per-service-thread locking, as in the project's CI "smp" config),
# threadpool and async-queue on; test apps and minimal examples off.
# HTTP3/QUIC off: it forces the GnuTLS backend, which needs GnuTLS >= 3.8 (Debian 12 has 3.7); OpenSSL is used.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libssl-dev zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DLWS_MAX_SMP=32 -DLWS_WITH_THREADPOOL=ON -DLWS_WITH_ASYNC_QUEUE=ON \
  -DLWS_WITH_HTTP3=OFF -DLWS_WITH_GNUTLS=OFF \
  -DLWS_WITHOUT_TESTAPPS=ON -DLWS_WITH_MINIMAL_EXAMPLES=OFF -DLWS_WITH_STATIC=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
