#!/bin/bash
# Usage: openpbs.sh SRC_DIR BUILD_DIR   (autotools; SRC_DIR minus .git is copied into BUILD_DIR and
# autogen (autoreconf -I m4) / configure / make run there, so the compile database's paths point into BUILD_DIR)
# OpenPBS, the batch scheduler: pbs_server (with the PostgreSQL datastore glue), pbs_sched, pbs_mom, pbs_comm,
# the TPP transport library (Libtpp, threaded), libpbs / IFL client library, the Python embedding (pbs_python,
# swig'd pbs_ifl) and the qsub / qstat / pbsnodes ... commands and unsupported tools. Debug flags (-g -O0),
# Debian's python3 (--with-python=/usr). Threads are always on where used. Locks: Libtpp's tpp_lock /
# tpp_unlock (pthread_mutex_lock / unlock, log and return 1 on error) and tpp_read_lock / tpp_write_lock /
# tpp_unlock_rwlock (pthread rwlocks); the IFL client's thread-safety layer, pbs_client_thread_lock_connection /
# _unlock_connection / _lock_conntable / _unlock_conntable / _lock_conf / _unlock_conf, macros in
# pbs_client_thread.h that call through the pfn_pbs_client_thread_* function pointers (pthread mutexes in
# Libecl/pbs_client_thread.c, no-ops in single-threaded mode), wrapped again by conn_table.c's LOCK_TABLE /
# UNLOCK_TABLE macros (which `return (x)` on failure); pbs_log.c's log mutex, avltree.c's and mom_pmix.c's mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool pkg-config libhwloc-dev libx11-dev libxt-dev \
  libedit-dev libical-dev libncurses-dev perl postgresql-server-dev-all python3-dev tcl-dev tk-dev swig \
  libexpat1-dev libssl-dev libxext-dev libxft-dev libcjson-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
./autogen.sh
CC=gcc CFLAGS="-g -O0" ./configure --prefix=/opt/pbs --with-python=/usr
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
