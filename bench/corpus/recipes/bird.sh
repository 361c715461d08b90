#!/bin/bash
# Usage: bird.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, then configure + make in BUILD_DIR)
# BIRD Internet Routing Daemon 2.x: bird and birdc / birdcl with all protocols (BGP, OSPF, RIP, BFD, Babel,
# RPKI, static, kernel / netlink, pipe, RAdv, MRT, L3VPN, aggregator), the filter interpreter, the nest
# (routing tables, interfaces, CLI) and lib (resources, slabs, io loop); no libssh (RPKI over SSH off).
# Locks: bird 2 is single-threaded except BFD: proto/bfd's own io thread (io.c) with raw pthread mutexes
# (bfd_lock_sessions / bfd_unlock_sessions around the session list, the birdloop's mutex, wakeup pipes);
# the rest is bird's own reference-counted "locks" (rt_lock_table / rt_unlock_table, rt_lock_source,
# olock_acquire object locks, rte_update_lock) which are not mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf flex bison m4 pkg-config libreadline-dev libncurses-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && autoreconf -fi)
cd "$BUILD"
CC=gcc CFLAGS="-O0 -g" "$SRC/configure" --disable-libssh
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
