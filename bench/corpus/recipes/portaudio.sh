#!/bin/bash
# Usage: portaudio.sh SRC_DIR BUILD_DIR   (cmake)
# PortAudio, the cross-platform audio I/O library: libportaudio with the ALSA, JACK and PulseAudio host APIs
# (OSS off, the upstream default), the common front end and ring buffer, the Unix threading utilities, and the
# test and example programs. Locks: PaUnixMutex_Lock / PaUnixMutex_Unlock (pa_unix_util.c, out-of-line wrappers
# over pthread_mutex_*) around the ALSA stream's stateMtx, reached through PA_ENSURE (a goto-error macro on a
# non-paNoError result) and ASSERT_CALL_; raw pthread mutexes and conditions in the JACK host API (jackApi->mtx
# behind ASSERT_CALL, the stream's xrun / command handshake with jackHostApi->cond); PulseAudio's threaded
# main-loop lock behind PaPulseAudio_Lock / PaPulseAudio_UnLock (pa_threaded_mainloop_lock); PaUnixThread's
# start-up handshake mutex / condition.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake make pkg-config libasound2-dev libjack-jackd2-dev libpulse-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc cmake -S "$SRC" -B "$BUILD" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPA_BUILD_TESTS=ON -DPA_BUILD_EXAMPLES=ON -DPA_USE_ALSA=ON -DPA_USE_JACK=ON -DPA_USE_PULSEAUDIO=ON
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
