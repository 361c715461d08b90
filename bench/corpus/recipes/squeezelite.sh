#!/bin/bash
# Usage: squeezelite.sh SRC_DIR BUILD_DIR   (a plain Makefile that builds in the source tree only, so SRC_DIR minus
# .git is copied into BUILD_DIR and built there; the compile database's paths point into BUILD_DIR)
# squeezelite, the headless Logitech Media Server (Squeezebox) player: ALSA output, with DSD, FFmpeg, resampling
# (soxr), the visualiser export, LIRC infra-red, GPIO, OpenSSL streams, Opus, and the default FLAC / Vorbis / MAD /
# mpg123 / FAAD decoders, all linked directly (-DLINKALL). No ALAC (libalac is not in Debian 12) and no
# PulseAudio / PortAudio output (the Makefile builds one back end at a time). Locks: squeezelite.h's
# mutex_lock(m) / mutex_unlock(m) macros over pthread_mutex_lock(&m) on the three buffers' mutexes
# (streambuf->mutex, outputbuf->mutex, decode.mutex), used through per-file macros LOCK_S / UNLOCK_S, LOCK_O /
# UNLOCK_O, LOCK_D / UNLOCK_D and the conditional LOCK_O_direct / LOCK_O_not_direct (`if (decode.direct)
# mutex_lock(...)`) of the decoders.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config libasound2-dev libflac-dev libvorbis-dev libmad0-dev libmpg123-dev libfaad-dev \
  libsoxr-dev libavformat-dev libavcodec-dev libavutil-dev liblirc-dev libssl-dev libopusfile-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
bear --output "$BUILD/compile_commands.json" -- \
  make -j2 CC=gcc CPPFLAGS="$(pkg-config --cflags opusfile)" OPTS="-DDSD -DFFMPEG -DRESAMPLE -DVISEXPORT -DIR -DGPIO -DUSE_SSL -DOPUS -DLINKALL"
test -s "$BUILD/compile_commands.json"
