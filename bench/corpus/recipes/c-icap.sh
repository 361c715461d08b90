#!/bin/bash
# Usage: c-icap.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, then a VPATH build in BUILD_DIR)
# c-icap, the ICAP server: the c-icap daemon (mpmt_server.c's process / thread pool, request handling,
# commands, the shared-memory statistics, the cache), libicapapi (body / header / net_io / lookup tables /
# ACLs / the hash / cache / registry code, the OpenSSL TLS layer), the bundled services (echo, ...) and
# modules (sys_logger, perl / bdb / ldap lookup modules off), the c-icap-client / utilities. Locks: c-icap's
# own thin wrappers in include/c-icap/ci_threads.h over pthread: ci_thread_mutex_lock / _unlock (#defined to
# pthread_mutex_lock / _unlock), ci_thread_rwlock_rdlock / _wrlock / _unlock, ci_thread_cond_*; the
# inter-process ci_proc_mutex_lock / _unlock (posix semaphores / SysV / file locks behind a scheme table).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libssl-dev zlib1g-dev libbz2-dev \
  libbrotli-dev libpcre2-dev libzstd-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
# correction: RECONF derives VERSION.m4 from `git branch`, which on the detached checkout build.sh makes
# yields "(HEAD-detached", an unbalanced parenthesis that breaks AC_INIT; write it from the commit instead.
if ! test -f "$SRC/configure"; then
  (cd "$SRC" && echo "master-$(git rev-parse --short HEAD)" > VERSION.m4 && autoreconf -f -i -v -W all)
fi
cd "$BUILD"
CC=gcc CFLAGS="-O0 -g" "$SRC/configure" --with-openssl --without-perl --without-bdb --without-ldap \
  --without-memcached --without-lmdb --without-pcre --with-pcre2 --with-zstd
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
