#!/bin/bash
# Usage: janus-gateway.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; autoreconf runs in SRC_DIR)
# All default transports/plugins/event handlers plus the opt-in Lua and Duktape plugins and JSON logger;
# docs and the ffmpeg-based recordings post-processor off. Default mutex implementation (GMutex).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config autoconf automake libtool gengetopt libglib2.0-dev libjansson-dev \
  libnice-dev libssl-dev libsrtp2-dev libconfig-dev libmicrohttpd-dev libcurl4-openssl-dev zlib1g-dev \
  libsofia-sip-ua-glib-dev libopus-dev libogg-dev libwebsockets-dev libusrsctp-dev librabbitmq-dev \
  libpaho-mqtt-dev libnanomsg-dev liblua5.3-dev duktape-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && mkdir -p m4 && autoreconf -fi)
cd "$BUILD"
"$SRC/configure" --disable-docs --enable-plugin-lua --enable-plugin-duktape --enable-json-logger
bear -- make -j2
test -s "$BUILD/compile_commands.json"
