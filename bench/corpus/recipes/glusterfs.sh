#!/bin/bash
# Usage: glusterfs.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; ./autogen.sh runs in SRC_DIR)
# Everything default-on is kept (server, FUSE client with bundled fuse-lib, io_uring, events,
# geo-replication, xml output, cloudsync). Additionally enabled: the legacy gNFS server xlator
# (--enable-gnfs). Not enabled: the optional metadata-dispersal xlator (--enable-metadisp) -- it is
# bit-rotten upstream (metadisp.h lacks loc_t, build_backend_loc undeclared -> compile errors).
# --disable-lto: only drops -flto from CFLAGS/LDFLAGS (LTO links are very slow on 2 cores); no code lost.
# --without-tcmalloc: the default links tcmalloc and *compiles out* gluster's own mem-pool code
# (GF_DISABLE_MEMPOOL); without it the mem-pool (lock-heavy) code is built. Unit tests (cmocka)
# are only built by "make check", so they are not in compile_commands.json.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config autoconf automake libtool flex bison rpcsvc-proto openssl \
  python3 python3-dev uuid-dev libacl1-dev libssl-dev libxml2-dev liburcu-dev libaio-dev libreadline-dev \
  zlib1g-dev libtirpc-dev libxxhash-dev liburing-dev libcurl4-openssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./autogen.sh)
cd "$BUILD"
"$SRC/configure" --without-tcmalloc --enable-gnfs --disable-lto
bear -- make -j2
test -s "$BUILD/compile_commands.json"
