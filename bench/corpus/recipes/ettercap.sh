#!/bin/bash
# Usage: ettercap.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Debug build with system libraries (SYSTEM_LIBS=ON: Debian's libnet, curl, pcap, OpenSSL, PCRE2, check); curses
# UI and plugins on, IPv6 on, the unit tests on (check); the GTK UI off (it only adds the gtk3 front end), GeoIP
# off (its GeoLite2 tarball under share/ is a large file the snapshot lacks) and Lua off (experimental). Locks:
# pthread mutexes behind per-module macros (SEND_LOCK, THREADS_LOCK, PROFILE_LOCK, PLUGIN_LOCK, CONNTRACK_LOCK,
# SESSION_LOCK, IP_LIST_LOCK, FILTERS_LOCK, WDG_LOCK, SOURCES_LIST_LOCK, ...) guarding the sniffing, decoding,
# connection-tracking, profile, dissector-session and thread-list state shared by ettercap's worker threads.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config flex bison libpcap-dev libnet1-dev libssl-dev zlib1g-dev \
  libncurses-dev libpcre2-dev libcurl4-openssl-dev check; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DSYSTEM_LIBS=ON -DBUNDLED_LIBS=OFF -DENABLE_CURSES=ON -DENABLE_GTK=OFF \
  -DENABLE_PLUGINS=ON -DENABLE_IPV6=ON -DENABLE_LUA=OFF -DENABLE_GEOIP=OFF -DENABLE_TESTS=ON \
  -DINSTALL_DESKTOP=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
