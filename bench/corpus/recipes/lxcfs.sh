#!/bin/bash
# Usage: lxcfs.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# LXCFS (lxc/lxcfs), the FUSE file system that virtualises /proc and /sys for containers: the lxcfs daemon
# (libfuse3), liblxcfs.so and the tests (tests=true); no docs, no init scripts. Debug build. Locks: bindings.c's
# static mutex_lock / mutex_unlock wrappers (abort on error) and the store_lock / store_unlock pair over the
# pidns_store_mutex (the pid-namespace init-pid cache), lxcfs.c's users_lock / users_unlock over
# user_count_mutex (reload of liblxcfs), proc_cpuview.c's per-bucket pthread rwlocks of the cpuview hash table
# plus each node's mutex (taken under the bucket's read or write lock), and proc_fuse.c's per-entry lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in meson ninja-build gcc pkg-config libfuse3-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug -Dtests=true -Ddocs=false -Dinit-script=[] \
  -Dwith-init-script=none
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
