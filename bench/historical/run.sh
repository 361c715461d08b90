#!/bin/sh
# SPDX-License-Identifier: MIT
# Recall on real lock bugs that were fixed upstream, and silence on the
# fixes. For each case of cases.tsv (a fix commit): the file before the fix
# (buggy) and after it (fixed) are taken from a git copy of the project,
# with the headers of the same folder, and checked on their own, as a
# pre-commit hook outside the build tree would (no compile database).
#
#   bench/historical/run.sh REPOS_DIR [LOCKCHECK] [OUT_DIR]
#
# REPOS_DIR holds one git directory per project, named owner+name (a bare
# clone or a clone's .git; owner+name/repo is tried too). Nothing fetched
# is kept in this repository: the files go to OUT_DIR (default a temporary
# folder). Prints a line per case and the totals: found (a finding of one
# of the case's rules, in its function, naming its lock, on one of its
# lines), silent (no finding in that function of the fixed file), and the
# findings elsewhere in both files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repos=${1:?usage: run.sh REPOS_DIR [LOCKCHECK] [OUT_DIR]}
lc=${2:-$here/../../build/lockcheck}
out=${3:-$(mktemp -d)}
mkdir -p "$out"

gitdir() {
    for d in "$repos/$1/repo" "$repos/$1/.git" "$repos/$1"; do
        if git --git-dir="$d" rev-parse --git-dir >/dev/null 2>&1; then echo "$d"; return; fi
    done
    echo "run.sh: no git directory for $1 in $repos" >&2
    exit 2
}

# extract REPO_GIT_DIR REV FILE DEST: the file and its folder's headers
extract() {
    mkdir -p "$4/inc"
    git --git-dir="$1" show "$2:$3" > "$4/file.c"
    dir=$(dirname "$3")
    [ "$dir" = . ] && dir= || dir="$dir/"
    git --git-dir="$1" ls-tree --name-only "$2" ${dir:+"$dir"} | grep '\.h$' | while read -r h; do
        git --git-dir="$1" show "$2:$h" > "$4/inc/$(basename "$h")"
    done
}

grep -v '^#' "$here/cases.tsv" | while IFS='	' read -r id repo commit file fn rules lock lines; do
    g=$(gitdir "$(echo "$repo" | tr / +)")
    for v in buggy fixed; do
        rev=$commit; [ $v = buggy ] && rev="$commit^"
        extract "$g" "$rev" "$file" "$out/$id/$v"
        "$lc" --no-config --format=json -o "$out/$id/$v.json" "$out/$id/$v/file.c" \
            -- "-I$out/$id/$v/inc" 2>"$out/$id/$v.err" || true
    done
done
python3 "$here/judge.py" "$here/cases.tsv" "$out"
