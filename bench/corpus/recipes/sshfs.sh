#!/bin/bash
# Usage: sshfs.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# SSHFS (libfuse/sshfs), the FUSE file system over SFTP, against Debian's libfuse3: sshfs.c and cache.c.
# Debug build, no man page (no rst2man). Locks: raw pthread mutexes: sshfs.c's global sshfs.lock (the request
# table, connection list and outstanding-request counts shared by the FUSE worker threads and the
# process_requests reader thread), conn->lock_write around writes to a connection, cache.c's cache.lock over the
# attribute/directory cache; the compat semaphore in compat/darwin_compat.c is not built on Linux.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in meson ninja-build gcc pkg-config libfuse3-dev libglib2.0-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
