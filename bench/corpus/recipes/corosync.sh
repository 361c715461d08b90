#!/bin/bash
# Usage: corosync.sh SRC_DIR BUILD_DIR   (autotools: ./autogen.sh in SRC_DIR, then a VPATH build in BUILD_DIR)
# The Corosync cluster engine: the corosync daemon (exec/: totem protocol over kronosnet, totempg, the service
# engines cpg/cmap/quorum/votequorum/pload/mon/wd, logsys, ipc glue), the client libraries (lib/: cpg, cmap,
# quorum, votequorum, cfg, sam), common_lib and tools/; systemd, dbus, monitoring (libstatgrab) and watchdog on; SNMP, augeas,
# nozzle, vqsim, xmlconf and the Rust bindings off; test programs (make check) not built. Locks: the handle database
# of include/corosync/hdb.h (hdb_database_lock / hdb_database_unlock: inline pthread mutex wrappers taken by
# hdb_handle_create / hdb_handle_get / hdb_handle_put and used by every client library handle), sam.c's reply and
# callback mutexes, totempg's totempg_mutex / callback_token_mutex / mcast_msg_mutex (exec/totempg.c), the knet
# transport's log-thread mutex (totemknet.c) and the cs_queue.h queue mutex.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libqb-dev libknet-dev libnss3-dev \
  libsystemd-dev libdbus-1-dev libstatgrab-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && ./autogen.sh)
cd "$BUILD"
CC=gcc "$SRC/configure" --enable-systemd --enable-dbus --enable-monitoring --enable-watchdog --disable-snmp \
  --disable-augeas --disable-nozzle --disable-vqsim --disable-xmlconf --disable-rust-bindings
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
