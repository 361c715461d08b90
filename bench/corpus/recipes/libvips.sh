#!/bin/bash
# Usage: libvips.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# libvips, the demand-driven image processing library: libvips (iofuncs: image, region, buffer, cache, sink,
# threadpool, thread state, operation cache; the arithmetic, colour, conversion, convolution, create, draw,
# foreign (JPEG, PNG, TIFF, WebP, EXIF, lcms, FFTW, archive/dzsave, orc, built-in GIF / PPM / Radiance /
# Analyze / CSV / matrix loaders), histogram, morphology, mosaicing and resample packages), the vips / vipsheader
# / vipsedit / vipsthumbnail tools, the examples and the C tests. No C++ binding, no modules, no introspection.
# Debug build. Locks: GLib mutexes (g_mutex_lock / g_mutex_unlock, g_rec_mutex): vips__global_lock, the
# operation cache's vips_cache_lock, the buffer / tile cache / sink / sinkscreen / sinkdisc / threadpool and
# thread-state locks (sink_disc's write lock, sinkscreen's render lock, tilecache's per-cache lock), the region
# and window locks (im_window / sslock), the image's sslock, the error buffer's lock and the memory trace lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config libglib2.0-dev libexpat1-dev libjpeg-dev libpng-dev libtiff-dev \
  libwebp-dev libexif-dev liblcms2-dev libfftw3-dev libarchive-dev liborc-0.4-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug -Dcplusplus=false -Dmodules=disabled -Dintrospection=disabled \
  -Ddocs=false -Dcpp-docs=false -Dvapi=false -Ddeprecated=true
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
