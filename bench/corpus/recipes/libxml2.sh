#!/bin/bash
# Usage: libxml2.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# libxml2: the library (parser, tree, SAX2, XPath, XPointer, XInclude, RelaxNG, Schemas, Schematron,
# catalogs, the HTML parser, the dictionary / hash, the reader / writer, xmlIO, the error and globals
# machinery, threads.c), xmllint and xmlcatalog, and the test programs; threads on, no Python bindings,
# no ICU, no readline. Debug build. Locks: threads.c's wrappers over pthread: xmlMutexLock / xmlMutexUnlock
# (a pthread_mutex_t inside xmlMutex), the recursive xmlRMutexLock / xmlRMutexUnlock (built on a mutex plus
# a held count and a condition), the library-wide xmlLockLibrary / xmlUnlockLibrary, the dictionary and
# catalog mutexes, the global init mutex.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build pkg-config zlib1g-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DLIBXML2_WITH_PYTHON=OFF -DLIBXML2_WITH_THREADS=ON -DLIBXML2_WITH_ICU=OFF -DLIBXML2_WITH_READLINE=OFF \
  -DLIBXML2_WITH_TESTS=ON -DLIBXML2_WITH_ZLIB=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
