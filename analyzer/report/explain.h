/* SPDX-License-Identifier: MIT
 * explain: the longer texts about each rule: what it means, an example of
 * the bug and of its fix (for --explain, --list-rules and SARIF help). */
#ifndef LC_EXPLAIN_H
#define LC_EXPLAIN_H

#include <stdio.h>

#include "model/finding.h"

struct arena;

const char *explain_long(enum rule_id r);
/* Example of the bug and its fix, as plain text. */
const char *explain_help(enum rule_id r);
/* How to accept a finding of the rule in the code or turn it off. */
const char *explain_suppress(enum rule_id r);
/* The rule's explanation, example and suppression as Markdown (SARIF
 * help, which code scanning shows beside each result); in the arena. */
const char *explain_markdown(struct arena *a, enum rule_id r);
/* "id  severity  summary" for every rule. */
void explain_list(FILE *out);
/* Prints the explanation of one rule. */
void explain_print(FILE *out, enum rule_id r);

#endif
