#!/bin/bash
# Usage: opendkim.sh SRC_DIR BUILD_DIR   (autotools: the repository tracks a configure but not build-aux/'s
# helpers, so SRC_DIR minus .git is copied into BUILD_DIR, autoreconf -fi is run and the build is made there)
# OpenDKIM (trusteddomainproject/OpenDKIM, branch develop: master stops at 2.10.3 of 2018, develop is the 2.11
# line that Debian 12 packages): the opendkim milter with OpenSSL, libmilter, OpenLDAP + SASL, OpenDBX, Lua,
# libmemcached, unbound, BerkeleyDB, LMDB, libcurl, jansson and TRE, every FFR feature that builds
# (ATPS, conditional signatures, DB handle pools, diffheaders, identity header, LDAP caching, rate limits,
# replace rules, reputation, resign, sender macro, socket DB, stats, RBL, VBR, default sender), the
# query cache, and libopendkim / librbl / libvbr / libut / librepute, miltertest, the tools and the
# unit tests (`make check TESTS=`). Locks: raw pthread mutexes and condition variables: the milter's conf_lock
# (config reload refcount), the DB layer's per-handle db->db_lock (a pointer) and the handle pools' hp_lock
# (opendkim-db.c), the LDAP handle's ldap_lock, pwdb_lock, the query cache's cache_lock / cache_stats_lock,
# the unbound resolver's ub_lock, the reputation / rate-limit / stats locks and OpenSSL's locking callback.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libssl-dev libmilter-dev libbsd-dev \
  libldap-dev libsasl2-dev libopendbx1-dev liblua5.1-0-dev libmemcached-dev libunbound-dev libldns-dev libdb-dev \
  liblmdb-dev libcurl4-openssl-dev libjansson-dev libtre-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
autoreconf -fi
CC=gcc ./configure --with-openssl --with-milter --with-openldap --with-sasl --with-odbx --with-lua \
  --with-libmemcached --with-unbound --with-db --with-lmdb --with-libcurl --with-libjansson --with-tre \
  --enable-query_cache \
  --enable-atps --enable-conditional --enable-db_handle_pools --enable-diffheaders --enable-identity_header \
  --enable-ldap_caching --enable-rate_limit --enable-replace_rules --enable-reputation \
  --enable-resign --enable-sender_macro --enable-socketdb --enable-stats --enable-rbl --enable-vbr \
  --enable-default_sender
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
