#!/bin/bash
# Usage: zfs.sh SRC_DIR BUILD_DIR   (autotools + bear, out of tree; autogen.sh runs in SRC)
# OpenZFS userland only (--with-config=user): libzpool (the whole DMU/SPA/ZIL/
# ARC/txg code of module/zfs compiled for user space), libzfs, libzfs_core,
# libzutil, libnvpair, libuutil, libspl, libicp, libzstd, lua, libtpool,
# libshare, the commands (zfs, zpool, zdb, ztest, zhack, zstream, zed,
# raidz_test ...), pam_zfs_key and the tests/zfs-tests C helpers; no kernel
# modules, no pyzfs. Tag zfs-2.4.4: the newest release; its userland builds
# with Debian 12's gcc 12. The fetched snapshot lacks
# tests/zfs-tests/tests/functional/cli_root/zpool_create/draidcfg.gz (check
# out sparse without it), so make runs 'all-am' at the top: it builds every
# library and program but does not recurse into tests/zfs-tests/tests, the
# only subdirectory, which holds nothing but ksh scripts and that data file.
# Locks: Solaris-style kernel locks emulated in lib/libzpool/kernel.c:
# kmutex_t with mutex_enter/mutex_tryenter/mutex_exit (pthread mutex m_lock +
# m_owner), krwlock_t with rw_enter(l, RW_READER|RW_WRITER)/rw_tryenter/
# rw_exit (pthread rwlock), kcondvar_t cv_wait/cv_timedwait; on top of them
# rrwlock_t rrw_enter/rrw_exit (re-entrant reader lock, dp_config_rwlock),
# zfs_rangelock, the multilist sublist locks (multilist_sublist_lock/unlock),
# dbuf db_mtx handed between functions, mutex_enter_nested macro. libzfs,
# libtpool, zed and libzutil use raw pthread mutexes (tp_mutex, zed's
# _launched_processes_lock), with pthread_cleanup_push/pop handlers.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make autoconf automake libtool pkg-config gettext bear python3 uuid-dev libblkid-dev libudev-dev libssl-dev zlib1g-dev libaio-dev libattr1-dev libelf-dev libtirpc-dev libcurl4-openssl-dev libpam0g-dev libffi-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./autogen.sh)
cd "$BUILD"
CC=gcc "$SRC/configure" --with-config=user
nice bear -- make -j2 all-am
test -s "$BUILD/compile_commands.json"
