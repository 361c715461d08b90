#!/bin/bash
# Usage: liblo.sh SRC_DIR BUILD_DIR   (autotools: ./autogen.sh NOCONFIGURE=1 in SRC_DIR, then a VPATH build)
# liblo, the Open Sound Control library: liblo (UDP / TCP / Unix servers, the server thread, bundles, blobs),
# the oscsend / oscdump / oscsendfile tools, the examples and the test programs (testlo, subtest,
# test_bidirectional_tcp). Very few locks: one static pthread mutex, lo_error_context_mutex in server.c
# (guarding the error-context counter); the server thread (server_thread.c) is started and joined with pthread
# but shares state without locks.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && NOCONFIGURE=1 ./autogen.sh)
cd "$BUILD"
CC=gcc CXX=g++ "$SRC/configure" --enable-threads --enable-ipv6 --disable-doc
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
