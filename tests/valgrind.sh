#!/usr/bin/env bash
# Runs lockcheck over every fixture under valgrind's memcheck in one
# process: no invalid read or write, no use of uninitialised memory, and no
# definitely lost block (libclang's own one-time allocations are "still
# reachable", which is not a leak). Usage: tests/valgrind.sh LOCKCHECK SOURCE_DIR
set -uo pipefail
LC=$1
SRC=$2
command -v valgrind >/dev/null || { echo "SKIPPED: valgrind is not installed"; exit 77; }
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
cd "$SRC"
files=$(grep -L '^// args:' $(find tests/fixtures -name '*.c' | sort))
# shellcheck disable=SC2086
valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
    --log-file="$LOG" "$LC" -j 2 --format=json --quiet $files > /dev/null
status=$?
grep -E "definitely lost|ERROR SUMMARY" "$LOG"
if [ "$status" -eq 99 ]; then
    cat "$LOG"
    echo "FAIL: valgrind found errors or leaks"
    exit 1
fi
[ "$status" -le 2 ] || { echo "FAIL: lockcheck exit status $status"; exit 1; }
echo "ok: $(echo "$files" | wc -l) fixtures, no memory errors, nothing definitely lost"
