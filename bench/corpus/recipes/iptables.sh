#!/bin/bash
# Usage: iptables.sh SRC_DIR BUILD_DIR   (autotools, out of tree, bear)
# iptables 1.8.11 from the AOSP mirror aosp-mirror/platform_external_iptables
# (netfilter/iptables itself has no snapshot here; the AOSP tree is upstream
# 1.8.11 plus Android.bp/config.h): legacy iptables/ip6tables (xtables-
# legacy-multi), libiptc, libxtables, libipq, all extensions, nfbpf_compile,
# nfsynproxy; nftables backend disabled (needs libnftnl >= 1.2.6, Debian 12
# has 1.2.4).
# Locks: no threads or mutexes. The "xtables lock" is an advisory file lock:
# xtables_lock() in iptables/xshared.c opens /run/xtables.lock and
# flock(LOCK_EX[|LOCK_NB]) with a wait/retry loop (xtables_lock_or_exit);
# it is never explicitly released (the fd is closed at process exit).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear autoconf automake libtool pkg-config libmnl-dev libnetfilter-conntrack-dev libnfnetlink-dev libpcap-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
[ -x "$SRC/configure" ] || (cd "$SRC" && sh autogen.sh)
cd "$BUILD"
"$SRC/configure" CC=gcc CFLAGS="-O0 -g0" --disable-nftables --enable-libipq --enable-bpf-compiler --enable-nfsynproxy --enable-connlabel
bear -- make -j2
test -s "$BUILD/compile_commands.json"
