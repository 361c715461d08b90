#!/bin/bash
# Usage: libvpx.sh SRC_DIR BUILD_DIR   (own configure script, out of tree, bear)
# libvpx, the VP8 / VP9 codec library: the VP8 and VP9 encoders and decoders with multithreading, VP9 high
# bit depth and postprocessing, the vpx_dsp / vpx_util / vpx_scale helpers and the vpxenc / vpxdec tools and
# examples (C only; unit tests are off). Debug build (--enable-debug --disable-optimizations, nasm for the x86
# assembly). Locks: raw pthread mutexes / condition variables (vpx_util/vpx_pthread.h): vp9's row-based
# multithreading (vp9_multi_thread.c / vp9_ethread.c's per-tile-row job queue mutexes, row_mt_mutex, the
# loop filter's lf_mutex / recon_sync_mutex in vp9_thread_common.c), the decoder's job queue
# (vp9_job_queue.c's queue mutex) and row-MT sync (vp9_decodeframe.c); VP8 uses semaphores and atomics.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make nasm bear; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
CC=gcc CXX=g++ "$SRC/configure" --as=nasm --enable-multithread --enable-debug --disable-optimizations \
  --enable-vp9-highbitdepth --enable-postproc --enable-vp9-postproc --disable-unit-tests --disable-docs
bear -- make -j2
test -s compile_commands.json
