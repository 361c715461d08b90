#!/bin/bash
# Usage: fluidsynth.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree; the gcem submodule is filled from a local
# mirror of kthohr/gcem: the pinned commit is not in the mirror, so its newest commit is checked out and given a
# gcem::fabs shim)
# FluidSynth at tag v2.5.7 (3ede3f7c), the last release whose OS abstraction is GLib: the next commit on master
# ("Remove GLib & LibInstpatch", 1400ac92) makes the C++11 layer (fluid_sys_cpp11.cpp) the only one, whose
# mutexes are opaque C++ functions to a C analyser. Debug build with osal=glib: libfluidsynth (synth, rvoice
# mixer and event queues, sequencer, MIDI router / player / driver, shell and TCP server, settings, SoundFont
# loader with the native C++17 DLS loader), audio drivers ALSA / JACK / PulseAudio / PipeWire / OSS / sound-file
# (libsndfile), LADSPA, D-Bus (rtkit), systemd, readline, OpenMP and thread support, the fluidsynth program.
# Locks: fluid_sys_glib.h's fluid_mutex_lock / fluid_rec_mutex_lock / fluid_cond_mutex_lock macros over GLib
# g_mutex_lock / g_rec_mutex_lock (the synth API's recursive `synth->mutex` via fluid_synth_api_enter / _exit,
# the settings' recursive mutex, the sequencer's mutex, the MIDI router's rules_mutex, the shell server's
# mutex, the LADSPA fx api_mutex, the timer / cond-var pairs of the mixer threads), plus fluid_private keys.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc g++ pkg-config libglib2.0-dev libsndfile1-dev libasound2-dev libjack-jackd2-dev \
  libpulse-dev libpipewire-0.3-dev libreadline-dev libdbus-1-dev libsystemd-dev ladspa-sdk; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
GCEM_GIT=${GCEM_GIT:-/work/.mirror/kthohr+gcem/repo}
if [ ! -f "$SRC/gcem/include/gcem.hpp" ]; then
  rm -rf "$SRC/gcem"; git clone -q "$GCEM_GIT" "$SRC/gcem"
fi
# the mirror's gcem (345cf52, 2023) predates gcem::fabs, which src/gentables/fluid_interp_coeff_sinc7.cpp uses:
# give it one, defined as gcem::abs, inside gcem.hpp's include guard
if ! grep -q 'fabs' "$SRC/gcem/include/gcem.hpp"; then
  sed -i '$i namespace gcem { template<typename T> constexpr T fabs(const T x) noexcept { return gcem::abs(x); } }' \
    "$SRC/gcem/include/gcem.hpp"
fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -Dosal=glib -Denable-threads=ON -Denable-openmp=ON -Denable-alsa=ON \
  -Denable-jack=ON -Denable-pulseaudio=ON -Denable-pipewire=ON -Denable-libsndfile=ON -Denable-dbus=ON \
  -Denable-systemd=ON -Denable-readline=ON -Denable-ladspa=ON -Denable-network=ON -Denable-oss=ON \
  -Denable-sdl3=OFF -DGCEM_INCLUDE_DIR="$SRC/gcem/include"
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
