#!/bin/bash
# Usage: spice.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# spice-server (libspice-server) 0.15, the SPICE remote-display server library: the reds core, the display /
# cursor / inputs / main / playback / record channels, the red-worker thread and the dispatcher, the image
# encoders (QUIC, LZ, GLZ with its shared dictionary, JPEG, zlib-GLZ; no LZ4), stream handling, the char
# devices; the spice-common subproject is built too. No GStreamer, SASL, Opus, smartcard, manual or tests.
# Since 0.15 most of the server is C++ (reds.cpp, red-*.cpp, dispatcher.cpp, dcc*.cpp ...), which lockcheck
# does not read: only the 35 C files (glz-encoder*.c, stat-file.c, red-record-qxl.c, the other encoders,
# spice-common's C) are analysed. Build fixes without touching the sources: spice-common and its
# common/recorder submodule are cloned from local git mirrors (SPICE_COMMON_GIT, RECORDER_GIT; default
# /work/.mirror/...) at the pinned commits and recorder's make-it-quick submodule is marked update=none
# (meson's check-spice-common step runs `git submodule update --init --recursive`, no network here);
# spice-common's `python -m MODULE` checks are off (pyparsing 3 has no __main__); the C++ files get
# -include array (reds.cpp uses std::array without <array>, which gcc 12 rejects).
# Locks in the C part: raw pthread mutexes / rwlocks: the GLZ dictionary's lock and rw_alloc_lock
# (glz-encoder-dict.c), the stat-file lock (stat-file.c), red-record-qxl's recorder lock; the dispatcher /
# main-dispatcher / char-device locks live in the C++ files.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config python3 python3-pyparsing python3-six libspice-protocol-dev \
  libglib2.0-dev libpixman-1-dev libjpeg-dev zlib1g-dev libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
SPICE_COMMON_GIT=${SPICE_COMMON_GIT:-/work/.mirror/freedesktop+spice-common/repo}
RECORDER_GIT=${RECORDER_GIT:-/work/.mirror/c3d+recorder/repo}
if [ ! -f "$SRC/subprojects/spice-common/common/recorder/recorder.h" ]; then
  git -C "$SRC" config submodule.spice-common.url "$SPICE_COMMON_GIT"
  git -C "$SRC" -c protocol.file.allow=always submodule update --init
  git -C "$SRC/subprojects/spice-common" config submodule.common/recorder.url "$RECORDER_GIT"
  git -C "$SRC/subprojects/spice-common" -c protocol.file.allow=always submodule update --init
  git -C "$SRC/subprojects/spice-common/common/recorder" config submodule.make-it-quick.update none
fi
git -C "$SRC" submodule update --init --recursive
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug -Dgstreamer=no -Dlz4=false -Dsasl=false -Dopus=disabled \
  -Dsmartcard=disabled -Dmanual=false -Dtests=false -Dwerror=false -Dspice-common:python-checks=false \
  -Dcpp_args="-include array"
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
