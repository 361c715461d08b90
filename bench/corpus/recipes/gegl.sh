#!/bin/bash
# Usage: gegl.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# GEGL image processing library: libgegl (buffer/tile storage, graph,
# process, operation registry), the core/common/common-gpl3/common-cxx/
# generated operation modules and the tools, with every optional dependency
# disabled (no gdk-pixbuf, cairo/pango, lcms, exiv2, ffmpeg, SDL, openexr,
# raw, svg, tiff, webp, lua, openmp, introspection/vala, docs) beyond
# libpng/libjpeg/json-glib. Tag GEGL_0_4_58: the newest release whose
# meson.build asks for babl >= 0.1.78 and meson >= 0.57 (0.4.60+ want babl
# 0.1.112; Debian 12 has libbabl-dev 0.1.98 and meson 1.0.1).
# Locks: GLib locks directly: GRecMutex tile_storage->mutex
# (g_rec_mutex_lock/trylock/unlock in gegl-buffer.c, gegl-tile-handler-cache.c,
# gegl-buffer-linear.c: gegl_buffer_linear_open returns holding it and
# gegl_buffer_linear_close drops it), GMutex in the swap/file-async backends,
# gegl-parallel.c and graph/gegl-cache.c, and a GRWLock
# operations_cache_rw_lock behind file-local recursive wrappers
# lock_operations_cache()/unlock_operations_cache() in gegl-operations.c.
# Tile access locks gegl_tile_lock/gegl_tile_read_lock (+ _unlock) are atomic
# counters, held across the buffer iterator's begin/next/stop.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config libbabl-dev libglib2.0-dev libjson-glib-dev libpng-dev libjpeg-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
CC=gcc meson setup "$BUILD" -Dbuildtype=debug -Ddocs=false -Dgtk-doc=false -Dgi-docgen=disabled \
  -Dintrospection=false -Dvapigen=disabled -Dworkshop=false -Dgdk-pixbuf=disabled -Dgexiv2=disabled \
  -Dgraphviz=disabled -Djasper=disabled -Dlcms=disabled -Dlensfun=disabled -Dlibav=disabled \
  -Dlibraw=disabled -Dlibrsvg=disabled -Dlibspiro=disabled -Dlibtiff=disabled -Dlibv4l=disabled \
  -Dlibv4l2=disabled -Dlua=disabled -Dmrg=disabled -Dmaxflow=disabled -Dopenexr=disabled \
  -Dopenmp=disabled -Dcairo=disabled -Dpango=disabled -Dpangocairo=disabled -Dpoppler=disabled \
  -Dpygobject=disabled -Dsdl1=disabled -Dsdl2=disabled -Dumfpack=disabled -Dwebp=disabled
nice ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
