#!/bin/bash
# Usage: 3proxy.sh SRC_DIR BUILD_DIR   (cmake)
# 3proxy, the multi-protocol proxy server: 3proxy itself (HTTP, SOCKS, POP3, IMAP, SMTP, FTP, TCP / UDP port
# mapping, TLS proxying) with OpenSSL (Debian 12 has no wolfSSL), PCRE2, PAM and netfilter, the standalone
# proxy / socks / pop3p / imapp / smtpp / ftppr / tcppm / udppm / tlspr binaries (the same sources compiled again
# with other defines, so files repeat in the database) and the plugins. Locks: raw pthread mutexes behind
# structures.h's _3proxy_mutex_lock / _3proxy_mutex_unlock (#defined to pthread_mutex_lock / _unlock on Unix):
# the hash tables' hash_mutex, the traffic counters' tc_mutex, bandlim_mutex / connlim_mutex (bandwidth and
# connection limits), the log's log_mutex and file_mutex, config_mutex, pcre_mutex, the PAM / RADIUS /
# resolver mutexes, the server's counter_mutex and OpenSSL's locking callback array (mutex_buf), and the
# _3proxy_sem_t semaphore (mutex + condition).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake make pkg-config libssl-dev libpcre2-dev libpam0g-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc cmake -S "$SRC" -B "$BUILD" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
