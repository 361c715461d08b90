#!/bin/bash
# Usage: lmdb.sh SRC_DIR BUILD_DIR   (plain make in libraries/liblmdb; in-tree only, so SRC_DIR/libraries/liblmdb
# is copied into BUILD_DIR first and the compile database's paths point into BUILD_DIR)
# Branch mdb.master (the default branch; 0.9.x is mdb.RE/0.9). Upstream Makefile defaults: POSIX robust
# process-shared mutexes in the lock file (MDB_USE_POSIX_MUTEX), -pthread. Builds liblmdb.a and liblmdb.so (mdb.c
# and midl.c compiled twice, with and without -fPIC), the tools (mdb_stat, mdb_copy, mdb_dump, mdb_load, mdb_drop)
# and the tests mtest..mtest5. Note: openldap's recipe builds its own copy of LMDB (back-mdb) too.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC/libraries/liblmdb" && tar -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
make clean
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc
test -s "$BUILD/compile_commands.json"
