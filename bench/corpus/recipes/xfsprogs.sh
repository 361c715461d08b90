#!/bin/bash
# Usage: xfsprogs.sh SRC_DIR BUILD_DIR   (autoconf + xfsprogs' own make system; in-tree only, so SRC_DIR minus .git
# is copied into BUILD_DIR first and the compile database's paths point into BUILD_DIR)
# NOTE: the official tree (git.kernel.org fs/xfs/xfsprogs-dev) has no GitHub mirror here; the commit is the
# for-next branch of alberand/xfsprogs, the maintainer's (Andrey Albershteyn) tree: v6.10.1 plus eight fixes.
# Upstream default options: shared libraries, gettext, xfs_scrub (with libicu), libinih, liburcu; plus
# --enable-editline. Locks: libxfs's buffer cache and libfrog's workqueues (pthread mutexes), xfs_repair's
# per-AG locks and prefetch, xfs_scrub's thread pools, liburcu in the transaction code; builds every tool
# (mkfs, db, repair, io, quota, spaceman, scrub, growfs, copy, fsr, mdrestore, ...).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config gettext uuid-dev libblkid-dev \
  libinih-dev liburcu-dev libicu-dev libedit-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
make configure
./configure CC=gcc --enable-editline=yes
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
