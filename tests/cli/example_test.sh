#!/usr/bin/env bash
# The bundled example (examples/bank) gives exactly its planted bugs.
set -euo pipefail
LC=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cmake -S "$SRC/examples/bank" -B "$TMP/build" >/dev/null
cd "$SRC"
set +e
"$LC" -p "$TMP/build" --quiet > "$TMP/out" 2>&1
status=$?
set -e
cat "$TMP/out"
[ "$status" -eq 1 ] || { echo "FAIL: exit status $status, want 1"; exit 1; }
got=$(grep -o '^examples/bank/[a-z]*\.c:[0-9]*:[0-9]*: warning: .*\[[a-z-]*\]$' "$TMP/out" |
      sed -E 's/: warning: .*\[/ [/' | sort)
want=$(printf '%s\n' \
  "examples/bank/account.c:52:9 [missing-release]" \
  "examples/bank/ledger.c:41:9 [double-acquire]" \
  "examples/bank/queue.c:65:5 [missing-release]" \
  "examples/bank/worker.c:51:5 [release-unheld]" | sort)
[ "$got" = "$want" ] || { echo "FAIL: findings differ"; diff <(echo "$want") <(echo "$got"); exit 1; }
echo "ok: the 4 planted bugs and nothing else"
