#!/bin/bash
# Usage: gpac.sh SRC_DIR BUILD_DIR   (gpac's own configure + make, out of tree: configure run from BUILD_DIR)
# GPAC multimedia framework: libgpac (utils, isomedia, media tools, filters / filter session, scene graph,
# compositor, BIFS / LASeR / SVG, JS bindings via the bundled QuickJS, network / download manager, DASH / HLS,
# ROUTE), the modules that Debian 12's installed dev packages enable (zlib, openssl, png, jpeg, freetype,
# X11), gpac and MP4Box applications; no SDL, no ffmpeg. Debug build. Locks: GF_Mutex (gf_mx_new / gf_mx_p /
# gf_mx_v / gf_mx_try_lock, recursive-by-owner mutexes over pthread_mutex in utils/os_thread.c with a
# holder-thread counter), GF_Semaphore, the filter session's tasks_mx / filters_mx / info_mx / props_mx, the
# download manager's cache mutexes, and raw pthread / atomic spin locks in a few places.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear pkg-config zlib1g-dev libssl-dev libpng-dev libjpeg-dev libfreetype-dev \
  libx11-dev libxext-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
"$SRC/configure" --cc=gcc --cxx=g++ --enable-debug --use-ffmpeg=no --use-sdl=no --disable-opt
bear -- make -j2
test -s "$BUILD/compile_commands.json"
