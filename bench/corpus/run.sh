#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs lockcheck over the precision corpus: real projects built with their
# own build systems (recipes/NAME.sh, at the commit in projects.tsv), each
# checked through its compile database in the default mode and, with
# --cross-tu, with contracts from every file. Nothing fetched or built is
# kept in this repository.
#
#   bench/corpus/run.sh CORPUS_DIR [LOCKCHECK] [OUT_DIR] [NAME...]
#
# CORPUS_DIR holds src/NAME (a git clone at the ledger's commit) and
# build/NAME/compile_commands.json; `build.sh` makes them. Writes
# OUT_DIR/NAME.default.json and OUT_DIR/NAME.cross.json and prints one line
# per project: files, findings per rule, for both modes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:?usage: run.sh CORPUS_DIR [LOCKCHECK] [OUT_DIR] [NAME...]}
lc=${2:-$here/../../build/lockcheck}
out=${3:-$(mktemp -d)}
[ $# -gt 3 ] && shift 3 || set --
mkdir -p "$out"
names=${*:-$(cut -f1 "$here/projects.tsv" | grep -v '^#')}
for name in $names; do
    db="$corpus/build/$name"
    if [ ! -s "$db/compile_commands.json" ]; then
        echo "$name: no compile database in $db (run build.sh first)" >&2
        continue
    fi
    "$lc" --no-config -j "${JOBS:-2}" -p "$db" --format=json -o "$out/$name.default.json" \
        2>"$out/$name.default.err" || true
    "$lc" --no-config -j "${JOBS:-2}" -p "$db" --cross-tu --format=json \
        -o "$out/$name.cross.json" 2>"$out/$name.cross.err" || true
    python3 "$here/summarize.py" "$name" "$out/$name.default.json" "$out/$name.cross.json"
done
