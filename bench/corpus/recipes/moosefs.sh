#!/bin/bash
# Usage: moosefs.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, configure run from BUILD_DIR)
# MooseFS (moosefs/moosefs), the distributed file system: mfsmaster, mfsmetalogger, mfschunkserver, mfsmount
# (FUSE 3), mfsbdev, mfsnetdump and the tools (no Python CLI / CGI), debug build. Locks: raw pthread mutexes
# and condvars, mostly called as zassert(pthread_mutex_lock(&m)) (mfscommon/massert.h's zassert block macro
# evaluates its argument once and logs and abort()s on a non-zero result), some bare: the chunkserver's
# hddspacemgr.c (folderlock, dclock, hashlock, testlock ...) and bgjobs.c job pools, mfsmount's mfs_fuse.c,
# readdata.c / writedata.c (glock, inode locks), mastercomm.c (fdlock, rec->mutex ...), mfsioint.c,
# inoleng.c and dirattrcache.c, and mfscommon's squeue / pcqueue producer-consumer queues.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config zlib1g-dev libfuse3-dev libpcap-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
# configure and the automake output are checked in, made by another automake than Debian's; a fresh clone's
# timestamps then make `make` rerun that missing aclocal-1.xx, so regenerate them all once.
am=$(aclocal --version | head -1 | awk '{print $NF}')
grep -q "generated automatically by aclocal $am " "$SRC/aclocal.m4" || (cd "$SRC" && autoreconf -fi)
cd "$BUILD"
# configure.ac reads the build number from ./buildno.txt, relative to where configure runs
cp "$SRC/buildno.txt" "$BUILD/"
# the Python CLI / CGI scripts are not built out of tree (mfsscripts/Makefile looks for mfscli.py in .)
CC=gcc "$SRC/configure" --enable-debug --disable-mfsgui --disable-mfscli --disable-mfscgi
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
