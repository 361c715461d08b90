#!/usr/bin/env bash
# Pathological inputs from bench/gen.py (sizes from the reliability brief),
# each analysed to the right answer without crashing: the generated code is
# correct (no finding), then an early return leaves one lock held (the
# findings are about that function and include the leak).
# Time and memory are the benchmark's business, not this test's.
set -uo pipefail
LC=$1
SRC=$2
FAMILY=$3
SIZE=$4
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL [$FAMILY $SIZE]: $*"; exit 1; }
python3 "$SRC/bench/gen.py" "$FAMILY" "$SIZE" > "$TMP/ok.c" || fail "generator failed"
count() { # count FILE -> number of findings (exit status checked)
    "$LC" --format=json "$1" -- -fbracket-depth=100000 > "$TMP/out.json" 2> "$TMP/err"
    local st=$?
    [ "$st" -le 1 ] || fail "exit status $st: $(head -c 1000 "$TMP/err")"
    python3 -c "import json; print(len(json.load(open('$TMP/out.json'))['findings']))"
}
n=$(count "$TMP/ok.c")
[ "$n" = 0 ] || fail "$n findings on correct code: $(head -c 2000 "$TMP/out.json")"
# An early return right after the first lock: that lock is now left held
# on one path (the function still releases it on the others).
first=$(grep -n 'pthread_mutex_lock' "$TMP/ok.c" | head -1 | cut -d: -f1)
ret="return -1;"
[ "$FAMILY" = locks ] && ret="return;"
sed "${first}a\\    if (work(-1)) $ret" "$TMP/ok.c" > "$TMP/bad.c"
n=$(count "$TMP/bad.c")
[ "$n" -ge 1 ] || fail "no finding after adding an early return"
# All findings are about that one function, and at least one is the leak.
python3 - "$TMP/out.json" <<'PY' || fail "wrong findings: $(head -c 2000 "$TMP/out.json")"
import json, sys
fs = json.load(open(sys.argv[1]))['findings']
assert len({f['function'] for f in fs}) == 1, 'findings in several functions'
assert any(f['rule'] == 'missing-release' for f in fs), 'no missing-release'
assert all(f['rule'] in ('missing-release', 'double-acquire') for f in fs), 'unexpected rule'
PY
echo "ok [$FAMILY $SIZE]"
