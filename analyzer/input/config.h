/* SPDX-License-Identifier: MIT
 * config: the project file .lockcheck.json, found upward from the current
 * directory or named with --config:
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

/* Finds .lockcheck.json upward from the current directory. NULL if none. */
const char *config_find(struct arena *a);
bool config_load(struct arena *a, const char *path, struct config *cfg, struct diag *d);
/* True if the file (as displayed, relative to the current directory, or
 * absolute) matches an exclude glob. */
bool config_excluded(const struct config *cfg, const char *display, const char *abs_path);

#endif
