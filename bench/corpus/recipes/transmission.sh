#!/bin/bash
# Usage: transmission.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree; SRC_DIR checked out at tag 3.00, the last
# C release: 4.x is C++. The dht and libutp submodules are filled from local mirrors of transmission/dht and
# transmission/libutp at the pinned commits; libevent, libb64, libnatpmp and miniupnpc come from Debian)
# Transmission 3.00: libtransmission (session, torrents, peer manager / peer-msgs / peer-io, bandwidth,
# announcer over HTTP and UDP, DHT, uTP, LPD, port forwarding via NAT-PMP / UPnP, cache, verify thread, RPC
# server, watchdir with inotify, web / libcurl thread, OpenSSL crypto, systemd notify), transmission-daemon,
# transmission-remote, transmission-cli, the utils (create / edit / show) and the C unit tests. No GTK (not
# installed here) and no Qt (C++). Debug build. Locks: platform.c's tr_lock, a recursive pthread mutex with an
# owner thread / depth (tr_lockNew / tr_lockLock / tr_lockUnlock / tr_lockHave), taken through
# tr_sessionLock / tr_sessionUnlock, tr_torrentLock / tr_torrentUnlock (session lock) and peer-mgr.c's
# managerLock / managerUnlock; verify.c's verifyLock and the watchdir / web / cache helpers also use tr_lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc g++ pkg-config gettext libssl-dev libcurl4-openssl-dev libevent-dev zlib1g-dev \
  libb64-dev libnatpmp-dev libminiupnpc-dev libsystemd-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
DHT_GIT=${DHT_GIT:-/work/.mirror/transmission+dht/repo}
UTP_GIT=${UTP_GIT:-/work/.mirror/transmission+libutp/repo}
if [ ! -f "$SRC/third-party/dht/dht.c" ]; then
  git -C "$SRC" -c protocol.file.allow=always -c submodule.third-party/dht.url="$DHT_GIT" \
    submodule update --init third-party/dht
fi
if [ ! -f "$SRC/third-party/libutp/utp.cpp" ]; then
  git -C "$SRC" -c protocol.file.allow=always -c submodule.third-party/libutp.url="$UTP_GIT" \
    submodule update --init third-party/libutp
fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DENABLE_DAEMON=ON -DENABLE_CLI=ON -DENABLE_UTILS=ON -DENABLE_TESTS=ON \
  -DENABLE_GTK=OFF -DENABLE_QT=OFF -DENABLE_MAC=OFF -DENABLE_UTP=ON -DENABLE_NLS=ON -DINSTALL_DOC=OFF \
  -DUSE_SYSTEM_EVENT2=ON -DUSE_SYSTEM_DHT=OFF -DUSE_SYSTEM_UTP=OFF -DUSE_SYSTEM_B64=ON -DUSE_SYSTEM_NATPMP=ON \
  -DUSE_SYSTEM_MINIUPNPC=ON -DWITH_CRYPTO=openssl -DWITH_INOTIFY=ON -DWITH_SYSTEMD=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
