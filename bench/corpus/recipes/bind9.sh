#!/bin/bash
# Usage: bind9.sh SRC_DIR BUILD_DIR   (BIND 9.18.x, autotools, VPATH out-of-tree build; autoreconf runs in SRC_DIR)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config autoconf automake libtool libuv1-dev libssl-dev \
  libnghttp2-dev libcap-dev liblmdb-dev libjson-c-dev libxml2-dev zlib1g-dev libidn2-dev libedit-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && autoreconf -fi)
cd "$BUILD"
"$SRC/configure" --disable-static --enable-doh --with-libnghttp2=yes --enable-linux-caps \
  --with-lmdb=yes --with-json-c=yes --with-libxml2=yes --with-zlib=yes --with-libidn2=yes \
  --with-readline=libedit --without-gssapi --disable-geoip --without-jemalloc --without-cmocka
bear -- make -j2
test -s "$BUILD/compile_commands.json"
