#!/bin/bash
# Usage: aircrack-ng.sh SRC_DIR BUILD_DIR   (autotools: ./autogen.sh in SRC_DIR, then a VPATH build in BUILD_DIR)
# Aircrack-ng: the tools (aircrack-ng, airodump-ng, airbase-ng, aireplay-ng, airdecap-ng, packetforge-ng,
# airolib-ng with SQLite, besside-ng, wesside-ng, ...), libaircrack-{osdep,util,ce-wpa,support} and the
# crypto-engine variants, OpenSSL, libnl; no tests (make's default target). Locks: plain pthread mutexes and
# condition variables: aircrack-ng.c's global locks (mx_apl / mx_eof / mx_dic / mx_ivb, the WPA cracking
# worker queues), airodump-ng's and airbase-ng's mutexes around the shared AP/station lists and the
# channel-hopper, the circular queue (lib/libac/adt/circular_queue.c: its own lock around push/pop) and the
# session save code.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libssl-dev libnl-3-dev libnl-genl-3-dev \
  libpcap-dev libsqlite3-dev zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && NOCONFIGURE=1 ./autogen.sh)
cd "$BUILD"
CC=gcc "$SRC/configure" --with-sqlite3 --with-experimental
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
