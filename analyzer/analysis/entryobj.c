/* SPDX-License-Identifier: MIT
 * entryobj: lock events of the entry object against those of the objects a
 * store later gives the same name (see entryobj.h). */
#include "analysis/entryobj.h"

#include <stdlib.h>

#include "support/arena.h"

static bool is_lock_event(const struct cfg_event *ev, unsigned lock)
{
    return ev->lock == lock && (ev->kind == EV_ACQUIRE || ev->kind == EV_RELEASE ||
                                ev->kind == EV_REQUIRE || ev->kind == EV_WAIT ||
                                ev->kind == EV_EXCLUDE);
}

/* A store that gives the lock's name to another object, or code that had
 * the lock's address and left its state unknown (EV_FORGET): past either,
 * what the name holds is not what the caller handed in. */
static bool ends_entry_object(const struct cfg *g, const struct cfg_event *ev, unsigned lock)
{
    return cfg_store_renames(g, ev, lock) || (ev->kind == EV_FORGET && ev->lock == lock);
}

bool *entryobj_endings(struct arena *a, const struct cfg *g)
{
    bool *ends = arena_alloc(a, (g->nlocks + 1) * sizeof *ends);
    bool *killed = arena_alloc(a, (g->nvars + 1) * sizeof *killed); /* by variable */
    bool any_kill = false;
    for (unsigned i = 0; i < g->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        if (ev->kind == EV_FORGET)
            ends[ev->lock] = true;
        else if (ev->kind == EV_KILL_VAR && !ev->write && ev->lock < g->nvars)
            any_kill = killed[ev->lock] = true;
    }
    for (unsigned v = 0; any_kill && v < g->nvars; v++)
        for (unsigned l = 0; killed[v] && l < g->nlocks; l++) {
            struct cfg_event store = {.kind = EV_KILL_VAR, .lock = v};
            ends[l] |= cfg_store_renames(g, &store, l);
        }
    return ends;
}

/* Marks in before[] the events reached from the entry with no renaming
 * store on the way; returns whether a lock event of `lock` is among them. */
static bool mark_before_rename(const struct cfg *g, unsigned lock, bool *before)
{
    bool *seen = xcalloc(g->nblocks + 1, sizeof *seen);
    unsigned *stack = xmalloc((g->nedges + 2) * sizeof *stack), sp = 0;
    bool used = false;
    stack[sp++] = g->entry;
    while (sp) {
        unsigned b = stack[--sp];
        if (b >= g->nblocks || seen[b])
            continue;
        seen[b] = true;
        const struct cfg_block *blk = &g->blocks[b];
        bool renamed = false;
        for (unsigned i = 0; i < blk->nevents && !renamed; i++) {
            const struct cfg_event *ev = &g->events[blk->first_event + i];
            renamed = ends_entry_object(g, ev, lock);
            before[blk->first_event + i] = !renamed;
            used |= !renamed && is_lock_event(ev, lock);
        }
        for (unsigned i = 0; !renamed && i < blk->nsucc; i++)
            stack[sp++] = g->succ[blk->first_succ + i].to;
    }
    free(stack);
    free(seen);
    return used;
}

bool entryobj_later_object(const struct cfg *g, const bool *endings, unsigned lock,
                           unsigned event)
{
    if (!endings[lock])
        return false;
    bool *before = xcalloc(g->nevents + 1, sizeof *before);
    bool later = mark_before_rename(g, lock, before) && !before[event];
    free(before);
    return later;
}
