#!/bin/bash
# Usage: rtpproxy.sh SRC_DIR BUILD_DIR   (autotools: the committed ./configure and make, in a copy of SRC_DIR minus
# .git in BUILD_DIR: a VPATH build fails, libucl's Makefile wants $(top_srcdir)/libexecinfo/libexecinfo.la; the
# compile database's paths point into BUILD_DIR)
# Sippy RTPproxy: the rtpproxy daemon (src/: command parser, sessions hash table, RTP/RTCP forwarding, the
# packet processing and timed-task threads, the recorder, notification, control sockets), the librtpproxy
# library and the modules (modules/: acct_csv, acct_rtcp_hep, catch_dtmf, dtls_gw, ice_lite, ...) with their
# vendored dependencies (external/libelperiodic, libucl, libre, xxHash, RTQueue) built from the tree; the
# default configure, no tests (make's default target). Locks: plain pthread mutexes taken directly in most
# files (the session hash table's lock in rtpp_hash_table.c, the weak-reference table rtpp_weakref.c, the
# stream/pipe/socket objects' own locks, the command-socket and notifier queues, the refcnt and the
# stats locks) plus the object-method wrappers that take them (CALL_METHOD(x, lock) style vtable calls).
# The workplace mirror lacks two test-data blobs (external/xxHash/tests/sanity_test_vectors.h,
# tests/rtp_analyze/sipit31.a.rtp), so build.sh's checkout fails: SRC_DIR is a sparse checkout without them
# (git sparse-checkout init --no-cone; '/*' plus '!/' lines for the two paths in .git/info/sparse-checkout;
# git checkout COMMIT); neither is used by the build.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool pkg-config libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
CC=gcc CXX=g++ ./configure
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
