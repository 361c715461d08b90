#!/bin/bash
# Usage: tokyocabinet.sh SRC_DIR BUILD_DIR   (autoconf, in-tree: the C library is native/tokyocabinet of the
# fizzed/tokyocabinet Maven packaging repo, an unmodified import of Tokyo Cabinet 1.4.48; SRC_DIR minus .git is
# copied into BUILD_DIR and native/tokyocabinet is configured and built there, so the compile database's paths
# point into BUILD_DIR/native/tokyocabinet)
# Tokyo Cabinet, the DBM library: libtokyocabinet (hash, B+ tree, fixed-length and table databases, the abstract
# database, tcutil's map / list / memory pool / thread-safe containers) with zlib and bzip2, the tc*mgr tools and
# the tc*test / tc*mttest programs. Locks: raw pthread rwlocks and mutexes behind macro wrappers over helper
# functions: each database's method lock (HDBLOCKMETHOD / BDBLOCKMETHOD / FDBLOCKMETHOD / TDBLOCKMETHOD over
# tchdblockmethod ..., a pthread_rwlock_t taken shared or exclusive by a bool; they are no-ops when the
# database was not made thread-safe, mmtx == NULL), the hash DB's record rwlocks (HDBLOCKRECORD by bucket,
# HDBLOCKALLRECORDS), its db and WAL mutexes (HDBLOCKDB, HDBLOCKWAL), the fixed DB's record / attribute / WAL
# locks (FDBLOCK*), the B+ tree's cache mutex (BDBLOCKCACHE), and tcutil's TCMDB / TCNDB (per-bucket rwlocks, a
# mutex per tree) and the global rwlock tcglobalmutex (tcglobalmutexlock, a function).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear zlib1g-dev libbz2-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - native/tokyocabinet) | (cd "$BUILD" && tar xf -)
cd "$BUILD/native/tokyocabinet"
CC=gcc ./configure
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
