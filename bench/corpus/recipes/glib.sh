#!/bin/bash
# Usage: glib.sh SRC_DIR BUILD_DIR  -- out-of-tree Meson build.
# NOTE: SRC_DIR must be checked out at tag 2.78.6 (see glib.commit): Debian bookworm
# ships meson 1.0.1, and glib master needs meson >= 1.4 (2.80+ needs >= 1.2).
# Tests, docs, man pages, selinux, libmount, libelf disabled; no subproject downloads.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
PKGS="meson ninja-build pkg-config libffi-dev libpcre2-dev zlib1g-dev gettext"
missing=$(for p in $PKGS; do dpkg -s $p >/dev/null 2>&1 || echo $p; done)
[ -z "$missing" ] || { apt-get update; apt-get install -y --no-install-recommends $missing; }
# Debian's meson runs on /usr/bin/python3; avoid picking up a pyenv python first in PATH
export PATH=/usr/bin:$PATH
# gvdb is a git submodule (gitlab URL unreachable here); fill it from a local mirror of GNOME/gvdb
GVDB_GIT=${GVDB_GIT:-/work/.mirror/GNOME+gvdb/repo}
if [ ! -f "$SRC/subprojects/gvdb/meson.build" ]; then
  git -C "$SRC" -c protocol.file.allow=always -c submodule.subprojects/gvdb.url="$GVDB_GIT" \
    submodule update --init subprojects/gvdb
fi
meson setup "$BUILD" "$SRC" --buildtype=debug --wrap-mode=nodownload \
  -Dtests=false -Dman=false -Dgtk_doc=false -Dselinux=disabled -Dlibmount=disabled -Dlibelf=disabled
ninja -C "$BUILD" -j2
test -f "$BUILD/compile_commands.json"
