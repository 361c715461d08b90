#!/bin/bash
# Usage: mlt.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# MLT, the multimedia framework behind Kdenlive / Shotcut: libmlt (framework: properties, services, producers,
# consumers, playlists, tractor, the frame cache and the repository) and the C modules avformat (FFmpeg 5.1),
# core, plus, plusgpl, frei0r, gdk (gdk-pixbuf / pango), jackrack (JACK, LADSPA, LV2), kdenlive, normalize,
# oldfilm, openfx, resample (libsamplerate), sdl2, sox, vorbis, xine and xml, plus melt. Qt, movit, decklink,
# rtaudio, rubberband, rnnoise, placebo and vid.stab are off (C++ or not in Debian 12). Debug build. Locks: raw
# pthread mutexes / condition variables: mlt_properties_lock / mlt_service_lock / mlt_frame / mlt_cache /
# mlt_deque users in the framework (mlt_properties.c wraps pthread_mutex_lock on the properties' mutex), the
# consumer's put/queue/done mutexes (mlt_consumer.c's threaded read-ahead and frame-dropping workers), the
# avformat producer's audio/video/open mutexes, the SDL2 consumers' refresh / video mutexes, jackrack's
# and the plus module's per-filter mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake ninja-build pkg-config libavformat-dev libavfilter-dev libswscale-dev \
  libavdevice-dev libswresample-dev libsdl2-dev libjack-jackd2-dev ladspa-sdk liblilv-dev libsamplerate0-dev \
  libsox-dev libvorbis-dev libxine2-dev frei0r-plugins-dev libgdk-pixbuf-2.0-dev libpango1.0-dev libfftw3-dev \
  libebur128-dev libexif-dev libfontconfig-dev libxml2-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCLANG_FORMAT=OFF -DBUILD_TESTING=OFF -DBUILD_TESTS_WITH_QT6=OFF \
  -DMOD_DECKLINK=OFF -DMOD_MOVIT=OFF -DMOD_QT6=OFF -DMOD_GLAXNIMATE_QT6=OFF -DMOD_RTAUDIO=OFF \
  -DMOD_RUBBERBAND=OFF -DMOD_RNNOISE=OFF -DMOD_PLACEBO=OFF -DMOD_VIDSTAB=OFF -DMOD_SPATIALAUDIO=OFF \
  -DMOD_NDI=OFF -DMOD_OPENCV=OFF -DMOD_SDL1=OFF -DUSE_VST2=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
