#!/bin/bash
# Usage: ntpsec.sh SRC_DIR BUILD_DIR   (waf, bundled with the source; out of tree with --out=BUILD_DIR, the
# compile database is recorded by bear around `waf build`)
# NTPsec (ntpsec/ntpsec; gpsd/gpsd has no snapshot here): ntpd with NTS (OpenSSL), every refclock driver
# (--refclock=all), seccomp, MS-SNTP, leap smear, debug build, mDNS registration (avahi's dns_sd compat), plus
# libntp, libparse, libaes_siv, ntpfrob, ntptime, the ntpclients' FFI python library and the unit tests.
# Locks: raw pthread mutexes: NTS's cookie-key rotation lock (nts_cookie.c: cookie_lock around key use and
# rotation), the NTS-KE server's per-connection / stats locking (nts_server.c) and libntp's lib_strbuf
# ring-buffer mutex; the NTS-KE server and the DNS lookups run in helper threads.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc bear python3 python3-dev bison pkg-config libssl-dev libcap-dev libseccomp-dev \
  libavahi-compat-libdnssd-dev libbsd-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
CC=gcc python3 ./waf configure --out="$BUILD" --refclock=all --enable-debug --enable-seccomp --enable-mssntp \
  --enable-leap-smear --enable-debug-timing
bear --output "$BUILD/compile_commands.json" -- python3 ./waf build -j2
test -s "$BUILD/compile_commands.json"
