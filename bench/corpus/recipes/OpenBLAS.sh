#!/bin/bash
# Usage: OpenBLAS.sh SRC_DIR BUILD_DIR   (plain make + bear, in the source tree: its Makefiles build in place; bear writes to BUILD_DIR)
# OpenBLAS, the optimised BLAS library: the threading driver (driver/others: blas_server.c, memory.c,
# parameter / init code), the level-2/3 drivers and interface wrappers, kernels for one target (HASWELL),
# CBLAS. Debug build, pthreads (USE_THREAD=1), no Fortran, no LAPACK / LAPACKE (the C LAPACK is large and
# holds no locks), no tests.
# Locks: raw pthread mutexes / condition variables in driver/others/blas_server.c (thread_status[].lock,
# server_lock) and common.h's LOCK_COMMAND / UNLOCK_COMMAND macros (memory.c's alloc_lock / key_lock /
# init_lock), which with SMP (USE_PTHREAD_LOCK) are pthread_mutex_lock / _unlock, else pthread_spin_* or the
# inline blas_lock / blas_unlock spin lock on a BLASULONG; level3_thread.c syncs threads by WMB / MB barriers
# and spinning on job flags. The kernel/ objects (most of the build time) hold no locks.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
bear --output "$BUILD/compile_commands.json" -- make -j2 DEBUG=1 USE_THREAD=1 NUM_THREADS=8 NO_FORTRAN=1 NO_LAPACK=1 NO_LAPACKE=1 TARGET=HASWELL DYNAMIC_ARCH=0 libs
test -s "$BUILD/compile_commands.json"
