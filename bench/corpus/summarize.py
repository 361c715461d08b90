#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# One line per project for bench/corpus/run.sh: files analysed and the
# findings of each mode, by rule (notes counted apart).
import json
import sys
from collections import Counter


def counts(path):
    try:
        with open(path) as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        return None, str(e)
    warn = Counter(x["rule"] for x in doc["findings"] if x.get("severity") != "note")
    notes = sum(1 for x in doc["findings"] if x.get("severity") == "note")
    return doc, (warn, notes)


name, default, cross = sys.argv[1:4]
line = [name]
for label, path in (("default", default), ("cross-tu", cross)):
    doc, c = counts(path)
    if doc is None:
        line.append(f"{label}: unreadable ({c})")
        continue
    warn, notes = c
    rules = ", ".join(f"{r} {n}" for r, n in sorted(warn.items())) or "none"
    line.append(f"{label}: {sum(warn.values())} findings ({rules}), {notes} notes, "
                f"{doc['stats']['files']} files")
print(" | ".join(line))
