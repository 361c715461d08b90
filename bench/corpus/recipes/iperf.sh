#!/bin/bash
# Usage: iperf.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build with the checked-in configure)
# iperf3: libiperf (src/*.c) and the iperf3 binary, OpenSSL authentication and SCTP on; the test programs are not
# built. Locks: since iperf 3.16 each stream runs in its own pthread; iperf_api.c and iperf_error.c take the
# global print_mutex around output (iperf_printf / iperf_err / JSON), and the stream threads are started and
# cancelled from iperf_api.c / iperf_client_api.c / iperf_server_api.c. Few locks, raw pthread calls.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear libssl-dev libsctp-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
CC=gcc "$SRC/configure" --with-openssl=/usr --with-sctp
bear --output "$BUILD/compile_commands.json" -- make -j2 -C src iperf3
test -s "$BUILD/compile_commands.json"
