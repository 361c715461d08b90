/* SPDX-License-Identifier: MIT
 * explain: the longer texts about each rule: what it means, an example of
 * the bug and of its fix (for --explain, --list-rules and SARIF help). */
#ifndef LC_EXPLAIN_H
#define LC_EXPLAIN_H

#include <stdio.h>

#include "model/finding.h"

const char *explain_long(enum rule_id r);
/* Example of the bug and its fix, as plain text. */
const char *explain_help(enum rule_id r);
/* "id  severity  summary" for every rule. */
void explain_list(FILE *out);
/* Prints the explanation of one rule. */
void explain_print(FILE *out, enum rule_id r);

#endif
