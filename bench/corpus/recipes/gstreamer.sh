#!/bin/bash
# Usage: gstreamer.sh SRC_DIR BUILD_DIR   (meson + ninja, out-of-tree; builds ONLY subprojects/gstreamer = GStreamer core)
# NOTE: SRC_DIR (the GStreamer monorepo) must be at tag 1.22.12: Debian 12 ships meson 1.0.1 and
# core >= 1.23 needs meson >= 1.1 (main needs >= 1.4). Debian's libglib2.0-dev is used.
# Threading is inherent (GLib GMutex/GCond/GThread). Enabled: gstcheck unit-test library, libunwind + libdw
# backtraces, ptp-helper (auto; libcap), coretracers, tools, gst_debug, registry, parser, nls, bash-completion.
# Disabled: tests, examples, benchmarks, docs, gobject-introspection.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config python3 flex bison gettext libglib2.0-dev libunwind-dev \
  libdw-dev libcap-dev bash-completion; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
# Debian's meson runs on /usr/bin/python3; avoid picking up another python first in PATH
export PATH=/usr/bin:$PATH
meson setup "$BUILD" "$SRC/subprojects/gstreamer" --buildtype=debug --wrap-mode=nodownload \
  -Dtests=disabled -Dexamples=disabled -Dbenchmarks=disabled -Ddoc=disabled -Dintrospection=disabled \
  -Dcheck=enabled -Dlibunwind=enabled -Dlibdw=enabled -Dcoretracers=enabled \
  -Dtools=enabled -Dnls=enabled -Dbash-completion=enabled
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
