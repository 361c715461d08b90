#!/bin/bash
# Usage: httpd.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; buildconf runs in SRC_DIR)
# Debian's system APR/APR-util (buildconf in APR-Config mode), event MPM (threaded), all modules as DSOs
# (--enable-mods-shared=reallyall) with their deps: OpenSSL (mod_ssl), nghttp2 (mod_http2/proxy_http2),
# Lua, libxml2 (proxy_html/xml2enc), brotli, zlib, jansson+curl (mod_md), PCRE2, LDAP via apr-util.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config autoconf automake libtool libtool-bin python3 libapr1-dev \
  libaprutil1-dev libaprutil1-ldap libaprutil1-dbd-sqlite3 libldap2-dev libssl-dev libpcre2-dev zlib1g-dev \
  libnghttp2-dev liblua5.3-dev libxml2-dev libbrotli-dev libjansson-dev libcurl4-openssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./buildconf --with-apr=/usr/bin/apr-1-config --with-apr-util=/usr/bin/apu-1-config)
cd "$BUILD"
"$SRC/configure" --with-apr=/usr/bin/apr-1-config --with-apr-util=/usr/bin/apu-1-config \
  --with-mpm=event --enable-mpms-shared=all --enable-mods-shared=reallyall --enable-ssl --with-ssl \
  --enable-http2 --enable-proxy-http2 --enable-lua --enable-brotli --enable-md --with-pcre=/usr/bin/pcre2-config
bear -- make -j2
test -s "$BUILD/compile_commands.json"
