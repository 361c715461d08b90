#!/bin/bash
# Usage: ucx.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; autogen.sh runs in SRC_DIR)
# --enable-debug --enable-mt (thread support in UCP/UCT: the worker and context locks are real only with it),
# examples on; modules auto-detected on Debian 12: UCT ib (with the mlx5 direct-verbs and efa sub-modules, against
# rdma-core), rdmacm and cma, the built-in shared-memory transports (posix, sysv, self, tcp; xpmem/knem are not in
# Debian), the UCS VFS fuse module (libfuse3); no CUDA/ROCm/Gaudi/ZE, no Java/Go bindings, no docs, gtest off
# (C++). The perftest's lib has two C++ units (ucp_tests.cc, uct_tests.cc) that the database lists too. Locks:
# ucs_spinlock_t and ucs_recursive_spinlock_t (pthread spinlocks plus an owner and a count), ucs_rw_spinlock,
# pthread mutexes (ucm's event/reloc/bistro locks, the VFS tree, the memtype cache, UCS_INIT_ONCE's once-mutex),
# the async context's block macros (UCS_ASYNC_BLOCK/UNBLOCK: a recursive spinlock or recursive mutex chosen by the
# context's mode, or a signal block), and UCP's worker/context thread critical sections
# (UCP_WORKER_THREAD_CS_ENTER_CONDITIONAL/EXIT_CONDITIONAL, UCP_THREAD_CS_ENTER/EXIT).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool pkg-config libibverbs-dev librdmacm-dev \
  libnuma-dev libfuse3-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./autogen.sh)
cd "$BUILD"
"$SRC/configure" CC=gcc CXX=g++ --enable-debug --enable-mt --enable-examples --disable-doxygen-doc \
  --without-java --without-go --without-cuda --without-rocm --disable-gtest
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
