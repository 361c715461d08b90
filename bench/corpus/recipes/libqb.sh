#!/bin/bash
# Usage: libqb.sh SRC_DIR BUILD_DIR   (autotools; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR; .tarball-version is written from `git describe`
# because build-aux/git-version-gen cannot see the .git it was copied without)
# Upstream default options (shared library, epoll loop, socket IPC, tests with libcheck) plus --enable-debug
# and --enable-slow-tests so every test program is compiled (make check_PROGRAMS too). Locks: the qb_thread_lock
# wrappers (pthread mutex / spinlock) in the logging subsystem's threaded writer (log_thread.c), qb_loop's job
# and timer lists, the ring buffer's process-shared spinlock/semaphores (ringbuffer_helper.c), the IPC server's
# connection refcounts and the hash tables' atomic/ref handling.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config check libglib2.0-dev libxml2-dev \
  libsystemd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
(git -C "$SRC" describe --tags 2>/dev/null || echo v2.0.0) | sed 's/^v//' > "$BUILD/.tarball-version"
cd "$BUILD"
./autogen.sh
./configure CC=gcc --enable-debug --enable-slow-tests --disable-man
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
