#!/bin/bash
# Usage: obs-studio.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree, legacy CMake path)
# OBS Studio core only: libobs, libobs-opengl, the bundled deps it needs
# (libcaption, media-playback, file-updater, glad ...) and obs-frontend-api;
# no UI (Qt), no scripting, no plugins, no PulseAudio/Wayland. Tag 30.2.3:
# the newest release whose CMake minimum (3.22) Debian 12's cmake 3.25 meets
# (31.x wants 3.28). The legacy build path (no OBS_CMAKE_VERSION=3.0.0) is used
# because the new path's FindFFmpeg cannot parse Debian's FFMPEG_VERSION
# "5.1.x-0+deb12uN" (the '+' fails its regex) and then rejects FFmpeg 5.1.
# Locks: raw pthread mutexes everywhere (pthread_mutex_lock/unlock on
# source->filter_mutex, encoder->init_mutex/callbacks_mutex, group->mutex,
# obs->data.sources_mutex ...), some made recursive through
# pthread_mutex_init_recursive() (util/threading.h); small file-local
# wrappers: full_lock/full_unlock and the video_lock/audio_lock macros in
# obs-scene.c, bool lock(void)/unlock(void) for obs->hotkeys.mutex in
# obs-hotkey.c (lock() returns false without locking when obs is NULL);
# os_sem/os_event from util/threading.h for signalling.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake ninja-build pkg-config libavformat-dev libavutil-dev libswscale-dev libswresample-dev libavcodec-dev libavdevice-dev zlib1g-dev uthash-dev libjansson-dev uuid-dev libx11-dev libx11-xcb-dev libxcb1-dev libxcb-xinput-dev libxcb-randr0-dev libxcb-shm0-dev libxcb-xfixes0-dev libxcomposite-dev libgl-dev libegl-dev libsimde-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DENABLE_UI=OFF -DENABLE_SCRIPTING=OFF -DENABLE_PLUGINS=OFF -DENABLE_WAYLAND=OFF -DENABLE_PULSEAUDIO=OFF \
  -DENABLE_AJA=OFF -DENABLE_WEBRTC=OFF -DENABLE_BROWSER=OFF -DENABLE_WEBSOCKET=OFF -DENABLE_NEW_MPEGTS_OUTPUT=OFF -DENABLE_VLC=OFF
nice ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
