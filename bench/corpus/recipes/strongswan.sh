#!/bin/bash
# Usage: strongswan.sh SRC_DIR BUILD_DIR   (autotools: autogen.sh in the source tree, out-of-tree configure, bear)
# strongSwan, the IPsec / IKEv2 daemon: libstrongswan, libcharon (IKE SAs, tasks, bus, kernel interfaces), charon,
# charon-cmd, swanctl / vici, pki, the default plugin set plus openssl, curl, eap-* (md5, mschapv2, identity, tls,
# radius, dynamic), xauth, ha, farp, dhcp, certexpire, counters and stroke. Debug build (-g -O0). Locks:
# strongSwan's own objects from threading/mutex.h, rwlock.h, condvar.h and spinlock.h (mutex_t with
# this->mutex->lock(this->mutex) / ->unlock through function pointers, rwlock_t with ->read_lock / ->write_lock /
# ->unlock), implemented over pthread mutexes / rwlocks in libstrongswan/threading/; the IKE SA manager's
# per-segment and per-entry locks, the bus's mutex, the credential manager's rwlock, the kernel netlink's mutexes,
# and so on.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make autoconf automake libtool pkg-config gperf bison flex bear libgmp-dev libssl-dev \
  libcurl4-openssl-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./autogen.sh)
cd "$BUILD"
"$SRC/configure" CC=gcc CFLAGS="-g -O0" PYTHON=/usr/bin/python3 --disable-defaults --enable-charon \
  --enable-swanctl --enable-vici --enable-cmd --enable-pki --enable-ikev1 --enable-ikev2 --enable-socket-default \
  --enable-kernel-netlink --enable-updown --enable-resolve --enable-attr --enable-nonce --enable-random --enable-x509 \
  --enable-pubkey --enable-pkcs1 --enable-pkcs7 --enable-pkcs8 --enable-pkcs12 --enable-pem --enable-revocation \
  --enable-constraints --enable-gmp --enable-openssl --enable-curl --enable-hmac --enable-kdf --enable-sha1 \
  --enable-sha2 --enable-aes --enable-des --enable-md5 --enable-eap-identity --enable-eap-md5 \
  --enable-eap-mschapv2 --enable-eap-tls --enable-eap-radius --enable-eap-dynamic --enable-xauth-generic \
  --enable-ha --enable-farp --enable-dhcp --enable-certexpire --enable-counters --enable-stroke \
  --enable-monolithic=no
bear -- make -j2
test -s compile_commands.json
