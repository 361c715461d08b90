/* SPDX-License-Identifier: MIT
 * baseline: the fingerprints of findings a team has accepted for now, so
 * that CI fails only on new ones. A JSON file; written atomically. */
#ifndef LC_BASELINE_H
#define LC_BASELINE_H

#include <stdbool.h>

#include "support/diag.h"
#include "model/finding.h"
#include "support/strmap.h"

struct arena;

/* Records every unsuppressed finding of c. */
bool baseline_write(const char *path, const struct collector *c, struct diag *d);
/* Loads the fingerprints into set (keys in the arena). */
bool baseline_load(struct arena *a, const char *path, struct strmap *set, struct diag *d);

#endif
