/* SPDX-License-Identifier: MIT
 * report: the emitters. Each prints the sorted findings and input errors of
 * a collector in one format. Only report_*.c and diag.c print. */
#ifndef LC_REPORT_H
#define LC_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model/finding.h"

/* A file's text as analysed when it is not what the disk holds (the
 * staged copy of a pre-commit run): snippets are printed from it. */
struct report_source {
    const char *file; /* as findings name it */
    const char *text;
    size_t len;
};

struct report_opts {
    bool color;
    bool quiet;   /* no notes, no summary */
    bool summary; /* "N findings in M of K files" (terminals) */
    double seconds;
    /* Per-rule severity ("error", "warning", "note") from the
     * configuration; NULL entries (or a NULL array) use the default. */
    const char *const *severity;
    /* The project's root (rootpath.h): SARIF's %SRCROOT%. NULL: the
     * current directory. */
    const char *root;
    const struct report_source *sources; /* read instead of the disk */
    size_t nsources;
};

/* The severity a rule is reported with under these options. */
const char *report_severity(const struct report_opts *ro, enum rule_id r);
/* The severity of one finding (its own, else its rule's). */
const char *report_finding_severity(const struct report_opts *ro, const struct finding *f);

/* clang-style text of the findings that are not suppressed. */
void report_text(FILE *out, const struct collector *c, const struct report_opts *ro);
/* "file:line:col: error: message" for every input error. */
void report_text_errors(FILE *err, const struct collector *c);
/* One JSON document on out (see shared DESIGN.md). Returns false if it
 * could not be written. */
bool report_json(FILE *out, const struct collector *c, const struct report_opts *ro);
/* SARIF 2.1.0 on out. Returns false if it could not be written. */
bool report_sarif(FILE *out, const struct collector *c, const struct report_opts *ro);

#endif
