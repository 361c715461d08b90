#!/bin/bash
# Usage: libvncserver.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# LibVNCServer / LibVNCClient (LibVNC/libvncserver): both libraries, the C examples and the tests, with pthreads,
# zlib / LZO / libjpeg / libpng encodings, OpenSSL for TLS and crypto, websockets, the TightVNC file transfer
# extension. The GTK / SDL / Qt / FFmpeg / XCB examples and SASL / systemd / libsshtunnel are off. Debug build.
# Locks: include/rfb/threading.h's LOCK / UNLOCK / WAIT macros over pthread_mutex_lock / pthread_cond_wait on
# struct members: rfbClientRec's outputMutex (socket writes), updateMutex + updateCond (the per-client output
# thread), sendMutex, refCountMutex and rfbScreenInfo's cursorMutex, plus the file-transfer extension's mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config zlib1g-dev liblzo2-dev libjpeg-dev libpng-dev libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DWITH_THREADS=ON -DWITH_OPENSSL=ON -DWITH_GNUTLS=OFF -DWITH_GCRYPT=OFF \
  -DWITH_SDL=OFF -DWITH_GTK=OFF -DWITH_QT=OFF -DWITH_FFMPEG=OFF -DWITH_XCB=OFF -DWITH_SASL=OFF -DWITH_SYSTEMD=OFF \
  -DWITH_LIBSSHTUNNEL=OFF -DWITH_TIGHTVNC_FILETRANSFER=ON -DWITH_WEBSOCKETS=ON -DWITH_EXAMPLES=ON -DWITH_TESTS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
