#!/usr/bin/env bash
# Validates lockcheck's SARIF for a multi-finding run with Microsoft's SARIF
# multitool (npm package @microsoft/sarif-multitool), with its own SARIF
# rules and GitHub code scanning's: no error and no warning may remain.
# Exit 77 (skipped) only where npm is absent.
set -uo pipefail
LC=$1
SRC=$2
TOOLDIR=$3
if ! command -v npm >/dev/null 2>&1; then
    echo "SKIPPED: npm is not installed, so the SARIF multitool cannot run"
    exit 77
fi
if [ ! -d "$TOOLDIR/node_modules/@microsoft/sarif-multitool-linux" ]; then
    mkdir -p "$TOOLDIR"
    npm install --silent --prefix "$TOOLDIR" @microsoft/sarif-multitool >/dev/null 2>&1 ||
        { echo "FAIL: npm install @microsoft/sarif-multitool failed"; exit 1; }
fi
BIN=$(cd "$TOOLDIR" && node -e "console.log(require('@microsoft/sarif-multitool-linux'))")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$SRC"
"$LC" --format=sarif -o "$TMP/run.sarif" $(find tests/fixtures/basic tests/fixtures/cfg -name '*.c' | sort) \
    >/dev/null 2>&1
status=$?
[ "$status" -eq 1 ] || { echo "FAIL: lockcheck exit $status, want 1"; exit 1; }
n=$(grep -c '"ruleId"' "$TMP/run.sarif")
[ "$n" -ge 10 ] || { echo "FAIL: only $n results"; exit 1; }
"$BIN" validate --rule-kind "Gh;Sarif" --level "Error;Warning" -o "$TMP/log.sarif" "$TMP/run.sarif" \
    > "$TMP/validate.out" 2>&1
cat "$TMP/validate.out"
if grep -Eq ': (error|warning) ' "$TMP/validate.out"; then
    echo "FAIL: the SARIF multitool reported errors or warnings"
    exit 1
fi
grep -q "Analysis completed successfully" "$TMP/validate.out" || { echo "FAIL: validator did not complete"; exit 1; }
echo "ok: $n results validate"
