#!/bin/bash
# Usage: pigz.sh SRC_DIR BUILD_DIR   (plain make; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR)
# Mark Adler's parallel gzip: pigz.c, yarn.c and try.c plus the bundled zopfli sources, built by the Makefile's
# default target. Locks: yarn.c's "lock" objects (a pthread mutex plus a condition variable and a value) behind
# possess / release / twist / wait_for, which pigz.c uses for its compress/write job queues, the pool of output
# buffers (each pool has its own lock), the checksum-combine sequencing and the `cthreads` counter; yarn's
# possess()/release() are plain functions in yarn.c that call pthread_mutex_lock/unlock through fail-on-error
# wrappers (try.c longjmp exceptions).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc pigz
test -s "$BUILD/compile_commands.json"
