#!/bin/bash
# Usage: monit.sh SRC_DIR BUILD_DIR   (autotools, in-tree only: libmonit's include paths (-I./src/exceptions ...)
# are relative to the build folder, so a VPATH build fails; SRC_DIR minus .git is copied into BUILD_DIR, bootstrapped
# and built there, and the compile database's paths point into BUILD_DIR)
# Monit 5.25.4 from bAndie91/monit, a GitHub copy of tildeslash's repository (the upstream MMonit/monit cannot be
# fetched here; bAndie91's last own commit only edits the README): the monit daemon with OpenSSL, PAM, zlib and
# IPv6, and the bundled libmonit (exceptions, threads, net, util). Locks: libmonit's Thread.h macros over
# pthread: Mutex_lock / Mutex_unlock and Lock_read / Lock_write / Lock_unlock (each `wrapper(F)`: a do-while that
# THROWs AssertException on a non-zero status), and the block macros LOCK(m) ... END_LOCK, RLOCK / WLOCK ...
# END_RLOCK / END_WLOCK (a do { ... } while (0) that declares the status and the lock pointer); the setjmp-based
# TRY / ELSE / FINALLY / END_TRY exceptions run inside those blocks. Used for Run.mutex (the validate / heartbeat
# / http threads), the event and state files, the SSL session cache and libmonit's own Exception stack.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool flex bison libssl-dev libpam0g-dev zlib1g-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
test -f configure || ./bootstrap
CC=gcc ./configure --with-ssl --with-pam --with-zlib --with-ipv6
# Debian 12's bison 3.8 makes y.tab.c #include "y.tab.h", which monit's Makefile renames to src/tokens.h: bison
# through a wrapper that points the include at the new name
printf '#!/bin/sh\nbison -y "$@" && sed -i %s src/y.tab.c\n' \
  "'s/#include \"y.tab.h\"/#include \"tokens.h\"/'" > yacc-wrap
chmod +x yacc-wrap
bear --output "$BUILD/compile_commands.json" -- make -j2 YACC="$BUILD/yacc-wrap"
test -s "$BUILD/compile_commands.json"
