/* SPDX-License-Identifier: MIT
 * summary: inferred lock contracts (see summary.h). */
#include "summary.h"

#include <ctype.h>
#include <string.h>

#include "arena.h"

struct facts_ctx {
    const struct cfg *g;
    struct summary_lock *locks;
    unsigned *held_exits, *released_exits, reached_exits;
    bool *released, *acquired;
    bool *untouched_at_acquire, *untouched_at_release;
};

static void on_event(void *ctx, unsigned block, unsigned event, uint8_t before)
{
    (void)block;
    struct facts_ctx *f = ctx;
    const struct cfg_event *ev = &f->g->events[event];
    if (ev->kind == EV_RELEASE) {
        f->released[ev->lock] = true;
        f->untouched_at_release[ev->lock] |= (before & LS_UNTOUCHED) != 0;
    } else if (ev->kind == EV_ACQUIRE) {
        f->acquired[ev->lock] = true;
        f->untouched_at_acquire[ev->lock] |= (before & LS_UNTOUCHED) != 0;
        f->locks[ev->lock].mode = ev->mode == LOCK_SHARED ? LOCK_SHARED : LOCK_EXCLUSIVE;
    }
}

static void on_exit_state(void *ctx, unsigned block, unsigned event, const struct ls_state *s)
{
    (void)block;
    (void)event;
    struct facts_ctx *f = ctx;
    f->reached_exits++;
    for (unsigned i = 0; i < s->n; i++) {
        uint8_t bits = s->e[i].bits;
        if ((bits & LS_HELD) && !(bits & ~LS_HELD))
            f->held_exits[s->e[i].lock]++;
        if (bits == LS_RELEASED)
            f->released_exits[s->e[i].lock]++;
    }
}

struct summary_lock *summary_facts(struct arena *a, const struct cfg *g,
                                   const struct ls_result *r)
{
    unsigned n = g->nlocks + 1;
    struct facts_ctx f = {g, arena_alloc(a, n * sizeof *f.locks),
                          arena_alloc(a, n * sizeof *f.held_exits),
                          arena_alloc(a, n * sizeof *f.released_exits), 0,
                          arena_alloc(a, n * sizeof *f.released),
                          arena_alloc(a, n * sizeof *f.acquired),
                          arena_alloc(a, n * sizeof(bool)), arena_alloc(a, n * sizeof(bool))};
    struct ls_hooks hooks = {&f, on_event, on_exit_state};
    for (unsigned b = 0; b < g->nblocks; b++)
        lockset_replay(a, g, r, b, &hooks);
    for (unsigned l = 0; l < g->nlocks; l++) {
        f.locks[l].callers_lock = f.untouched_at_release[l] && !f.untouched_at_acquire[l];
        bool all_held = f.reached_exits && f.held_exits[l] == f.reached_exits;
        bool all_released = f.reached_exits && f.released_exits[l] == f.reached_exits;
        f.locks[l].acquires = all_held && !f.released[l];
        f.locks[l].releases = all_released && f.locks[l].callers_lock && !f.acquired[l];
    }
    return f.locks;
}

/* "q->mu" with parameter q at index 0 -> "$0->mu"; a lock rooted at
 * anything else (a global) is kept as it is. */
static const char *parameterise(struct arena *a, const char *key, const char *const *params,
                                unsigned nparams)
{
    size_t skip = strspn(key, "*(&");
    const char *root = key + skip;
    size_t len = 0;
    while (isalnum((unsigned char)root[len]) || root[len] == '_')
        len++;
    for (unsigned i = 0; i < nparams; i++)
        if (params[i] && strlen(params[i]) == len && !strncmp(root, params[i], len))
            return arena_printf(a, "%.*s$%u%s", (int)skip, key, i, root + len);
    return key;
}

const struct lock_rule *summary_rule(struct arena *a, const struct cfg *g,
                                     const struct summary_lock *facts,
                                     const char *const *params, unsigned nparams)
{
    struct lock_rule *r = NULL;
    for (unsigned l = 0; l < g->nlocks; l++) {
        if (!facts[l].acquires && !facts[l].releases)
            continue;
        if (!r) {
            r = arena_alloc(a, sizeof *r);
            r->name = g->function;
            r->origin = "inferred";
        }
        if (r->neffects == MODEL_MAX_EFFECTS)
            break;
        struct lock_effect *e = &r->effects[r->neffects++];
        e->kind = facts[l].acquires ? EFFECT_ACQUIRE : EFFECT_RELEASE;
        e->mode = facts[l].acquires ? facts[l].mode : LOCK_ANY;
        e->target.arg = -1;
        e->target.expr = parameterise(a, g->locks[l].key, params, nparams);
    }
    return r;
}
