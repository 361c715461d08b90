#!/bin/bash
# Usage: p11-kit.sh SRC_DIR BUILD_DIR   (meson; the pkcs11-json submodule is filled from a local mirror)
# p11-kit, the PKCS#11 module loader and proxy: libp11-kit (module registry, RPC client / server, virtual
# wrappers with libffi closures, filter, log), the p11-kit-proxy / p11-kit-client / p11-kit-server modules, the
# trust module and trust tool with libtasn1, the p11-kit tool and the test programs. Locks: p11-kit's own
# p11_mutex_t wrappers over pthread mutexes (p11_mutex_lock / p11_mutex_unlock, compat.h) and the global
# p11_library_mutex behind p11_lock() / p11_unlock() (library.h macros) taken across modules.c, proxy.c, rpc-*.c,
# pin.c, uri.c; the RPC transport's per-connection mutex and the virtual closures' table lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config python3 libtasn1-6-dev libtasn1-bin libffi-dev gettext; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
export PATH=/usr/bin:$PATH
# subprojects/pkcs11-json (p11-glue/pkcs11-json) is a git submodule: fill it from a local mirror
PKCS11_JSON_GIT=${PKCS11_JSON_GIT:-/work/.mirror/p11-glue+pkcs11-json/repo}
if [ ! -f "$SRC/subprojects/pkcs11-json/meson.build" ]; then
  git -C "$SRC" -c protocol.file.allow=always -c submodule.pkcs11-json.url="$PKCS11_JSON_GIT" \
    submodule update --init subprojects/pkcs11-json
fi
CC=gcc meson setup "$BUILD" "$SRC" --wrap-mode=nodownload -Dtest=true -Dman=false -Dgtk_doc=false \
  -Dlibffi=enabled -Dtrust_module=enabled -Dsystemd=disabled -Dbash_completion=disabled -Dzsh_completion=disabled
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
