#!/bin/bash
# Usage: avahi.sh SRC_DIR BUILD_DIR   (autotools: ./autogen.sh-style bootstrap in SRC_DIR, configure run from BUILD_DIR)
# Avahi mDNS/DNS-SD: avahi-common (simple / threaded poll, D-Bus helpers), avahi-core (the mDNS responder
# engine), avahi-client, avahi-glib, avahi-gobject, avahi-libevent, avahi-daemon (D-Bus server, chroot helper,
# simple protocol, ini parser, libdaemon, libsystemd), avahi-dnsconfd, avahi-autoipd (Linux, gdbm), avahi-utils,
# the examples, the HOWL and libdns_sd compatibility libraries and the test programs (--enable-tests). No Qt,
# GTK, Python or Mono front ends, no docs / man pages. Locks: pthread mutexes in avahi-common/thread-watch.c
# (AvahiThreadedPoll's mutex: avahi_threaded_poll_lock / _unlock, held around the poll loop's dispatch),
# avahi-compat-howl/compat.c (the salt's recursive mutex: sw_salt_lock / sw_salt_unlock and ASSERT_SUCCESS-wrapped
# pthread_mutex_lock) and avahi-compat-libdns_sd/compat.c (per-service-ref mutexes; DNSServiceProcessResult and the
# callbacks), plus the one-shot warning mutex of warn.c.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config gettext intltool libexpat1-dev libdaemon-dev \
  libdbus-1-dev libglib2.0-dev libevent-dev libgdbm-dev libsystemd-dev libcap-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && NOCONFIGURE=1 ./autogen.sh)
cd "$BUILD"
CC=gcc "$SRC/configure" --enable-glib --enable-gobject --enable-libevent --enable-dbus --enable-gdbm \
  --enable-libdaemon --enable-libsystemd --enable-autoipd --enable-tests --enable-compat-libdns_sd \
  --enable-compat-howl --disable-qt3 --disable-qt4 --disable-qt5 --disable-gtk --disable-gtk3 --disable-python \
  --disable-mono --disable-monodoc --disable-core-docs --disable-manpages --disable-xmltoman \
  --with-distro=debian
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
