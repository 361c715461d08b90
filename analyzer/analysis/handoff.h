/* SPDX-License-Identifier: MIT
 * handoff: locks handed to a completion callback. A function that takes a
 * lock, stores or passes the address of a function of the same file
 * (`cmd->done = write_done; schedule(cmd);`), and returns with the lock
 * held has handed it over when that function releases locks of the same
 * class without ever taking one: the callback finishes what the caller
 * started, and the release is its job. Such a return is no missing
 * release. Known only once every function of the file was built (the
 * callback may come after its user), so findings are filtered at the end
 * of the file. No libclang. */
#ifndef LC_HANDOFF_H
#define LC_HANDOFF_H

#include <stdbool.h>

#include "ir/cfg.h"
#include "model/finding.h"
#include "support/strmap.h"
#include "support/vec.h"

struct handoff_candidate {
    const char *function, *lock; /* lock as written */
    const char **keys;           /* releasers' keys of its callbacks and class */
    unsigned nkeys;
};

struct handoff_index {
    struct arena *a;         /* the file's: outlives each function's graph */
    struct strmap releasers; /* "function\037class": releases, never takes */
    VEC(struct handoff_candidate) candidates;
};

void handoff_init(struct handoff_index *h, struct arena *a);
void handoff_free(struct handoff_index *h);

/* Records what graph g says: the lock classes it releases and never
 * takes, and its locks if it names callbacks. */
void handoff_note(struct handoff_index *h, const struct cfg *g);

/* Whether finding f is a missing release of a lock handed to a callback. */
bool handoff_explains(const struct handoff_index *h, const struct finding *f);

#endif
