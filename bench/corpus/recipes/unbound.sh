#!/bin/bash
# Usage: unbound.sh SRC_DIR BUILD_DIR   (committed configure run from BUILD_DIR, make under bear)
# Unbound (NLnetLabs/unbound), the validating recursive DNS resolver: unbound, unbound-control, -checkconf,
# -anchor, -host, libunbound, and the test programs (make tests: unittest, testbound, asynclook, ...), with
# pthreads, libevent, client subnet, dnstap (protobuf-c), dnscrypt (libsodium), cachedb + redis (hiredis),
# ipsecmod, DNS-over-HTTPS (nghttp2). The checkout skips testdata/ (one blob is missing from the snapshot; the
# build does not read it). Locks: util/locks.h's macros lock_basic_lock / lock_rw_rdlock / lock_rw_wrlock /
# lock_quick_lock (LOCKRET(pthread_mutex_lock / pthread_rwlock_*lock / pthread_spin_lock)) on the hash-table
# bins and entries (util/storage/lruhash.c, slabhash), the rrset / message caches, the infra cache, the local
# zones and auth zones (rwlocks), the validator key cache, the stats / alloc / tube locks, libunbound's ctx
# cfglock / qqpipe / rrpipe locks; testcode/checklocks.c is the lock checker (not enabled here).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear bison flex pkg-config libssl-dev libexpat1-dev libevent-dev libprotobuf-c-dev \
  protobuf-c-compiler libsodium-dev libhiredis-dev libnghttp2-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
CC=gcc "$SRC/configure" --with-pthreads --with-libevent --enable-subnet --enable-dnstap --enable-dnscrypt \
  --enable-cachedb --with-libhiredis --enable-ipsecmod --with-libnghttp2
bear --output "$BUILD/compile_commands.json" -- make -j2 all tests
test -s "$BUILD/compile_commands.json"
