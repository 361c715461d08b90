#!/bin/bash
# Usage: spdk.sh SRC_DIR BUILD_DIR   (SPDK's own configure + make, in-tree build: SPDK has no out-of-tree build;
# compile_commands.json is written to BUILD_DIR with paths into SRC_DIR)
# NOTE: SRC_DIR must be at tag v25.09, the last release that links against Debian 12's DPDK 22.11 (libdpdk-dev,
# found by pkg-config with --with-dpdk, instead of the dpdk submodule): v26.01 and master need librte_argparse
# and librte_log (DPDK >= 23.11).
# Submodules from the local mirrors: isa-l-crypto at its pinned commit; the pinned isa-l commit (6f420b1, of
# 2024-02) is not in the mirror, so isa-l v2.31.0 (bd22637, 2024-01, the release it follows) is used; Debian 12's
# ISA-L 2.30 lacks crc64_rocksoft_refl. Both are built by SPDK's make, so their C files are in the database too.
# Otherwise upstream defaults: libraries (pthread mutexes and spdk_spinlock), bdev/blob/nvme/nvmf/iscsi/vhost/
# virtio/accel modules, apps, examples and the functional test programs; the CUnit unit tests are off
# (--disable-unit-tests: they #include the sources under test with mocks).
# Debian's DPDK links libIPSec_MB, so configure turns CONFIG_IPSEC_MB on, which makes `make` build the
# intel-ipsec-mb submodule: make is run with CONFIG_IPSEC_MB=n (Debian's library is still linked through DPDK).
# Debian's python3 (for scripts/genrpc.py with python3-tabulate) is put first in PATH.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear pkg-config git python3 python3-tabulate autoconf automake libtool nasm \
  libdpdk-dev libaio-dev libssl-dev libjson-c-dev uuid-dev libkeyutils-dev libncurses-dev libnuma-dev \
  libfuse3-dev libcunit1-dev systemtap-sdt-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
export PATH=/usr/bin:$PATH
M=/work/.mirror
cd "$SRC"
[ -f isa-l-crypto/autogen.sh ] || git -c protocol.file.allow=always \
  -c submodule.isa-l-crypto.url=$M/intel+isa-l_crypto/repo submodule update --init isa-l-crypto
if [ ! -f isa-l/autogen.sh ]; then
  rm -rf isa-l; git clone -q "$M/intel+isa-l/repo" isa-l
  git -C isa-l checkout -q bd226375027899087bd48f3e59b910430615cc0a
fi
./configure --with-dpdk --disable-unit-tests
bear --output "$BUILD/compile_commands.json" -- make -j2 CONFIG_IPSEC_MB=n
test -s "$BUILD/compile_commands.json"
