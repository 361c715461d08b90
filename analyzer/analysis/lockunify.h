/* SPDX-License-Identifier: MIT
 * lockunify: a release through a name the function cannot resolve is a
 * release of the lock of its class that the function took. A lock taken
 * by a call that hands back a handle (`mod = modify_begin(t);`, a struct
 * returned by value holding t) and given back through that handle
 * (`modify_commit(mod);`, which unlocks `mod.topology->mtx`) has two
 * names in the caller: `t->mtx` and `mod.topology->mtx`. The second is
 * rooted at a local whose value came from elsewhere, so nothing says it
 * is another object; read as one lock, the path that commits holds
 * nothing at its end and the path that returns before the commit still
 * leaks. A pass over the built graph; no libclang. */
#ifndef LC_LOCKUNIFY_H
#define LC_LOCKUNIFY_H

#include "ir/cfg.h"

/* Re-points each release of a lock that the function only releases,
 * named from a local, to the one lock of its class that the function
 * takes, where there is exactly one. */
void lockunify_releases(struct cfg *g);

#endif
