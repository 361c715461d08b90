#!/bin/bash
# Usage: rtpengine.sh SRC_DIR BUILD_DIR   (plain make, in-tree build: rtpengine has no configure and no out-of-tree
# build; compile_commands.json is written to BUILD_DIR with paths into SRC_DIR)
# Upstream default `make all`: the daemon, recording-daemon and perf-tester with transcoding (FFmpeg, spandsp, opus,
# bcg729), MQTT, libsystemd, liburing and libiptc all found by utils/gen-common-flags; the shared lib/*.o objects are
# built once, with the first program's flags, and reused. No kernel module (needs kernel headers), no Perl tests.
# GLib mutexes (mutex_lock/rwlock_lock_r wrappers and LOCK() scoped guards in lib/auxlib.h). Its flags include
# dpkg-buildflags and -O3 -flto=auto -ffat-lto-objects, as upstream sets them. The *.strhash.c sources are
# generated (utils/const_str_hash, gperf) from their *.c namesakes and kept after the build.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config gperf pandoc perl dpkg-dev libglib2.0-dev libjson-glib-dev \
  libcurl4-openssl-dev libssl-dev libevent-dev libpcre2-dev libwebsockets-dev zlib1g-dev libncurses-dev libopus-dev \
  libjwt-dev libhiredis-dev libpcap0.8-dev libavcodec-dev libavfilter-dev libavformat-dev libavutil-dev \
  libswresample-dev libspandsp-dev libbcg729-dev libmosquitto-dev libsystemd-dev liburing-dev libiptc-dev \
  libxtables-dev default-libmysqlclient-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
bear --output "$BUILD/compile_commands.json" -- make -j2
# make deletes the generated *.strhash.c sources as intermediates once compiled: make them again, by name, so
# that every file the database names exists
python3 - "$BUILD/compile_commands.json" <<'PY' | while read -r d f; do make -C "$d" "$f"; done
import json, os, sys
for e in json.load(open(sys.argv[1])):
    f = os.path.join(e['directory'], e['file'])
    if not os.path.exists(f):
        print(e['directory'], os.path.relpath(f, e['directory']))
PY
test -s "$BUILD/compile_commands.json"
