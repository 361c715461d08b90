#!/bin/bash
# Usage: wget2.sh SRC_DIR BUILD_DIR   (gnulib bootstrap + autotools: the gnulib submodule is filled from a local
# mirror of coreutils/gnulib at the pinned commit (minus its ChangeLog), SRC_DIR minus .git is copied into BUILD_DIR, ./bootstrap
# --skip-po (no translation download) runs there and the build is made there)
# GNU Wget2 (rockdaboot/wget2): libwget (HTTP/1.1 + HTTP/2 via nghttp2, TLS via GnuTLS, DNS cache, cookies with
# libpsl, HSTS / HPKP / OCSP / TLS-session / netrc databases, IRI with libidn2, PCRE2, gzip / brotli / zstd /
# lzip / bzip2 / lzma decompression, thread pool wrappers) and the wget2 program (multi-threaded downloader,
# gpgme signature checking, plugin support, xattr), the examples, the fuzz-corpus drivers are not built and the
# libmicrohttpd-based test suite is compiled (`make check TESTS=`). Docs off. Locks: libwget's wget_thread_mutex
# (an opaque struct over a pthread mutex / gnulib glthread lock, wget_thread_mutex_lock / _unlock in
# libwget/thread.c) on the DNS cache, the TLS session / OCSP / HSTS / HPKP databases, the stats, the host and
# job queues (src/host.c, src/job.c: the main `downloader` mutex), the netrc / cookie DBs, the global config
# and the progress bar; wget_thread_cond waits on the same mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool autopoint gettext flex lzip texinfo pkg-config git rsync \
  libgnutls28-dev libnghttp2-dev libpsl-dev libidn2-dev libpcre2-dev zlib1g-dev libbrotli-dev libzstd-dev \
  liblz-dev libbz2-dev liblzma-dev libgpgme-dev libmicrohttpd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
GNULIB_GIT=${GNULIB_GIT:-/work/.mirror/coreutils+gnulib/repo}
# (the mirror lacks blobs of 4 MiB and more, i.e. gnulib's ChangeLog, so the pinned tree is checked out without it)
if [ ! -f "$SRC/gnulib/gnulib-tool" ]; then
  rev=$(git -C "$SRC" ls-tree HEAD gnulib | awk '{print $3}')
  rm -rf "$SRC/gnulib"; git clone -q --no-checkout "$GNULIB_GIT" "$SRC/gnulib"
  git -C "$SRC/gnulib" checkout -q "$rev" -- . ':!ChangeLog'; touch "$SRC/gnulib/ChangeLog"
fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
./bootstrap --skip-po --no-git --gnulib-srcdir="$BUILD/gnulib"
CC=gcc ./configure --disable-doc --with-ssl=gnutls --with-bzip2 --with-lzma --enable-xattr
bear --output "$BUILD/compile_commands.json" -- sh -c 'make -j2 && make -j2 check TESTS='
test -s "$BUILD/compile_commands.json"
