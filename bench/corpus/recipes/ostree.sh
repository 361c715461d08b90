#!/bin/bash
# Usage: ostree.sh SRC_DIR BUILD_DIR   (autotools under bear; autogen runs in SRC_DIR, configure + make in BUILD_DIR)
# libglnx and bsdiff are git submodules (GNOME/libglnx, mendsley/bsdiff); they are filled from local mirrors.
# ostree (libostree), the content-addressed OS tree store: libostree (repo, commit / checkout / pull / fetcher over
# libcurl, sysroot and deployments, GPG signing through gpgme, libarchive import), the ostree CLI, the
# ostree-prepare-root / remount / system-generator helpers, rofiles-fuse, libotutil / libotcore and the bundled
# libglnx and bsdiff, and the few noinst test helpers make builds. Debug build (-O0 -g). The C build needs no Rust.
# Locks: GLib's GMutex / GRecMutex / GCond and G_LOCK / G_UNLOCK statics (used through g_mutex_lock / _unlock and
# g_autoptr(GMutexLocker) = g_mutex_locker_new, whose unlock runs in the cleanup attribute at scope exit):
# OstreeRepo's txn_lock and cache_lock, the fetcher's per-thread queue mutex, the sysroot's lock; plus
# OstreeRepo's repo-level file lock (flock) stack in ostree-repo.c (ostree_repo_lock_push / _pop).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config bison git libglib2.0-dev liblzma-dev zlib1g-dev \
  libext2fs-dev libcurl4-openssl-dev libgpgme-dev libarchive-dev libmount-dev libselinux1-dev libsystemd-dev \
  libfuse3-dev libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
LIBGLNX_GIT=${LIBGLNX_GIT:-/work/.mirror/GNOME+libglnx/repo}
BSDIFF_GIT=${BSDIFF_GIT:-/work/.mirror/mendsley+bsdiff/repo}
if [ ! -f "$SRC/libglnx/README.md" ] || [ ! -f "$SRC/bsdiff/README.md" ]; then
  git -C "$SRC" -c protocol.file.allow=always -c submodule.libglnx.url="$LIBGLNX_GIT" \
    -c submodule.bsdiff.url="$BSDIFF_GIT" submodule update --init libglnx bsdiff
fi
[ -x "$SRC/configure" ] || (cd "$SRC" && NOCONFIGURE=1 ./autogen.sh)
cd "$BUILD"
"$SRC/configure" CC=gcc CFLAGS="-O0 -g" --with-curl --without-soup --without-soup3 --with-openssl --without-avahi \
  --with-libarchive --with-selinux --with-libmount --with-libsystemd --enable-rofiles-fuse --disable-man \
  --disable-gtk-doc --without-composefs
bear -- make -j2
test -s "$BUILD/compile_commands.json"
