#!/bin/bash
# Usage: collectd.sh SRC_DIR BUILD_DIR   (autotools: build.sh in the source tree, out-of-tree configure, bear)
# collectd, the system statistics daemon: the daemon (plugin loader, value cache, write queue and reader
# threads, filter chains, configuration), its utilities (utils/*: avltree, heap, latency, format_*, ...), the
# collectdctl / collectd-tg tools, the unit tests, and every plugin whose dependencies Debian 12 has installed
# (configure's auto-detection; network, rrdtool, rrdcached, csv, unixsock, threshold, exec, python, curl*,
# write_* and the /proc readers among them). Debug build (-g -O0, --disable-werror). Locks: raw pthread mutexes,
# rwlocks and condition variables: plugin.c's write / read queue locks (write_lock, read_lock) and context
# handling, utils_cache.c's cache_lock, the network plugin's send_buffer_lock and receive_list_lock, the rrdtool
# plugin's cache_lock / queue_lock, exec's pl_lock, unixsock's and many plugins' own static mutexes, and the
# cmd / threshold / notification helpers.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make autoconf automake libtool bison flex pkg-config bear; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./build.sh)
cd "$BUILD"
"$SRC/configure" CC=gcc CFLAGS="-g -O0" --disable-werror
bear -- make -j2
test -s compile_commands.json
