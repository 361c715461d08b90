/* SPDX-License-Identifier: MIT
 * guardinfer: --infer-guards. Data touched with the same lock held in most
 * places (at least 3, and 75% of them) but not in some is probably
 * guarded by that lock: each access without it is reported as an
 * unguarded-access note, with the evidence and the annotation that would
 * make the rule explicit. */
#ifndef LC_GUARDINFER_H
#define LC_GUARDINFER_H

#include "model/finding.h"

/* Adds the findings to the collector (call before collector_sort). */
void guardinfer_report(struct collector *c);

#endif
