#!/bin/bash
# Usage: re.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# baresip's libre: the SIP/SDP/RTP/STUN/TURN/ICE/TLS/HTTP/WebSocket stack with its main loop, shared and static
# library (one OBJECT library, so each unit is compiled once), OpenSSL, all optional modules on (rem, BFCP, PCP,
# RTMP, SIP), Debug; the retest test program (test/, EXCLUDE_FROM_ALL upstream, linked to the static library) is
# built too so that its units in the compile database have their include paths and are real. Locks: re's
# C11-threads shim (include/re_thread.h, src/thread/: mtx_lock / mtx_unlock / mtx_trylock / cnd_* mapped to
# pthreads in src/thread/posix.c unless the libc has <threads.h>), plus re_lock/re_unlock (the main-loop thread
# lock, re_thread_enter / re_thread_leave: static inline re_lock in src/main/main.c and functions called from other
# files), used by the main loop (re->mutex), the async work queue (src/async), tmr, udp, turn, rtp, the trace and
# dbg modules, mem debugging and a few retest cases.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc libssl-dev zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DLIBRE_BUILD_SHARED=ON -DLIBRE_BUILD_STATIC=ON
ninja -C "$BUILD" -j2 all retest
test -s "$BUILD/compile_commands.json"
