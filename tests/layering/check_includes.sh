#!/bin/sh
# SPDX-License-Identifier: MIT
# Fails when an include in analyzer/ points up the stage order, or when a
# file outside the libclang border includes clang-c/Index.h.
#
#   tests/layering/check_includes.sh SOURCE_DIR
#
# The order, bottom first (analyzer/README.md explains each stage). A file
# may include headers of its own folder and of folders below it.
set -eu
root=${1:?usage: check_includes.sh SOURCE_DIR}
order="support model input ir analysis frontend checks report app"
# Files that may include <clang-c/Index.h>: the front end, and the driver
# that owns each translation unit's lifetime.
clang_ok="frontend/ app/driver.c"

rank() {
    i=0
    for s in $order; do
        [ "$s" = "$1" ] && { echo $i; return; }
        i=$((i + 1))
    done
    echo -1
}

bad=0
cd "$root/analyzer"
for f in $(find . -name '*.[ch]' -o -name '*.def' | sed 's|^\./||' | sort); do
    dir=${f%%/*}
    if [ "$dir" = "$f" ]; then
        echo "$f: every source belongs in a stage folder ($order)"
        bad=1
        continue
    fi
    mine=$(rank "$dir")
    if [ "$mine" -lt 0 ]; then
        echo "$f: folder '$dir' is not a stage ($order)"
        bad=1
        continue
    fi
    for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
        to=${inc%%/*}
        if [ "$to" = "$inc" ]; then
            echo "$f: #include \"$inc\" names no stage folder"
            bad=1
            continue
        fi
        theirs=$(rank "$to")
        if [ "$theirs" -lt 0 ] || [ "$theirs" -gt "$mine" ]; then
            echo "$f: #include \"$inc\" points up ($dir may include only: $(echo "$order" | cut -d' ' -f1-$((mine + 1))))"
            bad=1
        fi
    done
    if grep -q '^#include <clang-c/' "$f"; then
        ok=0
        for allowed in $clang_ok; do
            case $f in "$allowed"*) ok=1 ;; esac
        done
        if [ $ok = 0 ]; then
            echo "$f: includes libclang outside its border ($clang_ok)"
            bad=1
        fi
    fi
done
[ $bad = 0 ] && echo "includes point down: $(find . -name '*.[ch]' | wc -l) files checked"
exit $bad
