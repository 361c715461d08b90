#!/bin/bash
# Usage: ovs.sh SRC_DIR BUILD_DIR   (autotools: ./boot.sh in SRC_DIR, then a VPATH build in BUILD_DIR)
# Open vSwitch userspace: lib/ (libopenvswitch, including the userspace datapath dpif-netdev, conntrack and the
# netdev providers), ofproto/, ovsdb/, vswitchd/, vtep/ and utilities/, OpenSSL and libcap-ng on, no DPDK, no AF_XDP;
# CFLAGS "-g -O0" to keep the build short on two cores; tests and Python extensions are not built (make's default
# target). Locks: the ovs_mutex / ovs_rwlock / ovs_spin wrappers of lib/ovs-thread.h (error-checking pthread locks
# that record where they were taken) under clang-style thread-safety annotations (lib/compiler.h OVS_REQUIRES /
# OVS_ACQUIRES / OVS_RELEASES / OVS_EXCLUDED / OVS_GUARDED, live only under clang); global locks such as
# ofproto_mutex, dp_netdev_mutex, the conntrack locks (ct->ct_lock, per-zone and per-bucket), the netdev-linux
# and netdev-dummy mutexes, the seq / ovs-rcu / ovs-numa / fatal-signal locks, and fat_rwlock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config python3 libssl-dev libcap-ng-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && ./boot.sh)
cd "$BUILD"
"$SRC/configure" CC=gcc CFLAGS="-g -O0" --enable-ssl
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
