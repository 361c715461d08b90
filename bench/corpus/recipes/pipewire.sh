#!/bin/bash
# Usage: pipewire.sh SRC_DIR BUILD_DIR   (meson + ninja; optional parts needing non-Debian-12 deps disabled)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config systemd libsystemd-dev libudev-dev libdbus-1-dev \
  libasound2-dev libsndfile1-dev libreadline-dev libncurses-dev libopus-dev libssl-dev libglib2.0-dev \
  libusb-1.0-0-dev libpulse-dev libfftw3-dev libebur128-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
meson setup "$BUILD" "$SRC" --wrap-mode=nodownload --buildtype=debug -Dsession-managers=[] \
  -Ddocs=disabled -Dman=disabled -Dexamples=disabled -Dtests=disabled -Dinstalled_tests=disabled \
  -Dgstreamer=disabled -Dgstreamer-device-provider=disabled -Dpipewire-jack=disabled -Djack=disabled \
  -Djack-devel=false -Dbluez5=disabled -Dlibcamera=disabled -Dvulkan=disabled -Dsdl2=disabled \
  -Dx11=disabled -Dx11-xfixes=disabled -Davahi=disabled -Droc=disabled -Dlv2=disabled \
  -Decho-cancel-webrtc=disabled -Dlibmysofa=disabled -Dffmpeg=disabled -Dpw-cat-ffmpeg=disabled \
  -Dlibcanberra=disabled -Dlibffado=disabled -Donnxruntime=disabled -Dsnap=disabled -Dselinux=disabled \
  -Dgsettings=disabled
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
