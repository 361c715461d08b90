#!/bin/bash
# Usage: hidapi.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# HIDAPI (libusb/hidapi): both Linux back ends, libhidapi-hidraw (linux/hid.c over hidraw + libudev) and
# libhidapi-libusb (libusb/hid.c over libusb-1.0, with its input-report reader thread), the hidtest program and
# the unit tests (HIDAPI_WITH_TESTS). Debug build. Locks: libusb/hidapi_thread_pthread.h's static inline wrappers
# hidapi_thread_mutex_lock / _unlock / cond_wait / cond_timedwait over pthread_mutex_lock on the per-device
# thread_state mutex (the input-report queue shared by hid_read_timeout and the read_thread / read_callback), a
# pthread_barrier for reader start-up, and pthread_cleanup_push / pop around the blocking cond waits.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libusb-1.0-0-dev libudev-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DHIDAPI_WITH_HIDRAW=ON -DHIDAPI_WITH_LIBUSB=ON -DHIDAPI_WITH_TESTS=ON \
  -DHIDAPI_BUILD_HIDTEST=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
