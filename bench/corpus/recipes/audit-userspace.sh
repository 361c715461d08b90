#!/bin/bash
# Usage: audit-userspace.sh SRC_DIR BUILD_DIR   (autotools; SRC_DIR minus .git is copied into BUILD_DIR and
# autoreconf / configure / make run there, so the compile database's paths point into BUILD_DIR)
# Linux audit userspace: libaudit, libauparse, libauplugin, libautls, auditd (with its bundled libev and the
# TLS remote listener), auditctl / ausearch / aureport / autrace, audispd and the audisp plugins (remote,
# syslog, af_unix, filter, statsd ...) and the built test programs. Debug flags (-g -O0), TLS on; python /
# go bindings and the zos-remote plugin (needs LDAP) off. Threads are always on where used. Locks: few
# raw pthread calls: auditd-event.c's flush_lock mutex + do_flush cond (flush thread), auditd-reconfig.c's
# config_lock taken with pthread_mutex_trylock, libev's ecb_mf_lock; the audisp queue is lock-free
# (C11 atomics + a POSIX semaphore, sem_post / sem_wait).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
autoreconf -fi
CC=gcc CFLAGS="-g -O0" ./configure --without-python3 --without-golang --disable-zos-remote --enable-tls
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
