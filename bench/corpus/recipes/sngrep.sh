#!/bin/bash
# Usage: sngrep.sh SRC_DIR BUILD_DIR   (autotools: ./bootstrap.sh in SRC_DIR, then a VPATH build in BUILD_DIR)
# sngrep, the ncurses SIP message flow viewer: capture (libpcap, HEP/EEP), the SIP parser and call storage,
# the ncurses UI; OpenSSL TLS decryption, PCRE2, IPv6 and EEP on. Locks: few; one recursive pthread mutex,
# capture_cfg.lock (src/capture.c), taken directly in capture.c and through the argument-less helpers
# capture_lock() / capture_unlock() (defined in capture.c, called from curses/ui_manager.c and capture_eep.c)
# around packet parsing and UI redraw / key handling.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libpcap-dev libncurses-dev libssl-dev \
  libpcre2-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && ./bootstrap.sh)
cd "$BUILD"
CC=gcc "$SRC/configure" --with-openssl --with-pcre2 --enable-ipv6 --enable-eep
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
