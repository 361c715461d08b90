#!/bin/bash
# Usage: git.sh SRC_DIR BUILD_DIR   (its own Makefile + bear; git builds in the tree it runs from, so the
# source is copied into BUILD_DIR first)
# Git (git/git): git and its built-in commands, the remote helpers (git-http-*, git-remote-http with
# libcurl), git-daemon, git-imap-send, the test helpers (t/helper) and the unit tests; no Rust, gettext, Perl,
# Python or Tcl/Tk parts, no docs. Locks: raw pthread mutexes under #ifndef NO_PTHREADS, mostly through
# file-local lock macros: builtin/pack-objects.c's progress_lock / cache_lock / packing_data_lock
# (pack-objects.h's packing_data_lock wrappers), builtin/index-pack.c's read_mutex / counter_mutex /
# work_mutex / deepest_delta_mutex (lock_mutex / unlock_mutex macros), builtin/grep.c's grep_mutex and
# grep.c's grep_attr_mutex / grep_read_mutex (grep_lock / grep_read_lock), preload-index.c's
# pd->mutex, name-hash.c's lazy_dir_mutex array, run-command.c's parallel-process and async
# mutexes, trace2's tr2tls mutex and thread-utils' pthread_once.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config zlib1g-dev libcurl4-openssl-dev libexpat1-dev libpcre2-dev libssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cp -a "$SRC/." "$BUILD/"
cd "$BUILD"
flags=(CC=gcc NO_RUST=1 NO_GETTEXT=1 NO_TCLTK=1 NO_PERL=1 NO_PYTHON=1 USE_LIBPCRE2=1 DEVELOPER= prefix=/usr)
bear --output "$BUILD/compile_commands.json" -- make -j2 "${flags[@]}" all t/helper/test-tool \
  unit-tests
test -s "$BUILD/compile_commands.json"
