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
#include "support/strmap.h"

struct arena;

/* Jobs for the staged *.c files, or for those of `only` (names relative
 * to the current directory; headers and files not staged are skipped: a
 * header is checked through the files that include it). build_dir: -p,
 * or NULL to look for compile_commands.json in the repository root and
 * its build/. A file the database does not list takes the flags of one
 * in the same folder that it does, else include paths for its own
 * folder, the root and the root's include/ (a project's own headers). */
bool staged_jobs(struct arena *a, const char *build_dir, const char *const *only, size_t nonly,
                 struct job_list *out, struct diag *d);

/* The lines changed since git revision `ref` in the working tree (what
 * `git diff REF` shows), as keys "ABSOLUTE_PATH:LINE" of `lines`; a
 * deletion marks the lines on either side of where it was. False, with
 * *d set, outside a repository or for a revision git does not know. */
bool staged_changed_lines(struct arena *a, const char *ref, struct strmap *lines, struct diag *d);

/* Writes .git/hooks/pre-commit running `lockcheck --staged` (with
 * `--baseline FILE` when baseline is not NULL: a project that adopts
 * lockcheck with findings it has accepted). Refuses to replace a
 * different existing hook. *message says what was done. */
bool staged_install_hook(struct arena *a, const char *baseline, const char **message,
                         struct diag *d);

#endif
