#!/bin/bash
# Usage: cmus.sh SRC_DIR BUILD_DIR   (cmus's own shell configure + Makefile; in-tree only, so SRC_DIR minus .git is
# copied into BUILD_DIR first and the compile database's paths point into BUILD_DIR)
# The cmus console music player: the cmus binary and cmus-remote, with the input plugins whose libraries Debian 12
# provides here (FLAC, MAD, Vorbis, Opus, WavPack, CUE, AAC, FFmpeg, WAV, ...) and the ALSA, PulseAudio, JACK and
# sndio output plugins, MPRIS via libsystemd; configure's auto-detection decides the rest. Locks: locking.c's
# wrappers cmus_mutex_lock / cmus_mutex_unlock and cmus_rwlock_rdlock / _wrlock / _unlock (out-of-line functions
# around pthread_*_lock that BUG() on error), used through per-file macros (player_lock / producer_lock /
# consumer_lock / player_info_priv_lock / player_metadata_lock in player.c, ip_rdlock / ip_wrlock / ip_unlock on
# the ip_lock rwlock in input.c, job_lock in job.c, worker_lock in worker.c, cmus_next_file_lock), and the
# FIFO-ordered fifo_mutex_lock / fifo_mutex_unlock / fifo_mutex_yield of locking.c behind cache_lock() /
# cache_unlock() (cache.h).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config libncurses-dev libflac-dev libmad0-dev libvorbis-dev libopusfile-dev \
  libwavpack-dev libcue-dev libfaad-dev libavformat-dev libavcodec-dev libswresample-dev libasound2-dev \
  libpulse-dev libjack-jackd2-dev libsamplerate0-dev libsystemd-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
CC=gcc ./configure prefix=/usr/local DEBUG=1
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
