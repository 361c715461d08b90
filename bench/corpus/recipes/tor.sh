#!/bin/bash
# Usage: tor.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; autoreconf runs in SRC_DIR)
# GitHub's torproject/tor default branch now holds only a README (project moved to gitlab.torproject.org);
# built at main^ = 3cb6a690be60 (0.4.8.1-alpha-dev), the last code commit on that branch.
# The mirror snapshot lacks the blob for src/config/geoip6 (install-only data that "make all" still
# requires), so an empty placeholder is created in BUILD_DIR when it is missing from SRC_DIR.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config autoconf automake libtool libevent-dev libssl-dev zlib1g-dev \
  liblzma-dev libzstd-dev libseccomp-dev libcap-dev libsystemd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && autoreconf -fi)
cd "$BUILD"
"$SRC/configure" --disable-asciidoc --disable-manpage --disable-html-manual --enable-zstd --enable-lzma \
  --enable-systemd
if [ ! -s "$SRC/src/config/geoip6" ]; then mkdir -p src/config && touch src/config/geoip6; fi
bear -- make -j2
test -s "$BUILD/compile_commands.json"
