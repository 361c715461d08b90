#!/bin/bash
# Usage: allegro5.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Allegro 5, the game-programming library: the core (system, display / event / timer / threads / file /
# bitmap layers, the X11 + OpenGL (GLX) display driver, the Linux joystick / haptic / keyboard / mouse drivers)
# and the font, ttf, image, color, memfile, physfs, primitives, audio (ALSA / PulseAudio / OpenAL),
# acodec and video addons. Debug build, pthreads; native dialog (GTK), docs, demos, examples and tests off.
# Locks: Allegro's thread layer over pthreads: ALLEGRO_MUTEX / al_lock_mutex / al_unlock_mutex (public),
# the internal _AL_MUTEX with _al_mutex_lock / _al_mutex_unlock (static inlines in aintuthr.h calling
# pthread_mutex_lock / unlock), _AL_COND with _al_cond_wait; event-source locks (_al_event_source_lock),
# the X11 system lock (s->lock), the audio stream / voice mutexes and the timers' lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake ninja-build pkg-config libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev \
  libxxf86vm-dev libxss-dev libgl-dev libglu1-mesa-dev libasound2-dev libpulse-dev libopenal-dev libfreetype-dev \
  libpng-dev libjpeg-dev libwebp-dev libvorbis-dev libflac-dev libopusfile-dev libtheora-dev libphysfs-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DWANT_NATIVE_DIALOG=OFF -DWANT_DOCS=OFF -DWANT_DEMO=OFF -DWANT_EXAMPLES=OFF -DWANT_TESTS=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
