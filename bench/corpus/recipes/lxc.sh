#!/bin/bash
# Usage: lxc.sh SRC_DIR BUILD_DIR  -- out-of-tree Meson build.
# thread-safety on (default); capabilities, seccomp, apparmor, selinux, openssl, dbus on;
# examples, man pages, tests, pam_cgroup off.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
PKGS="meson ninja-build gcc pkg-config libcap-dev libseccomp-dev libapparmor-dev libselinux1-dev libssl-dev libdbus-1-dev"
missing=$(for p in $PKGS; do dpkg -s $p >/dev/null 2>&1 || echo $p; done)
[ -z "$missing" ] || { apt-get update; apt-get install -y --no-install-recommends $missing; }
# Debian's meson runs on /usr/bin/python3; avoid picking up a pyenv python first in PATH
export PATH=/usr/bin:$PATH
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug --wrap-mode=nodownload \
  -Dthread-safety=true -Dexamples=false -Dman=false -Dapi-docs=false -Dtests=false -Dpam-cgroup=false \
  -Dcapabilities=true -Dseccomp=true -Dapparmor=true -Dselinux=true -Dopenssl=true -Ddbus=true
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
