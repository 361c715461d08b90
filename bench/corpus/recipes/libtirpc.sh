#!/bin/bash
# Usage: libtirpc.sh SRC_DIR BUILD_DIR   (autotools, out of tree, bear for the compile db)
# libtirpc, transport-independent Sun RPC library, commit 5ca4ca92 (2020-07-29, just after
# 1.2.7-rc4: newest commit of the github mirror alisw/libtirpc; linux-nfs/libtirpc is not
# available here). Built with GSSAPI (krb5) and --disable-static so that libtool compiles
# every unit once (64 units, src/).
# Locks: pthread mutexes and rwlocks behind macros in tirpc/reentrant.h:
# mutex_lock/mutex_unlock (pthread_mutex_lock/unlock), rwlock_rdlock/rwlock_wrlock/
# rwlock_unlock, cond_wait/cond_signal; global locks defined in mt_misc.c: clnt_fd_lock
# (clnt_dg.c, clnt_vc.c, with per-fd fd_lock_t from clnt_fd_locks.h taken by cond_wait
# loops), ops_lock in each transport's *_ops() functions, tsd_lock, rpcsoc_lock (rpc_soc.c),
# nc_lock/nc_db_lock (getnetconfig), svcraw_lock/clntraw_lock, dupreq_lock, the rwlocks
# svc_fd_lock and rpcbaddr_cache_lock, and a dozen more single-use mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make autoconf automake libtool pkg-config bear libkrb5-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && sh autogen.sh)
cd "$BUILD"
CC=gcc CFLAGS="-g -O1" "$SRC/configure" --disable-static
bear -- make -j2 -k
test -s "$BUILD/compile_commands.json"
