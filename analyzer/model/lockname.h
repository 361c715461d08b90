/* SPDX-License-Identifier: MIT
 * lockname: lock functions and macros nobody described, recognised by
 * their names. A project's own lock API (HA_SPIN_LOCK / HA_SPIN_UNLOCK,
 * EVDNS_LOCK / EVDNS_UNLOCK, HashTable_Lock / HashTable_Unlock,
 * lock_foo / unlock_foo) often lives in headers the analysis cannot see or
 * calls through function pointers, or in another file of the project
 * (a void pair its header declares). A name with a "lock" word in it is
 * taken for an acquire, and its "unlock" twin for the release, only when
 * the file also mentions the twin; the lock is the object of the first
 * address-like argument (`&p->lock`), else of the first argument that is
 * not a constant (`base`), else a lock named after the function. Names
 * with "try" in them are left alone (the result would matter), and so is
 * anything a rules file, an annotation or the function's own body
 * describes: callers ask only when nothing else answered.
 * No libclang here. */
#ifndef LC_LOCKNAME_H
#define LC_LOCKNAME_H

#include <stdbool.h>

#include "model/model.h"
#include "support/strmap.h"

struct arena;

enum lockname_arg { LN_ADDRESS, LN_CONSTANT, LN_OTHER };

/* The origin of every guessed rule (compare the pointer): whether such a
 * lock is recursive is unknown, for one. */
extern const char lockname_origin[];

/* Whether taking the lock again while holding it may be allowed: a
 * recursive lock, or one known only by its name (a refcounted lock lets
 * its owner in again). */
bool lockname_may_nest(const struct lock_rule *r);

/* Whether a name has a "lock" word in it (spin_lock, HA_RWLOCK_RDLOCK,
 * HashTable_Unlock; not block, clock, locked). */
bool lockname_has_lock_word(const char *name);

/* Whether one of `words` (lower case, NULL-terminated) is a word of
 * name, any case: between underscores, at a camel-case step or at either
 * end (thread_exit, ThreadExit, EXIT_NOW; not exited, context). */
bool lockname_has_word(const char *name, const char *const *words);

/* The other half of a lock name's pair (foo_lock <-> foo_unlock,
 * HA_SPIN_UNLOCK -> HA_SPIN_LOCK), or NULL for a name with no lock word. */
const char *lockname_twin(struct arena *a, const char *name);

/* What a macro argument's text looks like. */
enum lockname_arg lockname_classify_text(const char *text);

/* The rule for a call of `name` with arguments of these kinds, or NULL.
 * `source` is the text of the file being analysed. Rules are cached in
 * *cache and allocated in a. */
const struct lock_rule *lockname_guess(struct arena *a, struct strmap *cache, const char *source,
                                       unsigned source_len, const char *name,
                                       const enum lockname_arg *kinds, unsigned nargs);

#endif
