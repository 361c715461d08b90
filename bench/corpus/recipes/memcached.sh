#!/bin/bash
# Usage: memcached.sh SRC_DIR BUILD_DIR   (autotools: autogen.sh in the source tree, out-of-tree configure, bear)
# memcached, the in-memory key-value cache: the server (memcached and memcached-debug, the same sources twice
# with other flags) with extstore (flash storage), TLS (OpenSSL), SASL and seccomp, plus sizes, timedrun and
# testapp. The Lua proxy is off: it needs the vendored Lua sources that vendor/fetch.sh downloads. Debug build
# (-g -O0). Locks: raw pthread mutexes / condition variables: the item locks (item_lock / item_unlock over
# item_locks[hv & hashmask], item_trylock returning the mutex), the per-class LRU locks (lru_locks[]), slabs_lock
# and slabs_rebalance_lock, the global stats_lock and per-thread stats.mutex, cache_lock, conn_lock, the
# crawler's lru_crawler_lock, the logger's per-thread buffer locks, the hash expansion / maintenance locks,
# and extstore's per-page / per-IO-thread / bucket mutexes (extstore.c, storage.c).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make autoconf automake perl pkg-config bear libevent-dev libssl-dev libsasl2-dev \
  libseccomp-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./autogen.sh)
cd "$BUILD"
"$SRC/configure" CC=gcc CFLAGS="-g -O0" --enable-extstore --enable-tls --enable-sasl --enable-sasl-pwdb \
  --enable-seccomp
bear -- make -j2
test -s compile_commands.json
