/* SPDX-License-Identifier: MIT */
#include "analysis/lockunify.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

/* Per lock: bit 1 acquired somewhere, bit 2 released somewhere. */
static unsigned char *lock_uses(const struct cfg *g)
{
    unsigned char *uses = xcalloc(g->nlocks ? g->nlocks : 1, 1);
    for (unsigned i = 0; i < g->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        if (ev->kind == EV_ACQUIRE && ev->lock < g->nlocks)
            uses[ev->lock] |= 1;
        else if (ev->kind == EV_RELEASE && ev->lock < g->nlocks)
            uses[ev->lock] |= 2;
    }
    return uses;
}

/* The one lock of m's class that the function takes, or -1 (none, or
 * several: which one the handle names is then a guess). */
static int taken_twin(const struct cfg *g, const unsigned char *uses, unsigned m)
{
    int twin = -1;
    for (unsigned l = 0; l < g->nlocks; l++) {
        if (l == m || !(uses[l] & 1) || !g->locks[l].cls || strchr(g->locks[l].key, '[') ||
            strcmp(g->locks[l].cls, g->locks[m].cls))
            continue;
        if (twin >= 0)
            return -1;
        twin = (int)l;
    }
    return twin;
}

/* `hit = thread;`: a name rooted at a copy of another variable is that
 * one's lock while neither is stored to, which the checks follow
 * themselves (and a NULL hit says its lock is not there at all). */
static bool root_is_copy(const struct cfg *g, int var)
{
    for (unsigned i = 0; var >= 0 && i < g->nvar_copies; i++)
        if (g->var_copies[i].from == var || g->var_copies[i].to == var)
            return true;
    return false;
}

void lockunify_releases(struct cfg *g)
{
    unsigned char *uses = lock_uses(g);
    int *to = xmalloc(g->nlocks * sizeof *to + 1);
    for (unsigned m = 0; m < g->nlocks; m++) {
        const struct cfg_lock *lk = &g->locks[m];
        /* (an element of a lock array named with an index the function
         * cannot read is some element, not the handle's object) */
        bool handle = uses[m] == 2 && lk->local_root && lk->cls && !strchr(lk->key, '[') &&
                      !root_is_copy(g, lk->root_var);
        to[m] = handle ? taken_twin(g, uses, m) : -1;
    }
    for (unsigned i = 0; i < g->nevents; i++) {
        struct cfg_event *ev = &g->events[i];
        if (ev->kind == EV_RELEASE && ev->lock < g->nlocks && to[ev->lock] >= 0)
            ev->lock = (unsigned)to[ev->lock];
    }
    free(to);
    free(uses);
}
