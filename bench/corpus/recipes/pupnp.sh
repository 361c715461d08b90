#!/bin/bash
# Usage: pupnp.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# pupnp (libupnp), the Portable UPnP SDK: libupnp (SSDP discovery, SOAP control, GENA eventing, the
# miniserver / web server, HTTP client, the ThreadPool and TimerThread, the UpnpString / list / uri helpers),
# libixml, and the TV device / control point samples, with client and device APIs, IPv6, OpenSSL, shared
# libraries only, no gtest unit tests. Debug build. Locks: raw pthread mutexes / rwlocks under ithread.h's
# names (ithread_mutex_lock / ithread_rwlock_wrlock ... #defined to the pthread calls): upnpapi.h's
# HandleLock() / HandleReadLock() / HandleUnlock() macros over the global GlobalHndRWLock (with line-number
# tracing), the client subscription / SSDP / GENA code under it, the ThreadPool's mutex, TimerThread's mutex,
# the web server's and the samples' DeviceMutex / TVDevMutex.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake ninja-build pkg-config libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DBUILD_TESTING=OFF -DUPNP_BUILD_STATIC=OFF -DUPNP_BUILD_SHARED=ON \
  -DUPNP_BUILD_SAMPLES=ON -DUPNP_ENABLE_OPEN_SSL=ON -DUPNP_ENABLE_IPV6=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
