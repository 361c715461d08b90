#!/bin/bash
# Usage: masscan.sh SRC_DIR BUILD_DIR   (plain make; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR)
# masscan (robertdavidgraham/masscan), the asynchronous TCP port scanner: bin/masscan from src/*.c (libpcap and
# PF_RING are loaded at run time through stub-pcap / stub-pfring, Lua through stub-lua, so no -dev packages),
# built -O0 -g. Locks: none that lockcheck knows -- masscan's transmit / receive threads (pixie_begin_thread)
# share lock-free rings (rte-ring.c, xring.c) and pixie-threads.h's atomics (pixie_locked_add_u32 /
# pixie_locked_CAS32 / CAS64 over __sync builtins); no pthread mutex, spinlock or condition variable is used.
# A project with no lock calls: every finding on it is false.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc CFLAGS="-g -ggdb -Wall -O0"
test -s "$BUILD/compile_commands.json"
