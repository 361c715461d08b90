#!/bin/bash
# Usage: openpmix.sh SRC_DIR BUILD_DIR   (autotools via autogen.pl; source copied to BUILD_DIR and bootstrapped there)
# OpenPMIx, the Process Management Interface for Exascale reference library: libpmix (client / server / tool
# APIs, the progress threads, the MCA frameworks and components: bfrops, gds, plog, pnet, preg, psec, psensor,
# pshmem, ptl, ...), the pmix_info / palloc / pattrs / pevent / pps / pquery tools (src/ only, not test/); against system libevent
# and hwloc, config/oac submodule at the oac mirror's HEAD (pinned commit not in the mirror), no man pages / docs,
# no python bindings. Debug build. Locks: pmix_mutex_t / PMIX_ACQUIRE_THREAD / PMIX_RELEASE_THREAD / pmix_lock_t
# (PMIX_WAIT_THREAD / PMIX_WAKEUP_THREAD) over pthread mutexes and condition variables in
# src/threads/pmix_threads.h / pmix_mutex.h, plus raw pthread_mutex in a few components.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool flex perl python3 pkg-config libevent-dev libhwloc-dev \
  zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
# the copied checkout has config/oac as a plain clone, not a registered submodule: drop .git so that
# autogen.pl does not run "git submodule status" and call it missing
rm -rf "$BUILD/.git"
./autogen.pl
./configure CC=gcc --enable-debug --disable-man-pages --disable-python-bindings --with-libevent --with-hwloc \
  --disable-werror
# only src/ (the library, its MCA components, the tools): test/util/convert.c does not compile on
# Debian 12 (asprintf without _GNU_SOURCE under the -Werror=implicit-function-declaration that configure adds)
bear -- make -j2 -C src
test -s "$BUILD/compile_commands.json"
