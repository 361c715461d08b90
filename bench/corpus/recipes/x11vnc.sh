#!/bin/bash
# Usage: x11vnc.sh SRC_DIR BUILD_DIR   (autotools; source is copied to BUILD_DIR and bootstrapped there)
# x11vnc, the VNC server for real X displays, built against the system libvncserver with X11, XTEST, XDAMAGE,
# XFIXES, XRANDR, XINERAMA, OpenSSL and threads. Locks: libvncserver's LOCK / UNLOCK / INIT_MUTEX macros
# (rfb/rfbproto.h / rfbclient.h, over pthread_mutex_*) on client output mutexes, x11vnc's own X_LOCK / X_UNLOCK
# (xwrappers.h, a pthread mutex x11Mutex taken around Xlib calls when threads are on), and the
# CLIENT_LOCK / SCHED_LOCK style macros in the scheduling code.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libvncserver-dev libx11-dev libxtst-dev \
  libxdamage-dev libxfixes-dev libxrandr-dev libxinerama-dev libxext-dev libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
./autogen.sh
./configure CC=gcc --without-avahi
bear -- make -j2
test -s "$BUILD/compile_commands.json"
