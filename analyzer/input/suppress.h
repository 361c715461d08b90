/* SPDX-License-Identifier: MIT
 * suppress: inline suppressions. `// lockcheck-ignore[rule-id, ...]: reason`
 * on the line of a finding or the line before it, and
 * `// lockcheck-ignore-function[rule-id, ...]: reason` before a function,
 * mark matching findings as suppressed (they stay in JSON and SARIF, marked,
 * and leave text output and the exit status). A malformed one is always a
 * bad-annotation finding; with report_unused, a suppression that matched
 * nothing is an unused-suppression finding. */
#ifndef LC_SUPPRESS_H
#define LC_SUPPRESS_H

#include <stdbool.h>

#include "input/cdb.h"
#include "model/finding.h"

/* Call after collector_sort; sorts again if it adds findings. */
void suppress_apply(struct collector *c, const struct job_list *jobs, bool report_unused);

#endif
