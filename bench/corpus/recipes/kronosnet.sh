#!/bin/bash
# Usage: kronosnet.sh SRC_DIR BUILD_DIR   (autotools; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR; .tarball-version is written from `git describe`
# because build-aux/git-version-gen cannot see the .git it was copied without)
# libknet (the transport library of corosync 3) and libnozzle, with every crypto (nss, openssl, gcrypt) and
# compress (zlib, lz4, lzo2, lzma, bzip2, zstd) plugin on; man pages off (they need doxygen2man), the wireshark
# dissector off (it needs wireshark >= 4.6, Debian 12 has 4.0); unit and
# functional test programs compiled too (make check_PROGRAMS). Locks: the global rwlock global_rwlock that
# guards every handle, the per-thread tx/rx/heartbeat/pmtud/dst-link threads with their mutexes and conds
# (tx_mutex, hb_mutex, pmtud_mutex, kmtu_mutex, backoff_mutex, threads_status_mutex), the per-link locks,
# and libnozzle's global mutex.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libqb-dev libnss3-dev libssl-dev \
  libgcrypt20-dev zlib1g-dev liblz4-dev liblzo2-dev liblzma-dev libbz2-dev libzstd-dev libnl-3-dev \
  libnl-route-3-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
(git -C "$SRC" describe --tags 2>/dev/null || echo v1.99) | sed 's/^v//' > "$BUILD/.tarball-version"
cd "$BUILD"
./autogen.sh
./configure CC=gcc --enable-crypto-all --enable-compress-all --enable-libnozzle --disable-man \
  --disable-wireshark-dissector
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
