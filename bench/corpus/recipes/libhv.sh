#!/bin/bash
# Usage: libhv.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# libhv: the C event loop library (base/, event/, util/, ssl/ with OpenSSL, http/ client and server, mqtt/,
# protocol/), the C++ evpp layer (not analysed: only C units are), the examples (C and C++), shared library only
# (BUILD_STATIC=OFF, so no unit is compiled twice), Debug. Locks: libhv's own wrappers of base/hmutex.h
# (hmutex_lock / hmutex_unlock, hrecursive_mutex_*, hrwlock_*, hspinlock_*: macros over pthread_mutex_lock /
# pthread_rwlock_* / pthread_spin_* on Linux), used by the event loop's custom-event queue
# (loop->custom_events_mutex), the hloop/hio write queue (io->write_mutex), the MQTT client's mutex, the loggers
# (hlog.c logger->mutex_, nlog.c), the DNS config (hdns.c) and rudp.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc g++ libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DBUILD_SHARED=ON -DBUILD_STATIC=OFF -DBUILD_EXAMPLES=ON \
  -DWITH_OPENSSL=ON -DWITH_MQTT=ON -DWITH_PROTOCOL=ON -DWITH_EVPP=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
