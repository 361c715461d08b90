/* SPDX-License-Identifier: MIT
 * check_moved: a lock left held when the loop moves on to another object
 * (missing-release). In `for (...) { struct pad *pad = item->data;
 * lock(&pad->lock); if (skip) continue; ...; unlock(&pad->lock); }` the
 * declaration, or `i++` under `lock(&shard[i])`, gives the lock's name to
 * the next object; what the last one's lock is in is then forgotten. On a
 * path that kept it while another path through the same iteration
 * released it, it is never released by anyone: the leak of an iteration,
 * told where the name moves. A loop that keeps every lock it takes (lock
 * every pad, release them all in a second loop) holds it on every path
 * and is not blamed. */
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "checks/checks.h"
#include "checks/witness.h"

struct moved_hit {
    unsigned block, event, lock;
};

struct moved {
    const struct check_ctx *c;
    struct moved_hit hit[8];
    unsigned n;
};

/* Whether a store to local var gives lock's name to another object, and
 * the object's lock is named by nothing else: a value copied first
 * (`locknum = i;` keeps the best bucket locked, released later through
 * `locks[locknum]`) still names it. */
static bool renames(const struct cfg *g, unsigned lock, const struct cfg_event *store)
{
    int var = (int)store->lock;
    return cfg_store_renames(g, store, lock) &&
           !(g->var_copied && (unsigned)var < g->nvars && g->var_copied[var]);
}

static void on_state(void *ctx, unsigned block, unsigned event, const struct ls_state *s)
{
    struct moved *m = ctx;
    const struct cfg_event *ev = &m->c->g->events[event];
    if (ev->kind != EV_KILL_VAR || ev->write)
        return;
    for (unsigned i = 0; i < s->n && m->n < sizeof m->hit / sizeof m->hit[0]; i++) {
        uint8_t bits = s->e[i].bits;
        if ((bits & LS_HELD) && (bits & LS_RELEASED) && renames(m->c->g, s->e[i].lock, ev))
            m->hit[m->n++] = (struct moved_hit){block, event, s->e[i].lock};
    }
}

/* The blocks reached from b's successors (b itself if it is on a cycle). */
static bool *reached_from(const struct cfg *g, unsigned b)
{
    bool *seen = xcalloc(g->nblocks + 1, sizeof *seen);
    unsigned *starts = xmalloc((g->blocks[b].nsucc + 1) * sizeof *starts);
    for (unsigned i = 0; i < g->blocks[b].nsucc; i++)
        starts[i] = g->succ[g->blocks[b].first_succ + i].to;
    cfg_mark_reachable(g, starts, g->blocks[b].nsucc, seen);
    free(starts);
    return seen;
}

/* Whether the store runs again (its block is on a cycle) and every take of
 * the lock comes after it in the loop: the lock held there was taken in
 * an earlier round, not before the loop (`lock every pad` in a first loop
 * reaches the second loop's declaration held, and is no leak of it). */
static bool taken_in_loop(const struct cfg *g, unsigned b, unsigned lock)
{
    bool *seen = reached_from(g, b);
    bool ok = seen[b];
    for (unsigned x = 0; x < g->nblocks && ok; x++)
        for (unsigned i = 0; i < g->blocks[x].nevents && ok; i++) {
            const struct cfg_event *ev = &g->events[g->blocks[x].first_event + i];
            if (ev->kind == EV_ACQUIRE && ev->lock == lock)
                ok = seen[x];
        }
    free(seen);
    return ok;
}

static void report(const struct check_ctx *c, const struct moved_hit *h)
{
    const char *name = c->g->locks[h->lock].display;
    struct finding_note *path;
    int n = witness_path(c, h->block, h->event, h->lock, LS_HELD,
                         arena_printf(c->a, "the loop moves on with '%s' still held", name),
                         &path);
    if (n < 0)
        return; /* refuted: no consistent path */
    const struct cfg_event *at = &c->g->events[h->event];
    struct finding f = {RULE_MISSING_RELEASE, c->file, at->loc.line, at->loc.column,
                        c->g->function, name,
                        arena_printf(c->a,
                                     "'%s' is still held when the loop moves on to another "
                                     "object: this one's lock is never released on this path",
                                     name),
                        path, (unsigned)n, NULL, 0, c->g->loc.line, "", false, NULL, NULL};
    c->emit(c->emit_ctx, &f);
}

/* Whether some store renames some lock: most functions have none, and
 * need no replay. */
static bool any_rename(const struct cfg *g)
{
    for (unsigned i = 0; i < g->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        for (unsigned l = 0; ev->kind == EV_KILL_VAR && !ev->write && l < g->nlocks; l++)
            if (renames(g, l, ev))
                return true;
    }
    return false;
}

void check_moved(const struct check_ctx *c)
{
    if (c->g->no_analysis || c->r->gave_up || !any_rename(c->g))
        return;
    struct moved m = {.c = c};
    struct ls_hooks hooks = {&m, NULL, NULL, on_state, NULL};
    for (unsigned b = 0; b < c->g->nblocks; b++)
        lockset_replay(c->a, c->g, c->r, b, &hooks);
    for (unsigned i = 0; i < m.n; i++) {
        bool again = false; /* one finding per lock */
        for (unsigned k = 0; k < i && !again; k++)
            again = m.hit[k].lock == m.hit[i].lock;
        if (!again && taken_in_loop(c->g, m.hit[i].block, m.hit[i].lock))
            report(c, &m.hit[i]);
    }
}
