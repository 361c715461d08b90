#!/bin/bash
# Usage: libfabric.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; autogen.sh runs in SRC_DIR)
# --enable-debug, providers auto-detected against Debian's rdma-core (libibverbs, librdmacm, efadv), libnl and
# liburing; on Debian 12 that builds lnx, opx, lpp, sm2, shm, rxd, mrail, rxm, tcp, udp, usnic, efa, verbs, sockets
# and the hook providers (dmabuf_peer_mem, hook_hmem, hook_debug, monitor, trace, perf), plus the util core;
# fabtests are a separate tree. psm3 (a bundled, very large copy of PSM) and ucx (needs UCX installed) are turned
# off; psm2 and cxi find no libraries and configure themselves out. gcc, so the EFA provider's clang
# thread-safety annotations (efa_thread_annotations.h) expand to nothing. Locks: the ofi_mutex / ofi_spin /
# ofi_genlock wrappers (ofi_lock.h; a genlock is a union of a pthread mutex and a spinlock, or a no-op, chosen at
# run time by the threading level) and pthread locks directly: the domain/endpoint/cq/cntr/av locks of every
# provider, the memory-registration cache and monitor locks, the progress threads of tcp/rxm/sockets/efa, and
# shm's and sm2's shared-memory region locks (process-shared mutexes).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libibverbs-dev librdmacm-dev \
  libnl-3-dev libnl-route-3-dev libnuma-dev liburing-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./autogen.sh)
cd "$BUILD"
"$SRC/configure" CC=gcc --enable-debug --disable-psm3 --disable-ucx
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
