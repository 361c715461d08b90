#!/bin/bash
# Usage: ntirpc.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# nfs-ganesha's TI-RPC library, branch next (the default branch; the snapshot's newest commit is from 2021). Debug
# build, RPCSEC_GSS on (Debian's libkrb5-dev / gssapi), RPC-over-RDMA on (rdma-core's librdmacm and libibverbs),
# no LTTng, no gperftools; the rpcping test program is built too. Locks: the wrappers of ntirpc/reentrant.h
# (mutex_lock / mutex_unlock / cond_wait are plain pthread macros, rwlock_rdlock / rwlock_wrlock / rwlock_unlock
# abort on error; mutex_init makes adaptive mutexes) and raw pthread calls: the duplex transport locks
# (rpc_dplx_internal.h: rpc_dplx_rli/rui and friends, svc_xprt_lookup returns holding one), the per-request wait
# mutex of struct clnt_req (locked by clnt_req_fill, released when the last reference goes), the svc_rqst
# event-channel locks, the work pool's queue locks, the ioq send queue, the transport tree's partition rwlocks
# (svc_xprt.c), the GSS context cache, the raw transports' global locks (mt_misc.c) and the RDMA transport's
# locks.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libkrb5-dev libibverbs-dev librdmacm-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DUSE_GSS=ON -DUSE_RPC_RDMA=ON -DUSE_LTTNG=OFF -DUSE_PROFILE=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
