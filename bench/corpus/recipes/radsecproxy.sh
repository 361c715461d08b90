#!/bin/bash
# Usage: radsecproxy.sh SRC_DIR BUILD_DIR   (autotools: ./autogen.sh in SRC_DIR, then a VPATH build in BUILD_DIR)
# radsecproxy, the RADIUS (UDP, TCP, TLS, DTLS) proxy: radsecproxy, radsecproxy-hash and catgconf with OpenSSL and
# every transport, and the unit tests compiled (`make check TESTS=`). Locks: raw pthread mutexes and condition
# variables, very many of them: each server's lock / newrq_mutex, the request queue's mutex, the TLS context
# reload lock, the realm / client list mutexes (list.c), the DNS resolver cache, the F-Ticks log and the
# pending-requests table (rqs), partly held across calls between radsecproxy.c and the tcp / tls / dtls / udp
# transport files.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libssl-dev nettle-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && ./autogen.sh)
cd "$BUILD"
CC=gcc "$SRC/configure"
# (tests/ comes first in SUBDIRS but links ../librsp.a: the programs, then the tests)
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
