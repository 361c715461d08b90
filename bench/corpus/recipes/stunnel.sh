#!/bin/bash
# Usage: stunnel.sh SRC_DIR BUILD_DIR   (autotools: the repository ships a configure made by a newer automake,
# and a fresh clone's timestamps make make rerun aclocal-1.17; SRC_DIR minus .git is copied into BUILD_DIR,
# autoreconf -fi is run there and the build is made in place)
# stunnel, the TLS tunnelling proxy: stunnel (pthread model) with OpenSSL 3, IPv6, systemd socket activation and
# libwrap, and the libstunnel.so LD_PRELOAD shim. Locks: OpenSSL's CRYPTO_RWLOCK through
# CRYPTO_THREAD_read_lock / CRYPTO_THREAD_write_lock / CRYPTO_THREAD_unlock on the stunnel_locks[] array
# (LOCK_THREAD_LIST, LOCK_SESSION, LOCK_ADDR, LOCK_SECTIONS, LOCK_DH, LOCK_SSL, LOCK_LOG_MODE, ...: client.c,
# cron.c, ctx.c, log.c, options.c, sthreads.c) and one raw pthread mutex in libwrap.c (the libwrap helper
# processes' mutex).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool autoconf-archive pkg-config libssl-dev libwrap0-dev libsystemd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
autoreconf -fi
CC=gcc ./configure --with-threads=pthread --enable-ipv6 --enable-systemd --enable-libwrap
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
