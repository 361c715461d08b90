#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Joins a corpus run (run.sh's OUT_DIR) with the triage ledger: for every
# project and mode, the findings, how many the ledger calls true and false,
# and those it has no verdict for yet (listed, to be triaged).
#
#   bench/corpus/ledger.py OUT_DIR [ledger.tsv]
#
# The ledger's columns: project, mode (default or cross-tu: the findings
# --cross-tu adds), rule, file (in the project), line, function, lock,
# verdict (true/false), reason.
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
ledger_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "ledger.tsv")

verdicts = {}
with open(ledger_path) as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        c = line.rstrip("\n").split("\t")
        verdicts[tuple(c[:7])] = c[7]


def findings(name, mode):
    with open(os.path.join(out, f"{name}.{mode}.json")) as f:
        doc = json.load(f)
    prefix = f"//work/corpus/src/{name}/"
    for x in doc["findings"]:
        if x.get("severity") == "note":
            continue
        path = "/" + x["file"]  # (a run from the corpus folder prints src/NAME/...)
        if "/src/" + name + "/" in path:
            path = path.split("/src/" + name + "/", 1)[1]
        elif path.startswith(prefix):
            path = path[len(prefix):]
        elif "/build/" + name + "/" in path:  # a recipe that builds in a copy of the source
            path = path.split("/build/" + name + "/", 1)[1]
        yield (x["rule"], path, str(x["line"]), x["function"], x.get("lock") or "")


names = [l.split("\t")[0] for l in open(os.path.join(here, "projects.tsv")) if not l.startswith("#")]
totals = {"default": [0, 0, 0], "cross-tu": [0, 0, 0]}
print("| project | default: findings (true / false / untriaged) | --cross-tu adds (true / false / untriaged) |")
print("| --- | --- | --- |")
missing = []
for name in names:
    if not all(os.path.exists(os.path.join(out, f"{name}.{m}.json")) for m in ("default", "cross")):
        continue
    default = list(findings(name, "default"))
    cross = [x for x in findings(name, "cross") if x not in set(default)]
    cells = []
    for mode, rows in (("default", default), ("cross-tu", cross)):
        t = fl = u = 0
        for r in rows:
            v = verdicts.get((name, mode) + r)
            if v == "true":
                t += 1
            elif v == "false":
                fl += 1
            else:
                u += 1
                missing.append((name, mode) + r)
        totals[mode][0] += t
        totals[mode][1] += fl
        totals[mode][2] += u
        cells.append(f"{len(rows)} ({t} / {fl} / {u})")
    print(f"| {name} | {cells[0]} | {cells[1]} |")
cells = [f"{sum(v)} ({v[0]} / {v[1]} / {v[2]})" for v in totals.values()]
print(f"| all | {cells[0]} | {cells[1]} |")
for m in missing:
    print("untriaged:", "\t".join(m), file=sys.stderr)
