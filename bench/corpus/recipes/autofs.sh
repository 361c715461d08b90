#!/bin/bash
# Usage: autofs.sh SRC_DIR BUILD_DIR   (autotools + plain make, IN TREE: autofs's Makefiles
# cannot build out of tree, so objects land in SRC_DIR and only the compile db goes to BUILD_DIR)
# autofs automounter 5.1.9 (upstream release commit 8c348df3 "autofs-5.1.8 - update autofs
# release", 2023-11-03, Ian Kent), taken from the github mirror gman0/autofs (kernel.org is
# the upstream; that mirror's own later commits are not used). Configured with libtirpc,
# OpenLDAP + Cyrus SASL (lookup_ldap, cyrus-sasl) and fedfs; hesiod and sssd modules are
# not built (no headers). 54 units: daemon/, lib/, modules/, fedfs/.
# Locks: pthread mutexes, rwlocks and conds, each behind small wrapper functions that call
# fatal(status) on failure: master_mutex_lock/unlock, cache_readlock/cache_writelock/
# cache_try_writelock/cache_unlock (mc->rwlock), map_module_readlock/writelock/unlock,
# master_source_readlock/writelock/unlock (entry->source_lock), mnts_hash_mutex_lock/unlock,
# macro_lock/unlock, cmd_pipe_mutex_lock/unlock, st_mutex_lock/unlock, the macros
# mounts_mutex_lock(ap) and expire_args_mutex_lock(ea), the *_lock_cleanup() handlers used with
# pthread_cleanup_push, and raw pthread_mutex_lock on suc->mutex (startup condition handed
# from handle_mounts_startup_cond_init to its caller), ap->mounts_mutex, conf_mutex,
# instance_mutex, table_mutex, ext_mount_hash_mutex.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bison flex bear pkg-config libtirpc-dev libldap2-dev libsasl2-dev libkrb5-dev libssl-dev libnsl-dev libxml2-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
CC=gcc CFLAGS="-g -O1" ./configure --with-libtirpc --with-openldap --with-sasl --enable-fedfs
bear --output "$BUILD/compile_commands.json" -- make -j2 -k
test -s "$BUILD/compile_commands.json"
