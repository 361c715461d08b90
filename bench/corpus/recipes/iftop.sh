#!/bin/bash
# Usage: iftop.sh SRC_DIR BUILD_DIR   (autotools: ./bootstrap; in-tree only, so SRC_DIR minus .git is copied into
# BUILD_DIR first and the compile database's paths point into BUILD_DIR)
# iftop, the per-connection bandwidth monitor, from the GitHub mirror gdm85/iftop (upstream iftop 1.0pre4 plus
# the mirror's small web-output addition, nweb.c): the iftop binary with libpcap and ncurses, the default
# gethostbyaddr_r resolver thread. Built -O0 -g with -fcommon (ui_common.h defines globals without extern;
# gcc 12 defaults to -fno-common). Locks: raw pthread mutexes and a condition variable: iftop.c's tick_mutex
# (the history / screen update tick shared by the pcap thread and the UI), resolver.c's resolver_queue_mutex +
# resolver_queue_cond (the name-lookup queue between resolve() and resolver_worker); the ghba_mtx / ares / forking
# resolver variants are #ifdef'd out in this configuration.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libpcap-dev libncurses-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
[ -x configure ] || sh ./bootstrap
CC=gcc CFLAGS="-g -O0 -fcommon" ./configure
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
