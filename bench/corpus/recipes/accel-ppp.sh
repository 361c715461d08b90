#!/bin/bash
# Usage: accel-ppp.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# accel-ppp daemon (accel-pppd with pppoe, l2tp, pptp, sstp, ipoe, radius,
# shaper, chap/pap/mschap, ippool ...) and accel-cmd. Tag 1.14.0 (newest
# release). No kernel modules (BUILD_IPOE_DRIVER/BUILD_VLAN_MON_DRIVER/
# BUILD_PPPOSEQ_DRIVER off); no Lua, no net-snmp, no pgsql log.
# Locks: raw pthread mutexes and rwlocks (ses_lock, the triton context/timer
# locks), and spinlock_t with spin_lock/spin_unlock macros from
# accel-pppd/include/spinlock.h that expand to pthread_spin_lock/unlock (or,
# with GCC_SPINLOCK, __sync_lock_test_and_set loops; not defined here).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build libpcre2-dev libssl-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DBUILD_IPOE_DRIVER=FALSE -DBUILD_VLAN_MON_DRIVER=FALSE -DBUILD_PPPOSEQ_DRIVER=FALSE \
  -DRADIUS=TRUE -DSHAPER=TRUE -DLOG_PGSQL=FALSE -DNETSNMP=FALSE -DLUA=FALSE
nice ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
