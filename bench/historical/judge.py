#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Judges the reports of bench/historical/run.sh: judge.py CASES.tsv OUT_DIR."""
import json
import os
import sys


def findings(path):
    try:
        with open(path) as f:
            return json.load(f)["findings"]
    except (OSError, ValueError, KeyError):
        return []


def main(cases_path, out):
    rows = [line.rstrip("\n").split("\t") for line in open(cases_path)
            if line.strip() and not line.startswith("#")]
    found = silent = other_buggy = other_fixed = 0
    for case_id, _repo, _commit, _file, fn, rules, lock, lines in rows:
        buggy = findings(os.path.join(out, case_id, "buggy.json"))
        fixed = findings(os.path.join(out, case_id, "fixed.json"))
        want_lines = None if lines == "*" else {int(x) for x in lines.split(",")}
        hit = [f for f in buggy if f.get("function") == fn and f["rule"] in rules.split(",")
               and (lock == "*" or lock in (f.get("lock") or ""))
               and (want_lines is None or f["line"] in want_lines)]
        in_fix = [f for f in fixed if f.get("function") == fn]
        elsewhere = (sum(f.get("function") != fn for f in buggy),
                     sum(f.get("function") != fn for f in fixed))
        found += bool(hit)
        silent += not in_fix
        other_buggy += elsewhere[0]
        other_fixed += elsewhere[1]
        print(f"{case_id:14} {fn[:36]:36} found={'yes' if hit else 'NO ':3} "
              f"silent-on-fix={'yes' if not in_fix else 'NO ':3} elsewhere={elsewhere[0]}/{elsewhere[1]}"
              + (f"  [{hit[0]['rule']}@{hit[0]['line']}]" if hit else ""))
    n = len(rows)
    print(f"recall {found}/{n} = {100 * found / n:.0f}%, silent on the fix {silent}/{n} = "
          f"{100 * silent / n:.0f}%, findings elsewhere {other_buggy} (buggy) / {other_fixed} (fixed)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: judge.py CASES.tsv OUT_DIR")
    main(sys.argv[1], sys.argv[2])
