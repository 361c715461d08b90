#!/bin/bash
# Usage: open-iscsi.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# Upstream default options (systemd on, iSNS on via Debian's libisns-dev): iscsid, iscsiadm, iscsistart,
# libopeniscsiusr, the fwparam/sysdeps helpers, the iscsiuio offload daemon (built by the same meson tree) and the
# meson test programs. Locks: mostly in iscsiuio, the multi-threaded one: raw pthread mutexes and conds per NIC
# (nic->nic_mutex, the nic list's nic_list_mutex, the NIC loop/enable threads and their conds in nic.c and
# nic_utils.c), the uIP stack's per-NIC ustack/arp/neighbor locks (uip.c, uip_arp.c, uip-neighbor.c), the
# netlink reader's nl_process mutex and cond (nic_nl.c), the iscsid IPC thread (iscsid_ipc.c), the ping and packet
# paths, and the bnx2/bnx2x/qedi/cnic hardware backends; iscsid itself is single-threaded.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config libkmod-dev libssl-dev libmount-dev libsystemd-dev \
  libisns-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
export PATH=/usr/bin:$PATH
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug --wrap-mode=nodownload
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
