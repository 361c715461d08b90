#!/bin/bash
# Usage: krb5.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR/src, then a VPATH build in BUILD_DIR)
# MIT Kerberos 5: the libraries (libkrb5 with its ccache / keytab / rcache / os / krb layers, libk5crypto
# with the OpenSSL back end, libgssapi_krb5 with the krb5 / SPNEGO / IAKERB mechanisms, libkadm5clnt /
# libkadm5srv, libkdb5 with the DB2 module, libkrad, libverto, libcom_err, libss, libkrb5support), the KDC,
# kadmind, kpropd / kprop, the client programs and the plugins (preauth, kdb db2, audit test, localauth ...);
# no LDAP KDB back end, no tests run. Locks: krb5support's k5-thread.h layer: k5_mutex_lock / k5_mutex_unlock
# (k5_os_mutex_lock over pthread_mutex_lock when the program has loaded pthreads), k5_mutex_assert_locked,
# the k5_once / key (k5_getspecific) machinery, krb5int_mutex_lock / krb5int_mutex_unlock (exported
# functions), the per-keytab KTLOCK / KTUNLOCK macros, the ccache-type / keytab-type / replay-cache list
# mutexes (cc_typelist_lock, krb5int_mcc_mutex, kt_typehead_lock ...), the memory ccache's per-cache lock,
# plus krb5_lock_file (fcntl file locks) and the kadm5 ulog lock_ulog / unlock_ulog.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake bison pkg-config libssl-dev libkeyutils-dev libss2 \
  comerr-dev ss-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/src/configure" || (cd "$SRC/src" && autoreconf -fi)
cd "$BUILD"
CC=gcc CFLAGS="-O0 -g" "$SRC/src/configure" --without-ldap --without-system-verto --disable-rpath \
  --with-crypto-impl=openssl --with-tls-impl=openssl
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
