#!/bin/bash
# Usage: usrsctp.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# usrsctp, the userland SCTP stack (the FreeBSD kernel SCTP code with a userspace shim): libusrsctp
# (sctp_input / output / pcb / usrreq / timer / asconf / auth / indata, user_socket.c's socket layer,
# the callout timer thread, the recv thread for raw / UDP encapsulation) and the example programs; no fuzzers.
# Debug build, invariants off. Locks: the FreeBSD kernel lock macros mapped in user_atomic.h / netinet/
# sctp_process_lock.h onto pthread mutexes / rwlocks: SCTP_TCB_LOCK / UNLOCK (per association),
# SCTP_INP_RLOCK / WLOCK (per endpoint), SCTP_INP_INFO_RLOCK / WLOCK (global pcb info), SCTP_IPI_ADDR_*,
# SCTP_WQ_ADDR_*, SCTP_TIMERQ_LOCK, SOCK_LOCK / SOCKBUF_LOCK (user_socket.c's socket buffers),
# SCTP_SOCKET_LOCK, the accept / zone mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc cmake ninja-build pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -Dsctp_build_programs=ON -Dsctp_build_fuzzer=OFF -Dsctp_werror=OFF -Dsctp_invariants=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
