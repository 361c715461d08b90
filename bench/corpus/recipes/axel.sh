#!/bin/bash
# Usage: axel.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, configure run from BUILD_DIR)
# Axel (axel-download-accelerator/axel), the multi-connection HTTP/FTP download accelerator, with OpenSSL TLS.
# Needs autoconf-archive (AX_COMPILER_FLAGS); autoreconf -fi (autopoint refuses to update the po/ files of a git
# checkout made with another gettext otherwise); a git checkout is a non-release build, so -Werror is turned off.
# Locks: raw pthread mutexes: each conn_t's lock (one download thread per connection; axel.c's main loop polls
# the connections with pthread_mutex_trylock, conn.c / search.c take it around state changes), netrc.c's
# netrc->lock around the .netrc lookup, and ssl.c's OpenSSL initialisation lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake autoconf-archive autopoint gettext pkg-config libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && autoreconf -fi)
cd "$BUILD"
CC=gcc "$SRC/configure" --with-ssl=openssl --disable-Werror
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
