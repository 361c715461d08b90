#!/bin/sh
# Benchmark: lockcheck against clang-19 -fsyntax-only on the same translation units.
#
#   bench/run.sh [--runs N] [--cdb DIR]... [--synthetic] [--out DIR] [-j N] [--keep]
#
#   --runs N     timed runs after one warm-up (default 5, at least 5 for published figures)
#   --cdb DIR    a folder holding compile_commands.json (repeatable)
#   --synthetic  the bench/gen.py families (the default when no --cdb is given)
#   --out DIR    where results.md, results.json, branches.png and logs/ go
#                (default bench/results)
#   -j N         parallelism of every tool (default 2)
#   --keep       keep the temporary folder (generated inputs, command lists)
#
# Environment: LOCKCHECK (default build/lockcheck, built if missing),
# LOCKCHECK_RULES_DIR (default rules/), CC. Both are copied before the first run.
# See bench/README.md for what the numbers mean.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
lockcheck=${LOCKCHECK:-$root/build/lockcheck}

need_pkg() { # need_pkg COMMAND DEBIAN_PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "[bench] installing $2 (for $1)" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y "$2" >/dev/null 2>&1 ||
        { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$2" >/dev/null; }
}

[ -x /usr/bin/time ] || need_pkg /usr/bin/time time
need_pkg clang-19 clang-19
need_pkg gnuplot gnuplot-nox
need_pkg python3 python3

if [ ! -x "$lockcheck" ]; then
    echo "[bench] building lockcheck" >&2
    cmake -S "$root" -B "$root/build" >/dev/null
    cmake --build "$root/build" -j2 >/dev/null
fi

# The bare-parse baseline, built against the same libclang as lockcheck.
tmpbin=$(mktemp -d "${TMPDIR:-/tmp}/lockcheck-bench-bin.XXXXXX")
trap 'rm -rf "$tmpbin"' EXIT
llvm_prefix=$(llvm-config-19 --prefix 2>/dev/null || echo /usr/lib/llvm-19)
${CC:-cc} -O2 -std=c11 -I"$llvm_prefix/include" -o "$tmpbin/bareparse" "$here/bareparse.c" \
    -L"$llvm_prefix/lib" -Wl,-rpath,"$llvm_prefix/lib" -lclang -pthread

# Snapshot lockcheck and its rules: the tree may be rebuilt while the benchmark runs.
cp "$lockcheck" "$tmpbin/lockcheck"
cp -r "${LOCKCHECK_RULES_DIR:-$root/rules}" "$tmpbin/rules"
export LOCKCHECK_RULES_DIR="$tmpbin/rules"

python3 "$here/bench.py" --lockcheck "$tmpbin/lockcheck" --bareparse "$tmpbin/bareparse" \
    --command "bench/run.sh $*" "$@"
