#!/bin/bash
# Usage: sysrepo.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# sysrepo at v2.2.36, the newest release whose libyang requirement (2.1.24, soversion 2.28.5) Debian 12's
# libyang2-dev 2.1.30 meets (later tags and master need libyang >= 2.1.52 ... 5.x): libsysrepo (shared), the
# sysrepoctl / sysrepocfg / sysrepo-plugind tools and the bundled plugins, Debug, no tests, no examples.
# Locks: sysrepo's own lock layer in src/common.c (sr_mlock / sr_munlock: a pthread mutex taken with a
# timeout; sr_rwlock / sr_rwrelock / sr_rwunlock: a read-upgrade-write lock built from a mutex, a condition
# variable and reader counters in shared memory, with the owning connection ID recorded), used for the
# connection's and the ext/main SHM locks, the module data locks (sr_shmmod_*), the subscription locks
# (sub->subs_lock, ly_ctx_lock) and the ly context lock; plain pthread mutexes in the connection and
# subscription code.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libyang2-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DENABLE_TESTS=OFF -DENABLE_VALGRIND_TESTS=OFF -DENABLE_EXAMPLES=OFF \
  -DREPO_PATH="$BUILD/repository"
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
