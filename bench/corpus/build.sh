#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the precision corpus: for each project of projects.tsv, a clone of
# its git copy at the ledger's commit in CORPUS_DIR/src/NAME, built by
# recipes/NAME.sh (the project's own build system, Debian packages only)
# so that CORPUS_DIR/build/NAME/compile_commands.json exists.
#
#   bench/corpus/build.sh MIRRORS_DIR CORPUS_DIR [NAME...]
#
# MIRRORS_DIR holds one git directory per project, named owner+name (a bare
# clone, or owner+name/repo), as the workplace's fetch tool leaves them.
# Nothing here is kept in this repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mirrors=${1:?usage: build.sh MIRRORS_DIR CORPUS_DIR [NAME...]}
corpus=${2:?usage: build.sh MIRRORS_DIR CORPUS_DIR [NAME...]}
shift 2
names=${*:-$(cut -f1 "$here/projects.tsv" | grep -v '^#')}
mkdir -p "$corpus/src" "$corpus/build"
for name in $names; do
    line=$(awk -F'\t' -v n="$name" '$1 == n' "$here/projects.tsv")
    repo=$(echo "$line" | cut -f2)
    commit=$(echo "$line" | cut -f3)
    [ -n "$commit" ] || { echo "build.sh: $name is not in projects.tsv" >&2; exit 2; }
    git_dir=
    for d in "$mirrors/$(echo "$repo" | tr / +)/repo" "$mirrors/$(echo "$repo" | tr / +)/repo/.git" "$mirrors/$(echo "$repo" | tr / +)"; do
        git --git-dir="$d" rev-parse --git-dir >/dev/null 2>&1 && { git_dir=$d; break; }
    done
    [ -n "$git_dir" ] || { echo "build.sh: no git copy of $repo in $mirrors" >&2; exit 2; }
    src="$corpus/src/$name"
    [ -d "$src/.git" ] || git clone -q "$git_dir" "$src"
    git -C "$src" checkout -q "$commit"
    echo "== $name ($repo $commit)"
    bash "$here/recipes/$name.sh" "$src" "$corpus/build/$name" > "$corpus/build/$name.log" 2>&1 ||
        { echo "build.sh: $name failed, see $corpus/build/$name.log" >&2; continue; }
done
