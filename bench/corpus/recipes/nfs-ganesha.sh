#!/bin/bash
# Usage: nfs-ganesha.sh SRC_DIR BUILD_DIR   (cmake + ninja on SRC_DIR/src, out of tree)
# The NFS-Ganesha user-space NFS server at tag V4.3 (5e14815e): the default branch's head (V6.2+) pins a libntirpc
# submodule commit (ddb9ccc0, 2024) that the nfs-ganesha/ntirpc mirror does not hold (its newest commit is from
# 2021), so this builds the release whose ntirpc Debian 12 ships (libntirpc-dev 4.3, USE_SYSTEM_NTIRPC=ON). Debug
# build; the daemon core (MainNFSD, SAL state/lock/delegation code, MDCACHE stackable FSAL, FSAL_UP, NFSv3/v4/9P
# protocol handlers, NLM, RQUOTA, idmapper, config parsing, log, DBUS admin), FSALs VFS (no XFS handles), MEM, NULL,
# PROXY_V3 and PROXY_V4; CEPH, RGW, GLUSTER, GPFS, LUSTRE, LIZARDFS and KVSFS off (no Debian libraries or not
# wanted); nfsidmap, LTTng, man pages and the GUI admin tools off. Locks: the PTHREAD_MUTEX_lock / _unlock and
# PTHREAD_RWLOCK_rdlock / _wrlock / _unlock macros of include/common_utils.h (pthread calls that log and abort on
# error), used everywhere: per-object obj_lock / content_lock / state_lock of MDCACHE entries, the client-id and
# state hash tables (hashtable.c partition rwlocks), export_lock, the NLM/SAL lock lists (blocked_locks_mutex,
# all_locks), the DBUS, the fridge thread pools and the duplicate request cache (nfs_dupreq.c).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config bison flex libntirpc-dev libkrb5-dev liburcu-dev libcap-dev \
  libblkid-dev uuid-dev libacl1-dev libdbus-1-dev libsystemd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC/src" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DUSE_SYSTEM_NTIRPC=ON -DUSE_FSAL_CEPH=OFF -DUSE_FSAL_RGW=OFF \
  -DUSE_FSAL_GLUSTER=OFF -DUSE_FSAL_GPFS=OFF -DUSE_FSAL_LUSTRE=OFF -DUSE_FSAL_LIZARDFS=OFF -DUSE_FSAL_KVSFS=OFF \
  -DUSE_FSAL_XFS=OFF -DUSE_NFSIDMAP=OFF -DUSE_LTTNG=OFF -DUSE_MAN_PAGE=OFF -DUSE_GUI_ADMIN_TOOLS=OFF \
  -DUSE_RADOS_RECOV=OFF -DRADOS_URLS=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
