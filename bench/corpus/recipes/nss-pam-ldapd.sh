#!/bin/bash
# Usage: nss-pam-ldapd.sh SRC_DIR BUILD_DIR   (autotools: ./autogen.sh in SRC_DIR, then a VPATH build in BUILD_DIR)
# nss-pam-ldapd: the nslcd daemon (OpenLDAP client, SASL, Kerberos), the NSS module (glibc flavour), the PAM
# module, the common/ and compat/ helpers, and the test programs compiled (`make check TESTS=`); no pynslcd and
# no utils (Python). Locks: few, raw pthread mutexes in nslcd only: myldap.c's uris_mutex (the LDAP server list's
# last-failure times, taken around the connect retries) and passwd.c's dn2uid_cache_mutex; each nslcd worker
# thread otherwise owns its session.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libldap2-dev libsasl2-dev libkrb5-dev \
  libpam0g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && ./autogen.sh)
cd "$BUILD"
CC=gcc "$SRC/configure" --disable-pynslcd --disable-utils --enable-warnings
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
