#!/bin/bash
# Usage: timescaledb.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# TimescaleDB PostgreSQL extension (src/ and the tsl/ module), built against
# Debian 12's postgresql-server-dev-15. Tag 2.28.3: the newest release whose
# src/compat/compat.h still accepts PG15 (2.29.x dropped it and #errors on 15).
# Regression/TAP checks, linter and telemetry are off; OpenSSL on.
# Locks: PostgreSQL LWLocks (LWLockAcquire/LWLockRelease/LWLockConditionalAcquire,
# e.g. chunk_append's parallel state, bgw scheduler, tsl/bgw_policy), spinlocks
# (SpinLockAcquire/SpinLockRelease on shared counters in loader/ and
# ts_catalog), and heavyweight transaction-scoped locks (LockRelationOid,
# LockRelationForExtension ...) that PostgreSQL releases at transaction end; no
# project wrappers beyond a few static helpers around LWLockAcquire.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build postgresql-server-dev-15 libssl-dev libkrb5-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DPG_CONFIG=/usr/lib/postgresql/15/bin/pg_config -DREGRESS_CHECKS=OFF -DTAP_CHECKS=OFF \
  -DWARNINGS_AS_ERRORS=OFF -DLINTER=OFF -DSEND_TELEMETRY_DEFAULT=OFF
nice ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
