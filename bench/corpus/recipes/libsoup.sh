#!/bin/bash
# Usage: libsoup.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# libsoup 3, the GNOME HTTP client/server library: the session and message queue, HTTP/1 and HTTP/2
# (nghttp2) connections, the connection manager, cookies (jar, sqlite / text backends), auth, cache,
# websockets, the server, and the test programs. Debug build, optional deps (gssapi, ntlm, brotli, sysprof,
# introspection, docs) off.
# Locks: GLib's g_mutex_lock / g_mutex_unlock (GMutex fields such as the connection manager's and the
# session's conn_queue mutexes, the message-queue and HTTP/2 IO mutexes), g_rec_mutex, G_LOCK / G_UNLOCK
# static locks, GCond waits and g_once_init_enter / g_once_init_leave.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config libglib2.0-dev libnghttp2-dev libsqlite3-dev libpsl-dev zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug -Dgssapi=disabled -Dntlm=disabled -Dbrotli=disabled -Dzstd=disabled \
  -Dtls_check=false -Dintrospection=disabled -Dvapi=disabled -Ddocs=disabled -Ddoc_tests=false -Dsysprof=disabled \
  -Dautobahn=disabled -Dpkcs11_tests=disabled
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
