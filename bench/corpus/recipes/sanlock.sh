#!/bin/bash
# Usage: sanlock.sh SRC_DIR BUILD_DIR   (plain make; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR)
# Upstream Makefiles with their default flags: wdmd (the watchdog multiplexing daemon and libwdmd), src (the
# sanlock daemon, libsanlock and libsanlock_client), reset (sanlk-reset, sanlk-resetd), fence_sanlockd and the
# test programs in tests/ (linked against the freshly built libsanlock; their Makefile puts the libraries before
# the source, hence -Wl,--no-as-needed). The python binding is left out (its C extension holds no locks). Locks:
# raw pthread mutexes and conds throughout the daemon: the global spaces_mutex (lockspace list), resource_mutex
# (resource list, held/dispose lists), per-lockspace mutex, per-client cl->mutex, the thread pool's pthread
# mutex/cond (cmd.c, main.c), the renewal thread's ls->mutex, log_mutex around the log ring and the helper/event
# pipes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear libaio-dev libblkid-dev uuid-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -C wdmd CC=gcc && make -C src CC=gcc &&
  make -C reset CC=gcc && make -C fence_sanlock CC=gcc fence_sanlockd &&
  make -C tests CC=gcc \
    LDFLAGS="-Wl,--no-as-needed -L../src -L../wdmd -Wl,-rpath-link,../wdmd -lrt -laio -lblkid -lsanlock"'
test -s "$BUILD/compile_commands.json"
