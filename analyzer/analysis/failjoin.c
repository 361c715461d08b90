/* SPDX-License-Identifier: MIT
 * failjoin: failure branches of blocking lock calls that rejoin the
 * success path (see failjoin.h). Two bounded forward searches per tested
 * call: the blocks the success side runs while it still holds the lock,
 * then whether the failure side reaches one of them without leaving. */
#include "analysis/failjoin.h"

#include <stdlib.h>

#include "support/arena.h"

/* Enough for any critical section a log-and-go-on branch rejoins; past it
 * the failure is taken at its word (the lock is not held). */
enum { SEARCH_LIMIT = 512 };

bool failjoin_edge_succeeds(const struct cfg_cond *c, const struct cfg_edge *e,
                            const struct lock_rule *r)
{
    bool truth = e->kind == EDGE_TRUE;
    if (r->success == SUCCESS_EQUALS)
        return truth == cfg_cmp_holds(c->op, r->success_value, c->k);
    return truth != cfg_cmp_holds(c->op, 0, c->k); /* SUCCESS_NONZERO */
}

/* The acquire a condition tests: the call itself, or the last acquire
 * whose result went to the tested variable. A release whose result says
 * whether it happened (a helper that unlocks on failure) is no blocking
 * lock: its result means what it says. */
static const struct cfg_event *tested_acquire(const struct cfg *g, const struct cfg_cond *c)
{
    if (c->try_event >= 0)
        return g->events[c->try_event].kind == EV_ACQUIRE ? &g->events[c->try_event] : NULL;
    for (unsigned i = g->nevents; c->try_var >= 0 && i-- > 0;)
        if (g->events[i].kind == EV_ACQUIRE && g->events[i].result_var == c->try_var)
            return &g->events[i];
    return NULL;
}

/* A block the search must not pass: it releases the lock, leaves, or
 * records the outcome in a variable (`locked = 0;`, `ret = -1;`) for a
 * later test to act on. So the failure side rejoins only where the success
 * side goes on before it has done anything of the kind: the join of a
 * log-and-go-on `if`. */
static bool stops(const struct cfg *g, unsigned b, unsigned lock)
{
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = 0; i < blk->nevents; i++) {
        const struct cfg_event *ev = &g->events[blk->first_event + i];
        if ((ev->kind == EV_RELEASE && ev->lock == lock) || ev->kind == EV_EXIT ||
            ev->kind == EV_NORETURN)
            return true;
        if (ev->kind == EV_FACT || ev->kind == EV_COPY_FACT || ev->kind == EV_KILL_VAR)
            return true;
    }
    return false;
}

/* Marks in `mark` (value `tag`) the blocks reachable from `from` without
 * passing a stopping block (which is marked, not passed); when `want` is
 * set, returns whether a block already marked `want` is reached. */
static bool reach(const struct cfg *g, unsigned from, unsigned lock, unsigned char *mark,
                  unsigned char tag, unsigned char want, unsigned *stack)
{
    unsigned sp = 0, seen = 0;
    stack[sp++] = from;
    while (sp && seen < SEARCH_LIMIT) {
        unsigned b = stack[--sp];
        if (want && mark[b] == want)
            return true;
        if (mark[b])
            continue;
        mark[b] = tag;
        seen++;
        if (stops(g, b, lock))
            continue;
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = 0; i < blk->nsucc; i++)
            stack[sp++] = g->succ[blk->first_succ + i].to;
    }
    return false;
}

/* Marks reached blocks in `mark`, which is cleared again before return. */
static bool rejoins(const struct cfg *g, unsigned lock, unsigned ok_to, unsigned fail_to,
                    unsigned char *mark, unsigned *stack)
{
    enum { HOLDING = 1, FAILED = 2 };
    reach(g, ok_to, lock, mark, HOLDING, 0, stack);
    bool joined = reach(g, fail_to, lock, mark, FAILED, HOLDING, stack);
    for (unsigned b = 0; b < g->nblocks; b++)
        mark[b] = 0;
    return joined;
}

static void mark_block(struct cfg *g, unsigned b, unsigned char *mark, unsigned *stack)
{
    const struct cfg_block *blk = &g->blocks[b];
    if (blk->nsucc != 2)
        return;
    const struct cfg_edge *e0 = &g->succ[blk->first_succ], *e1 = e0 + 1;
    if (e0->cond < 0 || e0->cond != e1->cond)
        return;
    struct cfg_cond *c = &g->conds[e0->cond];
    if (c->selects_value) /* `lock(m) == 0 ? 0 : -1`: the failure is passed on */
        return;
    const struct cfg_event *acq = c->op == CMP_NONE ? NULL : tested_acquire(g, c);
    if (!acq || !acq->rule || acq->rule->is_try || acq->rule->success == SUCCESS_ALWAYS)
        return;
    bool ok0 = failjoin_edge_succeeds(c, e0, acq->rule);
    if (ok0 == failjoin_edge_succeeds(c, e1, acq->rule))
        return;
    const struct cfg_edge *ok = ok0 ? e0 : e1, *fail = ok0 ? e1 : e0;
    c->fail_rejoins = rejoins(g, acq->lock, ok->to, fail->to, mark, stack);
}

void failjoin_mark(struct cfg *g)
{
    if (!g->nconds)
        return;
    unsigned char *mark = xcalloc(g->nblocks + 1, 1);
    /* each block pushes its successors once per search */
    unsigned *stack = xmalloc((g->nedges + 2) * sizeof *stack);
    for (unsigned b = 0; b < g->nblocks; b++)
        mark_block(g, b, mark, stack);
    free(mark);
    free(stack);
}
