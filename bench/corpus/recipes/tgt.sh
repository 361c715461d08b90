#!/bin/bash
# Usage: tgt.sh SRC_DIR BUILD_DIR   (plain make; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR)
# The Linux SCSI target framework (tgtd, tgtadm, tgtimg): `make programs` with every optional part on: iSER
# (ISCSI_RDMA=1, rdma-core's libibverbs/librdmacm), the rbd and glusterfs backing-store modules (CEPH_RBD=1,
# GLFS_BD=1) and systemd notification (SD_NOTIFY=1). The aio backing store stays out: usr/Makefile tests for
# /usr/include/sys/eventfd.h, which Debian keeps under the multiarch include directory. Docs (xsltproc) are not
# built. Locks: few and raw pthread: the backing-store worker pool in bs.c / bs_thread.h (per-pool pending_lock
# and its condition variable shared by tgtd and the worker threads, the global finished_lock around the completion
# list and its pipe/signalfd wakeup) and the sheepdog backing store's inode_version_mutex and inflight_list_mutex
# (bs_sheepdog.c); the daemon's event loop itself is single-threaded.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear libaio-dev libibverbs-dev librdmacm-dev librbd-dev libglusterfs-dev \
  libsystemd-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc ISCSI_RDMA=1 CEPH_RBD=1 GLFS_BD=1 SD_NOTIFY=1 \
  programs
test -s "$BUILD/compile_commands.json"
