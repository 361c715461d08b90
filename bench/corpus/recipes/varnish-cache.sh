#!/bin/bash
# Usage: varnish-cache.sh SRC_DIR BUILD_DIR   (out-of-tree: configure is run from BUILD_DIR;
#   needs the bin/varnishtest/vtest2 submodule checked out in SRC_DIR)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config python3 python3-docutils python3-sphinx \
  libpcre2-dev libedit-dev libncurses-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && autoreconf -i)
cd "$BUILD"
CC=gcc "$SRC/configure" --with-persistent-storage --without-unwind
# vmod/Makefile.am passes the checked-in spec by bare name, which breaks VPATH builds
mkdir -p vmod && cp "$SRC/vmod/vmod_math_spec.html" vmod/
bear -- make -j2
test -s "$BUILD/compile_commands.json"
