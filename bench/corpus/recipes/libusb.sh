#!/bin/bash
# Usage: libusb.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; autoreconf runs in SRC_DIR)
# Linux backend with udev hotplug; examples and tests are built too. Only the doxygen man pages are
# disabled (documentation, no C code).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config autoconf automake libtool libudev-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && autoreconf -fi)
cd "$BUILD"
"$SRC/configure" --enable-udev --enable-examples-build --enable-tests-build --disable-man-pages
bear -- make -j2
test -s "$BUILD/compile_commands.json"
