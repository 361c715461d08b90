#!/bin/bash
# Usage: gpsd.sh SRC_DIR BUILD_DIR   (SCons under bear; GitHub mirror ntpsec/gpsd of the GitLab project)
# gpsd, the GPS service daemon: gpsd itself with all its drivers (NMEA 0183, u-blox, SiRF, Garmin, RTCM,
# AIS, ...), libgpsd / libgps, the ncurses and C clients (cgps, gpspipe, gpsctl, gpsdecode, gpsmon, ntpshmmon,
# ppscheck, ...), without Qt, Python, xgps, D-Bus and BlueZ. Debug build (debug=yes). SCons builds in the
# source tree's variant directory gpsd-<version>/ (duplicate=1 copies of the sources), so the compile database
# written to BUILD_DIR names files under SRC_DIR/gpsd-<version>/ (SCons's configure probes are dropped from
# it). Locks: one raw pthread mutex, report_mutex in gpsd/libgpsd_core.c (gpsd_acquire_reporting_lock /
# gpsd_release_reporting_lock around log output, shared with the PPS thread); the PPS thread's shared-memory
# handoff uses atomic word access, no lock.
# Run it on a fresh checkout: SCons rebuilds incrementally, and bear records only what is compiled.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ scons python3 pkg-config bear libncurses-dev libusb-1.0-0-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$SRC"
CC=gcc CXX=g++ bear --output "$BUILD/compile_commands.json" -- scons -j2 debug=yes qt=no python=no xgps=no \
  dbus_export=no bluez=no manbuild=no libgpsmm=no
# bear also records SCons's configure probes (.sconf_temp/conftest_*.c); keep only the real build
python3 - "$BUILD/compile_commands.json" <<'PY'
import json, sys
p = sys.argv[1]; d = json.load(open(p))
json.dump([e for e in d if '/.sconf_temp/' not in e['file']], open(p, 'w'), indent=2)
PY
test -s "$BUILD/compile_commands.json"
