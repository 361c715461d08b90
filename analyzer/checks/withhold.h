/* SPDX-License-Identifier: MIT
 * withhold: a look at the lock-pairing findings of each file. When one
 * lock seems misused in many functions of a file the same way, the likelier story is a lock API the analysis does not
 * understand here (a wrapper, a macro, a convention of the project) than
 * that all those functions are wrong: real lock bugs deviate from what
 * the rest of the code does with the lock. Such findings are withheld, and
 * one note per lock says so, how many, and how to see them. */
#ifndef LC_WITHHOLD_H
#define LC_WITHHOLD_H

#include "model/finding.h"

/* Functions with findings on one lock from which its findings are
 * withheld. */
enum { WITHHOLD_MIN_FUNCTIONS = 4 };

/* Replaces each flood (findings of the pairing rules on one lock in at
 * least `min_functions` functions; suppressed findings do not count) with
 * one analysis-incomplete note at its first finding. Deterministic
 * whatever order the findings were collected in. */
void withhold_floods(struct collector *c, unsigned min_functions);

/* Within one function, a release of a lock it does not hold, a second
 * take of a held one, or a call that needs one not held, repeated on one
 * lock: after the first, each stands on the state the first left (a test
 * that gives back a lock at every step, `unregister_and_unlock(t)` called
 * over and over), and says nothing new. The first (by place) is kept,
 * with a note of how many more there are; the others are withheld. */
void withhold_repeats(struct collector *c);

#endif
