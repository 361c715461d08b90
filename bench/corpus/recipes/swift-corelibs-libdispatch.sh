#!/bin/bash
# Usage: swift-corelibs-libdispatch.sh SRC_DIR BUILD_DIR   (cmake + ninja with clang, out of tree)
# swift-corelibs-libdispatch, Grand Central Dispatch for Linux: queues, the root-queue / workqueue thread
# pools (src/event/workqueue.c), sources, I/O channels, groups, semaphores, once, data, the bundled
# BlocksRuntime. Debug build, clang (the code needs -fblocks).
# Locks: its own futex-based locks in src/shims/lock.h — _dispatch_unfair_lock_lock / _unlock
# (dispatch_unfair_lock_t), _dispatch_gate_wait / _broadcast, _dispatch_once_gate, the _dispatch_thread_event
# semaphores — plus a few raw pthread mutexes (workqueue.c's monitor lock, introspection's thread list).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in clang cmake ninja-build; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DBUILD_TESTING=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
