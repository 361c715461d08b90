/* SPDX-License-Identifier: MIT
 * check_order: records, for every lock taken while another is held on
 * every path, the pair of lock classes and where it happens. The cycles
 * among those pairs over the whole run are lock-order findings (see
 * lockorder.c). Try-locks do not wait, so they make no pair. */
#include <string.h>

#include "support/arena.h"
#include "checks/checks.h"
#include "checks/witness.h"

struct order_ctx {
    const struct check_ctx *c;
};

static bool listed(const char **list, unsigned n, const char *cls)
{
    for (unsigned i = 0; i < n; i++)
        if (!strcmp(list[i], cls))
            return true;
    return false;
}

/* `to` taken while `from` is held, against a declared order. */
static bool declared_against(const struct cfg_lock *from, const struct cfg_lock *to)
{
    return listed(to->precedes, to->nprecedes, from->cls) ||
           listed(from->follows, from->nfollows, to->cls);
}

static void report_declared(const struct check_ctx *c, const struct cfg_event *ev,
                            const struct cfg_lock *held, const struct cfg_lock *taken)
{
    struct finding f = {RULE_LOCK_ORDER, c->file, ev->loc.line, ev->loc.column, c->g->function,
                        taken->display,
                        arena_printf(c->a, "'%s' is acquired while holding '%s', but it is declared "
                                           "to be acquired before it",
                                     taken->display, held->display),
                        NULL, 0, NULL, 0, c->g->loc.line, "", false, NULL, NULL};
    c->emit(c->emit_ctx, &f);
}

/* Whether `held` was taken by the very call that takes the lock of
 * `event`: a callee's contract lists what it leaves held, not in what
 * order it took them (`reacquire(x, &z)` that takes z's lock, then x's),
 * and the callee's own analysis records its order. A call's events are
 * consecutive, at its place. */
static bool taken_by_same_call(const struct cfg *g, unsigned block, unsigned event,
                               unsigned held)
{
    const struct cfg_event *ev = &g->events[event];
    if (!ev->callee)
        return false;
    for (unsigned i = event; i-- > g->blocks[block].first_event;) {
        const struct cfg_event *e = &g->events[i];
        if (e->loc.line != ev->loc.line || e->loc.column != ev->loc.column || !e->callee ||
            strcmp(e->callee, ev->callee))
            return false;
        if (e->kind == EV_ACQUIRE && e->lock == held)
            return true;
    }
    return false;
}

static void on_state(void *ctx, unsigned block, unsigned event, const struct ls_state *s)
{
    const struct check_ctx *c = ((struct order_ctx *)ctx)->c;
    const struct cfg_event *ev = &c->g->events[event];
    if (ev->kind != EV_ACQUIRE || (ev->rule && ev->rule->is_try))
        return;
    const struct cfg_lock *to = &c->g->locks[ev->lock];
    if (!to->cls)
        return;
    for (unsigned i = 0; i < s->n; i++) {
        uint8_t bits = s->e[i].bits; /* most entries are released locks: test them first */
        if (!(bits & LS_HELD) || (bits & ~LS_HELD) || s->e[i].lock == ev->lock)
            continue;
        const struct cfg_lock *from = &c->g->locks[s->e[i].lock];
        if (!from->cls || !strcmp(from->cls, to->cls) ||
            taken_by_same_call(c->g, block, event, s->e[i].lock))
            continue;
        if (declared_against(from, to)) {
            /* reported against the declaration: the same pair is no
             * cycle to report a second time */
            report_declared(c, ev, from, to);
            continue;
        }
        struct witness w;
        witness_find(c, block, event, s->e[i].lock, LS_HELD, &w);
        const struct cfg_event *held = w.origin_event >= 0 ? &c->g->events[w.origin_event] : NULL;
        struct order_edge e = {from->cls, to->cls, from->display, to->display, c->file,
                               c->g->function, ev->loc.line, ev->loc.column,
                               held ? held->loc.line : c->g->loc.line,
                               held ? held->loc.column : c->g->loc.column};
        c->order(c->emit_ctx, &e);
    }
}

void check_order(const struct check_ctx *c)
{
    if (!c->order || c->g->no_analysis || c->r->gave_up)
        return;
    unsigned classes = 0; /* an order needs two locks with a class */
    for (unsigned i = 0; i < c->g->nlocks && classes < 2; i++)
        classes += c->g->locks[i].cls != NULL;
    if (classes < 2)
        return;
    struct order_ctx oc = {c};
    struct ls_hooks hooks = {&oc, NULL, NULL, on_state, NULL};
    for (unsigned b = 0; b < c->g->nblocks; b++)
        lockset_replay(c->a, c->g, c->r, b, &hooks);
}
