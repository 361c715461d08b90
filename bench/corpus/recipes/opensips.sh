#!/bin/bash
# Usage: opensips.sh SRC_DIR BUILD_DIR   (plain make; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR)
# The OpenSIPS SIP server: the core (opensips binary, with its bundled mem/, mi/, net/, parser/, db/, evi/ ...) and
# every module of the default Makefile.conf.template selection (the template's exclude_modules list: modules needing
# external libraries stay out), the template's DEFS (F_MALLOC/Q_MALLOC/HP_MALLOC, STATISTICS, CC_O0); the default
# lock implementation on x86_64 (Makefile.defs: FAST_LOCK with ADAPTIVE_WAIT). Locks: OpenSIPS's own shared-memory
# locks across processes: lock_get / lock_release (lock_ops.h, here the fastlock.h test-and-set get_lock /
# release_lock inline functions), lock_set_get / lock_set_release on lock sets (hash-table bucket locks in tm, dialog,
# usrloc, htable-like modules), the rw_locking.h reader/writer macros (lock_start_read / lock_stop_read /
# lock_start_write / lock_stop_write), and the allocator's own locks (mem/shm_mem.h shm_lock / shm_unlock).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear bison flex pkg-config libxml2-dev libssl-dev libncurses-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
test -f Makefile.conf || cp Makefile.conf.template Makefile.conf
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc all
test -s "$BUILD/compile_commands.json"
