#!/bin/bash
# Usage: rsyslog.sh SRC_DIR BUILD_DIR  -- out-of-tree autotools build, default modules
# (impstats-push disabled: needs protobuf-c/snappy)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
PKGS="autoconf automake libtool pkg-config bison flex autoconf-archive libestr-dev libfastjson-dev libyaml-dev zlib1g-dev uuid-dev libcurl4-openssl-dev"
missing=$(for p in $PKGS; do dpkg -s $p >/dev/null 2>&1 || echo $p; done)
[ -z "$missing" ] || { apt-get update; apt-get install -y --no-install-recommends $missing; }
[ -x "$SRC/configure" ] || (cd "$SRC" && NOCONFIGURE=1 ./autogen.sh)
cd "$BUILD"
"$SRC/configure" --disable-impstats-push
bear --output "$BUILD/compile_commands.json" -- make -j2
