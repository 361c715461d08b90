#!/bin/bash
# Usage: cups.sh SRC_DIR BUILD_DIR   (autoconf, shipped configure; in-tree build, CUPS has no out-of-tree build,
# compile_commands.json is written to BUILD_DIR with paths into SRC_DIR)
# Upstream default options: all components (libcups, libcupsimage, cupsd scheduler, backends, filters, CGIs,
# notifiers, ppdc, tools), TLS via OpenSSL (configure's first choice), DNS-SD via Avahi, D-Bus, systemd
# on-demand launch, PAM, libusb USB backend, zlib, POSIX ACLs.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear pkg-config libssl-dev libavahi-client-dev libdbus-1-dev libsystemd-dev \
  libpam0g-dev libusb-1.0-0-dev zlib1g-dev libacl1-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
./configure
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
