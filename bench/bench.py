#!/usr/bin/env python3
"""Times lockcheck against clang-19 -fsyntax-only on the same translation units.

Called by bench/run.sh, which checks the tools and builds bench/bareparse.c
first; see bench/README.md for what every number means.

For every input (a compile database folder, or one synthetic file from
bench/gen.py) it runs, over the same translation units:
  floor     clang-19 -fsyntax-only per TU with the TU's own flags, xargs -P J
  tsa       the same with -Wthread-safety
  lockcheck lockcheck -p DIR -j J --quiet (one process)
  bare      bareparse -j J: libclang parsing as lockcheck does, nothing else
  lc-j1     lockcheck -j 1 (compile databases only: -j scaling)
One warm-up round (which also records per-TU exit statuses and peak RSS),
then RUNS timed rounds; the tools take turns within a round so that load
from other users of the machine spreads over all of them.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CLANG = "clang-19"
SYNTHETIC = [("branches", k) for k in (8, 16, 32, 64, 128)] + [
    ("gotos", 1024), ("gotos", 4096), ("functions", 10000), ("switch", 50000),
    ("nesting", 5000), ("locks", 10000)]
# Extra compiler arguments some families need, given to every tool.
FAMILY_ARGS = {"nesting": ["-fbracket-depth=100000"]}
# Families whose clang-19 parse needs more than an 8 MiB main-thread stack.
BIG_STACK = {"nesting"}
TOOLS = ["floor", "tsa", "lockcheck", "bare", "lc-j1"]
LABEL = {"floor": "clang -fsyntax-only", "tsa": "clang -Wthread-safety",
         "lockcheck": "lockcheck", "bare": "libclang bare parse", "lc-j1": "lockcheck -j1"}


# ---------------------------------------------------------------- inputs

def join(d, p):
    return os.path.normpath(p if os.path.isabs(p) or not d else os.path.join(d, p))


def filter_args(words, directory, spelled, path):
    """The TU's flags without the compiler, the source, -c, -o and -M*."""
    out, i = [], 1
    while i < len(words):
        w = words[i]
        i += 1
        if w in ("-c", "--", spelled, path):
            continue
        if not w.startswith("-") and join(directory, w) == path:
            continue  # the source spelled relative to the directory
        if w in ("-o", "-MF", "-MT", "-MQ"):
            i += 1
            continue
        if w.startswith("-o") or w.startswith("-M"):
            continue
        out.append(w)
    return out


def load_cdb(folder):
    """Translation units lockcheck -p FOLDER analyses: first entry per C file."""
    db = os.path.join(folder, "compile_commands.json")
    with open(db) as f:
        entries = json.load(f)
    tus, seen = [], set()
    for e in entries:
        d = e["directory"]
        d = join(os.path.abspath(folder), d) if not os.path.isabs(d) else os.path.normpath(d)
        path = join(d, e["file"])
        if os.path.splitext(path)[1] not in (".c", ".i") or path in seen:
            continue
        seen.add(path)
        words = e["arguments"] if "arguments" in e else shlex.split(e["command"])
        tus.append({"dir": d, "file": path, "args": filter_args(words, d, e["file"], path)})
    return tus


# ---------------------------------------------------------------- running

def timed(cmd, tmp, out=subprocess.DEVNULL, err=subprocess.DEVNULL):
    """Runs a shell command under /usr/bin/time: wall, user+sys, peak RSS, status.

    /usr/bin/time -f prints times to 10 ms; wall and CPU are also read here at
    microsecond resolution from the same run (a monotonic clock around it, and
    wait4's rusage of the time process, which covers its whole process tree)."""
    tf = os.path.join(tmp, "time.out")
    t0 = time.perf_counter()
    p = subprocess.Popen(["/usr/bin/time", "-f", "%e %U %S %M", "-o", tf, "sh", "-c", cmd],
                         stdout=out, stderr=err, stdin=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = 0  # reaped above
    with open(tf) as f:
        lines = f.read().splitlines()
    rss = int(lines[-1].split()[3])
    status = 0
    for ln in lines[:-1]:
        if ln.startswith("Command exited with non-zero status"):
            status = int(ln.split()[-1])
        elif ln.startswith("Command terminated by signal"):
            status = -int(ln.split()[-1])
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_kb": rss, "status": status,
            "time_f": lines[-1]}


def clang_line(tu, extra, big_stack, probe_dir=None, idx=0):
    cmd = [CLANG, "-fsyntax-only"] + tu["args"] + extra + [tu["file"]]
    q = " ".join(shlex.quote(w) for w in cmd)
    pre = "ulimit -s unlimited && " if big_stack else ""
    if probe_dir is None:
        return f"{pre}cd {shlex.quote(tu['dir'])} && exec {q}"
    # warm-up variant: per-TU exit status, peak RSS and diagnostics
    p = os.path.join(probe_dir, str(idx))
    return (f"{pre}cd {shlex.quote(tu['dir'])} && /usr/bin/time -f %M -o {p}.rss {q} "
            f"2>{p}.err; echo $? >{p}.st")


def write_lines(path, lines):
    with open(path, "w") as f:
        f.write("".join(ln + "\n" for ln in lines))


class Input:
    def __init__(self, name, kind, tus, lockcheck_cmd, extra=(), big_stack=False):
        self.name, self.kind, self.tus = name, kind, tus
        self.lockcheck_cmd = lockcheck_cmd  # function of jobs -> argv
        self.extra, self.big_stack = list(extra), big_stack
        self.samples = {t: [] for t in self.tools()}
        self.notes = []

    def tools(self):
        return TOOLS if self.kind == "cdb" else TOOLS[:4]


def prepare(inp, tmp, a):
    d = os.path.join(tmp, inp.name.replace(" ", "_").replace("=", ""))
    os.makedirs(os.path.join(d, "probe-floor"))
    os.makedirs(os.path.join(d, "probe-tsa"))
    inp.dir = d
    xargs = f"xargs -d '\\n' -n 1 -P {a.jobs} sh -c < "
    cmds = {}
    for tool, extra in (("floor", []), ("tsa", ["-Wthread-safety"])):
        lines = [clang_line(t, inp.extra + extra, inp.big_stack) for t in inp.tus]
        probe = [clang_line(t, inp.extra + extra, inp.big_stack, os.path.join(d, "probe-" + tool), i)
                 for i, t in enumerate(inp.tus)]
        write_lines(os.path.join(d, tool + ".cmds"), lines)
        write_lines(os.path.join(d, tool + ".probe"), probe)
        cmds[tool] = xargs + shlex.quote(os.path.join(d, tool + ".cmds"))
        cmds[tool + "-probe"] = xargs + shlex.quote(os.path.join(d, tool + ".probe"))
    units = ["\t".join([t["dir"] if inp.kind == "cdb" else "", t["file"]] + t["args"] + inp.extra)
             for t in inp.tus]
    write_lines(os.path.join(d, "units.tsv"), units)
    cmds["bare"] = f"exec {shlex.quote(a.bareparse)} -j {a.jobs} {shlex.quote(os.path.join(d, 'units.tsv'))}"
    cmds["lockcheck"] = "exec " + " ".join(shlex.quote(w) for w in inp.lockcheck_cmd(a.jobs))
    cmds["lc-j1"] = "exec " + " ".join(shlex.quote(w) for w in inp.lockcheck_cmd(1))
    inp.cmds = cmds


def warm_up(inp, tmp, a, logdir):
    """First round: warms caches, records statuses; not counted."""
    for tool in ("floor", "tsa"):
        timed(inp.cmds[tool + "-probe"], tmp)
        pd = os.path.join(inp.dir, "probe-" + tool)
        bad, rss, errs = [], [], 0
        for i, t in enumerate(inp.tus):
            try:
                st = int(open(os.path.join(pd, f"{i}.st")).read().split()[0])
                r = open(os.path.join(pd, f"{i}.rss")).read().split()
                rss.append(int(r[-1]) if r and r[-1].isdigit() else 0)
            except (OSError, ValueError, IndexError):
                st = -1
                rss.append(0)
            with open(os.path.join(pd, f"{i}.err"), errors="replace") as f:
                text = f.read()
            if st != 0:
                crashed = "PLEASE submit a bug report" in text or "Stack dump" in text or st > 128
                bad.append((t["file"], st, crashed))
            errs += text.count(" error: ")
            with open(os.path.join(logdir, f"{inp.name.replace(' ', '_')}.{tool}.stderr"), "a") as f:
                f.write(f"==> {t['file']} (exit {st})\n{text}")
        if tool == "floor":
            inp.per_tu_rss = rss
        if bad:
            crashed = [b for b in bad if b[2]]
            inp.notes.append(f"{LABEL[tool]}: {len(bad)} of {len(inp.tus)} TUs exited non-zero"
                             f" ({errs} error diagnostics{', %d crashed' % len(crashed) if crashed else ''})")
        if any(b[2] for b in bad):
            inp.crashed = getattr(inp, "crashed", set()) | {tool}
    for tool in inp.tools():
        if tool in ("floor", "tsa"):
            continue
        log = os.path.join(logdir, f"{inp.name.replace(' ', '_')}.{tool}.out")
        with open(log, "w") as f:
            r = timed(inp.cmds[tool], tmp, out=f, err=subprocess.STDOUT)
        ok = {0, 1} if tool in ("lockcheck", "lc-j1") else {0}
        if r["status"] not in ok:
            inp.notes.append(f"{LABEL[tool]} exited with status {r['status']} (see logs/{os.path.basename(log)})")


def largest_tu(inp, tmp, a):
    """Peak memory on the TU with the largest clang -fsyntax-only RSS."""
    i = max(range(len(inp.tus)), key=lambda k: inp.per_tu_rss[k])
    tu = inp.tus[i]
    d = os.path.join(inp.dir, "largest")
    os.makedirs(d)
    write_lines(os.path.join(d, "unit.tsv"), ["\t".join([tu["dir"], tu["file"]] + tu["args"])])
    cmds = {
        "floor": clang_line(tu, [], False),
        "bare": f"exec {shlex.quote(a.bareparse)} -j 1 {shlex.quote(os.path.join(d, 'unit.tsv'))}",
        "lockcheck": "exec " + " ".join(shlex.quote(w) for w in inp.lockcheck_cmd(1) + [tu["file"]]),
    }
    res = {t: [] for t in cmds}
    for rnd in range(a.runs + 1):
        for t, c in cmds.items():
            r = timed(c, tmp)
            if rnd:
                res[t].append(r)
    inp.largest = {"file": tu["file"], "samples": res}


def busy_seconds():
    """CPU seconds the whole machine has spent not idle since boot."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


def median(samples, key):
    return statistics.median(s[key] for s in samples) if samples else float("nan")


def summary(samples):
    return {"wall": median(samples, "wall"), "cpu": median(samples, "cpu"),
            "rss_kb": max((s["rss_kb"] for s in samples), default=0)}


# ---------------------------------------------------------------- report

def fs(x):
    return "n/a" if x != x else (f"{x:.3f}" if x < 1 else f"{x:.2f}")


def mb(kb):
    return f"{kb / 1024:.0f}" if kb >= 10240 else f"{kb / 1024:.1f}"


def ratio(a, b):
    return a / b if b else float("nan")


def fr(x):
    return "n/a" if x != x else f"{x:.2f}×"


def verdict(x, limit):
    if x != x:
        return "n/a"
    return "met" if x <= limit else f"**not met** (+{(x / limit - 1) * 100:.0f}%)"


def report(inputs, a, meta):
    L = []
    w = L.append
    w("# lockcheck benchmark results\n")
    w(f"- command: `{meta['command']}`")
    w(f"- date: {meta['date']}; host: {meta['host']}")
    w(f"- lockcheck {meta['lockcheck_version']} ({meta['commit']}); {meta['clang']}")
    w(f"- parallelism {a.jobs} for every tool; {a.runs} timed runs after one warm-up; "
      "times are medians, RSS the largest peak over the runs")
    w(f"- load average before / after: {meta['load_before']} / {meta['load_after']}\n")
    w("Times in seconds (wall = elapsed, CPU = user+sys of the whole process tree), RSS in MB. "
      "floor = clang-19 -fsyntax-only per TU; TSA = the same with -Wthread-safety; "
      "lc = lockcheck. Ratios are against the floor.\n")
    w("| input | TUs | floor wall | floor CPU | floor RSS | TSA wall | TSA CPU | TSA RSS "
      "| lc wall | lc CPU | lc RSS | lc/floor wall | lc/floor CPU | lc/floor RSS "
      "| TSA/floor wall | TSA/floor CPU | TSA/floor RSS |")
    w("|" + "---|" * 17)
    for inp in inputs:
        s = {t: summary(inp.samples[t]) for t in inp.tools()}
        f, t, l = s["floor"], s["tsa"], s["lockcheck"]
        crashed = getattr(inp, "crashed", set())
        cell = lambda tool, v: v + (" (crashed)" if tool in crashed else "")
        w(f"| {inp.name} | {len(inp.tus)} | {cell('floor', fs(f['wall']))} | {fs(f['cpu'])} | {mb(f['rss_kb'])} "
          f"| {cell('tsa', fs(t['wall']))} | {fs(t['cpu'])} | {mb(t['rss_kb'])} "
          f"| {fs(l['wall'])} | {fs(l['cpu'])} | {mb(l['rss_kb'])} "
          f"| {fr(ratio(l['wall'], f['wall']))} | {fr(ratio(l['cpu'], f['cpu']))} | {fr(ratio(l['rss_kb'], f['rss_kb']))} "
          f"| {fr(ratio(t['wall'], f['wall']))} | {fr(ratio(t['cpu'], f['cpu']))} | {fr(ratio(t['rss_kb'], f['rss_kb']))} |")
    w("\nFor the clang rows RSS is the largest single clang process (one TU); for lockcheck "
      f"it is the one process with its {a.jobs} workers.\n")

    w("## lockcheck against libclang's bare parse\n")
    w("bare = bench/bareparse.c: libclang parses each TU with lockcheck's options, arguments, "
      "threads and stacks, and does nothing else.\n")
    w("| input | bare wall | bare CPU | bare RSS | lc/bare wall | lc/bare CPU | lc/bare RSS |")
    w("|" + "---|" * 7)
    for inp in inputs:
        b, l = summary(inp.samples["bare"]), summary(inp.samples["lockcheck"])
        w(f"| {inp.name} | {fs(b['wall'])} | {fs(b['cpu'])} | {mb(b['rss_kb'])} | {fr(ratio(l['wall'], b['wall']))} "
          f"| {fr(ratio(l['cpu'], b['cpu']))} | {fr(ratio(l['rss_kb'], b['rss_kb']))} |")

    cdbs = [i for i in inputs if i.kind == "cdb"]
    if cdbs:
        w("\n## -j scaling (compile databases)\n")
        w("| input | -j1 wall | -j1 CPU | -j2 wall | -j2 CPU | speed-up |")
        w("|---|---|---|---|---|---|")
        for inp in cdbs:
            one, two = summary(inp.samples["lc-j1"]), summary(inp.samples["lockcheck"])
            w(f"| {inp.name} | {fs(one['wall'])} | {fs(one['cpu'])} | {fs(two['wall'])} | {fs(two['cpu'])} "
              f"| {fr(ratio(one['wall'], two['wall']))} |")
        w("\n## Peak memory on the largest TU (one TU, one worker)\n")
        w("| input | TU | clang -fsyntax-only RSS | bare parse RSS | lockcheck -j1 RSS | lc/clang | lc/bare |")
        w("|---|---|---|---|---|---|---|")
        for inp in cdbs:
            s = {t: summary(v) for t, v in inp.largest["samples"].items()}
            c, b, l = s["floor"]["rss_kb"], s["bare"]["rss_kb"], s["lockcheck"]["rss_kb"]
            rel = os.path.relpath(inp.largest["file"], os.path.commonpath([t["file"] for t in inp.tus]))
            w(f"| {inp.name} | {rel} | {mb(c)} | {mb(b)} | {mb(l)} | {fr(ratio(l, c))} | {fr(ratio(l, b))} |")

    w("\n## Targets\n")
    w("| target | input | measured | verdict |")
    w("|---|---|---|---|")
    for inp in inputs:
        f, b, l = (summary(inp.samples[t]) for t in ("floor", "bare", "lockcheck"))
        if inp.kind == "cdb":
            x = ratio(l["wall"], f["wall"])
            w(f"| wall ≤ 1.0× clang -fsyntax-only | {inp.name} | {fr(x)} | {verdict(x, 1.0)} |")
            x = ratio(l["cpu"], b["cpu"])
            w(f"| CPU ≤ 1.10× bare parse | {inp.name} | {fr(x)} | {verdict(x, 1.10)} |")
            s = {t: summary(v) for t, v in inp.largest["samples"].items()}
            x = ratio(s["lockcheck"]["rss_kb"], s["bare"]["rss_kb"])
            w(f"| RSS ≤ 1.3× bare parse, largest TU | {inp.name} | {fr(x)} | {verdict(x, 1.3)} |")
        else:
            x = ratio(l["wall"], f["wall"])
            w(f"| wall ≤ 1.5× clang -fsyntax-only | {inp.name} | {fr(x)} | {verdict(x, 1.5)} |")
            w(f"| wall ≤ 2 s | {inp.name} | {fs(l['wall'])} s | {verdict(l['wall'], 2.0)} |")
    w("\n## Load from other processes\n")
    w(f"The machine has {os.cpu_count()} cores and is shared. Average number of cores busy with "
      "work other than this benchmark during the timed runs of each input (from /proc/stat):\n")
    w("| " + " | ".join(i.name for i in inputs) + " |")
    w("|" + "---|" * len(inputs))
    w("| " + " | ".join(f"{i.others:.2f}" for i in inputs) + " |")
    notes = [(i.name, n) for i in inputs for n in i.notes] + meta.get("notes", [])
    if notes:
        w("\n## Notes\n")
        for name, n in notes:
            w(f"- {name}: {n}")
    return "\n".join(L) + "\n"


def plot(inputs, out):
    rows = sorted((i.size, i) for i in inputs if i.kind == "synthetic" and i.family == "branches")
    if not rows or not shutil.which("gnuplot"):
        return False
    dat = os.path.join(out, "branches.dat")
    with open(dat, "w") as f:
        f.write("# K  floor_wall  tsa_wall  lockcheck_wall  floor_cpu  tsa_cpu  lockcheck_cpu\n")
        for k, i in rows:
            s = {t: summary(i.samples[t]) for t in ("floor", "tsa", "lockcheck")}
            f.write(f"{k} {s['floor']['wall']} {s['tsa']['wall']} {s['lockcheck']['wall']} "
                    f"{s['floor']['cpu']} {s['tsa']['cpu']} {s['lockcheck']['cpu']}\n")
    script = f"""
set terminal pngcairo size 1200,520 font ",11"
set output "{os.path.join(out, 'branches.png')}"
set multiplot layout 1,2 title "branches family: one function, K sequential ifs under a lock (2^K paths); medians of the timed runs"
set xlabel "K"
set logscale x 2
set xrange [6:170]
set xtics ("8" 8, "16" 16, "32" 32, "64" 64, "128" 128)
set yrange [0:*]
set key bottom right box opaque
set grid
set title "wall time"
set ylabel "ms"
plot "{dat}" using 1:($2*1000) with linespoints lw 2 pt 7 title "clang-19 -fsyntax-only", \\
     "{dat}" using 1:($3*1000) with linespoints lw 2 pt 5 title "clang-19 -fsyntax-only -Wthread-safety", \\
     "{dat}" using 1:($4*1000) with linespoints lw 2 pt 9 title "lockcheck"
set title "CPU time (user+sys)"
plot "{dat}" using 1:($5*1000) with linespoints lw 2 pt 7 title "clang-19 -fsyntax-only", \\
     "{dat}" using 1:($6*1000) with linespoints lw 2 pt 5 title "clang-19 -fsyntax-only -Wthread-safety", \\
     "{dat}" using 1:($7*1000) with linespoints lw 2 pt 9 title "lockcheck"
unset multiplot
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
    return True


# ---------------------------------------------------------------- main

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--cdb", action="append", default=[])
    p.add_argument("--synthetic", action="store_true")
    p.add_argument("--out", default=os.path.join(HERE, "results"))
    p.add_argument("--jobs", "-j", type=int, default=2)
    p.add_argument("--lockcheck", required=True)
    p.add_argument("--bareparse", required=True)
    p.add_argument("--command", default="")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    a = p.parse_args()
    if a.runs < 1:
        p.error("--runs must be at least 1")
    if not a.cdb and not a.synthetic:
        a.synthetic = True
    a.out = os.path.abspath(a.out)
    logdir = os.path.join(a.out, "logs")
    os.makedirs(logdir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="lockcheck-bench.")
    lc = os.path.abspath(a.lockcheck)
    meta = {"command": a.command or " ".join(sys.argv), "notes": []}
    meta["date"] = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?")
    meta["host"] = f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}"
    meta["lockcheck_version"] = subprocess.run([lc, "--version"], capture_output=True, text=True).stdout.split()[-1]
    g = subprocess.run(["git", "-C", os.path.dirname(HERE), "describe", "--always", "--dirty"],
                       capture_output=True, text=True)
    with open(lc, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:12]
    meta["commit"] = f"tree at commit {g.stdout.strip() or 'unknown'}, binary sha256 {digest}"
    meta["clang"] = subprocess.run([CLANG, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    meta["load_before"] = open("/proc/loadavg").read().split()[0]

    inputs = []
    for folder in a.cdb:
        folder = os.path.abspath(folder)
        if not os.path.isfile(os.path.join(folder, "compile_commands.json")):
            p.error(f"{folder} has no compile_commands.json")
        tus = load_cdb(folder)
        inputs.append(Input(os.path.basename(folder.rstrip("/")), "cdb", tus,
                            lambda j, folder=folder: [lc, "-p", folder, "-j", str(j), "--quiet"]))
    if a.synthetic:
        sdir = os.path.join(tmp, "synthetic")
        os.makedirs(sdir)
        for fam, n in SYNTHETIC:
            path = os.path.join(sdir, f"{fam}-{n}.c")
            with open(path, "w") as f:
                subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), fam, str(n)], stdout=f, check=True)
            extra = FAMILY_ARGS.get(fam, [])
            inp = Input(f"{fam} {'K=' if fam == 'branches' else ''}{n}", "synthetic",
                        [{"dir": sdir, "file": path, "args": []}],
                        lambda j, path=path, extra=extra: [lc, path, "-j", str(j), "--quiet", "--"] + extra,
                        extra=extra, big_stack=fam in BIG_STACK)
            inp.family, inp.size = fam, n
            inputs.append(inp)
            if fam in BIG_STACK:
                # Does clang-19 parse it on the default 8 MiB stack?
                cmd = " ".join(shlex.quote(w) for w in [CLANG, "-fsyntax-only", "-fno-crash-diagnostics"] + extra + [path])
                r = timed(f"ulimit -s 8192 && {cmd}", tmp)
                what = "parses" if r["status"] == 0 else f"crashed (exit status {r['status']})"
                meta["notes"].append((inp.name, f"clang-19 -fsyntax-only on an 8 MiB stack: {what}; "
                                      "the figures above run clang under `ulimit -s unlimited`"))

    for inp in inputs:
        prepare(inp, tmp, a)
        print(f"[bench] {inp.name}: {len(inp.tus)} TUs", file=sys.stderr, flush=True)
        warm_up(inp, tmp, a, logdir)
        b0, t0 = busy_seconds(), time.perf_counter()
        for rnd in range(a.runs):
            for tool in inp.tools():
                inp.samples[tool].append(timed(inp.cmds[tool], tmp))
        ours = sum(r["cpu"] for v in inp.samples.values() for r in v)
        inp.others = max(0.0, (busy_seconds() - b0 - ours) / (time.perf_counter() - t0))
        if inp.kind == "cdb":
            largest_tu(inp, tmp, a)
    meta["load_after"] = open("/proc/loadavg").read().split()[0]

    text = report(inputs, a, meta)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(text)
    raw = [{"input": i.name, "kind": i.kind, "tus": len(i.tus), "samples": i.samples,
            "other_load_cores": i.others,
            "largest": getattr(i, "largest", None), "notes": i.notes} for i in inputs]
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump({"meta": meta, "runs": a.runs, "jobs": a.jobs, "inputs": raw}, f, indent=1)
    plotted = plot(inputs, a.out)
    sys.stdout.write(text)
    print(f"\n[bench] wrote {a.out}/results.md, results.json" + (", branches.png" if plotted else ""),
          file=sys.stderr)
    if not a.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"[bench] kept {tmp}", file=sys.stderr)


if __name__ == "__main__":
    main()
