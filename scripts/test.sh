#!/usr/bin/env bash
# Installs what is missing, builds lockcheck and runs the whole test suite.
# With --sanitize, builds in build-sanitize/ with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs the suite there.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build
flags=()
if [ "${1:-}" = "--sanitize" ]; then
    dir=build-sanitize
    flags=(-DLOCKCHECK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1
    export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
# pre-commit and npm (for the SARIF validator) let the hook and SARIF
# tests run instead of being skipped.
scripts/deps.sh pre-commit npm
cmake -S . -B "$dir" -DLOCKCHECK_WERROR=ON "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)"
cd "$dir" && ctest --output-on-failure -j"$(nproc)"
