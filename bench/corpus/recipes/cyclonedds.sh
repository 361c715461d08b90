#!/bin/bash
# Usage: cyclonedds.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Eclipse Cyclone DDS: the ddsc library (core/ddsi protocol stack, the dds API layer, ddsrt runtime), the
# DDS security plugins (authentication, access control, cryptographic; OpenSSL), the idl compiler (idlc +
# libidl), ddsperf; no tests, no examples, no iceoryx shared memory, no LTO. Debug build. Locks: the ddsrt
# wrappers of src/ddsrt/include/dds/ddsrt/sync.h (ddsrt_mutex_lock / ddsrt_mutex_unlock, ddsrt_rwlock_read /
# _write / _unlock, ddsrt_cond_*: functions defined in src/ddsrt/src/sync/posix/sync.c around pthread), used for
# entity locks (dds_entity_lock / dds_entity_unlock / dds_entity_pin, e->m_mutex, m_observers_lock), the
# ddsi domain locks (gv->lock, spdp/participant-set/proxy-entity locks, the writer's wr->e.lock, the whc lock),
# the thread-state and the security plugins' own locks.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc bison libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DBUILD_TESTING=OFF -DBUILD_EXAMPLES=OFF -DENABLE_LTO=OFF \
  -DENABLE_SSL=ON -DENABLE_SECURITY=ON -DENABLE_SHM=OFF -DENABLE_ICEORYX=OFF -DBUILD_IDLC=ON -DBUILD_DDSPERF=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
