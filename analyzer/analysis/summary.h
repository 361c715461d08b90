/* SPDX-License-Identifier: MIT
 * summary: contracts inferred for unannotated functions from their solved
 * CFG, so that calls to a project's own lock helpers count like calls to
 * the lock API. A function that holds a lock on every exit and never
 * releases it acquires it; one that releases a lock no path in it took,
 * and holds it on no exit, releases it. Locks rooted at a parameter are
 * written "$N..." so that the caller's argument replaces the parameter.
 * No libclang here; the result lives in the arena. */
#ifndef LC_SUMMARY_H
#define LC_SUMMARY_H

#include <stdbool.h>

#include "ir/cfg.h"
#include "analysis/lockset.h"
#include "model/model.h"

/* Facts about one lock over all exits of one function. */
struct summary_lock {
    bool acquires;     /* held on every reached exit, never released */
    bool releases;     /* the caller's lock, released on every path */
    bool callers_lock; /* paths from the entry reach a release of it before
                          any acquire, and no acquire before any release:
                          the caller holds it (it may be dropped and
                          taken back here) */
    /* Held on some exits and free on the others, and what those exits
     * return tells them apart (the lock object or NULL, 0 or an error):
     * a conditional acquire, like a try-lock. */
    bool conditional;
    bool via_try; /* it is taken with a try-lock inside */
    bool nests; /* taken by a lock its holder may take again (recursive) */
    /* Taken by a call that can fail and says so in its result, and free
     * on the other exits only through that failure: a try-lock, or a
     * blocking lock whose status tells an error that this function never
     * releases. An exit returning a code computed from the failure is
     * then the failure's report, not a leak. */
    bool via_fallible;
    enum success_kind success;
    long success_value;
    enum lock_mode mode;
    bool held_at_exit; /* held on at least one reached exit */
    /* Some path takes it here, or calls what takes it, while this
     * function has not touched it: the caller is assumed not to hold it. */
    bool assumes_free;
    /* Taken (exclusively, not as a recursive lock) and released on every
     * path before returning: callers must not hold it (EFFECT_EXCLUDE). */
    bool excludes;
    /* What it does depends on an argument, consistently for each value
     * (argsplit.h): the body is not blamed for the exits that hold it. */
    bool by_argument;
    /* By argument, and a lock primitive by mode: for one value it takes
     * the lock and returns holding it (on success), for another it gives
     * back the caller's hold on every path (`relock(rw, WRITE)` upgrades,
     * `relock(rw, READ)` downgrades). Paths of two values may meet at one
     * release or wait, each right for its own value. */
    bool by_mode;
    /* The caller's lock, released on some exits and not on others with no
     * result telling which, or handed to code nobody knows: callers cannot
     * know its state after the call (EFFECT_FORGET). */
    bool unsettled;
    /* Released as an unlock helper does, where its own test says so (`if
     * (owned(t)) unlock(t);`): callers are not blamed for calling it where
     * the lock is not held (lock_rule.release_if_held). */
    bool if_held;
    /* Released as the caller's on some path and taken as a free lock on
     * another (`if (!handover) lock(m); ... unlock(m);`): whose it is on
     * entry depends on something, most often an argument (argsplit.h). */
    bool mixed_entry;
    /* A lock state machine keyed by an argument (argsplit.h): for one
     * value the function takes it as a free lock, for another it gives
     * back the caller's hold, yet no value's contract is whole because
     * each also rides on the object's own state (`case PENDING: if
     * (t->state == READING) unlock(m);`). No finding in the body stands on
     * it; its callers forget it. */
    bool keyed_state;
    /* Some exit is reached with it in two states (held and free, or
     * released and untouched): which one rides on data the paths merge
     * over, not on the exit taken. */
    bool merged_exit;
    /* Got only from callees that hand it over when their result says so,
     * released nowhere here, and held on some exits: passed on to the
     * caller (a query step whose lock the cleanup callback drops). Not
     * blamed; its callers cannot know its state after the call. */
    bool passes_on;
    /* 1 + the condition key of an out-parameter flag (`*has_lock = true`)
     * set on exits that hold the lock and on no exit without it; 0 none.
     * Where such a flag is set, the exit keeps the lock by contract. */
    unsigned told_key1;
    /* A recursive lock released past this function's own holds (`while
     * (depth--) unlock(m); ... relock depth times`): the callers' holds are
     * dropped and taken back here, and no exit state is a finding. */
    bool unwinds_callers;
};

/* Held on some exits, and no contract above explains it: the body would
 * be blamed for a missing release. */
bool summary_unexplained(const struct summary_lock *l);

/* Per-lock facts (array of g->nlocks, arena). */
struct summary_lock *summary_facts(struct arena *a, const struct cfg *g,
                                   const struct ls_result *r);

/* Edges on which a lock's own pointer is NULL (`if (_T) unlock(_T);` in a
 * scoped guard's destructor, `if (!q) return;`): there is no lock there to
 * release, so the contract is read from the function solved without them.
 * Indexed like g->succ; NULL when the function tests no such pointer. */
bool *summary_null_edges(struct arena *a, const struct cfg *g);
/* The same for one lock: the edges on which its own object pointer is NULL
 * (`if (a) lock(&a->mu);`), or with nonnull those on which it is not; NULL
 * when there are none. */
bool *summary_object_edges(struct arena *a, const struct cfg *g, unsigned lock, bool nonnull);

/* The inferred rule for calls to this function, or NULL when it does
 * nothing to locks its callers can name. params: parameter names. The
 * rule is wholly in `a` (it outlives the CFG). */
const struct lock_rule *summary_rule(struct arena *a, const struct cfg *g,
                                     const struct summary_lock *facts,
                                     const char *const *params, unsigned nparams);

#endif
