#!/bin/bash
# Usage: syslog-ng.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; autogen.sh runs in SRC_DIR)
# Upstream defaults (modules auto-detected) with these changes: Debian's libivykis instead of the lib/ivykis
# submodule (its pinned commit is not in the mirrors; skip_submodules=1 stops autogen.sh from cloning),
# --with-python-packages=none (no pip/venv download at build time), --disable-cloud-auth (C++, needs the
# absent jwt-cpp submodule). The dependency list below fixes which auto modules are built: JSON (json-c), HTTP
# (curl), AMQP (rabbitmq-c), STOMP, MQTT (paho), Redis (hiredis), Python, systemd/journal, libcap, OpenSSL, PCRE2.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear pkg-config autoconf automake libtool autoconf-archive flex bison gperf \
  libglib2.0-dev libivykis-dev libjson-c-dev libpcre2-dev libssl-dev libcap-dev libsystemd-dev \
  libcurl4-openssl-dev librabbitmq-dev libpaho-mqtt-dev libhiredis-dev python3-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && skip_submodules=1 ./autogen.sh)
cd "$BUILD"
"$SRC/configure" --with-ivykis=system --with-python-packages=none --disable-cloud-auth
bear -- make -j2
test -s "$BUILD/compile_commands.json"
