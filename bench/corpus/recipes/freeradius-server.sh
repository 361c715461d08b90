#!/bin/bash
# Usage: freeradius-server.sh SRC_DIR BUILD_DIR   (autoconf + FreeRADIUS' boilermake; in-tree only, so SRC_DIR
# minus .git is copied into BUILD_DIR first and the compile database's paths point into BUILD_DIR)
# NOTE: release_3_2_10 (v3.2 line), not master: master (v4) requires a C23 compiler (gcc >= 13 / clang >= 17),
# and Debian 12 has gcc 12 / clang 14. Options: --with-threads (the default) and OpenSSL, plus every module
# whose library Debian 12 has: sql (mysql via mariadb, postgresql, sqlite, unixodbc), ldap, krb5, redis/
# rediswho, rest and json (curl, json-c), perl, python3, unbound, pam, yubikey-less otp bits, idn, cache
# (memcached), eap (with every TLS-based method), pcap for radsniff, libcap, systemd. Locks: the thread pool
# (src/main/threads.c: queue mutex, semaphores), the connection pool (connection.c) behind rlm_sql, rlm_ldap,
# rlm_redis, rlm_rest, rlm_krb5, the exfile/detail file locks, the TLS session cache and OpenSSL's mutexes,
# rlm_cache, rlm_linelog, rlm_ippool and the other modules' per-instance mutexes, the log and event code.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf pkg-config libtalloc-dev libssl-dev libpcap-dev libcap-dev \
  libsystemd-dev libpcre2-dev libhiredis-dev libmariadb-dev libpq-dev libsqlite3-dev unixodbc-dev \
  libldap2-dev libkrb5-dev libjson-c-dev libcurl4-gnutls-dev libperl-dev python3-dev libunbound-dev \
  libpam0g-dev libmemcached-dev libidn11-dev libgdbm-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
./configure CC=gcc --with-threads=yes --with-openssl=yes --with-systemd=yes --without-rlm_couchbase \
  --without-rlm_securid --without-rlm_opendirectory --without-rlm_ruby --without-rlm_python \
  --without-rlm_kafka
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
