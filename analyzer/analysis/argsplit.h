/* SPDX-License-Identifier: MIT
 * argsplit: inferred contracts that depend on the value of one argument.
 *
 *     void pause_threads(enum op op) {
 *         switch (op) {
 *         case PAUSE:  pthread_mutex_lock(&hang);   break;
 *         case RESUME: pthread_mutex_unlock(&hang); break;
 *         }
 *     }
 *
 * and OpenSSL-style locking callbacks (`if (mode & LOCK) lock(l); else
 * unlock(l);`) return holding their lock on some paths only, which alone
 * looks like a missing release. Yet for each value of `op` they do one
 * consistent thing. Such a function is solved again once per value its
 * branches compare the parameter with (edges the value rules out are
 * dropped); when every value gives a consistent contract, the body is not
 * blamed for those locks, and a call with a constant argument gets the
 * contract of that value. A real leak on one value's paths leaves that
 * value inconsistent, and the body is blamed as before.
 * No libclang here. */
#ifndef LC_ARGSPLIT_H
#define LC_ARGSPLIT_H

#include "ir/cfg.h"
#include "model/model.h"
#include "analysis/summary.h"

struct arena;

/* The split contract of a function whose plain facts leave some lock
 * unexplained (summary_unexplained), or NULL. On success the facts of
 * those locks are marked by_argument. The rule (no effects of its own,
 * `split` set) lives in rules_arena; solving uses scratch. */
const struct lock_rule *argsplit_infer(struct arena *rules_arena, struct arena *scratch,
                                       const struct cfg *g, struct summary_lock *facts,
                                       const char *const *params, unsigned nparams);

/* The rule for a call whose argument `param` is the constant v (known:
 * false when it is not a constant): the value's own rule, or NULL. */
const struct lock_rule *argsplit_pick(const struct rule_split *s, bool known, long v);

/* For a call whose deciding argument is no constant: a rule that leaves
 * every lock some value's rule takes or releases unknown after the call
 * (EFFECT_FORGET), or NULL when no value touches a lock. */
const struct lock_rule *argsplit_unknown(struct arena *a, const struct lock_rule *split_rule);

#endif
