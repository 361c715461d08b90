#!/bin/bash
# Usage: open-vm-tools.sh SRC_DIR BUILD_DIR   (autotools in SRC_DIR/open-vm-tools: autoreconf there, configure run
# from BUILD_DIR, make under bear)
# open-vm-tools (vmware/open-vm-tools), the VMware guest tools: vmtoolsd and its plugins, the lib/ convenience
# libraries, hgfsclient / vmhgfs-fuse and vmblock-fuse (FUSE 3), VGAuth (OpenSSL, xmlsec1, PAM), deploypkg
# (libmspack), rpcgen over libtirpc; no X11 / GTK user tools, no containerinfo (gRPC, C++), no kernel modules, no
# resolutionKMS, no docs. Locks: lib/lock's MXUser locks (MXUser_AcquireExclLock / ReleaseExclLock /
# AcquireRecLock / AcquireForRead / AcquireForWrite, out of line over pthread mutexes and rwlocks, lib/lock/ulRW.c
# and ulInt.h), glib's GMutex / GRecMutex in vmtoolsd and its plugins, and raw pthread mutexes / rwlocks in
# vmhgfs-fuse (request.c, transport.c, cache.c, bdhandler.c) and vmblock-fuse.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool pkg-config libglib2.0-dev libmspack-dev libfuse3-dev \
  libpam0g-dev libssl-dev libxmlsec1-dev libxml2-dev libtirpc-dev rpcsvc-proto libudev-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/open-vm-tools/configure" ] || (cd "$SRC/open-vm-tools" && autoreconf -i)
cd "$BUILD"
CC=gcc CXX=g++ "$SRC/open-vm-tools/configure" --without-x --without-kernel-modules --disable-containerinfo \
  --disable-resolutionkms --disable-docs --without-icu --with-fuse=fuse3
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
