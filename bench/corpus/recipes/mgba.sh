#!/bin/bash
# Usage: mgba.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# mGBA, the Game Boy / Game Boy Advance emulator: libmgba (ARM / SM83 cores, GB and GBA hardware, audio, savestates,
# cheats, debugger with the CLI, scripting (Lua 5.4), the core thread and its rewind / interrupt machinery, the
# audio / video logging, feature modules: FFmpeg encoder, GIF, PNG, zip / 7z, SQLite3 game database, ELF, JSON), the
# SDL2 frontend and the headless / perf tools. No Qt frontend (C++), no Discord RPC. SQLite3 comes from Debian (the
# vendored amalgamation is not used); zip support through minizip, because Debian 12's libzip CMake package refers
# to zipcmp / zipmerge / ziptool binaries it does not install. Debug build. Locks: mgba-util/threading.h's own
# wrappers (MutexLock / MutexUnlock / MutexTryLock / ConditionWait, static inline over pthread on POSIX): the core
# thread's stateMutex (mCoreThreadInterrupt / mCoreThreadContinue / _waitOnInterrupt, the interruptDepth counter),
# the audio buffer / ring-FIFO mutex in the SDL audio and audio resampler, the rewind thread's mutex, the log
# filter, the SDL frontend's sync mutex (mCoreSync videoFrameMutex / audioBufferMutex with mCoreSyncLockAudio /
# mCoreSyncConsumeAudio ...).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake ninja-build pkg-config libsdl2-dev libsqlite3-dev libpng-dev zlib1g-dev \
  libavformat-dev libavcodec-dev libswscale-dev libswresample-dev libelf-dev liblua5.4-dev libjson-c-dev \
  libedit-dev libfreetype-dev libminizip-dev liblzma-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DBUILD_QT=OFF -DBUILD_SDL=ON -DBUILD_HEADLESS=ON -DBUILD_PERF=ON \
  -DUSE_DISCORD_RPC=OFF -DBUILD_LTO=OFF -DUSE_SQLITE3=ON -DUSE_LIBZIP=OFF -DUSE_MINIZIP=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
