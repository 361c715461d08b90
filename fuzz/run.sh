#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the fuzz targets and runs each one for SECONDS seconds, one after
# the other.
#
#   fuzz/run.sh SECONDS [TARGET...]      TARGET: rules lockexpr cdb analysis docphrase
#
# Environment:
#   CC          compiler for the build (default clang-19)
#   BUILD_DIR   build folder (default fuzz/build)
#   LOCKCHECK_ROOT  source tree whose analyzer/ and rules/ are fuzzed
#               (default: the one holding this folder)
#   KEEP_GOING  1: libFuzzer fork mode, which goes on after a crash,
#               timeout or out-of-memory and saves every reproducer
#   FUZZ_FLAGS  extra libFuzzer flags, e.g. "-seed=1 -max_len=8192"
#
# New corpus entries go to fuzz/work/TARGET/ (the seeds in
# fuzz/corpus/TARGET/ are only read), logs to fuzz/work/TARGET.log,
# reproducers to fuzz/crashes/TARGET/. Exits 1 if any target crashed,
# leaked, timed out or ran out of memory, 2 on a usage or build error.
set -u

here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-}
case $seconds in
  ''|*[!0-9]*) echo "usage: $0 SECONDS [rules|lockexpr|cdb|analysis|docphrase ...]" >&2; exit 2 ;;
esac
shift
targets=${*:-rules lockexpr cdb analysis docphrase}
for t in $targets; do
  case $t in
    rules|lockexpr|cdb|analysis|docphrase) ;;
    *) echo "$0: unknown target '$t'" >&2; exit 2 ;;
  esac
done

build=${BUILD_DIR:-$here/build}
cc=${CC:-clang-19}
root=${LOCKCHECK_ROOT:-$(dirname "$here")}
cmake -S "$here" -B "$build" -DCMAKE_C_COMPILER="$cc" -DLOCKCHECK_ROOT="$root" >/dev/null || exit 2
for t in $targets; do
  cmake --build "$build" -j2 --target "fuzz_$t" >/dev/null 2>&1 ||
    { cmake --build "$build" -j1 --target "fuzz_$t"; exit 2; }
done

# Leaks inside libclang/LLVM are not ours to fix. Their suppressions match
# on the frames of the allocating stack, which a short (fast-unwound) stack
# may not reach: record full stacks.
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS="fast_unwind_on_malloc=0:malloc_context_size=64${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

failed=""
summary=""
for t in $targets; do
  work=$here/work/$t
  crashes=$here/crashes/$t
  mkdir -p "$work" "$crashes"
  log=$here/work/$t.log
  set -- -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1 \
         -artifact_prefix="$crashes/"
  if [ "$t" = analysis ]; then
    set -- "$@" -timeout=20 -max_len=16384
  else
    set -- "$@" -timeout=10
  fi
  if [ "${KEEP_GOING:-0}" = 1 ]; then
    set -- "$@" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
  fi
  echo "== fuzz_$t: $seconds s (log: $log)"
  before=$(find "$crashes" -type f | wc -l)
  # The analysis target also starts from the test fixtures (read only, like
  # the seeds), so they need not be copied into corpus/analysis/.
  # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
  set -- ${FUZZ_FLAGS:-} "$@" "$work" "$here/corpus/$t"
  [ "$t" = analysis ] && set -- "$@" "$root/tests/fixtures"
  "$build/fuzz_$t" "$@" >"$log" 2>&1
  rc=$?
  new=$(( $(find "$crashes" -type f | wc -l) - before ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  [ -n "$speed" ] || speed=$(sed -n 's/^#.* exec\/s: \([0-9]*\).*/\1/p' "$log" | tail -n 1)
  found=$(grep -cE '^(==[0-9]+==ERROR|SUMMARY: .*Sanitizer|ALARM: working on the last Unit|==[0-9]+== ERROR: libFuzzer)' "$log")
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ] || [ "$new" -ne 0 ]; then
    failed="$failed $t"
    grep -E '^(SUMMARY|==[0-9]+==ERROR|artifact_prefix|Test unit written|ALARM)' "$log" | head -n 20
  fi
  summary="$summary
fuzz_$t: exit $rc, ${execs:-?} executions, ${speed:-?} exec/s, $new new reproducer(s)"
done

echo "$summary"
if [ -n "$failed" ]; then
  echo "FAILED:$failed (reproducers in $here/crashes/)" >&2
  exit 1
fi
echo "no crashes"
