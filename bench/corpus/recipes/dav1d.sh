#!/bin/bash
# Usage: dav1d.sh SRC_DIR BUILD_DIR   (meson + ninja, out-of-tree)
# Upstream default options (release build type, 8- and 16-bit depths, x86 assembly with nasm, the dav1d CLI tool,
# the fuzzer tests; no examples: dav1dplay needs SDL2). checkasm is not built: it is now a wrap subproject and
# downloads are off. Locks: the frame/tile thread pool's pthread mutex and condition variables (src/thread_task.c,
# src/lib.c, src/decode.c). Only C units are in the database (meson lists no nasm commands).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config nasm; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
export PATH=/usr/bin:$PATH
CC=gcc meson setup "$BUILD" "$SRC" --wrap-mode=nodownload
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
