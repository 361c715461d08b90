#!/bin/bash
# Usage: erofs-utils.sh SRC_DIR BUILD_DIR   (autotools; source is copied to BUILD_DIR and bootstrapped there)
# erofs-utils: liberofs (compressors, inode/xattr/dedupe/blobchunk/tar/rebuild code, the workqueue and the
# multi-threaded compression), mkfs.erofs, fsck.erofs, dump.erofs and erofsfuse (libfuse3), with lz4, lzma,
# zlib/libdeflate, zstd and multithreading enabled. Locks: raw pthread mutexes / condition variables (the
# workqueue, the multithreaded compressor's queues, the per-sb / per-inode mutexes) behind include/erofs/lock.h's
# erofs_mutex_lock / erofs_mutex_unlock (#defined / inline over pthread_mutex_*), plus pthread_rwlock via
# erofs_rwsem.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config uuid-dev liblz4-dev liblzma-dev zlib1g-dev \
  libdeflate-dev libzstd-dev libfuse3-dev libselinux1-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
./autogen.sh
./configure CC=gcc --enable-lz4 --enable-lzma --enable-fuse --with-zlib --with-libdeflate --with-libzstd \
  --enable-multithreading --with-uuid --with-selinux
bear -- make -j2
test -s "$BUILD/compile_commands.json"
