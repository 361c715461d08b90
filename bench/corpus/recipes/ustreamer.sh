#!/bin/bash
# Usage: ustreamer.sh SRC_DIR BUILD_DIR   (plain make: the tree is copied into BUILD_DIR and built there under bear)
# µStreamer (pikvm), the lightweight MJPEG-over-HTTP V4L2 streamer: ustreamer itself (V4L2 capture, the
# CPU / hardware JPEG encoders and their worker pool, the libevent HTTP server, the memsink shared-memory
# sinks, the frame ring) and ustreamer-dump; no Python module, no Janus plugin, no V4P/DRM, no GPIO, no
# systemd. Locks: raw pthread mutexes behind src/libs/threading.h's US_MUTEX_LOCK / US_MUTEX_UNLOCK macros
# (wrappers that assert the pthread call's result): the logging mutex (US_LOGGING_LOCK), the workers pool's
# and the ring's mutexes, the stream/encoder state mutexes; flock() on the memsink files.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config libevent-dev libjpeg-dev libbsd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
make clean >/dev/null 2>&1 || true
CC=gcc CFLAGS="-O0 -g" bear --output "$BUILD/compile_commands.json" -- make -j2 WITH_PYTHON=0 WITH_JANUS=0 WITH_V4P=0 WITH_GPIO=0 WITH_SYSTEMD=0
test -s "$BUILD/compile_commands.json"
