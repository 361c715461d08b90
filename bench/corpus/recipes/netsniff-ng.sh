#!/bin/bash
# Usage: netsniff-ng.sh SRC_DIR BUILD_DIR   (its own ./configure + Makefile; in-tree only, so SRC_DIR minus .git is
# copied into BUILD_DIR first and the compile database's paths point into BUILD_DIR)
# netsniff-ng (netsniff-ng/netsniff-ng), the Linux networking toolkit: all eight tools -- netsniff-ng, trafgen,
# astraceroute, flowtop, ifpps, bpfc, curvetun, mausezahn -- with libnl / libnl-route, libnetfilter-conntrack,
# GeoIP, libpcap, libnet, libcli, libsodium (curvetun), ncurses, liburcu and zlib; --enable-debug. The tools
# share sources (each is compiled per tool), so files repeat in the database. Locks: locking.h's inline
# wrappers over pthread: spinlock_lock / _unlock (pthread_spinlock_t), mutexlock_lock / _unlock, rwlock_rd_lock
# / rwlock_wr_lock / rwlock_unlock, used by curvetun's user / server tables (curvetun_mgmt_users.c,
# curvetun_mgmt_servers.c), curve.c, trie.c, tprintf.c's print lock and cpusched.c; flowtop's flow list is
# read under liburcu's rcu_read_lock / rcu_read_unlock and freed through call_rcu.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear flex bison pkg-config libnl-3-dev libnl-genl-3-dev libnl-route-3-dev \
  libnetfilter-conntrack-dev libgeoip-dev libpcap-dev libnet1-dev libcli-dev libsodium-dev libncurses-dev \
  liburcu-dev zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
CC=gcc ./configure --enable-debug
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc
test -s "$BUILD/compile_commands.json"
