#!/bin/bash
# Usage: htslib.sh SRC_DIR BUILD_DIR   (out-of-tree: configure is run from BUILD_DIR)
# htscodecs is a git submodule (samtools/htscodecs); it is filled from a local mirror.
# Builds the library, tools and ref-cache; test programs are skipped.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake pkg-config zlib1g-dev libbz2-dev liblzma-dev libcurl4-openssl-dev libssl-dev libdeflate-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
HTSCODECS_GIT=${HTSCODECS_GIT:-/work/.mirror/samtools+htscodecs/repo}
if [ ! -e "$SRC/htscodecs/htscodecs/rANS_static4x16.h" ]; then
  git -C "$SRC" -c protocol.file.allow=always -c submodule.htscodecs.url="$HTSCODECS_GIT" \
    submodule update --init htscodecs
fi
[ -x "$SRC/configure" ] || (cd "$SRC" && autoreconf -i)
cd "$BUILD"
"$SRC/configure" CC=gcc --enable-libcurl --enable-gcs --enable-s3 --enable-plugins
bear -- make -j2 BUILT_TEST_PROGRAMS=
test -s "$BUILD/compile_commands.json"
