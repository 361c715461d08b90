/* SPDX-License-Identifier: MIT
 * report: the emitters. Each prints the sorted findings and input errors of
 * a collector in one format. Only report_*.c and diag.c print. */
#ifndef LC_REPORT_H
#define LC_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "finding.h"

struct report_opts {
    bool color;
    bool quiet;   /* no notes, no summary */
    bool summary; /* "N findings in M of K files" (terminals) */
    double seconds;
};

/* clang-style text: findings on out, input errors on err. */
void report_text(FILE *out, FILE *err, const struct collector *c, const struct report_opts *ro);
/* One JSON document on out (see shared DESIGN.md). Returns false if it
 * could not be written. */
bool report_json(FILE *out, const struct collector *c, const struct report_opts *ro);

#endif
