#!/bin/bash
# Usage: pcsc-lite.sh SRC_DIR BUILD_DIR   (meson)
# PCSC lite (LudovicRousseau/PCSC): the pcscd daemon with libudev hotplug, serial readers, polkit and systemd
# socket activation, libpcsclite (the client library) and libpcsclite_real, the spy library and the test programs
# of the default build. Locks: raw pthread mutexes, some held across functions: the reader context's mMutex
# (a pointer), powerState_lock and handlesList_lock (readerfactory.c, winscard.c, eventhandler.c), the server's
# contextsList_lock and per-client cardsList_lock (winscard_svc.c), ClientsWaitingForEvent_lock, and in the
# client library (winscard_clnt.c) clientMutex behind SCardLockThread / SCardUnlockThread, contextMapList_lock,
# readerStatesMutex and each context's mMutex, returned locked by SCardGetAndLockContext.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config flex libudev-dev libsystemd-dev libpolkit-gobject-1-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc meson setup "$BUILD" "$SRC" -Dlibudev=true -Dlibsystemd=true -Dpolkit=true -Dusb=true -Dserial=true
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
