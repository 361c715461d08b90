/* SPDX-License-Identifier: MIT
 * handoff: locks handed to a completion callback (see handoff.h). */
#include "analysis/handoff.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

void handoff_init(struct handoff_index *h, struct arena *a)
{
    memset(h, 0, sizeof *h);
    h->a = a;
}

void handoff_free(struct handoff_index *h)
{
    strmap_free(&h->releasers);
    VEC_FREE(h->candidates);
}

static const char *releaser_key(struct arena *a, const char *function, const char *cls)
{
    return arena_printf(a, "%s\037%s", function, cls);
}

/* The classes of g's locks that some event releases and none takes. */
static void note_releases(struct handoff_index *h, const struct cfg *g)
{
    bool *released = xcalloc(g->nlocks + 1, sizeof *released);
    struct strmap taken = {0}; /* classes some event takes */
    for (unsigned i = 0; i < g->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        if (ev->lock >= g->nlocks)
            continue;
        released[ev->lock] |= ev->kind == EV_RELEASE;
        if ((ev->kind == EV_ACQUIRE || ev->kind == EV_ASSERT) && g->locks[ev->lock].cls)
            strmap_put(&taken, g->locks[ev->lock].cls, (void *)1);
    }
    for (unsigned l = 0; l < g->nlocks; l++) {
        const char *cls = g->locks[l].cls;
        if (cls && released[l] && !strmap_get(&taken, cls))
            strmap_put(&h->releasers, releaser_key(h->a, g->function, cls), (void *)1);
    }
    free(released);
    strmap_free(&taken);
}

void handoff_note(struct handoff_index *h, const struct cfg *g)
{
    note_releases(h, g);
    for (unsigned l = 0; g->nhandoffs && l < g->nlocks; l++) {
        const char *cls = g->locks[l].cls;
        if (!cls)
            continue;
        /* the keys each callback would be recorded under, were it one */
        const char **keys = arena_alloc(h->a, g->nhandoffs * sizeof *keys);
        for (unsigned k = 0; k < g->nhandoffs; k++)
            keys[k] = releaser_key(h->a, g->handoffs[k], cls);
        struct handoff_candidate c = {arena_strdup(h->a, g->function),
                                      arena_strdup(h->a, g->locks[l].display), keys,
                                      g->nhandoffs};
        VEC_PUSH(h->candidates, c);
    }
}

static bool same(const char *x, const char *y)
{
    return x && y && !strcmp(x, y);
}

bool handoff_explains(const struct handoff_index *h, const struct finding *f)
{
    if (f->rule != RULE_MISSING_RELEASE)
        return false;
    for (size_t i = 0; i < h->candidates.n; i++) {
        const struct handoff_candidate *c = &h->candidates.v[i];
        if (!same(c->function, f->function) || !same(c->lock, f->lock))
            continue;
        for (unsigned k = 0; k < c->nkeys; k++)
            if (strmap_get(&h->releasers, c->keys[k]))
                return true;
    }
    return false;
}
