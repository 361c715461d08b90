#!/bin/bash
# Usage: qpid-proton.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Apache Qpid Proton, the C part: qpid-proton-core (AMQP 1.0 engine, codec, SASL, OpenSSL), qpid-proton-proactor
# (the epoll proactor: epoll.c, epoll_timer.c, epoll_raw_connection.c, the async name lookup), the separate TLS
# library (BUILD_TLS=ON), the C tools and examples; no language bindings (BUILD_BINDINGS empty, so no C++,
# Python, Ruby, Go), no tests, warnings not errors, Debug. Locks: the proactor's static inline lock() /
# unlock() wrappers of c/src/proactor/epoll-internal.h (pmutex: pthread_mutex_t) around the proactor's
# context mutexes (task->mutex), the eventfd / sched / timer / overflow mutexes, the raw connection and the
# listener locks, and the tls/ssl libraries' few pthread locks.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc g++ python3 libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DBUILD_BINDINGS= -DBUILD_TOOLS=ON -DBUILD_EXAMPLES=ON -DBUILD_TLS=ON \
  -DENABLE_WARNING_ERROR=OFF -DBUILD_TESTING=OFF -DENABLE_FUZZ_TESTING=OFF -DENABLE_BENCHMARKS=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
