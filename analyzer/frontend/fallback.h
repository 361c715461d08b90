/* SPDX-License-Identifier: MIT
 * fallback: how a file is parsed again when its headers are missing (a
 * pre-commit hook outside the build tree, a file checked on its own).
 * Without them, every statement naming an undefined macro (`return
 * -EBUSY;`), every declaration with an unknown type (`Surface *s = ...`)
 * and every use of a lock declared by a header's macro
 * (`static DEFINE_SPINLOCK(lk);`) is dropped from the AST, and with it the
 * very paths that leak locks. From the first parse's diagnostics the
 * fallback makes:
 *   - `-DNAME=<distinct number>` for each undeclared ALL-CAPS name;
 *   - a prelude (a virtual header read first) with `typedef int T;` for
 *     each unknown type name (and undeclared names ending in _t) and
 *     `extern int x;` for each other undeclared identifier: the types do
 *     not matter to lock analysis, the statements do; NULL, true and false
 *     get their usual values;
 *   - for kernel-style files (linux/, asm/ or xen/ headers missing), sparse
 *     and section annotations defined away and DEFINE_SPINLOCK(x) and its
 *     kind declaring x;
 *   - when headers are missing (config.h among them, as likely as not),
 *     `-DNAME=1` for the configuration macros (HAVE_*, USE_*, WITH_*,
 *     ENABLE_*, CONFIG_*, DEBUG) whose `#ifdef` left code out.
 * Only the control flow and the lock calls are trusted afterwards; the
 * errors of the first parse are still reported. */
#ifndef LC_FALLBACK_H
#define LC_FALLBACK_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct arena;

#define FALLBACK_PRELUDE_PATH "/lockcheck-fallback/prelude.h"

struct fallback {
    const char **args; /* the arguments for the second parse */
    int nargs;
    const char *prelude; /* contents of FALLBACK_PRELUDE_PATH */
    size_t prelude_len;
};

/* Fills *out and returns true when the first parse (tu, args) lost code
 * that a second parse can get back. */
bool fallback_prepare(struct arena *a, CXTranslationUnit tu, const char *const *args, int nargs,
                      struct fallback *out);

/* For developers (LOCKCHECK_DUMP_FALLBACK=1): the added arguments (after
 * the first `nargs`) and the prelude. */
void fallback_dump(FILE *out, const char *file, const struct fallback *fb, int nargs);

#endif
