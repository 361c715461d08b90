#!/bin/bash
# Usage: sofia-sip.sh SRC_DIR BUILD_DIR   (autotools; SRC_DIR minus .git is copied into BUILD_DIR and
# autoreconf / configure / make run there, so the compile database's paths point into BUILD_DIR)
# Sofia-SIP (FreeSWITCH fork), the SIP user-agent library: libsofia-sip-ua (su, su_port event loops, sresolv,
# tport with its thread pool and websocket transport, nta, nua, nea, nth, msg / sip / sdp / http parsers,
# stun, soa, iptsec ...), the utils and the unit / torture test programs. Debug flags (-g -O0), glib glue
# and doxygen off; pthreads on (configure detects them). Locks: su_home_mutex_lock / su_home_mutex_unlock
# (su_alloc.c calling the _su_home_locker / _su_home_unlocker function pointers that su_home_threadsafe()
# in su_alloc_lock.c sets to pthread_mutex_lock / unlock), sres_cache.c's LOCK / UNLOCK macros over them,
# the su_port_lock / su_port_unlock vtable calls (no-ops in su_base_port.c), raw pthread mutexes in
# su_pthread_port.c (sup_obtained, the clone start / deinit handshakes) and su_log.c's SU_LOG_LOCK /
# SU_LOG_UNLOCK / SU_LOG_IS_INIT (pthread_mutex_trylock) macros, su_uniqueid.c's init mutex.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
autoreconf -fi
CC=gcc CFLAGS="-g -O0" ./configure --without-glib --without-doxygen
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
