#!/bin/bash
# Usage: nfdump.sh SRC_DIR BUILD_DIR   (autotools + make via bear, out of tree)
# nfdump tools and collectors (nfcapd, sfcapd, nfpcapd with pcap reader,
# nfdump, nfanon, nfexpire, nfreplay, libnffile/libnfdump), --enable-jnat,
# static libs. Tag v1.7.8 (newest release).
# The Makefile.am's use relative include paths (-I.., -I../include,
# -I../inline) that only work in tree, so every folder under src/ is added to
# CPPFLAGS as an absolute -I (no header names collide), and gen_version.sh is
# copied into the build tree because the rule runs ./gen_version.sh there.
# Locks: raw pthread mutexes with condition variables (libnffile/queue.c
# blocking queue, barrier.c, nfpcapd/flowhash.c, collector/metric.c,
# nfdump/blocksort.c), no wrappers; SysV semaphores in collector/bookkeeper.c
# (static sem_lock/sem_unlock around semop) and fcntl file locks
# (SetFileLock/ReleaseFileLock, flock) that no rules file describes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config flex bison libbz2-dev zlib1g-dev liblz4-dev libzstd-dev libpcap-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./autogen.sh)
INC="-I$SRC/src $(cd "$SRC/src" && find . -mindepth 1 -type d -printf '%p\n' | sort | sed "s|^\.|-I$SRC/src|" | tr '\n' ' ')"
cd "$BUILD"
CC=gcc CFLAGS="-g -O1" CPPFLAGS="$INC" "$SRC/configure" --enable-nfpcapd --enable-readpcap --enable-jnat --disable-shared
mkdir -p src/libnffile && cp "$SRC/src/libnffile/gen_version.sh" src/libnffile/
nice bear -- make -j2
test -s "$BUILD/compile_commands.json"
