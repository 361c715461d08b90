#!/bin/bash
# Usage: OpenDMARC.sh SRC_DIR BUILD_DIR   (autotools; SRC_DIR minus .git is copied into BUILD_DIR and
# autoreconf / configure / make run there, so the compile database's paths point into BUILD_DIR)
# OpenDMARC: libopendmarc (policy, TLD / public-suffix lookups, SPF and DKIM result parsing, the history hash)
# and the opendmarc milter (against libmilter), opendmarc-check and the report tools. Debug flags (-g -O0),
# pthreads via AX_PTHREAD (always on: the milter is threaded). The local mirror lacks one test-data XML file
# under libopendmarc/tests/testfiles (git clone then fails its checkout: run `git restore --source=HEAD --
# ':/' ':!libopendmarc/tests/testfiles'` in the clone); the build does not need it. Locks: raw pthread calls, (void)
# pthread_mutex_lock / unlock on TLD_hctx_mutex (opendmarc_tld.c) and on each hash bucket's mutex
# (opendmarc_hash.c), the milter's conf_lock mutex and hash_lock rwlock (opendmarc/opendmarc.c).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libmilter-dev libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
autoreconf -fi
CC=gcc CFLAGS="-g -O0" ./configure
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
