#!/bin/bash
# Usage: ImageMagick.sh SRC_DIR BUILD_DIR   (autotools, configure shipped in git; out-of-tree VPATH build)
# ImageMagick 7: MagickCore (cache / pixel cache, images, resources, registry, the coders' magick_info list,
# semaphore / mutex code, policy, log, locale, type, delegates, ...), MagickWand, the coders built as part of
# the library (with the delegates Debian 12's installed dev packages provide: zlib, bzip2, lzma, zstd, png,
# jpeg, freetype, xml, X11), the magick utility; no Magick++, no OpenMP, no OpenCL, no Perl, no docs. Debug
# build. Locks: SemaphoreInfo via LockSemaphoreInfo / UnlockSemaphoreInfo (MagickCore/semaphore.c over a
# pthread mutex, with ActivateSemaphoreInfo lazy creation under a global spin / mutex), the
# LockMagickMutex / UnlockMagickMutex of mutex.c, and omp_lock-style wrappers in thread-private.h.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config zlib1g-dev libbz2-dev liblzma-dev libzstd-dev libpng-dev libjpeg-dev \
  libfreetype-dev libxml2-dev libx11-dev libxext-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
"$SRC/configure" CC=gcc CFLAGS="-g -O0" --without-magick-plus-plus --disable-openmp --disable-opencl --without-perl \
  --disable-docs --with-threads --disable-dependency-tracking --without-fftw --without-djvu --without-wmf
bear -- make -j2
test -s "$BUILD/compile_commands.json"
