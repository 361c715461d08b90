#!/bin/bash
# Usage: dpdk.sh SRC_DIR BUILD_DIR   (meson + ninja, out-of-tree)
# Every library (EAL with rte_spinlock/rte_rwlock/rte_ticketlock/rte_mcslock, ethdev, eventdev, cryptodev, vhost,
# ...) at upstream defaults, with -Dplatform=generic (no -march=native in the database) and a subset of the drivers
# to keep the build near 15 minutes on 2 cores: the PCI, vdev and VMBus buses, the software mempools, the
# software and paravirtual NICs (af_packet, bonding, failsafe, memif, null, pcap, ring, tap, vhost, virtio,
# netvsc, softnic), the Intel NIC drivers (net/intel/*: e1000, ixgbe, i40e, iavf, ice, idpf, ...; not ipn3ke,
# which needs libfdt and the ifpga bus), the software crypto, event, DMA, raw, baseband and compress drivers.
# Apps at upstream defaults (testpmd, pdump, proc-info, the test-* tools, ...); the unit-test app is off
# (-Dtests=false). No examples, no docs. Each driver's generated *.pmd.c is compiled twice (static and shared).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config python3 python3-pyelftools libnuma-dev libpcap-dev libelf-dev \
  libbsd-dev libarchive-dev libjansson-dev libssl-dev zlib1g-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
export PATH=/usr/bin:$PATH
drivers=bus/pci,bus/vdev,bus/vmbus,mempool/ring,mempool/stack,mempool/bucket
drivers=$drivers,net/af_packet,net/bonding,net/failsafe,net/memif,net/null,net/pcap,net/ring,net/tap,net/vhost
drivers=$drivers,net/virtio,net/netvsc,net/vdev_netvsc,net/softnic,net/intel/*
drivers=$drivers,crypto/null,crypto/openssl,crypto/scheduler,crypto/virtio,event/sw,event/dsw,event/opdl
drivers=$drivers,event/skeleton,dma/skeleton,raw/skeleton,baseband/null,baseband/turbo_sw,compress/zlib
meson setup "$BUILD" "$SRC" --buildtype=debug -Dplatform=generic -Dtests=false -Denable_drivers=$drivers
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
