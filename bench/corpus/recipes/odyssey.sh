#!/bin/bash
# Usage: odyssey.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# Yandex Odyssey, the multithreaded PostgreSQL connection pooler: the odyssey binary (sources/: router, rules,
# route pools, frontend/backend relay, console, cron, auth incl. PAM and LDAP, Prometheus off (libprom not in
# Debian), compression off (BUILD_COMPRESSION=ON does not compile at this commit: machinarium/write.c uses an
# undeclared iovec and mm_iov_advance), systemd notify) together with the bundled machinarium coroutine runtime
# (sources/machinarium: threads, channels, event manager, wait lists, TLS) and the kiwi protocol library, Debug
# build; the default target also builds odyssey_test (the same sources again plus sources/tests: machinarium and
# odyssey unit tests), so the compile database lists most files twice. Locks: machinarium's own primitives, none of them
# pthread: mm_sleeplock_lock / mm_sleeplock_unlock (static inline atomic_exchange spin locks, sleep_lock.h) for
# channels, the event manager, wait lists and hash maps; mm_mutex_lock(m, timeout) / mm_mutex_lock2 /
# mm_mutex_unlock (a coroutine-aware mutex built on a wait list, machinarium/mutex.c) behind the inline wrappers
# od_router_lock, od_route_lock, od_route_pool_lock, od_multi_pool_lock, od_rules_lock and kiwi_params_lock_*;
# plus a few plain pthread mutexes (tdigest.c, machinarium/tls.c).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc bison flex libssl-dev libpam0g-dev libldap2-dev libzstd-dev zlib1g-dev \
  libsystemd-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
