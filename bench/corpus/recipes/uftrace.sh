#!/bin/bash
# Usage: uftrace.sh SRC_DIR BUILD_DIR   (uftrace's own shell configure + Makefile; built in a copy of the source:
# the --objdir / O= out-of-tree build fails under make -j2, utils/mermaid.js.cstr is generated before the objdir's
# utils/ exists; so SRC_DIR minus .git is copied into BUILD_DIR and the compile database's paths point into BUILD_DIR)
# uftrace, the function-call tracer: the uftrace tool (cmds/: record, replay, live, report, dump, graph, info, tui,
# script; utils/: symbols, DWARF via libdw, the Python and LuaJIT script engines, perf and sched events) and the
# preloaded tracing runtimes libmcount*.so (libmcount/: mcount entry/exit hooks, PLT hooking, dynamic patching with
# capstone, shared-memory buffers, event triggers), x86_64, libtraceevent off (not in Debian 12); no tests. Locks:
# plain pthread mutexes taken directly, no wrappers: record.c's free_list_lock / write_list_lock (the writer
# threads' buffer lists), libmcount's watch_mutex and finish_lock (mcount.c) and the PLT resolver_mutex
# (plthook.c), utils/hashmap.c's map->lock and script-python.c's python_interpreter_lock around every call into
# the embedded interpreter. (utils/auto-args.h only names pthread_mutex_lock as a traced-function prototype.)
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear pkg-config libelf-dev libdw-dev libpython3-dev libluajit-5.1-dev libcapstone-dev \
  libncurses-dev libunwind-dev liblzma-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
CC=gcc ./configure
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
