#!/bin/bash
# Usage: knot-resolver.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# Knot Resolver, tag v5.7.8 (last 5.x release: builds against Debian 12's
# libknot-dev 3.2 and libuv; 6.x needs newer libknot): kresd daemon, libkres,
# C modules (bogus_log, dnstap, edns_keepalive, extended_error, hints, nsid,
# stats, ...), kresc client, unit tests. The policy module needs the
# lua-aho-corasick submodule (C++, not analysed): clone it into
# modules/policy/lua-aho-corasick before building.
# Locks: kresd is single-threaded on libuv and takes no mutexes. The only
# "locks" are advisory file locks: flock() in
# daemon/tls_ephemeral_credentials.c (lock_filename()/lock_unlock() helpers)
# and fcntl(F_SETLK) in lib/cache/cdb_lmdb.c (lockfile_get()/
# lockfile_release()); LMDB transactions are the other exclusive resource.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ meson ninja-build pkg-config luajit libluajit-5.1-dev libknot-dev libuv1-dev liblmdb-dev libgnutls28-dev libnghttp2-dev libssl-dev libsystemd-dev libcap-ng-dev libedit-dev libjemalloc-dev libprotobuf-c-dev libfstrm-dev protobuf-c-compiler libcmocka-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -r "$SRC/modules/policy/lua-aho-corasick/ac_fast.cxx"
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug -Dconfig_tests=disabled -Dextra_tests=disabled
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
