#!/bin/bash
# Usage: btrfs-progs.sh SRC_DIR BUILD_DIR   (autotools + plain Makefile, in tree; bear writes the db into BUILD_DIR)
# btrfs-progs, tag v6.17.1: btrfs, mkfs.btrfs, btrfs-convert (ext2 only;
# no reiserfs lib in Debian 12), btrfs-image, libbtrfs, libbtrfsutil, the
# small tools; no documentation, no python bindings. The build system does
# not support out-of-tree builds, so objects land in SRC; the snapshot lacks
# the test images (sparse checkout without tests/**/*.img|*.xz|*.raw).
# Locks: raw pthread mutexes, no wrappers, in image/image-create.c and
# image-restore.c (btrfs-image compression workers: mutex + condvar),
# cmds/scrub.c (progress mutex), cmds/rescue-chunk-recover.c (per-device
# scan threads), convert/main.c and convert/source-ext2.c (progress/task
# counters). The kernel-shared/ code keeps the kernel's mutex_lock/
# mutex_unlock, spin_lock/spin_unlock(_irqsave) and down_read/up_read calls,
# which include/kerncompat.h defines as single-threaded counter stand-ins
# (static inline, same names as the kernel API).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake pkg-config uuid-dev libblkid-dev zlib1g-dev libzstd-dev liblzo2-dev libudev-dev libext2fs-dev e2fslibs-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
[ -x configure ] || ./autogen.sh
./configure CC=gcc CFLAGS="-O0 -g0" --disable-documentation --with-convert=ext2 --disable-python
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
