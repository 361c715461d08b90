#!/usr/bin/env bash
# The annotated example: its three planted bugs are found, and its fixed
# version is clean.
set -uo pipefail
LC=$1
SRC=$2
cd "$SRC"
out=$("$LC" --quiet examples/annotated/cache.c -- -Iinclude 2>&1)
st=$?
[ "$st" -eq 1 ] || { echo "FAIL: exit $st, want 1"; echo "$out"; exit 1; }
got=$(echo "$out" | grep -o '^examples/annotated/cache.c:[0-9]*:[0-9]*: warning: .*\[[a-z-]*\]$' |
      sed -E 's/: warning: .*\[/ [/' | sort)
want=$(printf '%s\n' "examples/annotated/cache.c:50:15 [unguarded-access]" \
    "examples/annotated/cache.c:55:23 [requires-lock]" \
    "examples/annotated/cache.c:65:8 [unguarded-access]" | sort)
[ "$got" = "$want" ] || { echo "FAIL: findings differ"; diff <(echo "$want") <(echo "$got"); exit 1; }
out=$("$LC" examples/annotated/fixed/cache.c -- -Iinclude 2>&1)
st=$?
[ "$st" -eq 0 ] || { echo "FAIL: the fixed version is not clean:"; echo "$out"; exit 1; }
# The header compiles warning-free with the compilers, both orders of
# lock and data, without lockcheck.
for cc in gcc clang-19 clang; do
    command -v "$cc" >/dev/null || continue
    "$cc" -std=c11 -Wall -Wextra -Werror -Iinclude -fsyntax-only examples/annotated/cache.c ||
        { echo "FAIL: $cc warns"; exit 1; }
done
echo "ok: 3 bugs found, fixed version clean"
