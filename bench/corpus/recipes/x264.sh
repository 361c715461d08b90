#!/bin/bash
# Usage: x264.sh SRC_DIR BUILD_DIR   (its own configure, out of tree: configure is run from BUILD_DIR; make via bear)
# x264 (the VideoLAN H.264 encoder, GitHub mirror "mirror/x264"): libx264 (shared) and the x264 CLI with the
# default options (both bit depths, so the bit-depth dependent files are compiled twice, threads on: the POSIX
# threads back end, the assembly with nasm), no lavf/ffms/gpac/lsmash input (none found or wanted). Locks:
# the x264_pthread_mutex_* / x264_pthread_cond_* names of common/osdep.h (macros for pthread_mutex_lock etc.
# on Linux), used by the frame-threading and sliced-threads synchronisation (the frame lists of
# common/frame.c: x264_sync_frame_list_*, the per-frame mutex of x264_frame_cond_broadcast / _wait), the
# thread pool (common/threadpool.c), the lookahead thread (encoder/lookahead.c) and the CLI's input threads
# (input/thread.c).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear nasm; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
CC=gcc "$SRC/configure" --enable-shared --disable-lavf --disable-ffms --disable-gpac --disable-lsmash --enable-debug
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
