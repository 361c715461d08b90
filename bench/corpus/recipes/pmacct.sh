#!/bin/bash
# Usage: pmacct.sh SRC_DIR BUILD_DIR   (autotools, out of tree, bear for the compile db)
# pmacct network accounting daemons (pmacctd, nfacctd, sfacctd, uacctd, pmbgpd, pmbmpd,
# pmtelemetryd and their plugins), master 743f0c06 (2026-08-07, newest snapshot; v1.7.9 + ~1
# year). Its git submodule src/external_libs/libcdada (msune/libcdada 81d9bcb5, a C++ data
# structure library) must be checked out: it is built and installed into BUILD_DIR/cdada-rootfs
# first (not part of the compile db), then pmacct is configured --without-external-deps
# against it. Enabled: mysql, pgsql, sqlite3, kafka, rabbitmq, zmq, redis (which brings in
# ha.c, the BMP/BGP high-availability queue), jansson, geoipv2, nflog, and all daemons;
# --disable-shared so libtool compiles each unit once (104 C units). Not built: nDPI, avro/
# serdes, eBPF (no Debian 12 packages of the wanted versions).
# Locks: few, raw pthread mutexes and conds with no wrappers: thread_pool.c (worker->mutex,
# pool->mutex, pointer-typed pthread_mutex_t * fields, cond_wait loops), ha.c (global
# mutex_queue around the libcdada queue, under WITH_REDIS), bgp/bgp_util.c
# (peers_cache[bucket].mutex, per-bucket array of mutexes). Most of the daemon is
# single-threaded per plugin process; SQL "locks" in sql_common.c are database table locks,
# not thread locks.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make autoconf automake libtool pkg-config bear libpcap-dev libjansson-dev libnetfilter-log-dev libsqlite3-dev libmariadb-dev-compat libpq-dev librdkafka-dev librabbitmq-dev libzmq3-dev libmaxminddb-dev libnuma-dev libssl-dev libhiredis-dev zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CDADA="$SRC/src/external_libs/libcdada"
if [ ! -f "$CDADA/include/cdada.h" ]; then
  git -C "$SRC" submodule update --init src/external_libs/libcdada || { echo "src/external_libs/libcdada (msune/libcdada) is missing" >&2; exit 1; }
fi
[ -x "$CDADA/configure" ] || (cd "$CDADA" && ./autogen.sh)
mkdir -p "$BUILD/cdada-build"
(cd "$BUILD/cdada-build" && "$CDADA/configure" --disable-shared --prefix="$BUILD/cdada-rootfs" && make -j2 install)
[ -x "$SRC/configure" ] || (cd "$SRC" && ./autogen.sh)
cd "$BUILD"
CC=gcc CFLAGS="-g -O1" CPPFLAGS="-I$BUILD/cdada-rootfs/include" LDFLAGS="-L$BUILD/cdada-rootfs/lib" \
  "$SRC/configure" --disable-shared --without-external-deps --enable-mysql --enable-pgsql --enable-sqlite3 \
  --enable-kafka --enable-rabbitmq --enable-zmq --enable-jansson --enable-geoipv2 --enable-nflog --enable-redis \
  --enable-l2 --enable-traffic-bins --enable-bgp-bins --enable-bmp-bins --enable-st-bins
bear -- make -j2 -k
test -s "$BUILD/compile_commands.json"
