#!/bin/bash
# Usage: SoftEtherVPN.sh SRC_DIR BUILD_DIR   (cmake + ninja, out of tree)
# SoftEther VPN (SoftEtherVPN/SoftEtherVPN, the open-source "developer edition"): the Mayaqua kernel library,
# Cedar (the VPN engine: hubs, sessions, virtual NAT / DHCP, the OpenVPN / L2TP / IPsec / SSTP / WireGuard
# protocol stacks, the admin RPC server, logging), libhamcore and the vpnserver / vpnclient / vpnbridge /
# vpncmd / vpntest programs. Git submodules needed in SRC_DIR: 3rdparty/BLAKE2, 3rdparty/tinydir,
# src/libhamcore, src/Mayaqua/3rdparty/cpu_features; the Open Quantum Safe provider (liboqs / oqs-provider)
# is off (OQS_ENABLE=OFF). Debug build (-DDEBUG, and the _DEBUG Lock/Unlock macros that record file/line).
# Locks: Mayaqua's own LOCK objects (Object.h's Lock() / Unlock() macros over LockInner / UnlockInner ->
# OSLock / UnixLock: a heap pthread mutex plus owner-thread id and a recursion count, so the LOCK is
# recursive), the per-container wrappers LockList / UnlockList, LockQueue / UnlockQueue, LockHashList /
# UnlockHashList, LockHubList / LockLog / LockLink / LockVirtual / LockSk (void functions whose bodies are in other files),
# the global openssl_lock / iconv_lock / cedar locks, and the IconvWideToStr / IconvFree acquire-release pair.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in cmake ninja-build gcc pkg-config libssl-dev libsodium-dev libreadline-dev libncurses-dev \
  zlib1g-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc CXX=g++ cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DOQS_ENABLE=OFF
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
