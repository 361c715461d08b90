#!/bin/bash
# Usage: privoxy.sh SRC_DIR BUILD_DIR   (autoconf, in-tree only: GNUmakefile builds in the configured folder;
# SRC_DIR minus .git is copied into BUILD_DIR, autoheader + autoconf are run and the build is made there)
# Privoxy 3.0.35 (ssrlive/privoxy, a GitHub copy that follows upstream's releases and Debian's patches; its
# depends/ submodules are only for the Windows / CMake build and are not used): the privoxy filtering proxy with
# pthreads, PCRE2, zlib compression, OpenSSL HTTPS inspection, IPv6, client tags, external filters, extended
# statistics, graceful termination and fuzzing entry points. Locks: raw pthread mutexes behind
# privoxy_mutex_lock / privoxy_mutex_unlock (out-of-line functions in jcc.c; the lock exits the process on
# failure), used from jcc.c, gateway.c, client-tags.c, filters.c, errlog.c, miscutil.c, ssl.c, openssl.c,
# actions.c, cgisimple.c: connection_reuse_mutex, client_tags_mutex, the statistics mutexes, certificate_mutex,
# ssl_init_mutex, the resolver / gmtime / localtime / rand mutexes, log_mutex and external_filter_mutex.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf libpcre2-dev zlib1g-dev libssl-dev libbrotli-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
autoheader && autoconf
CC=gcc ./configure --enable-pcre2 --with-openssl --with-brotli --enable-compression --enable-extended-statistics \
  --enable-external-filters --enable-client-tags --enable-graceful-termination --enable-fuzz
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
