#!/bin/bash
# Usage: radare2.sh SRC_DIR BUILD_DIR   (acr ./configure + make, the tree copied into BUILD_DIR and built there under bear)
# radare2, the reverse-engineering framework: every libr library (util, socket, io, bin, asm / arch, anal,
# esil, debug with the native / gdb / winkd / bochs / qnx backends, core, cons, config, egg, fs, lang, search,
# flag, crypto, muta, reg, syscall, magic, main) with their plugins and the binr programs (r2, rabin2, rasm2,
# radiff2, rafind2, rahash2, rarun2, rax2, ragg2, r2agent, r2r, ...). Capstone is Debian's (--with-syscapstone),
# no QuickJS runtime and no zydis (both would be downloaded), the sdb subproject is taken from a local git
# mirror of radareorg/sdb at the revision pinned in subprojects/sdb.wrap (SDB_GIT, default
# /work/.mirror/radareorg+sdb/repo) since the build would otherwise git-clone it; sdb's own sources are in
# the database too. Locks: libr/util/thread_lock.c's RThreadLock (r_th_lock_enter / r_th_lock_leave /
# r_th_lock_tryenter over pthread_mutex_lock / _unlock, recursive mutexes, with an optional atomic spinlock
# mode), RThreadCond, RThreadChannel / RThreadSemaphore, the gdb / winkd / qnx client locks
# (gdbr_lock_enter / gdbr_lock_leave, winkd_lock_enter / _leave, wrappers over RThreadLock with a breaked
# flag), the RCons / RCore / RIO / RPrint / task and r2agent mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
SDB_GIT=${SDB_GIT:-/work/.mirror/radareorg+sdb/repo}
need=(); for p in gcc make bear git pkg-config patch libcapstone-dev libmagic-dev liblz4-dev libzip-dev \
  zlib1g-dev libxxhash-dev libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
rev=$(sed -n 's/^revision = //p' subprojects/sdb.wrap)
if ! (cd subprojects/sdb 2>/dev/null && test "$(git rev-parse HEAD)" = "$rev"); then
  rm -rf subprojects/sdb; git clone -q --no-checkout "$SDB_GIT" subprojects/sdb; git -C subprojects/sdb checkout -q "$rev"; fi
CC=gcc CFLAGS="-O0 -g" ./configure --prefix=/usr/local --with-syscapstone --without-qjs --without-zydis \
  --with-sysmagic --with-syszip --with-syslz4 --with-sysxxhash --with-ssl
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
