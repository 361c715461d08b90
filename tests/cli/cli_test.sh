#!/usr/bin/env bash
# CLI contract tests. Usage: cli_test.sh LOCKCHECK SOURCE_DIR CASE
# Each case checks exit status and output exactly; it prints what differed.
set -uo pipefail
LC=$1
SRC=$2
CASE=$3
FIX=$SRC/tests/fixtures
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL [$CASE]: $*"; exit 1; }

expect_status() { # expect_status WANT CMD...
    local want=$1; shift
    "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "exit status $got, want $want for: $*
stdout: $(head -c 2000 "$TMP/out")
stderr: $(head -c 2000 "$TMP/err")"
}

summary_line() { # summary_line CMD...: the last line CMD prints on a terminal
    python3 - "$@" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
# what the terminal shows: the progress line is overwritten in place
line = out.decode(errors="replace").replace("\r\n", "\n").splitlines()[-1]
print(line.split("\r")[-1].replace("\x1b[K", "").strip())
PY
}

make_project() { # make_project DIR: a git project with its own header in include/
    mkdir -p "$1/src" "$1/include" && cd "$1" && git init -q .
    git config user.email t@example.invalid && git config user.name t
    cat > include/queue.h <<'C'
#include <pthread.h>
struct queue {
    pthread_mutex_t mu;
    int len;
};
int queue_push(struct queue *q);
C
    cat > src/queue.c <<'C'
#include "queue.h"

int queue_push(struct queue *q)
{
    pthread_mutex_lock(&q->mu);
    q->len++;
    pthread_mutex_unlock(&q->mu);
    return 0;
}
C
    git add . && git commit -q -m init
}
add_forgotten_unlock() { # add_forgotten_unlock FILE [NAME]: a function that returns holding q->mu
    printf 'int %s(struct queue *q)\n' "${2:-queue_pop}" >> "$1"
    cat >> "$1" <<'C'
{
    pthread_mutex_lock(&q->mu);
    if (q->len == 0)
        return -1;
    q->len--;
    pthread_mutex_unlock(&q->mu);
    return 0;
}
C
}
json_check() { # json_check PY_EXPR_ON_doc
    CHECK="$1" python3 -c "import json,os; doc=json.load(open('$TMP/out')); assert eval(os.environ['CHECK'])" ||
        fail "json check: $1"
}

case "$CASE" in
help)
    expect_status 0 "$LC" --help
    grep -q -- '--format=text|json' "$TMP/out" || fail "--help lacks --format"
    grep -q -- '-p BUILD_DIR' "$TMP/out" || fail "--help lacks -p" ;;
version)
    expect_status 0 "$LC" --version
    grep -Eq '^lockcheck [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out" || fail "bad version line: $(cat "$TMP/out")" ;;
exit-clean)
    expect_status 0 "$LC" "$FIX/cfg/if_else_ok.c"
    [ ! -s "$TMP/out" ] || fail "clean run printed: $(cat "$TMP/out")" ;;
exit-findings)
    expect_status 1 "$LC" "$FIX/basic/missing_release_early_return.c"
    grep -q '\[missing-release\]' "$TMP/out" || fail "no missing-release in output" ;;
exit-missing-file)
    expect_status 2 "$LC" "$TMP/nope.c" "$FIX/basic/missing_release_early_return.c"
    grep -q "nope.c: error: No such file or directory" "$TMP/err" || fail "error not named: $(cat "$TMP/err")"
    grep -q '\[missing-release\]' "$TMP/out" || fail "other file not analysed" ;;
exit-directory)
    expect_status 2 "$LC" "$FIX"
    grep -q "is a directory" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
exit-empty-and-binary)
    # An empty file is valid C: clean, exit 0. A binary one is an error.
    : > "$TMP/empty.c"
    expect_status 0 "$LC" "$TMP/empty.c"
    [ ! -s "$TMP/err" ] || fail "empty file complained about: $(cat "$TMP/err")"
    head -c 4096 "$LC" > "$TMP/binary.c"
    expect_status 2 "$LC" "$TMP/empty.c" "$TMP/binary.c" "$FIX/basic/missing_release_early_return.c"
    grep -q "binary.c: error: binary file" "$TMP/err" || fail "$(cat "$TMP/err")"
    [ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "one line per bad file expected: $(cat "$TMP/err")"
    grep -q '\[missing-release\]' "$TMP/out" || fail "other file not analysed" ;;
fifo-source)
    # A FIFO named as a source is reported, never read (its reader would
    # wait for ever), and the other files are analysed.
    mkfifo "$TMP/pipe.c"
    expect_status 2 timeout 60 "$LC" "$TMP/pipe.c" "$FIX/basic/missing_release_early_return.c"
    grep -q "pipe.c: error: not a regular file" "$TMP/err" || fail "$(cat "$TMP/err")"
    grep -q '\[missing-release\]' "$TMP/out" || fail "other file not analysed" ;;
exit-unknown-option)
    expect_status 2 "$LC" --frobnicate x.c
    grep -q "unknown option '--frobnicate'" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
option-forms)
    # getopt_long's forms: attached short values, options after the files,
    # unambiguous abbreviations, --color alone; a near miss is named.
    mkdir -p "$TMP/b"
    printf '[{"directory": "%s", "file": "%s", "arguments": ["cc", "-c", "%s"]}]' "$FIX/basic" "missing_release_early_return.c" "missing_release_early_return.c" > "$TMP/b/compile_commands.json"
    expect_status 1 "$LC" -p"$TMP/b" -o"$TMP/r.json" --form=json
    python3 -c "import json; d=json.load(open('$TMP/r.json')); assert len(d['findings']) == 1" || fail "-p/-o attached"
    expect_status 1 "$LC" "$FIX/basic/missing_release_early_return.c" --format=json -j1
    json_check "len(doc['findings']) == 1"
    expect_status 1 "$LC" --color "$FIX/basic/missing_release_early_return.c"
    grep -q $'\033\\[' "$TMP/out" || fail "--color alone is not 'always'"
    expect_status 2 "$LC" --formt=json x.c
    grep -q "unknown option '--formt=json' (did you mean '--format'?)" "$TMP/err" || fail "$(cat "$TMP/err")"
    expect_status 2 "$LC" --co x.c
    grep -q "ambiguous option '--co'" "$TMP/err" || fail "$(cat "$TMP/err")"
    expect_status 2 "$LC" x.c -o
    grep -q "option '-o' needs a value" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
exit-no-input)
    expect_status 2 "$LC"
    grep -q "no input files" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
exit-bad-format)
    expect_status 2 "$LC" --format=xml x.c
    grep -q "unknown format 'xml'" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
exit-bad-rules)
    printf '{\n  "locks": [{"function": "f", "acquires": "x"->}]\n}\n' > "$TMP/bad.json"
    expect_status 2 "$LC" --rules "$TMP/bad.json" "$FIX/cfg/if_else_ok.c"
    grep -Eq "bad.json:2:[0-9]+: error: invalid JSON" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
exit-syntax-error)
    printf '#include <pthread.h>\nstatic pthread_mutex_t m;\nint f(int x) {\n  pthread_mutex_lock(&m);\n  if (x) return 1;\n  pthread_mutex_unlock(&m);\n  return 0;\n}\nint g(void) { return 1 +; }\n' > "$TMP/broken.c"
    expect_status 2 "$LC" "$TMP/broken.c"
    grep -q "broken.c:9:.*error: expected expression" "$TMP/err" || fail "$(cat "$TMP/err")"
    grep -q "broken.c: error: 1 parse error; the functions that parsed were still checked" "$TMP/err" || fail "$(cat "$TMP/err")"
    grep -q "broken.c:5:.*\[missing-release\]" "$TMP/out" || fail "parsed function not checked" ;;
json-shape)
    expect_status 1 "$LC" --format=json "$FIX/basic/missing_release_early_return.c" "$FIX/cfg/if_else_ok.c"
    json_check "doc['tool']['name'] == 'lockcheck' and doc['schema_version'] == 1"
    json_check "doc['stats']['files'] == 2 and doc['stats']['functions'] >= 2"
    json_check "doc['errors'] == []"
    json_check "len(doc['findings']) == 1"
    json_check "set(doc['findings'][0]) >= {'rule','severity','file','line','column','function','lock','message','path'}"
    json_check "doc['findings'][0]['rule'] == 'missing-release' and doc['findings'][0]['severity'] == 'warning'"
    json_check "doc['findings'][0]['path'][0]['note'].endswith('acquired here')"
    json_check "doc['findings'][0]['path'][-1]['line'] == doc['findings'][0]['line']" ;;
json-errors)
    expect_status 2 "$LC" --format=json "$TMP/none.c"
    json_check "doc['errors'][0]['file'].endswith('none.c') and 'No such file' in doc['errors'][0]['message']" ;;
compile-db)
    mkdir -p "$TMP/proj/src" "$TMP/proj/build"
    cp "$FIX/basic/missing_release_early_return.c" "$TMP/proj/src/a.c"
    printf '#include <pthread.h>\n#include "cfg.h"\nstatic pthread_mutex_t m;\nvoid f(void) {\n#ifdef NEED_UNLOCK\n  pthread_mutex_lock(&m);\n  pthread_mutex_unlock(&m);\n#else\n  pthread_mutex_lock(&m);\n#endif\n  VALUE;\n}\n' > "$TMP/proj/src/b.c"
    mkdir -p "$TMP/proj/inc" && echo '#define VALUE (void)0' > "$TMP/proj/inc/cfg.h"
    cat > "$TMP/proj/build/compile_commands.json" <<JSON
[ {"directory": "$TMP/proj/build", "file": "../src/a.c", "command": "cc -c ../src/a.c -o a.o"},
  {"directory": "$TMP/proj/build", "file": "../src/b.c", "arguments": ["cc", "-I../inc", "-DNEED_UNLOCK", "-c", "../src/b.c"]} ]
JSON
    cd "$TMP/proj"
    expect_status 1 "$LC" -p build --format=json
    json_check "doc['stats']['files'] == 2 and doc['errors'] == []"
    json_check "[f['file'] for f in doc['findings']] == ['src/a.c']"
    expect_status 0 "$LC" -p build src/b.c
    # -p may name the database file itself
    expect_status 1 "$LC" -p build/compile_commands.json --format=json
    json_check "doc['stats']['files'] == 2 and [f['file'] for f in doc['findings']] == ['src/a.c']"
    expect_status 2 "$LC" -p build src/zzz.c
    grep -q "not in the compile database" "$TMP/err" || fail "$(cat "$TMP/err")"
    # A C++ file of a mixed project is skipped with a word, not an error.
    expect_status 0 "$LC" -p build src/c.cpp src/b.c
    grep -q "src/c.cpp: skipped: lockcheck analyses C only" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
fail-on)
    # Notes pass by default; --fail-on moves the threshold.
    expect_status 1 "$LC" "$FIX/basic/missing_release_early_return.c"
    expect_status 0 "$LC" --fail-on=error "$FIX/basic/missing_release_early_return.c"
    expect_status 0 "$LC" --fail-on=never "$FIX/basic/missing_release_early_return.c"
    expect_status 1 "$LC" --fail-on=note "$FIX/basic/missing_release_early_return.c"
    printf '{"severity": {"missing-release": "error"}}' > "$TMP/sev.json"
    expect_status 1 "$LC" --config "$TMP/sev.json" --fail-on=error "$FIX/basic/missing_release_early_return.c"
    printf '{"severity": {"missing-release": "note"}}' > "$TMP/sev.json"
    expect_status 0 "$LC" --config "$TMP/sev.json" "$FIX/basic/missing_release_early_return.c"
    expect_status 1 "$LC" --config "$TMP/sev.json" --fail-on=note "$FIX/basic/missing_release_early_return.c"
    expect_status 2 "$LC" --fail-on=sometimes "$FIX/basic/missing_release_early_return.c"
    grep -q "unknown --fail-on value 'sometimes'" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
response-files)
    # Flags in a response file decide which code is compiled: the leak is
    # only there with -DWITH_LEAK, which sits two response files deep
    # (nested ones are relative to the compile's directory, as for clang).
    mkdir -p "$TMP/r/build/flags" "$TMP/r/src"
    printf '#include <pthread.h>\nstatic pthread_mutex_t m;\nint f(int x) {\n#ifdef WITH_LEAK\n  pthread_mutex_lock(&m);\n  if (x) return -1;\n  pthread_mutex_unlock(&m);\n#endif\n  return 0;\n}\n' > "$TMP/r/src/a.c"
    printf -- '-DWITH_LEAK\r\n' > "$TMP/r/build/flags/leak.rsp"
    printf -- '-Wall "@flags/leak.rsp"\n' > "$TMP/r/build/flags/all.rsp"
    cat > "$TMP/r/build/compile_commands.json" <<JSON
[ {"directory": "$TMP/r/build", "file": "../src/a.c", "arguments": ["cc", "@flags/all.rsp", "-c", "../src/a.c"]} ]
JSON
    expect_status 1 "$LC" -p "$TMP/r/build" --format=json
    json_check "[f['rule'] for f in doc['findings']] == ['missing-release']"
    # after --, relative to the current directory
    cd "$TMP/r/build"
    expect_status 1 "$LC" ../src/a.c -- @flags/all.rsp
    expect_status 0 "$LC" ../src/a.c -- -Wall
    # a missing one names the entry and the file; one that names itself ends
    sed -i 's|@flags/all.rsp|@flags/none.rsp|' "$TMP/r/build/compile_commands.json"
    expect_status 2 "$LC" -p "$TMP/r/build"
    grep -q "compile database entry 0: cannot read response file '$TMP/r/build/flags/none.rsp'" "$TMP/err" || fail "$(cat "$TMP/err")"
    printf -- '@flags/self.rsp\n' > "$TMP/r/build/flags/self.rsp"
    expect_status 2 "$LC" ../src/a.c -- @flags/self.rsp
    grep -q "response file 'flags/self.rsp' nests more than" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
writes-nothing)
    # A build's dependency options (-MD -MF, the kernel's -Wp,-MD,FILE,
    # -MJ) would make the parse write files into the project, or fail where
    # their directory is missing: they are dropped, and so are any after --.
    mkdir -p "$TMP/w/build" "$TMP/w/src/sub" "$TMP/w/run"
    printf '#include <pthread.h>\nstatic pthread_mutex_t m;\nint f(int x) {\n  pthread_mutex_lock(&m);\n  if (x) return -1;\n  pthread_mutex_unlock(&m);\n  return 0;\n}\n' > "$TMP/w/src/sub/a.c"
    cat > "$TMP/w/build/compile_commands.json" <<JSON
[ {"directory": "$TMP/w/build", "file": "../src/sub/a.c",
   "arguments": ["cc", "-Wp,-MD,sub/.a.o.d", "-Wp,-MT,a.o,-DKEPT", "-MD", "-MF", "a.d", "-MJ", "a.json", "-MFjoined.d", "-c", "../src/sub/a.c"]} ]
JSON
    cd "$TMP/w/run"
    expect_status 1 "$LC" -p "$TMP/w/build" --format=json
    json_check "[f['rule'] for f in doc['findings']] == ['missing-release'] and doc['errors'] == []"
    expect_status 1 "$LC" ../src/sub/a.c -- -Wp,-MD,./.a.o.d -MMD
    written=$(find "$TMP/w" -type f ! -name a.c ! -name compile_commands.json)
    [ -z "$written" ] || fail "files written: $written" ;;
jobs-deterministic)
    files=$(find "$FIX" -name '*.c' | sort)
    # shellcheck disable=SC2086
    "$LC" -j 1 --format=json $files > "$TMP/j1.json"
    # shellcheck disable=SC2086
    "$LC" -j 2 --format=json $files > "$TMP/j2.json"
    # shellcheck disable=SC2086
    "$LC" -j 2 --format=json $(echo "$files" | sort -r) > "$TMP/j2r.json"
    for f in j1 j2 j2r; do grep -v '"seconds"' "$TMP/$f.json" > "$TMP/$f.cmp"; done
    cmp -s "$TMP/j1.cmp" "$TMP/j2.cmp" || fail "-j 1 and -j 2 differ"
    cmp -s "$TMP/j1.cmp" "$TMP/j2r.cmp" || fail "input order changes output"
    n=$(grep -c '"rule":' "$TMP/j1.cmp")
    [ "$n" -gt 50 ] || fail "only $n findings over all fixtures" ;;
verify-detects-mismatch)
    printf '#include <pthread.h>\nstatic pthread_mutex_t m;\nint f(int x) {\n  pthread_mutex_lock(&m);\n  if (x) return 1; // expect: double-acquire\n  pthread_mutex_unlock(&m);\n  return 0;\n}\n' > "$TMP/wrong.c"
    expect_status 1 "$LC" --verify "$TMP/wrong.c"
    grep -q "unexpected finding \[missing-release\]" "$TMP/out" || fail "$(cat "$TMP/out")"
    grep -q "expected finding not reported \[double-acquire\]" "$TMP/out" || fail "$(cat "$TMP/out")"
    # a fixture that does not parse is a mismatch, whatever its marks say
    printf 'int f(void) { return undeclared; }\n' > "$TMP/broken.c"
    expect_status 2 "$LC" --verify "$TMP/broken.c"
    grep -q "unexpected error: use of undeclared identifier" "$TMP/out" || fail "$(cat "$TMP/out")"
    grep -q "broken.c: 2 mismatches" "$TMP/out" || fail "$(cat "$TMP/out")" ;;
no-default-rules)
    expect_status 0 "$LC" --no-default-rules "$FIX/basic/missing_release_early_return.c"
    expect_status 0 "$LC" --no-default-rules "$FIX/macros/guessed_lock_macros.c" ;;
summaries-declared)
    # a summaries file never says less than the annotations: REQUIRES stays
    # requires, RELEASE is written, and a declared contract wins
    cat > "$TMP/d.c" <<'C'
#include <pthread.h>
#define REQUIRES(x) __attribute__((exclusive_locks_required(x)))
#define RELEASE(x) __attribute__((unlock_function(x)))
struct s { pthread_mutex_t lock; int v; };
void need(struct s *s) REQUIRES(s->lock);
void need(struct s *s) { s->v++; }
void give(struct s *s) RELEASE(s->lock);
void give(struct s *s) { pthread_mutex_unlock(&s->lock); }
C
    expect_status 0 "$LC" --write-summaries "$TMP/sum.json" "$TMP/d.c"
    python3 - "$TMP/sum.json" <<'PY' || fail "$(cat "$TMP/sum.json")"
import json, sys
locks = {r["function"]: r for r in json.load(open(sys.argv[1]))["locks"]}
assert locks["need"] == {"function": "need", "requires": "$0->lock"}, locks
assert locks["give"] == {"function": "give", "releases": "$0->lock"}, locks
PY
    ;;
macro-condition-note)
    # a branch a macro wrote is named by its condition, then the macro
    cat > "$TMP/m.c" <<'C'
#include <pthread.h>
#include <stdlib.h>
#define CHECK_ALLOC(ptr) do { if ((ptr) == NULL) { return -1; } } while (0)
struct s { pthread_mutex_t m; int *v; };
int f(struct s *s)
{
    pthread_mutex_lock(&s->m);
    s->v = malloc(4);
    CHECK_ALLOC(s->v);
    pthread_mutex_unlock(&s->m);
    return 0;
}
C
    expect_status 1 "$LC" "$TMP/m.c"
    grep -q "taking the true branch of '(ptr) == NULL' in the expansion of macro 'CHECK_ALLOC'" "$TMP/out" ||
        fail "$(cat "$TMP/out")" ;;
no-guess)
    # the guessed pairs find the leak; --no-guess turns them off
    expect_status 1 "$LC" "$FIX/macros/guessed_lock_macros.c"
    grep -q "'bev' is still held" "$TMP/out" || fail "$(cat "$TMP/out")"
    expect_status 0 "$LC" --no-guess "$FIX/macros/guessed_lock_macros.c"
    # a cached result made with guessing is not reused without it
    expect_status 1 "$LC" --cache "$TMP/guess-cache" "$FIX/macros/guessed_lock_macros.c"
    expect_status 0 "$LC" --cache "$TMP/guess-cache" --no-guess "$FIX/macros/guessed_lock_macros.c" ;;
color)
    expect_status 1 "$LC" --color=always "$FIX/basic/missing_release_early_return.c"
    grep -q $'\033\[' "$TMP/out" || fail "no colour with --color=always"
    NO_COLOR=1 expect_status 1 "$LC" "$FIX/basic/missing_release_early_return.c"
    ! grep -q $'\033\[' "$TMP/out" || fail "colour despite NO_COLOR" ;;
install)
    # The installed binary uses the installed rules (a rule added there is
    # seen), and finds them with no environment help.
    BUILD=$(dirname "$LC")
    cmake --install "$BUILD" --prefix "$TMP/inst" >/dev/null || fail "cmake --install failed"
    [ -x "$TMP/inst/bin/lockcheck" ] || fail "no installed binary"
    [ -f "$TMP/inst/share/lockcheck/rules/pthread.json" ] || fail "rules not installed"
    [ -f "$TMP/inst/share/man/man1/lockcheck.1" ] || fail "man page not installed"
    printf '{"name": "probe", "locks": [{"function": "probe_lock", "acquires": 0}]}\n' \
        > "$TMP/inst/share/lockcheck/rules/zz-probe.json"
    printf 'struct l { int x; };\nvoid probe_lock(struct l *);\nstatic struct l g;\nvoid f(void) {\n  probe_lock(&g);\n  probe_lock(&g);\n}\n' > "$TMP/p.c"
    env -u LOCKCHECK_RULES_DIR "$TMP/inst/bin/lockcheck" --quiet "$TMP/p.c" > "$TMP/out" 2>&1
    grep -q "'g' is acquired while already held" "$TMP/out" || fail "installed rules not used: $(cat "$TMP/out")" ;;
list-rules)
    expect_status 0 "$LC" --list-rules
    for id in missing-release double-acquire release-unheld lock-kind-mismatch requires-lock unused-suppression; do
        grep -q "^$id " "$TMP/out" || fail "--list-rules lacks $id"
    done ;;
progress)
    # into a pipe: nothing unless asked; asked: files done of the total
    expect_status 1 "$LC" -j1 "$FIX/basic/missing_release_early_return.c" "$FIX/basic/double_acquire_same_path.c"
    ! grep -q "files" "$TMP/err" || fail "progress into a pipe: $(cat "$TMP/err")"
    expect_status 1 "$LC" -j1 --progress "$FIX/basic/missing_release_early_return.c" "$FIX/basic/double_acquire_same_path.c"
    grep -q "lockcheck: 2/2 files" "$TMP/err" || fail "no progress with --progress: $(cat "$TMP/err")"
    [ "$(grep -c . "$TMP/out")" -gt 0 ] || fail "no findings on stdout" ;;
readme-commands)
    # Every lockcheck command of the README's shell blocks, as written, run
    # by the shell with the binary that `cmake --install` put on PATH (and
    # the rules it installed), in a git project holding the examples and a
    # compile database at build/: each runs (exit 0 or 1, never a usage or
    # input error).
    cmake --install "$(dirname "$LC")" --prefix "$TMP/inst" >/dev/null || fail "cmake --install failed"
    mkdir -p "$TMP/r/build" && cp -r "$SRC/examples" "$SRC/include" "$TMP/r/"
    cd "$TMP/r" && git init -q . 2>/dev/null
    printf '[{"directory": "%s", "file": "examples/bank/account.c", "arguments": ["cc", "-c", "examples/bank/account.c"]}]' "$TMP/r" > build/compile_commands.json
    python3 - "$SRC/README.md" > "$TMP/cmds" <<'PY'
import sys
block = False
for line in open(sys.argv[1]):
    if line.startswith("```"):
        block = line.strip() == "```sh"
        continue
    if block and line.startswith("lockcheck "):
        print(line.split("#")[0].strip())
PY
    [ "$(grep -c . "$TMP/cmds")" -ge 6 ] || fail "too few README commands: $(cat "$TMP/cmds")"
    while read -r cmd; do
        PATH="$TMP/inst/bin:$PATH" env -u LOCKCHECK_RULES_DIR sh -c "$cmd" > "$TMP/out" 2> "$TMP/err"
        st=$?
        [ "$st" -le 1 ] || fail "README command '$cmd' exited $st: $(head -c 400 "$TMP/err")"
    done < "$TMP/cmds" ;;
explain)
    expect_status 0 "$LC" --explain missing-release
    grep -q "Fix:" "$TMP/out" || fail "no fix in explanation"
    grep -q "lockcheck-ignore\[missing-release\]" "$TMP/out" || fail "no suppression in explanation"
    expect_status 1 "$LC" --format=sarif "$FIX/basic/missing_release_early_return.c"
    python3 - "$TMP/out" <<'PY' || fail "SARIF rule help: $(head -c 300 "$TMP/out")"
import json, sys
rules = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"]
for r in rules:
    md, text = r["help"]["markdown"], r["help"]["text"]
    assert "```c" in md and "lockcheck-ignore[%s]" % r["id"] in md, r["id"]
    assert "lockcheck-ignore[%s]" % r["id"] in text, r["id"]
PY
    expect_status 2 "$LC" --explain no-such-rule
    grep -q "unknown rule id 'no-such-rule'" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
output-file)
    expect_status 1 "$LC" --format=json -o "$TMP/report.json" "$FIX/basic/missing_release_early_return.c"
    [ ! -s "$TMP/out" ] || fail "stdout not empty with --output"
    python3 -c "import json; json.load(open('$TMP/report.json'))" || fail "report is not JSON"
    expect_status 2 "$LC" -o "$TMP/no/such/dir/r.txt" "$FIX/basic/missing_release_early_return.c"
    grep -q "r.txt: error: cannot write the output file" "$TMP/err" || fail "$(cat "$TMP/err")"
    [ -z "$(ls "$TMP" | grep tmp)" ] || fail "temporary file left behind" ;;
output-special)
    # A pipe is written in place, never replaced by a regular file (the
    # same holds for /dev/null and /dev/stdout); a symbolic link is
    # followed: the file it names gets the report, the link stays.
    mkfifo "$TMP/fifo"
    timeout 20 cat "$TMP/fifo" > "$TMP/from-fifo" &
    reader=$!
    expect_status 1 "$LC" --format=json -o "$TMP/fifo" "$FIX/basic/missing_release_early_return.c"
    wait $reader
    [ -p "$TMP/fifo" ] || fail "the pipe was replaced"
    python3 -c "import json; json.load(open('$TMP/from-fifo'))" || fail "nothing came through the pipe"
    mkdir "$TMP/reports"
    echo old > "$TMP/reports/real.json"
    ln -s reports/real.json "$TMP/link.json"
    expect_status 1 "$LC" --format=json -o "$TMP/link.json" "$FIX/basic/missing_release_early_return.c"
    [ -L "$TMP/link.json" ] || fail "the link was replaced"
    python3 -c "import json; json.load(open('$TMP/reports/real.json'))" || fail "the linked file was not written"
    [ -z "$( (ls "$TMP"; ls "$TMP/reports") | grep '[.]tmp[.]')" ] || fail "temporary file left behind" ;;
suppressions)
    cat > "$TMP/s.c" <<'C'
#include <pthread.h>
static pthread_mutex_t m;
int f(int x) {
  pthread_mutex_lock(&m);
  // lockcheck-ignore[missing-release]: handed to the caller on purpose
  if (x) return 1;
  pthread_mutex_unlock(&m);
  return 0;
}
// lockcheck-ignore-function[double-acquire, release-unheld]: test helper
void g(void) {
  pthread_mutex_lock(&m);
  pthread_mutex_lock(&m);
  pthread_mutex_unlock(&m);
}
int h(int x) {
  pthread_mutex_lock(&m);
  if (x) return 1; // lockcheck-ignore[double-acquire]: wrong rule, so unused
  pthread_mutex_unlock(&m);
  return 0;
}
// lockcheck-ignore missing brackets
C
    # the malformed comment is reported even unasked: it suppresses nothing
    expect_status 1 "$LC" --format=json "$TMP/s.c"
    json_check "[(f['rule'], f['suppressed']) for f in doc['findings']] == [('missing-release', True), ('double-acquire', True), ('missing-release', False), ('bad-annotation', False)]"
    json_check "doc['findings'][2]['line'] == 18 and doc['findings'][0]['suppress_reason'] == 'handed to the caller on purpose' and 'suppress_reason' not in doc['findings'][2]"
    expect_status 1 "$LC" "$TMP/s.c"
    [ "$(grep -c 'warning:' "$TMP/out")" -eq 2 ] || fail "suppressed findings shown in text"
    line=$(summary_line "$LC" --color=never "$TMP/s.c")
    [ "$line" = "2 findings in 1 of 1 file (2 suppressed)" ] || fail "summary: $line"
    expect_status 1 "$LC" --format=json --report-unused-suppressions "$TMP/s.c"
    json_check "sorted(f['rule'] for f in doc['findings'] if not f['suppressed']) == ['bad-annotation', 'missing-release', 'unused-suppression']"
    sed -i 's/ if (x) return 1; \/\/ lockcheck-ignore.*/ if (x) return 1;/' "$TMP/s.c"
    sed -i '18i\  // lockcheck-ignore[missing-release]: reviewed' "$TMP/s.c"
    sed -i '/lockcheck-ignore missing brackets/d' "$TMP/s.c"
    expect_status 0 "$LC" "$TMP/s.c" ;;
baseline)
    cp "$SRC/examples/bank/"*.c "$SRC/examples/bank/"*.h "$TMP/"
    cd "$TMP"
    expect_status 0 "$LC" --write-baseline base.json account.c ledger.c queue.c worker.c main.c
    expect_status 0 "$LC" --baseline base.json account.c ledger.c queue.c worker.c main.c
    line=$(summary_line "$LC" --color=never --baseline base.json account.c ledger.c queue.c worker.c main.c)
    [[ "$line" =~ ^0\ findings\ in\ 0\ of\ 5\ files\ \([0-9]+\ in\ the\ baseline\)$ ]] || fail "summary: $line"
    # ten lines added above every function: nothing new
    for f in account.c queue.c; do awk 'NR==1{for(i=0;i<10;i++) print "/* moved */"} {print}' "$f" > x && mv x "$f"; done
    expect_status 0 "$LC" --baseline base.json account.c ledger.c queue.c worker.c main.c
    # a new bug: reported alone
    cat >> worker.c <<'C'
int new_bug(struct bank *b)
{
    pthread_mutex_lock(&b->stats_mu);
    if (!b->naccounts)
        return -1;
    pthread_mutex_unlock(&b->stats_mu);
    return 0;
}
C
    expect_status 1 "$LC" --baseline base.json --format=json account.c ledger.c queue.c worker.c main.c
    json_check "len(doc['findings']) == 1 and doc['findings'][0]['function'] == 'new_bug'" ;;
gcc-database)
    # A database a GCC build wrote: a file including a header only GCC
    # ships (<omp.h> for -fopenmp) parses, with GCC's folder searched
    # last, and its lock bug is found; nothing is called a parse error.
    omp=$(gcc -print-file-name=include 2>/dev/null)/omp.h || omp=
    [ -f "$omp" ] || { echo "SKIPPED: no GCC with omp.h"; exit 77; }
    mkdir -p "$TMP/g/build"
    printf '#include <omp.h>\n#include <pthread.h>\nstatic pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;\nint work(int n) {\n  pthread_mutex_lock(&m);\n  if (n < 0) return omp_get_max_threads();\n  pthread_mutex_unlock(&m);\n  return 0;\n}\n' > "$TMP/g/par.c"
    printf '[{"directory": "%s", "file": "par.c", "command": "/usr/bin/gcc -fopenmp -c par.c -o par.o"}]' "$TMP/g" > "$TMP/g/build/compile_commands.json"
    expect_status 1 "$LC" --no-config -p "$TMP/g/build"
    grep -q "still held when 'work' returns" "$TMP/out" || fail "finding missing: $(cat "$TMP/out")"
    ! grep -q "error" "$TMP/err" "$TMP/out" || fail "parse error: $(cat "$TMP/err")"
    # and only such a file: clang's own <stdatomic.h> includes the next
    # of its name, which GCC's folder must not answer (GCC's built-ins
    # are no C clang reads)
    printf '#include <stdatomic.h>\n#include <pthread.h>\nstatic pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;\nstatic _Atomic int hits;\nint count(int n) {\n  pthread_mutex_lock(&m);\n  if (n < 0) return atomic_load_explicit(&hits, memory_order_relaxed);\n  atomic_fetch_add(&hits, 1);\n  pthread_mutex_unlock(&m);\n  return 0;\n}\n' > "$TMP/g/count.c"
    printf '[{"directory": "%s", "file": "count.c", "command": "/usr/bin/gcc -c count.c -o count.o"}]' "$TMP/g" > "$TMP/g/build/compile_commands.json"
    expect_status 1 "$LC" --no-config -p "$TMP/g/build"
    grep -q "still held when 'count' returns" "$TMP/out" || fail "finding missing: $(cat "$TMP/out")"
    ! grep -q "error" "$TMP/err" "$TMP/out" || fail "parse error: $(cat "$TMP/err")" ;;
cwd-independence)
    # the same run from the repository's root and from a subfolder: the
    # same fingerprints, SARIF paths, and a baseline that still matches
    mkdir -p "$TMP/repo/.git" "$TMP/repo/src"
    cp "$SRC/examples/bank/"*.c "$SRC/examples/bank/"*.h "$TMP/repo/src/"
    cd "$TMP/repo"
    expect_status 0 "$LC" --no-config --write-baseline base.json src/account.c src/queue.c
    expect_status 1 "$LC" --no-config --format=json src/account.c src/queue.c
    python3 -c "import json; print(sorted(f['fingerprint'] for f in json.load(open('$TMP/out'))['findings']))" > "$TMP/root.fp"
    expect_status 1 "$LC" --no-config --format=sarif src/account.c src/queue.c
    grep '"uri"' "$TMP/out" | sort -u > "$TMP/root.uris"
    cd src
    expect_status 1 "$LC" --no-config --format=json account.c queue.c
    python3 -c "import json; print(sorted(f['fingerprint'] for f in json.load(open('$TMP/out'))['findings']))" > "$TMP/sub.fp"
    cmp -s "$TMP/root.fp" "$TMP/sub.fp" || fail "fingerprints differ: $(cat "$TMP/root.fp") $(cat "$TMP/sub.fp")"
    expect_status 1 "$LC" --no-config --format=sarif account.c queue.c
    grep '"uri"' "$TMP/out" | sort -u > "$TMP/sub.uris"
    cmp -s "$TMP/root.uris" "$TMP/sub.uris" || fail "SARIF paths differ: $(cat "$TMP/root.uris") / $(cat "$TMP/sub.uris")"
    grep -q '"uri": "src/account.c"' "$TMP/sub.uris" || fail "not relative to the root: $(cat "$TMP/sub.uris")"
    expect_status 0 "$LC" --no-config --baseline ../base.json account.c queue.c ;;
config)
    mkdir -p "$TMP/p/sub" "$TMP/p/gen"
    cp "$FIX/basic/missing_release_early_return.c" "$TMP/p/sub/a.c"
    cp "$FIX/basic/missing_release_early_return.c" "$TMP/p/gen/b.c"
    printf '{"severity": {"missing-release": "error"}, "exclude": ["gen/*"]}\n' > "$TMP/p/.lockcheck.json"
    cd "$TMP/p/sub"
    expect_status 1 "$LC" a.c
    grep -q "error: .*\[missing-release\]" "$TMP/out" || fail "severity not applied: $(cat "$TMP/out")"
    printf '{"disable": ["missing-release"]}\n' > "$TMP/p/.lockcheck.json"
    expect_status 0 "$LC" a.c
    expect_status 1 "$LC" --enable missing-release a.c
    expect_status 1 "$LC" --no-config a.c
    printf '{"disable": ["no-such"]}\n' > "$TMP/p/.lockcheck.json"
    expect_status 2 "$LC" a.c
    grep -q ".lockcheck.json:1:14: error: unknown rule id 'no-such'" "$TMP/err" || fail "$(cat "$TMP/err")"
    printf '{"exclude": ["gen/*"]}\n' > "$TMP/p/.lockcheck.json"
    printf '[{"directory": "%s", "file": "sub/a.c", "command": "cc -c sub/a.c"}, {"directory": "%s", "file": "gen/b.c", "command": "cc -c gen/b.c"}]\n' "$TMP/p" "$TMP/p" > "$TMP/p/compile_commands.json"
    cd "$TMP/p"
    expect_status 1 "$LC" -p . --format=json
    json_check "doc['stats']['files'] == 1" ;;
config-follows-files)
    # the configuration nearest the files analysed applies, wherever the
    # run starts: src/.lockcheck.json, from the root, from src/ and from
    # outside the tree
    mkdir -p "$TMP/p/src" "$TMP/p/lib"
    cp "$FIX/basic/missing_release_early_return.c" "$TMP/p/src/a.c"
    cp "$FIX/basic/missing_release_early_return.c" "$TMP/p/lib/b.c"
    printf '{"disable": ["missing-release"]}\n' > "$TMP/p/src/.lockcheck.json"
    cd "$TMP/p"
    expect_status 0 "$LC" src/a.c
    expect_status 1 "$LC" lib/b.c
    cd "$TMP/p/src"
    expect_status 0 "$LC" a.c
    cd "$TMP"
    expect_status 0 "$LC" p/src/a.c
    # files of two folders: the configuration above both, not the current
    # directory's
    cd "$TMP/p/src"
    expect_status 1 "$LC" a.c ../lib/b.c ;;
staged)
    command -v git >/dev/null || { echo "SKIPPED: no git"; exit 77; }
    cd "$TMP" && git init -q repo && cd repo
    git config user.email t@example.invalid && git config user.name t
    cp "$FIX/cfg/if_else_ok.c" good.c && git add good.c
    expect_status 0 "$LC" --staged
    cp "$FIX/basic/missing_release_early_return.c" bad.c && git add bad.c
    cp "$FIX/cfg/if_else_ok.c" bad.c   # the working tree is clean, the index is not
    expect_status 1 "$LC" --staged
    grep -q "bad.c:.*\[missing-release\]" "$TMP/out" || fail "staged content not checked: $(cat "$TMP/out")"
    # its snippet is the staged line, not the working copy's
    ln=$(grep -o "^bad.c:[0-9]*:[0-9]*: warning" "$TMP/out" | head -1 | cut -d: -f2)
    want=$(git show :bad.c | sed -n "${ln}p")
    grep -qF -- "$(printf '%5u | %s' "$ln" "$want")" "$TMP/out" || fail "snippet not from the staged copy: $(cat "$TMP/out")"
    printf 'int x;\0\n' > bin.c && git add bin.c   # staged binary content: reported as a named file is
    expect_status 2 "$LC" --staged
    grep -q "bin.c: error: binary file" "$TMP/err" || fail "$(cat "$TMP/err")"
    git rm -q --cached bin.c && rm bin.c
    expect_status 0 "$LC" --install-hook
    grep -q "installed the lockcheck pre-commit hook" "$TMP/out" || fail "$(cat "$TMP/out")"
    expect_status 0 "$LC" --install-hook
    grep -q "already installed" "$TMP/out" || fail "$(cat "$TMP/out")"
    ! git commit -q -m bad >/dev/null 2>&1 || fail "the hook let a missing release through"
    git reset -q bad.c && git commit -q -m good || fail "a clean commit was refused"
    echo '#!/bin/sh' > .git/hooks/pre-commit
    expect_status 2 "$LC" --install-hook
    grep -q "a different pre-commit hook exists" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
diff-base)
    # A pull request's run: only findings whose path touches a changed line.
    command -v git >/dev/null || { echo "SKIPPED: no git"; exit 77; }
    make_project "$TMP/repo"
    cd "$TMP/repo"
    add_forgotten_unlock src/queue.c && git add src/queue.c && git commit -q -m legacy
    base=$(git rev-parse HEAD)
    sed -i '1i /* a comment */' src/queue.c
    expect_status 0 "$LC" --no-config --diff-base "$base" src/queue.c -- -Iinclude
    add_forgotten_unlock src/queue.c queue_drop
    expect_status 1 "$LC" --no-config --format=json --diff-base "$base" src/queue.c -- -Iinclude
    json_check "[f['function'] for f in doc['findings']] == ['queue_drop']"
    expect_status 1 "$LC" --no-config --format=json src/queue.c -- -Iinclude
    json_check "sorted(f['function'] for f in doc['findings']) == ['queue_drop', 'queue_pop']"
    expect_status 2 "$LC" --no-config --diff-base no-such-rev src/queue.c -- -Iinclude
    grep -q "no-such-rev: error: git diff against this revision failed" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
hook-baseline)
    # The plain hook adopts legacy code through a baseline: a comment
    # change in a file with an accepted finding passes, a new bug does not.
    command -v git >/dev/null || { echo "SKIPPED: no git"; exit 77; }
    make_project "$TMP/repo"
    cd "$TMP/repo"
    add_forgotten_unlock src/queue.c && git add src/queue.c && git commit -q -m legacy
    expect_status 0 "$LC" --write-baseline .lockcheck-baseline.json src/queue.c -- -Iinclude
    cd src
    expect_status 0 "$LC" --install-hook --baseline ../.lockcheck-baseline.json
    cd ..
    grep -q -- "--staged --baseline '.lockcheck-baseline.json'" .git/hooks/pre-commit || fail "$(cat .git/hooks/pre-commit)"
    sed -i '1i /* legacy code */' src/queue.c && git add src/queue.c
    git commit -q -m comment > "$TMP/out" 2>&1 || fail "an accepted finding refused the commit: $(cat "$TMP/out")"
    add_forgotten_unlock src/queue.c queue_drop && git add src/queue.c
    ! git commit -q -m new > "$TMP/out" 2>&1 || fail "a new bug was let through"
    grep -q "queue_drop" "$TMP/out" || fail "$(cat "$TMP/out")"
    grep -q "commit refused" "$TMP/out" || fail "$(cat "$TMP/out")" ;;
pre-commit-framework)
    # The shipped hook, as the framework runs it, in a project with its own
    # headers: a clean change to a .c file and a header-only change pass; a
    # forgotten unlock is refused, with a line saying how to go on.
    command -v pre-commit >/dev/null || { echo "SKIPPED: pre-commit is not installed"; exit 77; }
    git -C "$SRC" rev-parse HEAD >/dev/null 2>&1 || { echo "SKIPPED: source is not a git checkout"; exit 77; }
    export PATH="$(dirname "$LC"):$PATH" PRE_COMMIT_HOME="$TMP/cache"
    make_project "$TMP/repo"
    cd "$TMP/repo"
    echo "/* a comment */" >> src/queue.c && git add src/queue.c
    expect_status 0 pre-commit try-repo "$SRC" lockcheck
    grep -q "Passed" "$TMP/out" || fail "clean .c change: $(cat "$TMP/out")"
    git commit -q --no-verify -m c
    echo "/* a comment */" >> include/queue.h && git add include/queue.h
    expect_status 0 pre-commit try-repo "$SRC" lockcheck
    grep -q "Passed" "$TMP/out" || fail "header-only change: $(cat "$TMP/out")"
    git commit -q --no-verify -m h
    add_forgotten_unlock src/queue.c && git add src/queue.c
    expect_status 1 pre-commit try-repo "$SRC" lockcheck
    grep -q "queue.c:.*\[missing-release\]" "$TMP/out" || fail "report not shown: $(cat "$TMP/out")"
    grep -q "commit refused.*--no-verify" "$TMP/out" || fail "no word on the refusal: $(cat "$TMP/out")" ;;
man-page)
    # Every long option of --help is documented in the man page.
    "$LC" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u > "$TMP/help.opts"
    sed 's/\\-/-/g' "$SRC/docs/lockcheck.1" > "$TMP/man.txt"
    while read -r opt; do
        grep -q -- "$opt" "$TMP/man.txt" || fail "$opt is in --help but not in docs/lockcheck.1"
    done < "$TMP/help.opts" ;;
not-c)
    printf 'This is a shopping list.\n- eggs\n- milk\n' > "$TMP/notes.c"
    expect_status 2 "$LC" "$TMP/notes.c" "$FIX/basic/missing_release_early_return.c"
    grep -q "notes.c:1:1: error: unknown type name 'This'" "$TMP/err" || fail "$(cat "$TMP/err")"
    grep -q '\[missing-release\]' "$TMP/out" || fail "other file not analysed" ;;
invalid-utf8)
    printf '#include <pthread.h>\n/* caf\xe9 \xff\xfe */\nstatic pthread_mutex_t m;\nconst char *s = "\xc3\x28";\nint f(int x) {\n  pthread_mutex_lock(&m);\n  if (x) return 1;\n  pthread_mutex_unlock(&m);\n  return 0;\n}\n' > "$TMP/latin1.c"
    expect_status 1 "$LC" --format=json "$TMP/latin1.c"
    json_check "doc['errors'] == [] and doc['findings'][0]['line'] == 7" ;;
non-utf8-names)
    # File names are bytes: one that is not UTF-8 (Latin-1 "café", a
    # folder with a space) keeps its findings in JSON, SARIF, the baseline,
    # a merge and the cache.
    mkdir -p "$TMP/n/my dir"
    name=$(printf 'caf\351.c')
    printf '#include <pthread.h>\nstatic pthread_mutex_t m;\nint f(int x) {\n  pthread_mutex_lock(&m);\n  if (x) return -1;\n  pthread_mutex_unlock(&m);\n  return 0;\n}\n' > "$TMP/n/my dir/$name"
    cd "$TMP/n"
    expect_status 1 "$LC" --format=json "my dir/$name"
    json_check "[(f['file'], f['file_bytes'], f['path'][0]['file_bytes']) for f in doc['findings']] == [('my dir/caf\ufffd.c', 'my%20dir/caf%E9.c', 'my%20dir/caf%E9.c')]"
    expect_status 1 "$LC" --format=sarif "my dir/$name"
    json_check "[r['locations'][0]['physicalLocation']['artifactLocation']['uri'] for r in doc['runs'][0]['results']] == ['my%20dir/caf%E9.c']"
    expect_status 0 "$LC" --write-baseline base.json "my dir/$name"
    expect_status 0 "$LC" --baseline base.json "my dir/$name"
    "$LC" --format=json -o shard.json "my dir/$name"
    expect_status 0 "$LC" merge --format=json shard.json
    json_check "[f['file_bytes'] for f in doc['findings']] == ['my%20dir/caf%E9.c']"
    expect_status 1 "$LC" --cache "$TMP/c" --format=json "my dir/$name"
    expect_status 1 "$LC" --cache "$TMP/c" --format=json "my dir/$name"
    json_check "len(doc['findings']) == 1" ;;
macro-error-location)
    # An error inside a macro's expansion is reported where the macro is
    # used (or where its argument is written), naming the macro, as clang does.
    printf '#include <pthread.h>\n#define GUARDED_BY(...) __attribute__((guarded_by(__VA_ARGS__)))\nstatic pthread_mutex_t mu1, mu2;\n\nstatic int v GUARDED_BY(mu1, mu2);\nstatic int w GUARDED_BY(nosuch);\nint get(void) { return v + w; }\n' > "$TMP/m.c"
    expect_status 2 "$LC" --format=json "$TMP/m.c"
    json_check "[(e.get('line'), e.get('column')) for e in doc['errors'] if e.get('line')] == [(5, 14), (6, 25)]"
    json_check "\"in the expansion of macro 'GUARDED_BY', $TMP/m.c:2:\" in doc['errors'][1]['message']" ;;
missing-header)
    printf '#include <pthread.h>\n#include "nowhere.h"\nstatic pthread_mutex_t m;\nint f(int x) {\n  pthread_mutex_lock(&m);\n  if (x) return 1;\n  pthread_mutex_unlock(&m);\n  return 0;\n}\n' > "$TMP/hdr.c"
    expect_status 2 "$LC" "$TMP/hdr.c"
    grep -q "hdr.c:2:10: error: 'nowhere.h' file not found" "$TMP/err" || fail "$(cat "$TMP/err")"
    grep -q "hdr.c:6:.*\[missing-release\]" "$TMP/out" || fail "functions not checked"
    # Kernel code without its headers: undefined error-code macros must not
    # make the early return (the leak) disappear.
    expect_status 2 "$LC" --format=json "$SRC/tests/cli/kernel_without_headers.c"
    json_check "sorted((f['line'], f['lock']) for f in doc['findings']) == [(17, 'dev->lock'), (17, 'dev->slock')]"
    # __user casts and case labels named by undefined macros parse too.
    expect_status 2 "$LC" --format=json "$SRC/tests/cli/kernel_goto_switch_without_headers.c"
    json_check "sorted((f['line'], f['lock']) for f in doc['findings']) == [(31, 'd->lock'), (47, 'd->mlock')]"
    # Unknown types, a lock declared by a header's macro, a project lock
    # macro pair: the fallback parse keeps the statements that use them.
    expect_status 2 "$LC" --format=json "$SRC/tests/cli/headerless_types.c"
    json_check "sorted((f['line'], f['lock']) for f in doc['findings']) == [(27, 'table_lock'), (36, 'lobby->lock'), (46, 'q->lock'), (67, 'q->lock')]"
    grep -q "headerless_types.c:6:10: error: 'server.h' file not found" "$TMP/err" || fail "$(cat "$TMP/err")"
    ! grep -q "lockcheck-fallback" "$TMP/err" || fail "the fallback's own prelude leaks into errors" ;;
conflicting-options)
    expect_status 2 "$LC" --config a.json --no-config x.c
    grep -q "cannot be combined" "$TMP/err" || fail "$(cat "$TMP/err")"
    expect_status 2 "$LC" -p build x.c -- -DX
    grep -q "cannot be combined with -p" "$TMP/err" || fail "$(cat "$TMP/err")"
    expect_status 2 "$LC" -j 0 x.c
    grep -q "\-j takes a number" "$TMP/err" || fail "$(cat "$TMP/err")"
    expect_status 2 "$LC" --format
    grep -q "needs a value" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
bad-compile-db)
    mkdir -p "$TMP/b"
    printf '[{"directory": "/tmp", "file": "a.c"}]' > "$TMP/b/compile_commands.json"
    expect_status 2 "$LC" -p "$TMP/b"
    grep -q "compile_commands.json:1:2: error: compile database entry 0: needs \"arguments\"" "$TMP/err" || fail "$(cat "$TMP/err")"
    printf 'not json' > "$TMP/b/compile_commands.json"
    expect_status 2 "$LC" -p "$TMP/b"
    grep -q "compile_commands.json:1:[0-9]*: error: invalid JSON" "$TMP/err" || fail "$(cat "$TMP/err")"
    expect_status 2 "$LC" -p "$TMP/nodir"
    grep -q "cannot read compile database" "$TMP/err" || fail "$(cat "$TMP/err")"
    # one bad entry is reported in its place; the others are analysed
    cp "$FIX/basic/missing_release_early_return.c" "$TMP/b/a.c"
    printf '[{"directory": "%s", "file": 5},\n {"directory": "%s", "file": "a.c", "arguments": ["cc", "-c", "a.c"]}]' "$TMP/b" "$TMP/b" > "$TMP/b/compile_commands.json"
    expect_status 2 "$LC" -p "$TMP/b" --format=json
    json_check "[f['line'] for f in doc['findings']] != [] and [(e['line'], 'entry 0' in e['message']) for e in doc['errors']] == [(1, True)]"
    # nothing in it: said, not a silent success
    printf '[]' > "$TMP/b/compile_commands.json"
    expect_status 2 "$LC" -p "$TMP/b"
    grep -q "nothing to analyse: the compile database lists no C source" "$TMP/err" || fail "$(cat "$TMP/err")"
    # a missing -include is the arguments' fault, at no line of the source
    expect_status 2 "$LC" --format=json "$TMP/b/a.c" -- -include nothere.h
    json_check "[(e.get('line', 0), e['message']) for e in doc['errors'] if 'nothere' in e['message']] == [(0, \"'nothere.h' file not found (from the compiler arguments)\")]"
    # --cache naming a file is an error, not caching silently off
    touch "$TMP/b/cachefile"
    expect_status 2 "$LC" --cache "$TMP/b/cachefile" "$TMP/b/a.c"
    grep -q "cachefile: error: cannot use it as the cache folder: it exists and is not a folder" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
interrupt)
    # SIGTERM during a run over many files leaves no output file at all.
    for i in $(seq 1 60); do cp "$FIX/cfg/switch_in_loop_bad.c" "$TMP/f$i.c"; done
    "$LC" -j 1 --format=json -o "$TMP/out.json" "$TMP"/f*.c >/dev/null 2>&1 &
    pid=$!
    sleep 0.3
    kill -TERM "$pid" 2>/dev/null
    wait "$pid"
    st=$?
    if [ "$st" -eq 143 ]; then
        [ ! -e "$TMP/out.json" ] || fail "output file exists after SIGTERM"
    else
        python3 -c "import json; json.load(open('$TMP/out.json'))" || fail "corrupt output"
    fi
    [ -z "$(ls "$TMP" | grep 'out.json.tmp')" ] || fail "temporary file left behind" ;;
cache)
    mkdir -p "$TMP/p"
    printf '#define LIMIT 10\n' > "$TMP/p/limits.h"
    printf '#include <pthread.h>\n#include "limits.h"\nstatic pthread_mutex_t m;\nint f(int x) {\n  pthread_mutex_lock(&m);\n  if (x > LIMIT) return 1;\n  pthread_mutex_unlock(&m);\n  return 0;\n}\n' > "$TMP/p/a.c"
    cp "$FIX/cfg/if_else_ok.c" "$TMP/p/b.c"
    cd "$TMP/p"
    expect_status 1 "$LC" --cache "$TMP/cache" --format=json a.c b.c
    json_check "doc['stats']['cached'] == 0 and len(doc['findings']) == 1"
    cp "$TMP/out" "$TMP/first.json"
    expect_status 1 "$LC" --cache "$TMP/cache" --format=json a.c b.c
    json_check "doc['stats']['cached'] == 2 and doc['stats']['files'] == 2"
    python3 -c "
import json
a = json.load(open('$TMP/first.json')); b = json.load(open('$TMP/out'))
assert a['findings'] == b['findings'], 'cached findings differ'" || fail "cached findings differ"
    # A header changes: that TU is analysed again.
    printf '#define LIMIT 10\n/* edited */\n' > "$TMP/p/limits.h"
    expect_status 1 "$LC" --cache "$TMP/cache" --format=json a.c b.c
    json_check "doc['stats']['cached'] == 1"
    # A corrupt entry is ignored, not trusted.
    for e in "$TMP/cache"/*.json; do printf '{"version": "0.1.0", "deps": [' > "$e"; done
    expect_status 1 "$LC" --cache "$TMP/cache" --format=json a.c b.c
    json_check "doc['stats']['cached'] == 0 and len(doc['findings']) == 1"
    # Different arguments, different entry.
    expect_status 1 "$LC" --cache "$TMP/cache" --format=json a.c b.c -- -DOTHER
    json_check "doc['stats']['cached'] == 0" ;;
cache-relative-include)
    # A header found through a relative -I of the compile entry: a warm run
    # from another folder still finds every dependency, so every file is
    # served from the cache.
    mkdir -p "$TMP/p/inc" "$TMP/p/build" "$TMP/elsewhere"
    printf '#define LIMIT 10\n' > "$TMP/p/inc/limits.h"
    printf '#include <pthread.h>\n#include "limits.h"\nstatic pthread_mutex_t m;\nint f(int x) {\n  pthread_mutex_lock(&m);\n  if (x > LIMIT) return 1;\n  pthread_mutex_unlock(&m);\n  return 0;\n}\n' > "$TMP/p/a.c"
    printf '[{"directory": "%s", "file": "a.c", "command": "cc -Iinc -c a.c"}]\n' "$TMP/p" \
        > "$TMP/p/build/compile_commands.json"
    cd "$TMP/p"
    expect_status 1 "$LC" --cache "$TMP/cache" --format=json -p build
    json_check "doc['stats']['cached'] == 0 and len(doc['findings']) == 1"
    cd "$TMP/elsewhere"
    expect_status 1 "$LC" --cache "$TMP/cache" --format=json -p "$TMP/p/build"
    json_check "doc['stats']['cached'] == 1 and len(doc['findings']) == 1"
    printf '#define LIMIT 10\n/* edited */\n' > "$TMP/p/inc/limits.h"
    expect_status 1 "$LC" --cache "$TMP/cache" --format=json -p "$TMP/p/build"
    json_check "doc['stats']['cached'] == 0" ;;
foreign-options)
    # A compile database built with gcc names options clang does not know:
    # clang parses as if they were absent, so they are no error (exit 1 for
    # the finding, nothing on stderr). A real error of the code still is.
    mkdir -p "$TMP/g"
    printf '#include <pthread.h>\nstatic pthread_mutex_t m;\nint f(int x) {\n  pthread_mutex_lock(&m);\n  if (x) return 1;\n  pthread_mutex_unlock(&m);\n  return 0;\n}\n' > "$TMP/g/a.c"
    printf '[{"directory": "%s", "file": "a.c", "arguments": ["gcc", "-fvect-cost-model=very-cheap", "-c", "a.c"]}]\n' "$TMP/g" \
        > "$TMP/g/compile_commands.json"
    expect_status 1 "$LC" -p "$TMP/g" 2> "$TMP/err"
    [ ! -s "$TMP/err" ] || fail "an unknown option became an error: $(cat "$TMP/err")"
    printf 'int f(void) { return undeclared; }\n' > "$TMP/g/a.c"
    expect_status 2 "$LC" -p "$TMP/g" 2> "$TMP/err"
    grep -q "undeclared" "$TMP/err" || fail "the code's own error was not reported" ;;
shard-merge)
    files=$(find "$FIX/basic" "$FIX/cfg" -name '*.c' | sort)
    # shellcheck disable=SC2086
    "$LC" --format=json $files > "$TMP/all.json"
    for k in 1 2 3; do
        # shellcheck disable=SC2086
        "$LC" --shard $k/3 --format=json $files > "$TMP/s$k.json"
        # shellcheck disable=SC2086
        "$LC" --shard $k/3 --format=sarif $files > "$TMP/s$k.sarif"
    done
    python3 - "$TMP" <<'PY' || fail "shards do not partition the inputs"
import json, sys
t = sys.argv[1]
n = [json.load(open(f"{t}/s{k}.json"))['stats']['files'] for k in (1, 2, 3)]
total = json.load(open(f"{t}/all.json"))['stats']['files']
assert sum(n) == total and min(n) > 0, (n, total)
PY
    expect_status 0 "$LC" merge -o "$TMP/merged.json" "$TMP/s1.json" "$TMP/s2.json" "$TMP/s3.json" "$TMP/s2.json"
    python3 - "$TMP" <<'PY' || fail "merged report differs from the whole run"
import json, sys
t = sys.argv[1]
key = lambda f: (f['file'], f['line'], f['column'], f['rule'], f['message'])
a = sorted(map(key, json.load(open(f"{t}/all.json"))['findings']))
m = json.load(open(f"{t}/merged.json"))
assert sorted(map(key, m['findings'])) == a
assert [key(f) for f in m['findings']] == a, 'not sorted'
PY
    expect_status 0 "$LC" merge "$TMP/s1.sarif" "$TMP/s2.sarif" "$TMP/s3.sarif" "$TMP/s1.sarif"
    python3 - "$TMP" <<'PY' || fail "merged SARIF is wrong"
import json, sys
t = sys.argv[1]
n = len(json.load(open(f"{t}/all.json"))['findings'])
m = json.load(open(f"{t}/out"))
assert len(m['runs']) == 1 and len(m['runs'][0]['results']) == n, (len(m['runs'][0]['results']), n)
PY
    expect_status 2 "$LC" --shard 4/3 "$FIX/cfg/if_else_ok.c"
    expect_status 2 "$LC" --shard 1/3x "$FIX/cfg/if_else_ok.c"
    expect_status 2 "$LC" --shard /3 "$FIX/cfg/if_else_ok.c"
    expect_status 2 "$LC" merge "$FIX/cfg/if_else_ok.c" ;;
cross-tu)
    X="$SRC/tests/cli/cross_tu"
    # one file at a time, the helpers' bodies are unknown: their names (a
    # void pair) make them a lock of the object they are given
    expect_status 1 "$LC" "$X/lockutil.c" "$X/user.c"
    grep -q "user.c:8:9: warning: 'p' is still held" "$TMP/out" || fail "$(cat "$TMP/out")"
    expect_status 1 "$LC" --cross-tu --format=json "$X/lockutil.c" "$X/user.c"
    json_check "[(f['rule'], f['line']) for f in doc['findings']] == [('missing-release', 8)]"
    expect_status 0 "$LC" --write-summaries "$TMP/s.json" "$X/lockutil.c"
    python3 -c "
import json; d = json.load(open('$TMP/s.json'))
assert {'function': 'pool_lock', 'acquires': '\$0->mu'} in d['locks'], d" || fail "summaries file"
    expect_status 1 "$LC" --rules "$TMP/s.json" "$X/user.c"
    grep -q "user.c:8:9: warning: 'p->mu' is still held" "$TMP/out" || fail "$(cat "$TMP/out")"
    # a cross-file run's findings are not kept for a default run
    expect_status 1 "$LC" --cross-tu --cache "$TMP/cache" "$X/lockutil.c" "$X/user.c"
    expect_status 1 "$LC" --cache "$TMP/cache" "$X/lockutil.c" "$X/user.c"
    grep -q "'p' is still held" "$TMP/out" && ! grep -q "'p->mu'" "$TMP/out" ||
        fail "a cross-file finding kept for a default run: $(cat "$TMP/out")"
    # two definitions of one name that disagree give no contract
    expect_status 0 "$LC" --cross-tu "$X/lockutil.c" "$X/other_program.c" "$X/user.c"
    # the contract other files get is the last round's: the helper defined
    # below releases what core_deref takes
    expect_status 0 "$LC" --cross-tu "$X/deref.c" "$X/deref_user.c"
    expect_status 0 "$LC" --write-summaries "$TMP/d.json" "$X/deref.c"
    python3 -c "
import json; d = json.load(open('$TMP/d.json'))
assert {'function': 'core_deref', 'excludes': '(*\$0)->head->mtx'} in d['locks'], d" ||
        fail "summaries of deref.c"
    # a wrapper of a mutex initialised as recursive is recursive for other files
    expect_status 0 "$LC" --cross-tu "$X/rmutex.c" "$X/rmutex_user.c"
    expect_status 0 "$LC" --write-summaries "$TMP/r.json" "$X/rmutex.c"
    python3 -c "
import json; d = json.load(open('$TMP/r.json'))
assert {'function': 'rmutex_lock', 'acquires': '\$0->id', 'recursive': True} in d['locks'], d" ||
        fail "summaries of rmutex.c" ;;
max-memory)
    # Past the memory bound the run stops: every file not finished is
    # reported as not analysed (exit 2), none is dropped in silence.
    for i in 1 2 3; do cp "$FIX/basic/missing_release_early_return.c" "$TMP/m$i.c"; done
    expect_status 2 "$LC" --max-memory 1 --format=json "$TMP"/m*.c
    json_check "sorted(e['file'] for e in doc['errors']) == ['$TMP/m1.c', '$TMP/m2.c', '$TMP/m3.c'] and all('--max-memory' in e['message'] for e in doc['errors'])"
    expect_status 1 "$LC" --max-memory 65536 "$TMP"/m*.c
    expect_status 2 "$LC" --max-memory 0 "$TMP/m1.c"
    grep -q "max-memory takes MiB" "$TMP/err" || fail "$(cat "$TMP/err")" ;;
timeout)
    # A file found by fuzzing on which clang's error recovery runs for
    # minutes: reported after --timeout, the other files still analysed.
    start=$(date +%s)
    expect_status 2 "$LC" --timeout 2 "$SRC/tests/cli/clang_slow_parse.c" \
        "$FIX/basic/missing_release_early_return.c" -- -std=gnu11
    [ $(( $(date +%s) - start )) -lt 30 ] || fail "took too long"
    grep -q "clang_slow_parse.c: error: not analysed: libclang was still parsing it after 2 s" "$TMP/err" ||
        fail "$(head -c 2000 "$TMP/err")"
    grep -q '\[missing-release\]' "$TMP/out" || fail "other file not analysed" ;;
*)
    fail "unknown case" ;;
esac
echo "ok [$CASE]"
