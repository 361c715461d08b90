#!/bin/bash
# Usage: czmq.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# CZMQ, the high-level C binding for ZeroMQ: libczmq (zsys, zactor, zsock, zpoller, zloop, zproxy, zbeacon,
# zauth, zmonitor, zgossip, zcert/zcertstore, zconfig, zhash/zhashx/zlist/zlistx, ...) with the DRAFT API on
# (ENABLE_DRAFTS: zhttp_client / zhttp_server / zproc / ztrie / zargs ...), uuid, systemd, lz4, libcurl and
# libmicrohttpd, shared + static, the zmakecert / zsp / test_randof tools and the czmq_selftest driver. Debug.
# Locks: zsys.c's ZMUTEX_LOCK / ZMUTEX_UNLOCK macros over pthread_mutex_lock / unlock on the process-global
# s_mutex (socket registry, log sender, global settings) and s_init_mutex (zsys_init), plus a few raw
# pthread_mutex calls; the rest of CZMQ serialises through actor pipes, not locks.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libzmq3-dev uuid-dev libsystemd-dev liblz4-dev libcurl4-openssl-dev \
  libmicrohttpd-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DENABLE_DRAFTS=ON -DCZMQ_WITH_UUID=ON -DCZMQ_WITH_SYSTEMD=ON \
  -DCZMQ_WITH_LZ4=ON -DCZMQ_WITH_LIBCURL=ON -DCZMQ_WITH_LIBMICROHTTPD=ON -DCZMQ_WITH_NSS=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
