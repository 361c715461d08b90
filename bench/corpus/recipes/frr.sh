#!/bin/bash
# Usage: frr.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; autoreconf runs in SRC_DIR)
# Built at tag frr-9.1.3: frr >= 10.0 needs libyang >= 2.1.128, Debian 12 ships libyang2 2.1.30.
# protobuf-c is mandatory in this release (configure aborts without protoc-c).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config autoconf automake libtool flex bison python3-dev \
  libjson-c-dev libyang2-dev libreadline-dev libc-ares-dev libelf-dev libcap-dev libpcre2-dev \
  protobuf-c-compiler libprotobuf-c-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && autoreconf -is)
cd "$BUILD"
"$SRC/configure" --disable-doc --disable-static --enable-sharpd --enable-fpm --enable-multipath=64 \
  --enable-pcre2posix --disable-snmp --disable-rpki --disable-scripting \
  --disable-grpc --disable-zeromq --disable-lttng --disable-usdt \
  --sysconfdir=/etc/frr --localstatedir=/var/run/frr
bear -- make -j2
test -s "$BUILD/compile_commands.json"
