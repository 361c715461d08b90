/* SPDX-License-Identifier: MIT
 * contract: what annotations (and rules-file guards) mean to the analysis.
 * For a function: the lock effects its callers see (a lock_rule with
 * "$N" standing for parameter N) and what its own body may assume
 * (locks held on entry, locks it may return holding). For a field or
 * variable: the lock that guards it. Answers are cached per TU. */
#ifndef LC_CONTRACT_H
#define LC_CONTRACT_H

#include <clang-c/Index.h>
#include <stdbool.h>

#include "ir/cfg.h"
#include "model/model.h"

struct cfg_tu;

struct held_lock {
    const char *path; /* "$N" for parameter N, as in the rule */
    enum lock_mode mode;
};

struct contract {
    const struct lock_rule *rule; /* for callers; NULL: no lock effects */
    bool no_analysis;             /* NO_THREAD_SAFETY_ANALYSIS */
    bool initializer;             /* may touch its objects' guarded data */
    struct held_lock *entry;      /* REQUIRES, RELEASE: held when it starts */
    unsigned nentry;
    const char **exit_held;       /* REQUIRES, ACQUIRE: may return holding ("$N" paths) */
    unsigned nexit_held;
    const char *problem;          /* an annotation that could not be read */
    struct cfg_loc problem_loc;
    CXFile problem_file;
    int returns_arg;              /* RETURN_CAPABILITY(param N): returns argument N, or -1 */
};

struct guard {
    bool pt;          /* PT_GUARDED_BY: what it points to is guarded */
    bool sibling;     /* the lock is a field of the same object */
    bool any;         /* GUARDED_VAR: whichever lock, so long as one is held */
    const char *lock; /* lock expression as written */
    const char *data; /* the guarded field or variable, for messages */
    const char *problem; /* the lock cannot be read */
    struct cfg_loc problem_loc;
    CXFile problem_file;
};

/* The contract of a function declaration (any of its declarations), or
 * NULL when it has no lock annotations. */
const struct contract *contract_of(struct cfg_tu *t, CXCursor fn);
/* The contract a call at `use` (a file offset of the main file) sees. What
 * it must hold is what the declarations before the call say, as clang's
 * analysis checks it: a definition written after the call (`static void
 * f(int); ... f(x); ... void f(int x) REQUIRES(m) {...}`) adds no
 * requirement there. What the function does with locks (ACQUIRE,
 * RELEASE) comes from every declaration. */
const struct contract *contract_at(struct cfg_tu *t, CXCursor fn, unsigned use);
/* The guard of a FieldDecl or VarDecl, or NULL. */
const struct guard *guard_of(struct cfg_tu *t, CXCursor decl);

#endif
