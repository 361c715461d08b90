#!/bin/bash
# Usage: mongoose.sh SRC_DIR BUILD_DIR   (plain make per tutorial, in tree; bear writes the db into BUILD_DIR)
# Mongoose embedded networking library, tag 7.20: the amalgamated
# mongoose.c (built through each tutorial's mongoose.c symlink) plus the
# host tutorials core/multi-threaded, core/timers, http/http-server,
# http/http-client, mqtt/mqtt-client and websocket/websocket-server
# (`make example`, builds without running). The snapshot lacks one large
# vendor header under tutorials/nxp (sparse checkout without it); the
# embedded tutorials (vendor SDKs) are not host-buildable.
# Locks: none in the library at this version: mongoose is a single-threaded
# event manager; the multi-threaded tutorial hands results back to the event
# loop with mg_wakeup() (a socketpair), not a mutex. The only mutex code is in
# vendored FreeRTOS/LwIP/CMSIS-RTOS copies under tutorials/stm32, which are
# not built for the host.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
for t in core/multi-threaded core/timers http/http-server http/http-client mqtt/mqtt-client websocket/websocket-server; do
  bear --append --output "$BUILD/compile_commands.json" -- make -C "$SRC/tutorials/$t" example CC=gcc
done
test -s "$BUILD/compile_commands.json"
