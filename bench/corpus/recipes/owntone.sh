#!/bin/bash
# Usage: owntone.sh SRC_DIR BUILD_DIR   (autotools, in-tree only: src/Makefile runs flex on parsers/*.l relative to
# the build folder, so a VPATH build fails; SRC_DIR minus .git is copied into BUILD_DIR, autoreconf -fi is run
# and the build is made there)
# OwnTone (owntone-server), the DAAP / MPD / AirPlay / Chromecast media server: owntone with FFmpeg (Debian 12's
# 5.1), libevent, SQLite, libwebsockets, Avahi, ALSA and PulseAudio outputs, Chromecast (protobuf-c, GnuTLS),
# Spotify (the in-tree librespot-c), LastFM, MPD, the AirPlay 1 / 2 pairing library and the in-tree evrtsp.
# Locks: raw pthread mutexes and condition variables, many behind misc.h's CHECK_ERR(L_x, pthread_mutex_lock(...)),
# which calls log_fatal_err (logger.c, another file; logs and abort()s) on a non-zero status: commands.c's
# per-command cmd->lck handshake between threads, the input buffer's input_buffer.mutex and the player / outputs
# metadata locks, the Spotify context / credentials / HTTP-session locks (spotify.c, librespot-c), the DAAP
# session and remote-pairing locks, the streaming / websocket / logger / library update-request mutexes, and
# librespot-c's and evthr.c's own thread pools.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool autoconf-archive autopoint gettext pkg-config bison flex \
  gperf zlib1g-dev libconfuse-dev libcurl4-openssl-dev libsodium-dev libxml2-dev libsqlite3-dev libevent-dev \
  libjson-c-dev libplist-dev libunistring-dev libgcrypt20-dev libavcodec-dev libavformat-dev libavfilter-dev \
  libavutil-dev libswscale-dev libswresample-dev libwebsockets-dev libavahi-client-dev libasound2-dev \
  libpulse-dev libprotobuf-c-dev libgnutls28-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
test -f configure || autoreconf -fi
CC=gcc ./configure --with-alsa --with-pulseaudio --with-libwebsockets --with-avahi --enable-chromecast \
  --disable-install-user --disable-install_systemd
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
