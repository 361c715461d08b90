#!/bin/bash
# Usage: mpv.sh SRC_DIR BUILD_DIR   (meson + ninja, out-of-tree)
# NOTE: SRC_DIR must be at tag v0.36.0: newer mpv needs libplacebo >= 6.338 (v0.37), FFmpeg >= 6.1 and
# meson >= 1.3 (master); Debian 12 has libplacebo 4.208, FFmpeg 5.1 and meson 1.0.1.
# Upstream default options (auto features found from the packages below) plus -Dlibmpv=true (the client API
# library beside the CLI player): pthread mutexes/condvars throughout (player, demux, audio/video output threads,
# dispatch queues); ALSA, PulseAudio, PipeWire, JACK audio; X11, Wayland, DRM/GBM, EGL, Vulkan, VAAPI, VDPAU,
# libplacebo (no gpu-next: needs libplacebo >= 5.264); Lua 5.2, MuJS JavaScript, libarchive, libbluray,
# uchardet, lcms2, rubberband, zimg, JPEG. No manpage (rst2man), no tests.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config python3 libavcodec-dev libavformat-dev libavfilter-dev \
  libavutil-dev libswresample-dev libswscale-dev libavdevice-dev libass-dev libplacebo-dev liblua5.2-dev \
  libmujs-dev libjpeg-dev zlib1g-dev libasound2-dev libpulse-dev libpipewire-0.3-dev libjack-jackd2-dev \
  libx11-dev libxext-dev libxinerama-dev libxrandr-dev libxss-dev libxpresent-dev libxv-dev libxkbcommon-dev \
  libwayland-dev wayland-protocols libegl-dev libgl-dev libdrm-dev libgbm-dev libvulkan-dev libva-dev \
  libvdpau-dev libarchive-dev libbluray-dev libuchardet-dev liblcms2-dev librubberband-dev libzimg-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
export PATH=/usr/bin:$PATH
meson setup "$BUILD" "$SRC" --buildtype=debug --wrap-mode=nodownload -Dlibmpv=true -Dmanpage-build=disabled
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
