#!/bin/bash
# Usage: lttng-tools.sh SRC_DIR BUILD_DIR   (autotools: ./bootstrap in SRC_DIR, then a VPATH build in BUILD_DIR)
# NOTE: SRC_DIR must be at tag v2.13.15, the last C release: 2.14 and master are C++ (324 .cpp files, 78 .c) and
# need liburcu >= 0.14, Debian 12 ships liburcu 0.13.2; 2.13 also matches Debian 12's lttng-ust 2.13.5.
# LTTng tools: lttng (the client), lttng-sessiond, lttng-consumerd, lttng-relayd, lttng-crash, liblttng-ctl,
# the common/ libraries and the test programs of make's default target, with lttng-ust (Debian's
# liblttng-ust-dev) and kmod; no man pages, no Python bindings. Locks: raw pthread mutexes, many held across
# functions: session_lock / session_unlock (session->lock) and session_lock_list / session_unlock_list (the
# global session list mutex, required by most of sessiond: session_find_by_name, ...), the consumer's
# stream / channel / relayd / consumer_data locks (stream->lock, channel->lock, relayd->ctrl_sock_mutex,
# the_consumer_data.lock), the relay daemon's session / viewer-stream / index locks, the notification thread's
# locks, plus liburcu's rcu_read_lock / rcu_read_unlock read-side sections and its lock-free hash tables.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool pkg-config flex bison liburcu-dev libpopt-dev \
  libxml2-dev libkmod-dev liblttng-ust-dev uuid-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && ./bootstrap)
cd "$BUILD"
CC=gcc CXX=g++ "$SRC/configure" --with-lttng-ust --with-kmod --disable-man-pages
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
