#!/bin/bash
# Usage: xrdp.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; bootstrap/autoreconf runs in SRC_DIR)
# Upstream default options (PAM, OpenSSL, bundled libpainter + librfxcodec with nasm SIMD, X11/Xfixes/Xrandr);
# no optional extras. Submodules come from local mirrors: ulalaca at its pinned commit; the pinned
# libpainter/librfxcodec commits are not in the mirrors, so the newest mirrored devel commits are used
# (libpainter 81f8237 = pin of the previous xrdp commit, librfxcodec 015fdff = pin as of 2024-03).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config autoconf automake libtool git nasm libssl-dev libpam0g-dev \
  libx11-dev libxfixes-dev libxrandr-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
M=/work/.mirror
cd "$SRC"
[ -f ulalaca/Makefile.am ] || git -c protocol.file.allow=always \
  -c submodule.ulalaca.url=$M/neutrinolabs+ulalaca-xrdp/repo submodule update --init ulalaca
for s in libpainter:81f8237dec6de1669b231aa847e221931c4d176f librfxcodec:015fdffff98584c47966aca617acdc0d1e6dbdca; do
  d=${s%%:*}; c=${s#*:}
  if [ ! -f "$d/configure.ac" ]; then
    git -c protocol.file.allow=always -c submodule.$d.url=$M/neutrinolabs+$d/repo submodule update --init "$d" ||
      { rm -rf "$d" ".git/modules/$d"; git clone -q "$M/neutrinolabs+$d/repo" "$d"; git -C "$d" checkout -q "$c"; }
  fi
done
./bootstrap
cd "$BUILD"
"$SRC/configure"
bear -- make -j2
test -s "$BUILD/compile_commands.json"
