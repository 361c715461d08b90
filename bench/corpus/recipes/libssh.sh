#!/bin/bash
# Usage: libssh.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# libssh (libssh/libssh-mirror, the GitHub mirror of git.libssh.org): the shared and static library with OpenSSL,
# zlib, SFTP, server support, GSSAPI, pcap, the examples and the cmocka unit tests (UNIT_TESTING). Debug build.
# Locks: src/threads/pthread.c implements the SSH_MUTEX API (ssh_mutex_lock / ssh_mutex_unlock, out of line, over
# pthread_mutex_lock) used by init.c's ssh_init_mutex (library init / finalize reference count); the unit tests
# and examples (ssh_X11_client.c, torture_forwarded_tcpip_callback.c, ...) lock raw pthread mutexes and wait on
# condition variables around their callback threads.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libssl-dev zlib1g-dev libkrb5-dev libcmocka-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DWITH_GSSAPI=ON -DWITH_SERVER=ON -DWITH_SFTP=ON -DWITH_EXAMPLES=ON \
  -DUNIT_TESTING=ON -DCLIENT_TESTING=OFF -DSERVER_TESTING=OFF -DWITH_PKCS11_URI=OFF -DWITH_FIDO2=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
