#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Conformance with clang's C test of its thread-safety analysis: runs lockcheck
# on a local copy of clang/test/Sema/warn-thread-safety-analysis.c (not kept in
# this repository) with the setup of each of its RUN lines, and compares the
# findings with the test's expected-warning directives. See README.md.
#
#   tests/conformance/run.sh [--lockcheck PATH] [--verbose] TEST_FILE
#
# Needs python3. LOCKCHECK in the environment also names the binary; the
# default is build/lockcheck of this source tree. Exit status: 0 when the
# comparison ran (whatever the figures), 2 on a usage error or when lockcheck
# could not analyse the file at all.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
lockcheck=${LOCKCHECK:-$here/../../build/lockcheck}
verbose=0
test_file=
while [ $# -gt 0 ]; do
    case $1 in
    --lockcheck) lockcheck=$2; shift 2 ;;
    --lockcheck=*) lockcheck=${1#*=}; shift ;;
    -v | --verbose) verbose=1; shift ;;
    -h | --help) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) test_file=$1; shift ;;
    esac
done
if [ -z "$test_file" ] || [ ! -r "$test_file" ]; then
    echo "usage: run.sh [--lockcheck PATH] [--verbose] TEST_FILE (a readable copy of warn-thread-safety-analysis.c)" >&2
    exit 2
fi
if [ ! -x "$lockcheck" ]; then
    echo "run.sh: no lockcheck binary at $lockcheck (build first, or pass --lockcheck)" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "run.sh: python3 is needed" >&2; exit 2; }

exec python3 - "$lockcheck" "$test_file" "$verbose" <<'EOF'
import json, os, re, shlex, subprocess, sys, tempfile

lockcheck, test_file, verbose = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3] == "1"
test_dir = os.path.dirname(test_file)
src = open(test_file, encoding="utf-8", errors="replace").read().split("\n")

# --- configurations: one per RUN line of the test ------------------------
def run_configs():
    runs, cur = [], None
    for line in src:
        m = re.match(r"\s*//\s*RUN:\s*(.*)$", line)
        if not m:
            continue
        text = m.group(1)
        cur = (cur + " " + text) if cur is not None else text
        if cur.endswith("\\"):
            cur = cur[:-1]
            continue
        runs.append(cur)
        cur = None
    configs = []
    for r in runs:
        if "%clang" not in r:
            continue
        words = shlex.split(r.split("|")[0])
        cargs, defines, prefixes, options = [], set(), ["expected"], []
        i = 0
        while i < len(words):
            w = words[i].replace("%S", test_dir).replace("%s", test_file)
            if w in ("-D", "-I", "-include", "-std", "-x") and i + 1 < len(words):
                w2 = words[i + 1].replace("%S", test_dir)
                cargs += [w, w2]
                if w == "-D":
                    defines.add(w2.split("=")[0])
                i += 2
                continue
            if w.startswith("-D"):
                cargs.append(w)
                defines.add(w[2:].split("=")[0])
            elif w.startswith(("-I", "-std=", "-U")) or w == "-fexperimental-late-parse-attributes":
                cargs.append(w)
            elif w.startswith("-verify="):
                prefixes = w[len("-verify="):].split(",")
            elif w == "-Wthread-safety-pointer":  # clang's flag for pointers handed to calls
                options.append("--pointer-passing")
            i += 1
        configs.append({"run": r.strip(), "cargs": cargs, "defines": defines, "prefixes": prefixes,
                        "options": options})
    return configs or [{"run": "(no RUN line)", "cargs": [], "defines": set(), "prefixes": ["expected"],
                        "options": []}]

# --- which lines are compiled under a configuration ------------------------
def active_lines(defines):
    active, stack = [], []  # stack of (this branch taken, any branch taken, parent active)
    def cond(expr):
        expr = expr.strip()
        m = re.fullmatch(r"!?\s*defined\s*\(?\s*(\w+)\s*\)?", expr)
        if m:
            v = m.group(1) in defines
            return (not v) if expr.startswith("!") else v
        if re.fullmatch(r"\d+", expr):
            return int(expr) != 0
        return True  # unknown condition: taken
    for line in src:
        s = line.strip()
        on = all(t for t, _, _ in stack)
        m = re.match(r"#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)", s)
        if m:
            d, rest = m.group(1), m.group(2)
            if d in ("ifdef", "ifndef", "if"):
                name = rest.strip().split()[0] if rest.strip() else ""
                v = (name in defines) if d == "ifdef" else (name not in defines) if d == "ifndef" else cond(rest)
                stack.append((v, v, on))
            elif d == "elif" and stack:
                t, anyt, p = stack.pop()
                v = (not anyt) and cond(rest)
                stack.append((v, anyt or v, p))
            elif d == "else" and stack:
                t, anyt, p = stack.pop()
                stack.append((not anyt, True, p))
            elif d == "endif" and stack:
                stack.pop()
            active.append(False)
            continue
        active.append(on)
    return active

# --- expected-* directives ---------------------------------------------------
def directives(prefixes, active):
    pre = "|".join(re.escape(p) for p in prefixes)
    rx = re.compile(r"\b(?:%s)-(warning|error|note|remark)(@[+-]?\d+)?(?:\s+(\d+))?\s*\{\{(.*?)\}\}" % pre)
    out, i = [], 0
    while i < len(src):
        line = src[i]
        k = line.find("//")
        if k < 0:
            i += 1
            continue
        start = i + 1  # 1-based line of the comment's start
        text = line[k:]
        while text.endswith("\\") and i + 1 < len(src):  # a // comment continued by '\'
            i += 1
            text = text[:-1] + " " + src[i]
        i += 1
        if not active[start - 1]:
            continue
        for m in rx.finditer(text):
            kind, at, count, msg = m.groups()
            ln = start
            if at:
                off = at[1:]
                ln = start + int(off) if off[0] in "+-" else int(off)
            out.append({"line": ln, "kind": kind, "count": int(count or 1), "message": msg})
    return out

# --- what each clang message corresponds to in lockcheck ----------------------
ACCESS = {"unguarded-access", "unguarded-write-shared"}
CATEGORIES = [
    # (name, pattern, lockcheck rules or a reason it has no counterpart)
    ("guarded_var: any mutex", r"requires holding any ", ACCESS),
    ("pointer passed to a call", r"^passing (pointer|the value|variable)", ACCESS),
    ("call requires lock", r"^calling function .* requires holding", {"requires-lock"}),
    ("guarded variable read/write", r"^(reading|writing) variable .* requires holding", ACCESS),
    ("pt_guarded pointee read/write", r"^(reading|writing) the value pointed to by .* requires holding", ACCESS),
    ("double acquire", r"^acquiring .* that is already held", {"double-acquire"}),
    ("release of unheld lock", r"^releasing .* that was not held", {"release-unheld"}),
    ("shared/exclusive release mismatch", r"^releasing .* using (shared|exclusive) access", {"lock-kind-mismatch"}),
    ("held at end of function", r"is still held at the end of", {"missing-release"}),
    ("call excluded while held", r"^cannot call function .* while .* is held", {"excluded-held"}),
    ("acquired_before/after order", r"must be acquired (before|after)", {"lock-order"}),
    ("expected held at end of function", r"^expecting .* to be held at the end of", "no rule: lockcheck does not check that an ACQUIRE function really acquires"),
    ("held on some paths at a merge", r"is not held on every path|held on some paths", "n/a: lockcheck reports where it matters, not at the merge point"),
    ("attribute or capability misuse", r"attribute|only applies to|capability|lockable", "n/a: attribute misuse and capability types are clang's front end"),
]

def classify(msg):
    for name, pat, what in CATEGORIES:
        if re.search(pat, msg):
            return name, what
    return "unclassified", "n/a: unclassified message"

# Does lockcheck's lock name (a->mu, &mu1, foo_.bar.other_mu) name the lock of
# clang's message ('mu1', 'bar.other_mu': clang names fields relative to their
# object)?
def same_lock(lc, msg):
    m = re.search(r"\b(?:mutex|capability|lock|role|spinlock|semaphore) '([^']+)'", msg)
    if lc == "any lock" and re.search(r"requires holding any ", msg):
        return True
    if not lc or not m:
        return False
    norm = lambda x: re.sub(r"[\s&*()]", "", x)
    a, b = norm(lc), norm(m.group(1))
    return a == b or a.endswith("." + b) or a.endswith("->" + b)

# --- run lockcheck --------------------------------------------------------------
def findings(cfg):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        cmd = [lockcheck, "--format=json", "--no-default-rules", "--no-config", "-j", "1",
               "-o", out] + cfg["options"] + [os.path.basename(test_file), "--"] + cfg["cargs"]
        p = subprocess.run(cmd, cwd=test_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if not os.path.exists(out):
            sys.stderr.write("run.sh: lockcheck produced no report (exit %d):\n%s" % (p.returncode, p.stderr))
            sys.exit(2)
        doc = json.load(open(out))
    base = os.path.basename(test_file)
    fs = [f for f in doc["findings"] if os.path.basename(f["file"]) == base]
    return cmd, p.returncode, fs, doc.get("errors", [])

totals = {}
def add(key, n):
    totals[key] = totals.get(key, 0) + n

configs = run_configs()
for n, cfg in enumerate(configs, 1):
    active = active_lines(cfg["defines"])
    exp = directives(cfg["prefixes"], active)
    warns = [e for e in exp if e["kind"] == "warning"]
    errors = sum(e["count"] for e in exp if e["kind"] == "error")
    cmd, rc, fs, errs = findings(cfg)
    print("configuration %d: RUN: %s" % (n, cfg["run"]))
    print("  lockcheck: %s  (exit %d, %d parse errors reported)" % (
        " ".join(shlex.quote(c) for c in [os.path.basename(cmd[0])] + cmd[1:]), rc,
        max(0, len([e for e in errs if e.get("line")]))))

    applicable, norule, notapp = [], [], {}
    for e in warns:
        name, what = classify(e["message"])
        e["category"] = name
        for _ in range(e["count"]):
            if isinstance(what, set):
                applicable.append(dict(e, rules=what))
            elif what.startswith("no rule"):
                norule.append(e)
            else:
                notapp.setdefault(name, []).append(e)

    # Same line and a corresponding rule; a finding naming the same lock is
    # preferred, so that two warnings on one line pair up with the right ones.
    used = [False] * len(fs)
    pair = [None] * len(applicable)
    for same in (True, False):
        for k, e in enumerate(applicable):
            if pair[k] is not None:
                continue
            for i, f in enumerate(fs):
                if (not used[i] and f["line"] == e["line"] and f["rule"] in e["rules"]
                        and (not same or same_lock(f.get("lock"), e["message"]))):
                    used[i] = True
                    pair[k] = f
                    break
    reproduced = [(e, pair[k]) for k, e in enumerate(applicable) if pair[k] is not None]
    missed = [e for k, e in enumerate(applicable) if pair[k] is None]
    same_name = sum(1 for e, f in reproduced if same_lock(f.get("lock"), e["message"]))
    # clang says "reading"/"writing"; lockcheck's message starts with the same word.
    rw = [(e, f) for e, f in reproduced if re.match(r"(reading|writing)\b", e["message"])]
    rw_wrong = [(e, f) for e, f in rw if not f["message"].startswith(e["message"].split()[0])]
    warn_lines = {e["line"] for e in warns}
    extra = [f for i, f in enumerate(fs) if not used[i] and f["line"] not in warn_lines]
    other = [f for i, f in enumerate(fs) if not used[i] and f["line"] in warn_lines]

    total = sum(e["count"] for e in warns)
    # each expected error: a lockcheck error on its line (a parse error, exit 2)
    error_lines = [e["line"] for e in exp if e["kind"] == "error" for _ in range(e["count"])]
    reported = [e.get("line") for e in errs if e.get("line")]
    at_line = 0
    for ln in error_lines:
        if ln in reported:
            reported.remove(ln)
            at_line += 1
    add("errors", len(error_lines))
    add("errors at their line", at_line)
    print("  expected warnings:             %3d   (expected errors: %d, reported at their line: %d)" %
          (total, errors, at_line))
    print("    applicable:                  %3d" % len(applicable))
    print("      reproduced by lockcheck:   %3d   (same line, corresponding rule)" % len(reproduced))
    print("        naming the same lock:    %3d" % same_name)
    if rw:
        print("        reads/writes seen as such: %2d of %d" % (len(rw) - len(rw_wrong), len(rw)))
    print("      missed:                    %3d" % len(missed))
    print("    no lockcheck rule:           %3d" % len(norule))
    print("    not applicable:              %3d" % sum(len(v) for v in notapp.values()))
    for name, v in sorted(notapp.items()):
        print("      %-28s %3d" % (name + ":", len(v)))
    print("  lockcheck findings:            %3d" % len(fs))
    print("    matching an expected warning:%3d" % len(reproduced))
    print("    extra (line with no expected warning):  %d" % len(extra))
    print("    unmatched on a line with an expected warning: %d" % len(other))
    by_cat = {}
    for e in applicable:
        by_cat.setdefault(e["category"], [0, 0])[0] += 1
    for e, _ in reproduced:
        by_cat[e["category"]][1] += 1
    print("  applicable by category (reproduced/expected):")
    for name, (t, r) in sorted(by_cat.items()):
        print("    %-36s %d/%d" % (name, r, t))
    if missed:
        print("  missed:")
        for e in missed:
            print("    %d: [%s] %s" % (e["line"], "/".join(sorted(e["rules"])), e["message"]))
    wrong = [(e, f) for e, f in reproduced if not same_lock(f.get("lock"), e["message"])]
    if wrong:
        print("  reproduced, but lockcheck names another lock:")
        for e, f in wrong:
            print("    %d: [%s] lockcheck lock '%s'; clang: %s" % (e["line"], f["rule"], f.get("lock"), e["message"]))
    if rw_wrong:
        print("  reproduced, but a write taken for a read or the reverse:")
        for e, f in rw_wrong:
            print("    %d: lockcheck: %s; clang: %s" % (e["line"], f["message"], e["message"]))
    if extra or other:
        print("  lockcheck findings not matched (extra: no expected warning on the line; other: the line has one):")
        for f in sorted(extra + other, key=lambda f: (f["line"], f["rule"])):
            tag = "extra" if f in extra else "other"
            print("    %d: %s [%s] %s" % (f["line"], tag, f["rule"], f["message"]))
    if verbose:
        print("  reproduced:")
        for e, f in reproduced:
            print("    %d: [%s] %s" % (e["line"], f["rule"], e["message"]))
        for name, v in sorted(notapp.items()):
            for e in v:
                print("  not applicable %d: (%s) %s" % (e["line"], name, e["message"]))
        for e in norule:
            print("  no lockcheck rule %d: %s" % (e["line"], e["message"]))
    print()
    for k, v in (("expected", total), ("applicable", len(applicable)), ("reproduced", len(reproduced)),
                 ("same lock", same_name),
                 ("missed", len(missed)), ("no rule", len(norule)),
                 ("not applicable", sum(len(v) for v in notapp.values())),
                 ("findings", len(fs)), ("extra", len(extra)), ("other", len(other))):
        add(k, v)

if len(configs) > 1:
    print("all %d configurations: expected %d, applicable %d, reproduced %d (same lock %d), missed %d, "
          "no lockcheck rule %d, not applicable %d; lockcheck findings %d, extra %d, "
          "unmatched on an expected line %d; expected errors %d, at their line %d" % (
              len(configs), totals["expected"], totals["applicable"], totals["reproduced"], totals["same lock"],
              totals["missed"], totals["no rule"], totals["not applicable"], totals["findings"],
              totals["extra"], totals["other"], totals["errors"], totals["errors at their line"]))
EOF
