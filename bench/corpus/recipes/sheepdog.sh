#!/bin/bash
# Usage: sheepdog.sh SRC_DIR BUILD_DIR   (autotools; in-tree only -- the VPATH build of lib/'s libsheepdog fails
# on its nm-generated version script -- so SRC_DIR minus .git is copied into BUILD_DIR first and the compile
# database's paths point into BUILD_DIR)
# Sheepdog (sheepdog/sheepdog, last commit 2018), the distributed block storage system for QEMU: the sheep
# daemon (object store, journal, recovery, the work queues, the corosync and local cluster drivers), the
# dog admin tool, sheepfs (FUSE), lib/ (libsd and libsheepdog) and the bundled
# isa-l erasure-code assembly (yasm). Off: shepherd (its default), zookeeper (cluster/zookeeper.c uses ZOO_PATCH_VERSION, gone from
# Debian 12's libzookeeper), http/nfs, --enable-debug (sockfd_cache.c's asserts name an undeclared isIO).
# Built -O0 -g with -fcommon (headers define sha1_* and globals without extern; gcc 12 defaults to
# -fno-common). Locks: include/util.h's inline wrappers over pthread: sd_mutex_lock / sd_mutex_trylock /
# sd_mutex_unlock (struct sd_mutex, EAGAIN retry loops, panic on error), sd_read_lock / sd_write_lock /
# sd_rw_unlock (struct sd_rw_lock), sd_cond_wait; the local cluster driver's process-shared mutexes
# (global_lock and per-id locks in mmap'ed files), the journal's jfile_lock / journal_commit_mutex (unlocked
# by the commit worker), plus liburcu.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config yasm liburcu-dev libcorosync-common-dev \
  libcpg-dev libcfg-dev libfuse-dev zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
[ -x configure ] || ./autogen.sh
CC=gcc CFLAGS="-g -O0 -fcommon" ./configure --enable-sheepfs
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
