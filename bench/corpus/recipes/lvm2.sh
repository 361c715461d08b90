#!/bin/bash
# Usage: lvm2.sh SRC_DIR BUILD_DIR   (autoconf, shipped configure, VPATH out-of-tree build)
# Upstream defaults plus every daemon Debian 12 has the libraries for: dmeventd (with liblvm2cmd and the mirror,
# raid, snapshot, thin and vdo plugins), lvmpolld, lvmlockd with sanlock and dlm (and dlmcontrol), cmirrord
# (corosync cpg), dmfilemapd, editline, udev sync, systemd journal/notify, blkid wiping. Locks: pthread mutexes
# and condvars in dmeventd, lvmlockd, lvmpolld and the daemon-server library, libdm's and lvm's own locking.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config libaio-dev libblkid-dev libudev-dev libsystemd-dev libedit-dev \
  libselinux1-dev libsanlock-dev libdlm-dev libdlmcontrol-dev libcpg-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
"$SRC/configure" CC=gcc --enable-dmeventd --enable-cmdlib --enable-lvmpolld --enable-lvmlockd-sanlock \
  --enable-lvmlockd-dlm --enable-lvmlockd-dlmcontrol --enable-cmirrord --enable-dmfilemapd --enable-editline \
  --enable-udev_sync
# Every C subdirectory but man/: its lvm-index.7 rule looks for a generated file in SRC_DIR (fails out of tree).
bear --output "$BUILD/compile_commands.json" -- make -j2 libdm conf include libdaemon lib tools daemons scripts
test -s "$BUILD/compile_commands.json"
