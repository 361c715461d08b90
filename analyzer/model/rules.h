/* SPDX-License-Identifier: MIT
 * rules: loads lock API descriptions (rules/NAME.json, format in
 * rules/README.md) into a struct model, with Jansson. Errors name the file,
 * line and column and say what is wrong. json_t never leaves rules.c. */
#ifndef LC_RULES_H
#define LC_RULES_H

#include <stdbool.h>

#include "support/diag.h"
#include "model/model.h"

struct arena;

/* Loads one rules file, or every *.json in a folder (sorted by name), into
 * m. Strings go to the run arena `a`. A rule for a function already in the
 * model from an earlier file replaces it; the same function twice in one
 * file is an error. On error fills *d and returns false; m may then hold
 * part of the file's rules, so callers stop the run. */
bool rules_load_path(struct arena *a, struct model *m, const char *path, struct diag *d);

/* Loads rules from JSON text (for tests and fuzzing); `name` is used in
 * messages as the file name. */
bool rules_load_text(struct arena *a, struct model *m, const char *name,
                     const char *text, size_t len, struct diag *d);

/* Writes rules (name -> struct lock_rule, e.g. inferred contracts) as a
 * rules file that --rules reads back. Atomic; false with d on failure. */
bool rules_write(const char *path, const struct strmap *rules, struct diag *d);

/* The folder of the default rules: next to an installed binary
 * (<prefix>/share/lockcheck/rules) or the source tree's rules/. NULL if
 * neither exists. */
const char *rules_default_dir(struct arena *a);

#endif
