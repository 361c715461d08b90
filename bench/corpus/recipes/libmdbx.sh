#!/bin/bash
# Usage: libmdbx.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# libmdbx, the MDBX embedded key-value store, from its amalgamated source tree (mdbx.c is the whole library
# in one file; mdbx.c++ is the C++ API): the static and shared library, the mdbx_chk / copy / stat / dump /
# load / drop / defrag tools and the C examples. Debug build, threads always on (MDBX_LOCKING = POSIX2008
# robust mutexes on Linux). Locks: osal_fastmutex_acquire / osal_fastmutex_release (pthread_mutex_lock /
# unlock through the static inline osal_pthread_mutex_lock) on env->dbi_lock and env->remap_lock; the
# process-shared IPC locks in the lck file, osal_ipclock_lock / osal_ipclock_unlock (pthread_mutex_trylock /
# lock, EOWNERDEAD recovery with pthread_mutex_consistent in osal_ipclock_failed) wrapped by lck_rdt_lock /
# lck_rdt_unlock (readers table) and lck_txn_lock / lck_txn_unlock (writer); the rthc_mutex of the
# thread-local reader registry; osal_condpair_lock / unlock / signal / wait over a mutex + two conds.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake ninja-build; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
