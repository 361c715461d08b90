#!/bin/bash
# Usage: nbdkit.sh SRC_DIR BUILD_DIR   (autotools; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR)
# The server, every C plugin and filter whose library Debian 12 has (curl, ssh, nbd via Debian's libnbd-dev,
# gzip/zlib, xz/liblzma, zstd, ext2 via libext2fs, gnutls for TLS, selinux, linuxdisk, vddk), and the C test
# programs (make check TESTS=: compiled, not run; check-am still builds tests/disk with the linuxdisk plugin
# and qemu-img, hence qemu-utils). Off: the language plugins (perl, python, ocaml, rust, ruby,
# tcl, lua, golang), libguestfs, libvirt, libblkio, the C++ torrent plugin, man pages. Locks: the server's
# request/connection locks (server/locks.c: the plugin thread model's all_requests/serialize locks, the
# connection's request/read/write locks), the ACQUIRE_LOCK_FOR_CURRENT_SCOPE / ACQUIRE_RDLOCK_... cleanup-
# attribute macros (common/include/cleanup.h) used all over the filters (cache, cow, blocksize, readahead,
# rate, stats, multi-conn, retry, ...) and plugins (memory, sparse-random, curl's handle pool, nbd, vddk).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config perl libcurl4-gnutls-dev libssh-dev \
  libnbd-dev zlib1g-dev liblzma-dev libzstd-dev libext2fs-dev comerr-dev libgnutls28-dev libselinux1-dev \
  qemu-utils; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
autoreconf -i
./configure CC=gcc --disable-perl --disable-python --disable-ocaml --disable-rust --disable-ruby \
  --disable-tcl --disable-lua --disable-golang --disable-torrent --without-libguestfs --without-libvirt \
  --without-libblkio --without-manpages --with-curl --with-ssh --with-libnbd --with-zlib --with-liblzma \
  --with-libzstd --with-ext2 --with-gnutls --with-selinux
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
