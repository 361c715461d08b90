#!/bin/bash
# Usage: openldap.sh SRC_DIR BUILD_DIR   (autotools, shipped configure, VPATH out-of-tree build)
# Upstream default options: libraries (liblber, libldap, liblmdb via back-mdb), clients and slapd with the
# default back-mdb and its default overlays, POSIX threads, TLS via OpenSSL, Cyrus SASL, systemd notify.
# `make depend` runs outside bear so that only real compiles are recorded.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config groff-base libssl-dev libsasl2-dev libsystemd-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
"$SRC/configure"
make depend
bear -- make -j2
test -s "$BUILD/compile_commands.json"
