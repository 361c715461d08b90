#!/bin/bash
# Usage: libnbd.sh SRC_DIR BUILD_DIR   (autotools; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR)
# From git, so the OCaml generator (ocaml-nox) writes lib/api.c, lib/states.c, include/libnbd.h etc. into
# BUILD_DIR first; those generated sources stay. Options: gnutls (TLS), libxml2 (NBD URIs), nbdfuse (libfuse3),
# glib and libev examples; off: the OCaml/Python/Go bindings, ublk (no ublksrv in Debian), man pages. Test and
# example programs compiled too (make check TESTS=: compiled, not run). Locks: the handle lock (h->lock,
# pthread mutex taken by every generated API entry point in lib/api.c), the per-thread error state,
# nbdcopy's multi-threaded copier (multi-thread-copying.c: the worker/progress mutexes), nbdfuse's threads,
# nbdinfo/nbddump, the examples' threaded clients.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config perl ocaml-nox libgnutls28-dev \
  libxml2-dev libfuse3-dev libglib2.0-dev libev-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
autoreconf -i
./configure CC=gcc --disable-ocaml --disable-python --disable-golang --disable-ublk --enable-fuse \
  --with-gnutls --with-libxml2
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
