#!/bin/bash
# Usage: groonga.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Groonga full-text search engine (groonga/groonga), master 1b8939b9 (2026-07-22, v16.0.8+10:
# the newest snapshot; its cmake 3.22 requirement is met by Debian 12's 3.25). Needs the
# vendor/onigmo-source git submodule (k-takata/Onigmo 6b2f0593) checked out: Debian has no
# Onigmo and groonga cannot build without it. Every optional dependency that groonga would
# otherwise download with FetchContent (simdjson, xsimd, h3, llama.cpp, faiss, base64,
# jsoncons, openzl, bundled mecab/rapidjson) is off; zlib, zstd, lz4, msgpack, xxhash,
# libedit and libevent come from Debian. The compile db has 237 C units (lib/, src/,
# plugins/, and the bundled Onigmo) and 28 C++ units.
# Locks: pthread mutexes behind macros in lib/grn.h: MUTEX_LOCK/MUTEX_UNLOCK,
# MUTEX_LOCK_CHECK(m) (== 0 on success), MUTEX_LOCK_ENSURE(ctx, m) (retry loop),
# CRITICAL_SECTION_ENTER/LEAVE (pthread_mutex_lock/unlock(&(cs))), COND_WAIT; grn_critical_
# section fields such as db->lock, ctx->impl->temporary_objects_lock, grn_glock, the
# query queue's q_critical_section in src/groonga.c, grn_plugins_lock; the public
# grn_plugin_mutex_lock/unlock wrappers; plus grn_io_lock/grn_io_unlock (lib/io.c), a
# lock word in the mmapped file header taken by atomic increment with a timeout, used by
# grn_obj_lock, cache.c, store.c, wal.c.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake ninja-build pkg-config zlib1g-dev libzstd-dev liblz4-dev libmsgpack-dev libxxhash-dev libedit-dev libevent-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
if [ ! -f "$SRC/vendor/onigmo-source/regint.h" ]; then
  git -C "$SRC" submodule update --init vendor/onigmo-source || { echo "vendor/onigmo-source (k-takata/Onigmo) is missing" >&2; exit 1; }
fi
off=(); for v in SIMDJSON RAPIDJSON MECAB KYTEA LIBSTEMMER ZEROMQ OPENZL XSIMD H3 LLAMA_CPP FAISS CURL BASE64 JSONCONS BFLOAT16; do off+=("-DGRN_WITH_$v=no"); done
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DFETCHCONTENT_FULLY_DISCONNECTED=ON "${off[@]}"
ninja -C "$BUILD" -j2 -k 0
test -s "$BUILD/compile_commands.json"
