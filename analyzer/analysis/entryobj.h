/* SPDX-License-Identifier: MIT
 * entryobj: whether a lock event is of the object the lock's name had when
 * the function was entered. `unlock(&zb->mutex); zb++; lock(&zb->mutex);`
 * gives back the caller's zone and takes the next one: one name, two
 * objects. What the function does with the second says nothing of the
 * first (that it takes it as a lock nobody holds), so a contract about
 * the caller's object is read only from the events before a store gives
 * the name away. The same after code that had the lock's address and
 * left its state unknown (`unlock(c); peer = bridge_peer(c); lock(c);`):
 * the take then proves nothing of the state the caller handed in. A pass
 * over the built CFG; no libclang. */
#ifndef LC_ENTRYOBJ_H
#define LC_ENTRYOBJ_H

#include <stdbool.h>

#include "ir/cfg.h"

struct arena;

/* Whether event `event` of `lock` is of a later object
 * than the one at entry: every path from the entry to it passes a store
 * that renames the lock or code that had the lock and left its state
 * unknown (EV_FORGET), and the entry object's lock has events of its own
 * before that. A name first given in the body (`p = lookup();`) has no
 * entry object in use, and is not "later". */
bool entryobj_later_object(const struct cfg *g, const bool *endings, unsigned lock,
                           unsigned event);
/* Per lock, whether some store renames it or some EV_FORGET is of it:
 * the only locks entryobj_later_object can say "later" of. One pass over
 * the function, so that the question costs nothing where nothing ends
 * an entry object. */
bool *entryobj_endings(struct arena *a, const struct cfg *g);

#endif
