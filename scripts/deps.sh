#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages lockcheck needs, only those missing.
# Usage: scripts/deps.sh [extra-package...]
set -euo pipefail
pkgs=(cmake make gcc pkg-config libclang-19-dev clang-19 libjansson-dev git python3 valgrind "$@")
missing=()
for p in "${pkgs[@]}"; do
    # Tools that may come from elsewhere than Debian (node's npm) count when
    # they are on PATH.
    if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
