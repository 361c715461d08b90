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
    bool *taken = xcalloc(g->nlocks + 1, sizeof *taken);
    for (unsigned i = 0; i < g->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        if (ev->lock >= g->nlocks)
            continue;
        released[ev->lock] |= ev->kind == EV_RELEASE;
        taken[ev->lock] |= ev->kind == EV_ACQUIRE || ev->kind == EV_ASSERT;
    }
    for (unsigned l = 0; l < g->nlocks; l++) {
        const char *cls = g->locks[l].cls;
        if (!cls || !released[l])
            continue;
        bool class_taken = false;
        for (unsigned m = 0; m < g->nlocks; m++)
            class_taken |= taken[m] && g->locks[m].cls && !strcmp(g->locks[m].cls, cls);
        if (!class_taken)
            strmap_put(&h->releasers, releaser_key(h->a, g->function, cls), (void *)1);
    }
    free(released);
    free(taken);
}

void handoff_note(struct handoff_index *h, const struct cfg *g)
{
    note_releases(h, g);
    if (!g->nhandoffs)
        return;
    const char **callbacks = arena_alloc(h->a, g->nhandoffs * sizeof *callbacks);
    for (unsigned i = 0; i < g->nhandoffs; i++)
        callbacks[i] = arena_strdup(h->a, g->handoffs[i]);
    for (unsigned l = 0; l < g->nlocks; l++) {
        if (!g->locks[l].cls)
            continue;
        struct handoff_candidate c = {arena_strdup(h->a, g->function),
                                      arena_strdup(h->a, g->locks[l].display),
                                      arena_strdup(h->a, g->locks[l].cls), callbacks,
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
    struct arena *scratch = arena_new();
    bool explained = false;
    for (size_t i = 0; i < h->candidates.n && !explained; i++) {
        const struct handoff_candidate *c = &h->candidates.v[i];
        if (!same(c->function, f->function) || !same(c->lock, f->lock))
            continue;
        for (unsigned k = 0; k < c->ncallbacks && !explained; k++)
            explained =
                strmap_get(&h->releasers, releaser_key(scratch, c->callbacks[k], c->cls)) != NULL;
    }
    arena_free(scratch);
    return explained;
}
