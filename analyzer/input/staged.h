/* SPDX-License-Identifier: MIT
 * staged: the pre-commit side. Lists the C files staged in git and reads
 * their staged content (not the working tree's), with compiler flags from
 * a compile database when one is given or found; installs a plain git
 * pre-commit hook. git runs from an argv array, never through a shell. */
#ifndef LC_STAGED_H
#define LC_STAGED_H

#include <stdbool.h>

#include "input/cdb.h"
#include "support/diag.h"

struct arena;

/* Jobs for the staged *.c files. build_dir: -p, or NULL to look for
 * compile_commands.json in the repository root and its build/. */
bool staged_jobs(struct arena *a, const char *build_dir, struct job_list *out, struct diag *d);

/* Writes .git/hooks/pre-commit running `lockcheck --staged`. Refuses to
 * replace a different existing hook. *message says what was done. */
bool staged_install_hook(struct arena *a, const char **message, struct diag *d);

#endif
