#!/bin/bash
# Usage: pulseaudio.sh SRC_DIR BUILD_DIR   (meson out-of-tree build; optional features disabled)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config m4 libsndfile1-dev libltdl-dev libasound2-dev \
  libspeexdsp-dev libdbus-1-dev libsystemd-dev libudev-dev libssl-dev libcap-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
meson setup "$BUILD" "$SRC" --buildtype=debugoptimized \
  -Dtests=false -Dman=false -Ddoxygen=false -Dgcov=false -Ddatabase=simple \
  -Dbluez5=disabled -Dgtk=disabled -Dgstreamer=disabled -Dbluez5-gstreamer=disabled \
  -Djack=disabled -Dlirc=disabled -Davahi=disabled -Dx11=disabled -Dwebrtc-aec=disabled \
  -Dvalgrind=disabled -Dtcpwrap=disabled -Dfftw=disabled -Dsoxr=disabled -Dsamplerate=disabled \
  -Dorc=disabled -Delogind=disabled -Dconsolekit=disabled -Dasyncns=disabled -Dgsettings=disabled \
  -Dbashcompletiondir=no -Dzshcompletiondir=no
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
