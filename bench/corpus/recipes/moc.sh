#!/bin/bash
# Usage: moc.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, then a VPATH build in BUILD_DIR)
# MOC (music on console), the jonsafari/mocp git copy of the svn trunk (2.6-alpha3): the mocp client/server with
# the tags cache (Berkeley DB), ALSA, JACK and OSS outputs, libsamplerate, librcc, curl streams, libmagic, and the
# decoder plugins Debian 12 can build (mp3, aac, flac, vorbis, sndfile, speex, wavpack, modplug, musepack); no
# ffmpeg plugin (it does not compile against Debian 12's FFmpeg 5) and no timidity (libtimidity is not in Debian
# 12). Locks: only common.h's LOCK(mutex) / UNLOCK(mutex) macros over pthread_mutex_lock(&mutex): audio.c's
# plist_mtx / curr_playing_mtx / request_mtx, the fifo and out_buf mutexes (buf->mutex, b->mtx), io.c's stream
# locks (s->buf_mtx, s->io_mtx, s->metadata.mtx), player.c's request_cond_mtx / decoder_stream_mtx /
# curr_tags_mtx, tags_cache's c->mutex, server.c's per-client events_mtx, log.c's logging_mtx.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool gettext pkg-config libdb-dev libpopt-dev libltdl-dev \
  libncurses-dev libid3tag0-dev libmagic-dev libcurl4-openssl-dev libasound2-dev libjack-jackd2-dev \
  libsamplerate0-dev librcc-dev libmad0-dev libfaad-dev libflac-dev libvorbis-dev libsndfile1-dev libspeex-dev \
  libwavpack-dev libmodplug-dev libmpcdec-dev libtagc0-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && autoreconf -if)
cd "$BUILD"
CC=gcc "$SRC/configure" --enable-debug --without-ffmpeg
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
