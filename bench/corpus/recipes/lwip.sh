#!/bin/bash
# Usage: lwip.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree; the top-level CMakeLists builds the unix example_app)
# lwIP, the lightweight TCP/IP stack, as its unix example_app: the core (ipv4 / ipv6 / tcp / udp / raw / pbuf /
# mem / memp / netif / dns / dhcp ...), the sequential API (api_lib / api_msg / sockets / netdb / tcpip thread),
# netif drivers (ethernet, ppp, slip, 6lowpan, bridgeif), the apps (httpd, lwiperf, mqtt, snmp, sntp, tftp, ...),
# the contrib apps / addons / examples and the unix port (sys_arch.c on pthreads, tapif / vdeif). Debug build with
# LWIP_DEBUG=1 (the project default). example_app needs contrib/examples/example_app/lwipcfg.h: it is copied
# from lwipcfg.h.example when missing (as the project's CI does). No mbedtls (not found, so TLS is off).
# Locks: lwIP's OS abstraction sys_mutex_t with sys_mutex_lock / sys_mutex_unlock (unix port: pthread mutexes),
# the tcpip core lock through LOCK_TCPIP_CORE() / UNLOCK_TCPIP_CORE() (macros over sys_mutex_lock(&lock_tcpip_core)
# when LWIP_TCPIP_CORE_LOCKING), the critical-section macros SYS_ARCH_DECL_PROTECT / SYS_ARCH_PROTECT(lev) /
# SYS_ARCH_UNPROTECT(lev) (sys_arch_protect / sys_arch_unprotect: the unix port locks a static pthread mutex,
# lwprot_mutex, made re-entrant by an owner-thread check and a count),
# and sys_sem_t / sys_mbox_t semaphores and mailboxes (not locks).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CFG="$SRC/contrib/examples/example_app/lwipcfg.h"
[ -f "$CFG" ] || cp "$CFG.example" "$CFG"
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
