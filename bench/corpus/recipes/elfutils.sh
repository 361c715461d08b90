#!/bin/bash
# Usage: elfutils.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, then a VPATH build in BUILD_DIR)
# elfutils: libelf, libdw (with libdwfl, libdwelf, libebl and the backends), libasm, libcpu, the tools (eu-readelf,
# eu-objdump, eu-nm, eu-size, eu-strip, eu-elflint, eu-findtextrel, eu-addr2line, eu-elfcmp, eu-ranlib, eu-strings,
# eu-ar, eu-unstrip, eu-stack, eu-elfclassify, eu-srcfiles if present) and the debuginfod client library
# (libdebuginfod, C; the C++ debuginfod server is off) and the test programs' sources are not built (make's
# default target). Built with --enable-thread-safety so that lib/locks.h's rwlock_rdlock / rwlock_wrlock /
# rwlock_unlock macros expand to pthread_rwlock_rdlock / _wrlock / _unlock (without it they are no-ops);
# -Werror off. Locks: those rwlock macros over the Elf / Dwarf descriptors' lock (libelf's elf_* calls,
# __libelf_*_wrlock variants that expect the lock held), libdw's dwarf_* lookups, libdwfl; the debuginfod
# client's pthread mutexes (its default-progressfn / url-list).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake autopoint gettext gawk flex bison pkg-config zlib1g-dev libbz2-dev \
  liblzma-dev libzstd-dev libcurl4-openssl-dev libjson-c-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && autoreconf -fi)
cd "$BUILD"
CC=gcc CFLAGS="-O0 -g -Wno-error" "$SRC/configure" --enable-maintainer-mode --enable-thread-safety \
  --disable-debuginfod --enable-libdebuginfod
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
