#!/bin/bash
# Usage: motion.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, configure run from BUILD_DIR)
# Motion at branch 4.7 (release 4.7.1, 04e4a05d), the last C release: master is the C++ rewrite. The motion
# daemon with V4L2, BKTR (Linux stub), FFmpeg movies and netcam RTSP, WebP, MariaDB, PostgreSQL and SQLite3 event
# databases, and the libmicrohttpd web control / stream server. Locks: raw pthread mutexes: the per-camera
# cnt->stream.mutex (webu stream buffers), the netcam's mutex / mutex_pktarray / mutex_transfer and the
# pthread_cond pic_ready handshake (netcam.c, netcam_rtsp.c, netcam_http.c), the global
# motapp->global_lock (threads_running counter), the dbse_lock in dbse.c, the FFmpeg avcodec-open mutex
# (ffmpeg.c), the v4l2 / bktr device list vid_mutex and the webu_ans mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake autopoint gettext pkg-config libjpeg-dev libmicrohttpd-dev \
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libavdevice-dev libwebp-dev libmariadb-dev \
  libpq-dev libsqlite3-dev libv4l-dev zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && autoreconf -fiv)
cd "$BUILD"
CC=gcc "$SRC/configure" --with-v4l2 --with-bktr --with-webp --with-ffmpeg --with-mariadb --without-mysql \
  --with-pgsql --with-sqlite3 --without-optimizecpu
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
