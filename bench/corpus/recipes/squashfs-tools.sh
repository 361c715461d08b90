#!/bin/bash
# Usage: squashfs-tools.sh SRC_DIR BUILD_DIR   (plain make; in-tree only, so SRC_DIR minus .git is copied into
# BUILD_DIR first and the compile database's paths point into BUILD_DIR)
# mksquashfs and unsquashfs (squashfs-tools/Makefile, default target) with every compressor on that Debian ships
# (gzip, xz, lzo, lz4, zstd; LZMA_XZ_SUPPORT stays 0) and xattr support; man pages are not generated. Locks: raw
# pthread mutexes and condition variables: the caches, queues and sequential queues of caches-queues-lists.c (one
# mutex per cache/queue), mksquashfs's global fragment_mutex / pos_mutex / dup_mutex and the reader and fragment
# threads (reader.c, process_fragments.c), unsquashfs's cache and queue threads, the progress-bar thread's
# progress_mutex / size_mutex (progressbar.c), thread.c's thread table and virt_disk_pos.c.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear zlib1g-dev liblzma-dev liblzo2-dev liblz4-dev libzstd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD/squashfs-tools"
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc GZIP_SUPPORT=1 XZ_SUPPORT=1 LZO_SUPPORT=1 \
  LZ4_SUPPORT=1 ZSTD_SUPPORT=1 XATTR_SUPPORT=1 mksquashfs unsquashfs
test -s "$BUILD/compile_commands.json"
