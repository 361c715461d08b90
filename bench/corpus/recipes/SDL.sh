#!/bin/bash
# Usage: SDL.sh SRC_DIR BUILD_DIR   (cmake, out-of-tree build)
# SDL3 shared library with threads; audio: PulseAudio, PipeWire, ALSA, JACK, sndio; video: X11 (all ext),
# Wayland (+libdecor), KMSDRM, OpenGL/GLES/Vulkan; D-Bus, IBus, udev, HIDAPI+libusb, pipewire/v4l2 camera.
# (SDL_LIBURING is requested but stays OFF: Debian 12 liburing 2.3 has no liburing-ffi.pc.)
# Tests/examples off to keep the build to the library itself.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake make pkg-config libpulse-dev libpipewire-0.3-dev libasound2-dev libjack-jackd2-dev \
  libsndio-dev libx11-dev libxext-dev libxcursor-dev libxi-dev libxfixes-dev libxrandr-dev libxss-dev libxtst-dev \
  libwayland-dev libxkbcommon-dev wayland-protocols libdecor-0-dev libegl-dev libgl-dev libgles-dev libdrm-dev \
  libgbm-dev libvulkan-dev libudev-dev libdbus-1-dev libibus-1.0-dev liburing-dev libusb-1.0-0-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DSDL_SHARED=ON -DSDL_STATIC=OFF -DSDL_TESTS=OFF -DSDL_EXAMPLES=OFF -DSDL_INSTALL_TESTS=OFF \
  -DSDL_THREADS=ON -DSDL_PULSEAUDIO=ON -DSDL_PIPEWIRE=ON -DSDL_ALSA=ON -DSDL_JACK=ON -DSDL_SNDIO=ON \
  -DSDL_X11=ON -DSDL_WAYLAND=ON -DSDL_WAYLAND_LIBDECOR=ON -DSDL_KMSDRM=ON -DSDL_OPENGL=ON -DSDL_OPENGLES=ON \
  -DSDL_VULKAN=ON -DSDL_DBUS=ON -DSDL_IBUS=ON -DSDL_LIBURING=ON -DSDL_LIBUDEV=ON -DSDL_HIDAPI=ON \
  -DSDL_HIDAPI_LIBUSB=ON
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
