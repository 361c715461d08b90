#!/bin/bash
# Usage: dbus.sh SRC_DIR BUILD_DIR  -- out-of-tree CMake build (X11 and GLib test support off)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
PKGS="cmake ninja-build pkg-config libexpat1-dev"
missing=$(for p in $PKGS; do dpkg -s $p >/dev/null 2>&1 || echo $p; done)
[ -z "$missing" ] || { apt-get update; apt-get install -y --no-install-recommends $missing; }
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DDBUS_BUILD_X11=OFF -DDBUS_WITH_GLIB=OFF
cmake --build "$BUILD" -j2
test -f "$BUILD/compile_commands.json"
