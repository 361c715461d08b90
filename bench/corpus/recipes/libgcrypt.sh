#!/bin/bash
# Usage: libgcrypt.sh SRC_DIR BUILD_DIR   (autotools, out of tree, bear)
# libgcrypt, tag libgcrypt-1.10.3 (1.11.x needs libgpg-error >= 1.49;
# Debian 12 has 1.46): the library (cipher/, mpi/, random/, src/) plus the
# test programs in tests/; no documentation.
# Locks: libgpg-error's gpgrt_lock_t (GPGRT_LOCK_DEFINE + gpgrt_lock_lock/
# gpgrt_lock_unlock, which return gpg_err_code_t), wrapped per file:
# SECMEM_LOCK/SECMEM_UNLOCK macros in src/secmem.c, lock_rng()/unlock_rng()
# in random/random-system.c and rndjent.c, lock_pool()/unlock_pool() in
# random/random-csprng.c, drbg_lock()/drbg_unlock() in random-drbg.c,
# fsm_lock in src/fips.c, nonce_buffer_lock in random/random.c. Older "ath"
# layer is gone in 1.10.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool libgpg-error-dev texinfo; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && ./autogen.sh)
cd "$BUILD"
"$SRC/configure" CC=gcc CFLAGS="-O0 -g0" --disable-doc
bear -- make -j2
test -s "$BUILD/compile_commands.json"
