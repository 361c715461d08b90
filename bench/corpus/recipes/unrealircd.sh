#!/bin/bash
# Usage: unrealircd.sh SRC_DIR BUILD_DIR   (autoconf; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR)
# UnrealIRCd (unrealircd/unrealircd), the IRC server: the unrealircd binary (src/) and all its loadable modules
# (src/modules/, chanmodes/, usermodes/, extbans/, rpc/, third/), with OpenSSL and Debian's argon2, libsodium,
# c-ares, jansson and PCRE2 instead of the bundled tarballs in extras/; built -O0 -g. ./configure is run
# directly with the arguments the interactive ./Config would pass (--enable-ssl --enable-dynamic-linking and
# the install directories, here under BUILD_DIR/inst; without them config.h lacks PERMDATADIR and OpenSSL is
# not linked). Locks: none -- UnrealIRCd is a single-threaded event loop (no pthread mutex, spinlock or
# condition variable in src/); a project with no lock calls, so every finding on it would be false.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config openssl libssl-dev libargon2-dev libsodium-dev libc-ares-dev \
  libjansson-dev libpcre2-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
P="$BUILD/inst"
CC=gcc CFLAGS="-g -O0" ./configure --enable-ssl --enable-dynamic-linking --with-bindir="$P/bin" \
  --with-datadir="$P/data" --with-pidfile="$P/data/unrealircd.pid" --with-controlfile="$P/data/unrealircd.ctl" \
  --with-confdir="$P/conf" --with-modulesdir="$P/modules" --with-logdir="$P/logs" --with-cachedir="$P/cache" \
  --with-docdir="$P/doc" --with-tmpdir="$P/tmp" --with-privatelibdir= --with-scriptdir="$P" \
  --with-nick-history=2000 --with-permissions=0600 --with-system-argon2 --with-system-sodium \
  --with-system-cares --with-system-jansson --with-system-pcre2
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
