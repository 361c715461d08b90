/* SPDX-License-Identifier: MIT
 * failjoin: failure branches of blocking lock calls that rejoin the
 * success path (see failjoin.h). Two bounded forward searches per tested
 * call: the blocks the success side runs while it still holds the lock,
 * then whether the failure side reaches one of them without leaving. */
#include "analysis/failjoin.h"

#include <errno.h>

#include <stdlib.h>

#include "support/arena.h"

/* Enough for any critical section a log-and-go-on branch rejoins; past it
 * the failure is taken at its word (the lock is not held). */
enum { SEARCH_LIMIT = 512 };
/* A try-lock's success side that only reports is a few blocks long (an
 * assertion macro's message); a longer one does work under the lock. */
enum { REPORT_LIMIT = 16 };

int failjoin_nonnegative_verdict(enum cfg_cmp op, long k, bool truth)
{
    static const enum cfg_cmp negated[] = {[CMP_EQ] = CMP_NE, [CMP_NE] = CMP_EQ,
                                           [CMP_LT] = CMP_GE, [CMP_LE] = CMP_GT,
                                           [CMP_GT] = CMP_LE, [CMP_GE] = CMP_LT};
    if (op == CMP_NONE || op == CMP_AND)
        return -1;
    switch (truth ? op : negated[op]) {
    case CMP_EQ: return k >= 0;
    case CMP_NE: return k < 0 ? 1 : -1; /* `fd != -1`: the error value excluded */
    case CMP_LT: return k <= 0 ? 0 : -1;
    case CMP_LE: return k < 0 ? 0 : -1;
    case CMP_GT: return k >= -1 ? 1 : -1;
    case CMP_GE: return k >= 0 ? 1 : -1;
    default: return -1;
    }
}

bool failjoin_edge_succeeds(const struct cfg_cond *c, const struct cfg_edge *e,
                            const struct lock_rule *r)
{
    bool truth = e->kind == EDGE_TRUE;
    if (r->success == SUCCESS_NONNEGATIVE)
        return failjoin_nonnegative_verdict(c->op, c->k, truth) == 1;
    /* `if (pthread_mutex_lock(m) == EOWNERDEAD) pthread_mutex_consistent(m);`:
     * a robust mutex whose owner died is taken all the same */
    bool owner_dead = c->k == EOWNERDEAD && ((c->op == CMP_EQ && truth) || (c->op == CMP_NE && !truth));
    if (r->success == SUCCESS_EQUALS && r->success_value == 0 && owner_dead)
        return true;
    if (c->after_failure) /* not 0, and not EOWNERDEAD either */
        return false;
    if (r->success == SUCCESS_EQUALS)
        return truth == cfg_cmp_holds(c->op, r->success_value, c->k);
    /* NONZERO, NOT_EQUALS: succeeded where the failure value would not
     * have taken this edge */
    long failure = r->success == SUCCESS_NOT_EQUALS ? r->success_value : 0;
    return truth != cfg_cmp_holds(c->op, failure, c->k);
}

/* The acquire whose result went to variable `var` last on the way into
 * block b (whose branch tests it), following single predecessors back:
 * `if (t < 0) { rv = lock(m); if (rv) ...} else { rv = trylock(m); ...}`
 * gives each test its own call. NULL when the way back joins first. */
static const struct cfg_event *acquire_before(const struct cfg *g, unsigned b, int var)
{
    for (unsigned step = 0; step < 16; step++) {
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = blk->nevents; i-- > 0;) {
            const struct cfg_event *ev = &g->events[blk->first_event + i];
            if (ev->kind == EV_ACQUIRE && ev->result_var == var)
                return ev;
        }
        if (blk->npred != 1)
            return NULL;
        b = g->succ[g->pred[blk->first_pred]].from;
    }
    return NULL;
}

/* The acquire a condition (the branch of block b) tests: the call itself,
 * the one whose result went to the tested variable on the way in, or the
 * last such acquire of the function. A release whose result says
 * whether it happened (a helper that unlocks on failure) is no blocking
 * lock: its result means what it says. */
static const struct cfg_event *tested_acquire(const struct cfg *g, unsigned b,
                                              const struct cfg_cond *c)
{
    if (c->try_event >= 0)
        return g->events[c->try_event].kind == EV_ACQUIRE ? &g->events[c->try_event] : NULL;
    const struct cfg_event *on_the_way = c->try_var >= 0 ? acquire_before(g, b, c->try_var) : NULL;
    if (on_the_way)
        return on_the_way;
    for (unsigned i = g->nevents; c->try_var >= 0 && i-- > 0;)
        if (g->events[i].kind == EV_ACQUIRE && g->events[i].result_var == c->try_var)
            return &g->events[i];
    return NULL;
}

/* The local variable a store event writes, or -1 when not known. */
static int stored_var(const struct cfg *g, const struct cfg_event *ev)
{
    if (ev->kind == EV_KILL_VAR)
        return (int)ev->lock;
    return g->key_var && ev->lock < g->nkeys ? g->key_var[ev->lock] : -1;
}

/* Whether the block ends in a call that never returns. */
static bool ends_dead(const struct cfg *g, const struct cfg_block *blk)
{
    return blk->nevents && g->events[blk->first_event + blk->nevents - 1].kind == EV_NORETURN;
}

/* Whether every way from block b ends, within a few blocks, in a call
 * that never returns (`if (status) fatal(status);`: a check that dies). */
static bool dies_soon(const struct cfg *g, unsigned b)
{
    enum { DIE_LIMIT = 32 };
    unsigned stack[DIE_LIMIT], seen[DIE_LIMIT], sp = 0, n = 0;
    stack[sp++] = b;
    while (sp) {
        unsigned at = stack[--sp];
        if (cfg_block_among(seen, n, at))
            continue;
        if (n == DIE_LIMIT)
            return false;
        seen[n++] = at;
        const struct cfg_block *blk = &g->blocks[at];
        if (ends_dead(g, blk))
            continue;
        if (!blk->nsucc || sp + blk->nsucc > DIE_LIMIT)
            return false;
        for (unsigned i = 0; i < blk->nsucc; i++)
            stack[sp++] = g->succ[blk->first_succ + i].to;
    }
    return true;
}

/* Whether a block's branch goes on either way: one of whose sides dies
 * checks, it decides nothing. */
static bool branch_goes_on(const struct cfg *g, const struct cfg_block *blk)
{
    for (unsigned i = 0; i < blk->nsucc; i++)
        if (dies_soon(g, g->succ[blk->first_succ + i].to))
            return false;
    return true;
}

/* Whether block b reads variable var where it decides something: a
 * branch that tests it (and goes on either way), a copy of it, or a
 * return of a value that may be it. */
static bool decides_by(const struct cfg *g, unsigned b, int var)
{
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = 0; i < blk->nevents; i++) {
        const struct cfg_event *ev = &g->events[blk->first_event + i];
        if ((ev->kind == EV_EXIT && ev->ret != RET_NONE && ev->ret != RET_CONST) ||
            (ev->kind == EV_COPY_FACT && ev->result_var >= 0 &&
             (unsigned)ev->result_var < g->nkeys && g->key_var[ev->result_var] == var))
            return true;
    }
    for (unsigned i = 0; i < blk->nsucc; i++) {
        int c = g->succ[blk->first_succ + i].cond;
        if (c < 0)
            continue;
        const struct cfg_cond *cond = &g->conds[c];
        if ((cond->try_var == var || (cond->key >= 0 && g->key_var &&
                                      (g->key_var[cond->key] == var ||
                                       (g->key_var2 && g->key_var2[cond->key] == var)))) &&
            branch_goes_on(g, blk))
            return true;
    }
    return false;
}

/* Whether what a store in block b wrote may be acted on later: some
 * block from b on decides by the variable (bounded: past the limit, it
 * may). */
static bool read_later(const struct cfg *g, unsigned b, int var)
{
    if (var < 0 || !g->key_var)
        return true;
    unsigned char *seen = calloc(g->nblocks + 1, 1);
    unsigned *stack = malloc((g->nedges + 1) * sizeof *stack);
    unsigned sp = 0, n = 0;
    bool read = false;
    stack[sp++] = b;
    while (sp && !read) {
        unsigned at = stack[--sp];
        if (seen[at])
            continue;
        seen[at] = 1;
        read = ++n > SEARCH_LIMIT || decides_by(g, at, var);
        const struct cfg_block *blk = &g->blocks[at];
        for (unsigned i = 0; !read && i < blk->nsucc; i++)
            stack[sp++] = g->succ[blk->first_succ + i].to;
    }
    free(seen);
    free(stack);
    return read;
}

/* A block the search must not pass: it releases or takes the lock, leaves, or
 * records the outcome in a variable (`locked = 0;`, `ret = -1;`) for a
 * later test to act on. So the failure side rejoins only where the success
 * side goes on before it has done anything of the kind: the join of a
 * log-and-go-on `if`. A store nothing later tests or returns (`status =
 * destroy(m);` before `return 0;`) records nothing. */
static bool stops(const struct cfg *g, unsigned b, unsigned lock)
{
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = 0; i < blk->nevents; i++) {
        const struct cfg_event *ev = &g->events[blk->first_event + i];
        /* taking it again is a retry (`if (lock(m) != 0) continue;` in a
         * loop), not going on as if it were held */
        if (((ev->kind == EV_RELEASE || ev->kind == EV_ACQUIRE) && ev->lock == lock) ||
            ev->kind == EV_EXIT || ev->kind == EV_NORETURN)
            return true;
        if ((ev->kind == EV_FACT || ev->kind == EV_COPY_FACT || ev->kind == EV_KILL_VAR) &&
            read_later(g, b, stored_var(g, ev)))
            return true;
    }
    return false;
}

static bool try_stops(const struct cfg *g, unsigned b, unsigned lock);

/* Branch outcomes fixed on every way into a block: `if (m->inner &&
 * lock_ok(m->inner)) { ...; if (m->inner) unlock(m->inner); }` takes the
 * lock only where m->inner is set, so its success side never goes the
 * way of `m->inner` unset. */
enum { MAX_FIXED_BRANCHES = 8 };

struct fixed_branches {
    unsigned n;
    int key[MAX_FIXED_BRANCHES];
    bool truth[MAX_FIXED_BRANCHES];
};

/* Up the chain of single predecessors from block b, that of the lock
 * call. */
static void branches_before(const struct cfg *g, unsigned b, struct fixed_branches *f)
{
    f->n = 0;
    for (unsigned step = 0; step < 16 && f->n < MAX_FIXED_BRANCHES; step++) {
        const struct cfg_block *blk = &g->blocks[b];
        if (blk->npred != 1)
            return;
        const struct cfg_edge *e = &g->succ[g->pred[blk->first_pred]];
        int key;
        bool truth;
        if (cfg_edge_branch(g, e, &key, &truth)) {
            f->key[f->n] = key;
            f->truth[f->n++] = truth;
        }
        b = e->from;
    }
}

static bool contradicts(const struct cfg *g, const struct fixed_branches *f,
                        const struct cfg_edge *e)
{
    int key;
    bool truth;
    if (!f || !cfg_edge_branch(g, e, &key, &truth))
        return false;
    for (unsigned i = 0; i < f->n; i++)
        if (f->key[i] == key && f->truth[i] != truth)
            return true;
    return false;
}

/* Marks in `mark` (value `tag`) the blocks reachable from `from` without
 * passing a stopping block (which is marked, not passed; with `any_event`,
 * any event on the lock stops too: try_stops) nor an edge that goes
 * against a branch fixed on the way to the lock call (`fixed`, or NULL);
 * when `want` is set, returns whether a block already marked `want` is
 * reached. */
static bool reach(const struct cfg *g, unsigned from, unsigned lock, bool any_event,
                  const struct fixed_branches *fixed, unsigned char *mark, unsigned char tag,
                  unsigned char want, unsigned *stack)
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
        if (any_event ? try_stops(g, b, lock) : stops(g, b, lock))
            continue;
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = 0; i < blk->nsucc; i++)
            if (!contradicts(g, fixed, &g->succ[blk->first_succ + i]))
                stack[sp++] = g->succ[blk->first_succ + i].to;
    }
    return false;
}

/* Whether block b returns from the function (a return, or the end of
 * the body). */
static bool block_returns(const struct cfg *g, unsigned b)
{
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = 0; i < blk->nevents; i++)
        if (g->events[blk->first_event + i].kind == EV_EXIT)
            return true;
    return false;
}

/* Marks reached blocks in `mark`, which is cleared again before return.
 * The success side holds the lock only on the ways its taking allowed. */
static bool rejoins(const struct cfg *g, const struct cfg_event *acq, unsigned acq_block,
                    unsigned ok_to, unsigned fail_to, unsigned char *mark, unsigned *stack)
{
    enum { HOLDING = 1, FAILED = 2 };
    struct fixed_branches fixed;
    branches_before(g, acq_block, &fixed);
    reach(g, ok_to, acq->lock, false, &fixed, mark, HOLDING, 0, stack);
    bool joined = reach(g, fail_to, acq->lock, false, NULL, mark, FAILED, HOLDING, stack);
    /* A failure side that returns on some way of its own (`if (rv ==
     * EAGAIN) continue; else return 0;`) handles the failure: that it
     * goes on elsewhere says nothing of a failure ignored. */
    bool returns = false;
    for (unsigned b = 0; b < g->nblocks; b++) {
        returns |= joined && mark[b] == FAILED && block_returns(g, b);
        mark[b] = 0;
    }
    return joined && !returns;
}

/* Whether a block ends the failure side's region of a try-lock: any
 * event on the lock (`if (trylock(m)) ... else lock(m);` takes it the
 * other way), a return, or a recorded outcome. */
static bool try_stops(const struct cfg *g, unsigned b, unsigned lock)
{
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = 0; i < blk->nevents; i++) {
        const struct cfg_event *ev = &g->events[blk->first_event + i];
        if (ev->lock == lock && (ev->kind == EV_ACQUIRE || ev->kind == EV_RELEASE ||
                                 ev->kind == EV_WAIT || ev->kind == EV_FORGET))
            return true;
    }
    return stops(g, b, lock);
}

/* Every path of the success side, until it meets the failure side's
 * region (marked `failed`) or a call that never returns, does nothing with
 * the lock, returns nowhere and records nothing. Blocks it visits are
 * marked `visited`. */
static bool success_only_reports(const struct cfg *g, unsigned lock, unsigned ok_to,
                                 unsigned char *mark, unsigned char failed,
                                 unsigned char visited, unsigned *stack)
{
    unsigned sp = 0, n = 0;
    bool only = true;
    stack[sp++] = ok_to;
    while (sp && only) {
        unsigned b = stack[--sp];
        if (mark[b] == failed || mark[b] == visited)
            continue;
        mark[b] = visited;
        const struct cfg_block *blk = &g->blocks[b];
        if (ends_dead(g, blk))
            continue;
        only = ++n < REPORT_LIMIT && !try_stops(g, b, lock) && blk->nsucc > 0;
        for (unsigned i = 0; only && i < blk->nsucc; i++)
            stack[sp++] = g->succ[blk->first_succ + i].to;
    }
    return only;
}

/* Whether a block marked `tag` takes the lock: a failure side that does
 * (`if (trylock(cq)) { unlock(qp); lock(cq); lock(qp); }`) tries first and
 * then blocks; it expects no lock held already. */
static bool takes_lock(const struct cfg *g, unsigned lock, const unsigned char *mark,
                       unsigned char tag)
{
    for (unsigned b = 0; b < g->nblocks; b++) {
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = 0; mark[b] == tag && i < blk->nevents; i++)
            if (g->events[blk->first_event + i].kind == EV_ACQUIRE &&
                g->events[blk->first_event + i].lock == lock)
                return true;
    }
    return false;
}

/* A try-lock whose success only reports an error (`assert(trylock(m) ==
 * EBUSY)`, `if (trylock(m)) assertion_message(...)`) and then dies or
 * goes on as the failure does, without touching the lock, and whose
 * result is tested right there, expects the attempt to fail: it checks
 * that the lock is held already. It is a requirement, not an acquire. */
static void mark_try_assertion(struct cfg *g, struct cfg_cond *c, struct cfg_event *acq,
                               const struct cfg_edge *ok, const struct cfg_edge *fail,
                               unsigned char *mark, unsigned *stack)
{
    enum { FAILED = 2, VISITED = 3 };
    reach(g, fail->to, acq->lock, true, NULL, mark, FAILED, 0, stack);
    bool asserts = !takes_lock(g, acq->lock, mark, FAILED) &&
                   success_only_reports(g, acq->lock, ok->to, mark, FAILED, VISITED, stack);
    for (unsigned b = 0; b < g->nblocks; b++)
        mark[b] = 0;
    if (!asserts)
        return;
    acq->kind = EV_REQUIRE;
    acq->mode = LOCK_ANY;
    c->try_event = -1;
    c->try_var = -1;
}

/* The test of a lock call's result for EOWNERDEAD that the failure side
 * of an earlier test of it reaches at once (`if (rv) { if (rv ==
 * EOWNERDEAD) consistent(m); else return rv; }`), through blocks with no
 * other way in and nothing on the lock, or NULL. A robust mutex whose
 * owner died is held there, so that earlier failure is no failure yet. */
static struct cfg_cond *owner_dead_test(struct cfg *g, const struct cfg_event *acq,
                                        unsigned fail_to)
{
    if (acq->rule->success != SUCCESS_EQUALS || acq->rule->success_value != 0)
        return NULL;
    unsigned b = fail_to;
    for (int step = 0; step < 8; step++) {
        const struct cfg_block *blk = &g->blocks[b];
        if (blk->npred != 1 || stops(g, b, acq->lock))
            return NULL;
        const struct cfg_edge *e = blk->nsucc ? &g->succ[blk->first_succ] : NULL;
        if (!e)
            return NULL;
        if (blk->nsucc == 2 && e->cond >= 0) {
            struct cfg_cond *c = &g->conds[e->cond];
            bool tests = c->k == EOWNERDEAD && (c->op == CMP_EQ || c->op == CMP_NE) &&
                         tested_acquire(g, b, c) == acq;
            return tests ? c : NULL;
        }
        if (blk->nsucc != 1)
            return NULL;
        b = e->to;
    }
    return NULL;
}

/* Whether a block's events end the search for a later EOWNERDEAD test of
 * variable var: the lock taken or released again, the variable stored
 * to, or the path's end. */
static bool ends_result(const struct cfg *g, unsigned b, unsigned lock, int var)
{
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = 0; i < blk->nevents; i++) {
        const struct cfg_event *ev = &g->events[blk->first_event + i];
        if (((ev->kind == EV_RELEASE || ev->kind == EV_ACQUIRE) && ev->lock == lock) ||
            ev->kind == EV_EXIT || ev->kind == EV_NORETURN ||
            (ev->kind == EV_KILL_VAR && !ev->write && (int)ev->lock == var))
            return true;
    }
    return false;
}

/* `rv = trylock(m); if (rv) { if (rv == EBUSY) return BUSY; } ... if (rv)
 * { if (rv == EOWNERDEAD) consistent(m); else return rv; }`: the failure
 * side of a test of a kept result goes on, past tests for other errors
 * and through joins, to a test of the same variable for EOWNERDEAD. A
 * robust mutex whose owner died is held there, so this failure is not
 * one yet: the later tests decide. */
static bool owner_dead_later(const struct cfg *g, const struct cfg_event *acq, unsigned fail_to)
{
    if (acq->result_var < 0 || acq->rule->success != SUCCESS_EQUALS || acq->rule->success_value != 0)
        return false;
    enum { LIMIT = 64 };
    unsigned todo[LIMIT], seen[LIMIT], ntodo = 0, nseen = 0;
    todo[ntodo++] = fail_to;
    while (ntodo) {
        unsigned b = todo[--ntodo];
        if (cfg_block_among(seen, nseen, b))
            continue;
        if (nseen == LIMIT)
            return false;
        seen[nseen++] = b;
        if (ends_result(g, b, acq->lock, acq->result_var))
            continue;
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = 0; i < blk->nsucc; i++) {
            const struct cfg_edge *e = &g->succ[blk->first_succ + i];
            const struct cfg_cond *c = e->cond >= 0 ? &g->conds[e->cond] : NULL;
            if (c && c->try_var == acq->result_var && c->k == EOWNERDEAD &&
                (c->op == CMP_EQ || c->op == CMP_NE))
                return true;
            if (ntodo < LIMIT)
                todo[ntodo++] = e->to;
        }
    }
    return false;
}

static void mark_block(struct cfg *g, unsigned b, const unsigned *block_of, unsigned char *mark,
                       unsigned *stack)
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
    struct cfg_event *acq = c->op == CMP_NONE ? NULL : (struct cfg_event *)tested_acquire(g, b, c);
    if (!acq || !acq->rule || acq->rule->success == SUCCESS_ALWAYS)
        return;
    bool ok0 = failjoin_edge_succeeds(c, e0, acq->rule);
    if (ok0 == failjoin_edge_succeeds(c, e1, acq->rule))
        return;
    const struct cfg_edge *ok = ok0 ? e0 : e1, *fail = ok0 ? e1 : e0;
    struct cfg_cond *inner = owner_dead_test(g, acq, fail->to);
    if (inner) { /* the inner test decides, knowing the result is not 0 */
        c->fail_rejoins = true;
        inner->after_failure = true;
        return;
    }
    if (!acq->rule->is_try || c->try_event < 0) {
        if (owner_dead_later(g, acq, fail->to)) {
            c->fail_rejoins = true;
            return;
        }
    }
    /* a result kept in a variable is for a later test to act on */
    if (acq->rule->is_try && c->try_event >= 0 && acq->result_var < 0)
        mark_try_assertion(g, c, acq, ok, fail, mark, stack);
    else if (!acq->rule->is_try)
        c->fail_rejoins = rejoins(g, acq, block_of[acq - g->events], ok->to, fail->to, mark,
                                  stack);
}

void failjoin_mark(struct cfg *g)
{
    if (!g->nconds)
        return;
    unsigned char *mark = xcalloc(g->nblocks + 1, 1);
    /* each block pushes its successors once per search */
    unsigned *stack = xmalloc((g->nedges + 2) * sizeof *stack);
    /* per event, its block */
    unsigned *block_of = xmalloc((g->nevents + 1) * sizeof *block_of);
    for (unsigned b = 0; b < g->nblocks; b++)
        for (unsigned i = 0; i < g->blocks[b].nevents; i++)
            block_of[g->blocks[b].first_event + i] = b;
    for (unsigned b = 0; b < g->nblocks; b++)
        mark_block(g, b, block_of, mark, stack);
    free(block_of);
    free(mark);
    free(stack);
}
