#!/bin/bash
# Usage: freetds.sh SRC_DIR BUILD_DIR   (cmake)
# FreeTDS, the TDS (Sybase / SQL Server) client libraries: libtds (with OpenSSL and Kerberos), ct-lib, db-lib,
# the ODBC driver (wide characters and MARS on), the apps (tsql, bsqldb, freebcp, ...), the tdspool server and
# every unit-test program. Locks: freetds/thread.h's tds_mutex_lock / tds_mutex_unlock / tds_mutex_trylock,
# static inline wrappers over pthread (tds_raw_mutex_*), and tds_cond_wait / tds_raw_cond_timedwait: each
# connection's list_mtx (MARS sessions share one socket; the wire is handed over with tds->wire_mtx, taken by
# try-lock in net.c / packet.c), the ODBC handles' mtx (taken in ODBC_ENTER_HSTMT / _HDBC / _HENV / _HDESC, the
# INIT_HANDLE macro, and released in ODBC_EXIT / ODBC_EXIT_, which return: odbc.c and the other odbc/ files),
# db-lib's global dblib_mutex, the pool's events_mtx, TLS / GSSAPI init mutexes and the unittests' own mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake make perl gperf libssl-dev libkrb5-dev unixodbc-dev libreadline-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc cmake -S "$SRC" -B "$BUILD" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DENABLE_KRB5=ON -DENABLE_ODBC_MARS=ON -DENABLE_ODBC_WIDE=ON
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
