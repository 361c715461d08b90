#!/bin/bash
# Usage: wiredtiger.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# WiredTiger (wiredtiger/wiredtiger), the storage engine of MongoDB: the library (src/: btree, block manager,
# cache / eviction, checkpoint, history store, log, reconcile, rollback-to-stable, schema, session, txn,
# tiered storage), the wt utility, the ext/ collators / compressors / encryptors / test storage sources that
# need no extra packages, bench/wtperf, examples and the C test programs (test/format, test/csuite, ...).
# Debug build: CMAKE_BUILD_TYPE=Debug turns on HAVE_DIAGNOSTIC and HAVE_REF_TRACK (WT_ASSERTs, the
# single-thread API check, ref state history). Off: the Python API, the Catch2 unit tests, the C++ cppsuite,
# the model, LazyFS, strict warnings. Locks: WT_SPINLOCK (SPINLOCK_PTHREAD_MUTEX: a pthread mutex plus the
# owning session id) through mutex_inline.h's __wt_spin_lock / __wt_spin_trylock / __wt_spin_unlock /
# __wt_spin_unlock_if_owned, WiredTiger's own WT_RWLOCK (__wt_readlock / __wt_writelock / __wt_readunlock /
# __wt_writeunlock / __wt_try_writelock, bodies in support/rwlock.c), page locks (WT_PAGE_LOCK / _TRYLOCK /
# _UNLOCK), WT_REF_LOCK / WT_REF_UNLOCK (a CAS of the ref state to WT_REF_LOCKED, returning the previous state
# through an out-parameter), the WITH_*_LOCK macros (WT_WITH_SCHEMA_LOCK, WT_WITH_HANDLE_LIST_WRITE_LOCK ...),
# the API macros' single-thread check (api.h WT_SINGLE_THREAD_CHECK_START / _STOP, a re-entrant owner lock),
# and test/format's RWLOCK wrappers (lock_try_writelock / lock_writeunlock).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc g++ python3; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc CXX=g++ cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DENABLE_PYTHON=0 -DHAVE_UNITTEST=0 -DENABLE_CPPSUITE=0 -DENABLE_MODEL=0 -DENABLE_LAZYFS=0 -DENABLE_STRICT=0
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
