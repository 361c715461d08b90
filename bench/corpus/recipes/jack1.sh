#!/bin/bash
# Usage: jack1.sh SRC_DIR BUILD_DIR   (autotools: autogen.sh in SRC_DIR, configure run from BUILD_DIR)
# JACK 1 (jackaudio/jack1), the low-latency audio connection kit: jackd with the ALSA, dummy, net and OSS
# drivers, libjack and jackd's internal clients. The public headers are the git submodule `jack`
# (jackaudio/headers); it is filled from a local mirror. Locks: include/engine.h's brace-block macros that
# abort() on failure: jack_lock_graph / jack_rdlock_graph / jack_unlock_graph (pthread_rwlock on
# engine->client_lock, the client graph), jack_try_rdlock_graph, jack_lock_problems / jack_unlock_problems
# (problem_lock); raw pthread mutexes elsewhere: the engine's request_lock (server socket requests, dropped and
# retaken inside clientengine.c), libjack's port / client mutexes and driver-private ones (netjack's packet
# cache, the ALSA MIDI threads).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libasound2-dev libdb-dev libsamplerate0-dev \
  libsndfile1-dev libreadline-dev libopus-dev libexpat1-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
JACK_HEADERS_GIT=${JACK_HEADERS_GIT:-/work/.mirror/jackaudio+headers/repo}
if [ ! -e "$SRC/jack/jack.h" ]; then
  git -C "$SRC" -c protocol.file.allow=always -c submodule.jack.url="$JACK_HEADERS_GIT" submodule update --init jack
fi
[ -x "$SRC/configure" ] || (cd "$SRC" && ./autogen.sh)
cd "$BUILD"
CC=gcc "$SRC/configure" --enable-debug --enable-force-install   # Debian's libjack may be installed
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
