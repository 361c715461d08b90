/* SPDX-License-Identifier: MIT
 * failjoin: which tested lock calls fail only for the log. A blocking lock
 * call (not a try-lock) whose result is tested fails only on a broken
 * lock (EINVAL, EDEADLK). Where the failure branch leaves (returns, jumps
 * past the critical section) the code treats the lock as not taken; where
 * it rejoins the success path before the lock is released (`if (lock(m))
 * log(...);`) the program goes on as if it held the lock, and so must the
 * analysis. The mirror case of a try-lock: one whose success side only
 * reports and rejoins the failure (`if (trylock(m)) assertion_message();`)
 * checks that the lock is held already. A pass over the built CFG; no
 * libclang. */
#ifndef LC_FAILJOIN_H
#define LC_FAILJOIN_H

#include "ir/cfg.h"

/* Sets cfg_cond.fail_rejoins on every condition that tests a blocking
 * lock call whose failure side rejoins its success side, and turns each
 * try-lock that checks a held lock into an EV_REQUIRE. */
void failjoin_mark(struct cfg *g);

/* What a test `result op k`, taken on its true side or on its false
 * side, says of a call that succeeded iff its result is nonnegative: 1
 * succeeded, 0 failed, -1 either (`fd > 2`). */
int failjoin_nonnegative_verdict(enum cfg_cmp op, long k, bool truth);

/* Whether taking edge e (of condition c) means that a lock call with rule
 * r succeeded. */
bool failjoin_edge_succeeds(const struct cfg_cond *c, const struct cfg_edge *e,
                            const struct lock_rule *r);

#endif
