/* SPDX-License-Identifier: MIT
 * config: the project file .lockcheck.json, found upward from the files
 * analysed (or the current directory) or named with --config:
 *   {"disable": ["rule-id"], "severity": {"rule-id": "error|warning|note"},
 *    "rules_files": ["path"], "exclude": ["glob"]}
 * Paths are relative to the file's folder. Command-line options override
 * it. Strings live in the arena. */
#ifndef LC_CONFIG_H
#define LC_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "support/diag.h"
#include "model/finding.h"

struct arena;

struct config {
    const char *path; /* NULL: none found */
    const char *dir;
    bool disabled[RULE_COUNT];
    const char *severity[RULE_COUNT]; /* NULL: default */
    const char **rules_files;         /* absolute */
    size_t nrules_files;
    const char **exclude;             /* globs */
    size_t nexclude;
};

/* Finds .lockcheck.json upward from the deepest folder holding all the
 * named files (or, with none, the compile database's folder; with neither,
 * the current directory): the files analysed, not where the run starts,
 * choose it. NULL if none. */
const char *config_find(struct arena *a, const char *const *files, size_t nfiles,
                        const char *build_dir);
bool config_load(struct arena *a, const char *path, struct config *cfg, struct diag *d);
/* True if the file (as displayed, relative to the current directory, or
 * absolute) matches an exclude glob. */
bool config_excluded(const struct config *cfg, const char *display, const char *abs_path);

#endif
