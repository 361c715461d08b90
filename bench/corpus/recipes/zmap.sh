#!/bin/bash
# Usage: zmap.sh SRC_DIR BUILD_DIR   (cmake)
# ZMap, the Internet-wide network scanner: zmap (libpcap receive, raw-socket send, every probe module), ztee,
# zblocklist, ziterate and the shared lib/ (logger, blocklist, queue, XOR-shift / AES-based iterators);
# upstream defaults (no PF_RING, no netmap). Locks: raw pthread mutexes and condition variables: the scan
# iterator's mutex (it->mutex), send.c's send_mutex, the receive thread's recv_ready_mutex handshake (a global,
# also passed by pointer), ztee's queue->lock with its condition, and the logger's per-fd mutexes looked up by
# get_mutex(fd).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake make pkg-config libgmp-dev gengetopt libpcap-dev flex byacc libjson-c-dev \
  libunistring-dev libjudy-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc cmake -S "$SRC" -B "$BUILD" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
