/* SPDX-License-Identifier: MIT
 * condwait: condition waits nobody described. A project wraps
 * pthread_cond_timedwait in its own function (to add a clock, a futex
 * fallback, a retry) and defines it in another file. Handed the mutex's
 * address, such a call would leave the mutex's state unknown. But a
 * function given a condition variable and a lock, whose name says it
 * waits, can only mean one thing: it waits on the condition with the lock
 * held, gives the lock up while it sleeps and has it back when it
 * returns, on a timeout too. */
#ifndef LC_CONDWAIT_H
#define LC_CONDWAIT_H

#include <clang-c/Index.h>

struct arena;
struct model;
struct lock_rule;

/* A rule that requires the lock argument and releases and re-takes it
 * around the call, when `name` has "wait" in it and, of its arguments
 * (as the call writes them), exactly one points to a lock and another to
 * a condition variable (a type named with a "cond" word, at any level of
 * its typedefs); else NULL. Allocated in a. */
const struct lock_rule *condwait_rule(struct arena *a, const struct model *m, const char *name,
                                      const CXCursor *args, unsigned nargs);

#endif
