#!/bin/bash
# Usage: Icecast-Server.sh SRC_DIR BUILD_DIR   (autotools; SRC_DIR minus .git is copied into BUILD_DIR and
# autoreconf / configure / make run there, so the compile database's paths point into BUILD_DIR)
# Icecast at branch release-2.4.5 (94ebd301, 2023), the 2.4 line whose support libraries (thread, avl, httpp, net,
# log, timing) live in src/: master (2.5) moves them to the src/common submodule (xiph/icecast-common) whose
# pinned commit the local mirror does not have. The icecast server with Ogg Vorbis / Theora / Speex / Kate / Opus
# / FLAC / MIDI / skeleton / EBML / MP3 formats, libxml2 + libxslt admin pages, OpenSSL, libcurl (YP directory
# listing and URL auth). Locks: src/thread/thread.c's thread_mutex_lock / thread_mutex_unlock,
# thread_rwlock_rlock / wlock / unlock, thread_spin_* and thread_cond_* macros (over _mutex_lock etc. with
# __FILE__/__LINE__, which call pthread_mutex_lock / pthread_rwlock_*): avl.c's per-tree rwlocks
# (avl_tree_rlock / wlock / unlock, on the source / client / fserve / auth trees), global.c's global_lock
# (global_lock / global_unlock), the config rwlock (config_get_config / config_release_config), the log
# module's _logger_mutex, the stats / fserve / slave / YP / xslt / auth / event mutexes and the
# source's per-source lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libxml2-dev libxslt1-dev libogg-dev \
  libvorbis-dev libtheora-dev libspeex-dev libkate-dev libcurl4-openssl-dev libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
autoreconf -fi -I m4
CC=gcc ./configure --enable-yp
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
