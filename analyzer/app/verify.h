/* SPDX-License-Identifier: MIT
 * verify: fixture mode. Reads `// expect: RULE[, RULE...]` marks (and
 * `// known-fail: REASON`) from each analysed file and compares them with
 * the findings, in both directions: a finding without a mark and a mark
 * without a finding are both mismatches. */
#ifndef LC_VERIFY_H
#define LC_VERIFY_H

#include <stdbool.h>
#include <stdio.h>

#include "input/cdb.h"
#include "model/finding.h"

/* Prints every mismatch on out; returns true if every file matched (or,
 * for a known-fail file, if it still fails). */
bool verify_files(FILE *out, const struct collector *c, const struct job_list *jobs);

#endif
