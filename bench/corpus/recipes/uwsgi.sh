#!/bin/bash
# Usage: uwsgi.sh SRC_DIR BUILD_DIR   (uwsgiconfig.py via the top Makefile; in-tree build, uWSGI has no
# out-of-tree build, compile_commands.json is written to BUILD_DIR with paths into SRC_DIR)
# Upstream default profile (buildconf/default.ini): core plus the embedded python and gevent plugins and the
# default embedded plugin list (routers, cache, rpc, loggers, ...), run with Debian's /usr/bin/python3 so the
# python plugin uses python3-dev; auto features pick up OpenSSL, PCRE2, libxml2, jansson, libcap, uuid, zlib.
# CPUCOUNT=2 limits uwsgiconfig.py's parallel compiles.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config python3 python3-dev libssl-dev libpcre2-dev libxml2-dev libjansson-dev \
  libcap-dev uuid-dev zlib1g-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
CPUCOUNT=2 bear --output "$BUILD/compile_commands.json" -- make PYTHON=/usr/bin/python3
test -s "$BUILD/compile_commands.json"
