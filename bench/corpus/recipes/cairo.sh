#!/bin/bash
# Usage: cairo.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# cairo (the freedesktop.org 2D graphics library; GitHub mirror freedesktop/cairo): libcairo with the image,
# PNG, PDF, PS, SVG, script, recording, tee, xlib, xcb (and xcb-shm) surfaces, FreeType / Fontconfig fonts,
# the GObject wrapper (libcairo-gobject), the script interpreter and the utilities (cairo-trace, csi-*,
# xml-to-trace). Debug build. Off: the test suite (thousands of reference images), symbol-lookup for
# cairo-trace (lookup-symbol.c uses bfd's PTR, gone from Debian 12's binutils-dev), and the GL / DRM / Qt /
# DirectFB / OpenVG / cogl backends (their default). Locks: CAIRO_MUTEX_LOCK / CAIRO_MUTEX_UNLOCK /
# CAIRO_MUTEX_IS_LOCKED (cairo-mutex-private.h over cairo-mutex-impl-private.h: pthread_mutex_lock /
# _unlock on this build, recursive mutexes for CAIRO_RECURSIVE_MUTEX), the global mutexes listed in
# cairo-mutex-list-private.h (_cairo_scaled_font_map_mutex, _cairo_scaled_glyph_page_cache_mutex,
# _cairo_toy_font_face_mutex, _cairo_ft_unscaled_font_map_mutex, _cairo_xlib_display_mutex,
# _cairo_xcb_connections_mutex, ...), each scaled font's / device's own mutex (cairo_device_acquire /
# _release), and the placeholder-font protocol of cairo-scaled-font.c (a new font's mutex held across
# _register_placeholder_and_unlock_font_map / _unregister_placeholder_and_lock_font_map).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in meson ninja-build gcc pkg-config libpixman-1-dev libfreetype-dev libfontconfig-dev libpng-dev \
  zlib1g-dev libx11-dev libxext-dev libxrender-dev libxcb1-dev libxcb-render0-dev libxcb-shm0-dev \
  libglib2.0-dev liblzo2-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug -Dtests=disabled -Dtee=enabled -Dsymbol-lookup=disabled
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
