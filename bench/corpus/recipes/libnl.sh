#!/bin/bash
# Usage: libnl.sh SRC_DIR BUILD_DIR   (autotools: autogen.sh in SRC_DIR, configure run from BUILD_DIR)
# libnl (thom311/libnl), the netlink protocol library suite: libnl-3, -route-3, -genl-3, -nf-3, -idiag-3, -xfrm-3,
# -cli-3, the nl-* / genl-* / nf-* command-line tools, and the check programs (`make check TESTS=` builds them and
# runs none; the unit tests use the check library), with pthreads (--enable-pthreads, the default). Locks: the
# static inline wrappers of include/base/nl-base-utils.h, nl_lock / nl_unlock over pthread_mutex_lock and
# nl_read_lock / nl_read_unlock / nl_write_lock / nl_write_unlock over pthread_rwlock_*, on file-static locks:
# cache_mngt.c's cache_ops_lock (the registry of cache operations), route/link/api.c's info_lock (link info / af
# ops), socket.c's port_map_lock (local port allocation) and utils.c's locks.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config bison flex check; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && ./autogen.sh)
cd "$BUILD"
CC=gcc "$SRC/configure" --enable-pthreads --enable-cli=yes
bear --output "$BUILD/compile_commands.json" -- make -j2 all check TESTS=
test -s "$BUILD/compile_commands.json"
