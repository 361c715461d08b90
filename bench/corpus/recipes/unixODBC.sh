#!/bin/bash
# Usage: unixODBC.sh SRC_DIR BUILD_DIR   (autotools: autoreconf -fi in a copy; SRC_DIR minus .git is copied into
# BUILD_DIR, bootstrapped and built there)
# unixODBC, the ODBC driver manager: libodbc (DriverManager/, with connection pooling and the statistics area;
# not the handle maps: --enable-handlemap does not compile at this commit, SQLErrorW.c), libodbcinst, libodbccr (cursor library), the bundled drivers (Postgres7.1, MiniSQL, nn,
# template, txt), isql / iusql / odbcinst / dltest / slencheck, with pthreads, readline, iconv and the
# ini cache. Locks: pthread mutexes behind out-of-line functions: thread_protect / thread_release (the handle's
# level: the per env / dbc / stmt / desc mutexes or the global mutex_lists, DriverManager/__handles.c), where
# thread_release is mostly reached through function_return / function_return_ex / function_return_nodrv
# (__info.c, another file); the pool's mutex_pool with pool_timedwait / pool_signal (__handles.c, SQLConnect.c);
# odbcinst's static mutex_entry / mutex_exit around the ini cache (SQLGetPrivateProfileString.c), the logging
# and config-mode mutexes (_logging.c, SQLSetConfigMode.c).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool libltdl-dev libreadline-dev flex bison; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
test -f configure || autoreconf -fi
CC=gcc ./configure --enable-threads --enable-readline --enable-iconv --enable-inicaching --enable-drivers \
  --enable-driver-config --enable-stats
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
