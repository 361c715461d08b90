/* SPDX-License-Identifier: MIT
 * merge: `lockcheck merge REPORT...` combines the JSON (or SARIF) reports
 * of several shards into one, sorted and de-duplicated, so a CI matrix can
 * split a large compile database (--shard K/N) and publish one report. */
#ifndef LC_MERGE_H
#define LC_MERGE_H

#include <stdbool.h>

#include "support/diag.h"
#include "model/finding.h"

/* JSON reports: their findings, errors and counts go into c. Returns false
 * (with d filled) on a file that is not a lockcheck JSON report. */
bool merge_json(struct arena *a, const char *const *files, size_t n, struct collector *c,
                struct diag *d);
/* SARIF reports: one SARIF document with every result, written to out. */
bool merge_sarif(const char *const *files, size_t n, FILE *out, struct diag *d);
/* True if the file looks like SARIF (has "runs"). */
bool merge_is_sarif(const char *file);

#endif
