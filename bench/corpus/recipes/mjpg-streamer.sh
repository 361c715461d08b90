#!/bin/bash
# Usage: mjpg-streamer.sh SRC_DIR BUILD_DIR   (cmake + ninja on SRC_DIR/mjpg-streamer-experimental, out of tree)
# mjpg-streamer (jacksonliam/mjpg-streamer): the mjpg_streamer daemon and its C plugins: input_uvc (V4L2 +
# libjpeg), input_file, input_http, input_ptp2 (libgphoto2), input_testpicture, input_control (the last two are
# built when present in the tree), output_file, output_http, output_rtsp, output_udp, output_viewer (SDL 1.2),
# output_zmqserver (ZeroMQ + protobuf-c); no OpenCV (C++) or Raspberry Pi camera plugins. Debug build.
# Locks: raw pthread mutexes: each input plugin's in->db mutex + in->db_update cond guarding the shared frame
# buffer (written by the input thread, copied by every output client thread), the control-list mutex
# (in->controls), and output_http/httpd.c's per-client bookkeeping.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libjpeg-dev libv4l-dev libgphoto2-dev libsdl1.2-dev libzmq3-dev \
  libprotobuf-c-dev protobuf-c-compiler; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC/mjpg-streamer-experimental" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DPLUGIN_INPUT_OPENCV=OFF -DPLUGIN_INPUT_RASPICAM=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
