#!/bin/bash
# Usage: alsa-lib.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; autoreconf and configure write a few
# files into SRC_DIR: the include/alsa symlink and the plugin symbol lists)
# NOTE: SRC_DIR must be at tag v1.2.15.3: newer alsa-lib (v1.2.16 and master) needs autoconf >= 2.72; Debian 12 has
# 2.71.
# Upstream default options: every component (control, mixer, pcm with all PCM plugins incl. dmix/dsnoop/dshare,
# rawmidi, hwdep, seq, ucm, topology, timer), all control plugins, aserver, the thread-safe API
# (THREAD_SAFE_API: pthread mutexes in the pcm, control and ucm code); then `make check TESTS=` so test/*
# (incl. pcm-multi-thread) is compiled but not run. No mixer modules (experimental, off upstream).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && autoreconf -fi)
cd "$BUILD"
"$SRC/configure" CC=gcc
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
