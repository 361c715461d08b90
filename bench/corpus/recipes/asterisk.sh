#!/bin/bash
# Usage: asterisk.sh SRC_DIR BUILD_DIR   (autoconf, shipped configure; in-tree build, Asterisk has no out-of-tree
# build, compile_commands.json is written to BUILD_DIR with paths into SRC_DIR)
# Upstream default menuselect selection over the libraries below: the core (main/, with its ast_mutex/ast_rwlock
# wrappers and DEBUG_THREADS off as by default), apps, bridges, CDR/CEL, channels, codecs, formats, funcs, pbx,
# res and utils, plus menuselect itself. No bundled third-party code (the tarballs are downloaded at build time):
# --without-pjproject-bundled (Debian 12 has no libpjproject, so chan_pjsip and res_pjsip* are not built), system
# jansson; Debian 12's libjwt is 1.10 (< 1.15.3 wanted), so res_stir_shaken is left out by menuselect.
# Compiled with Debian's clang-19, not gcc: Asterisk's RAII_VAR is a gcc nested function under gcc and a clang
# block under clang (chosen by __clang__ in utils.h), so a gcc database does not parse with libclang; with clang
# configure adds -fblocks (and links libBlocksRuntime) and the database holds it.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear pkg-config libedit-dev libjansson-dev libsqlite3-dev uuid-dev libxml2-dev \
  libxslt1-dev libssl-dev libcurl4-openssl-dev liburiparser-dev libspeex-dev libspeexdsp-dev libogg-dev \
  libvorbis-dev libsrtp2-dev zlib1g-dev libunbound-dev libpopt-dev libncurses-dev libcap-dev clang-19 \
  libblocksruntime-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
CC=clang-19 ./configure --without-pjproject-bundled --without-pjproject
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
