/* SPDX-License-Identifier: MIT
 * lockset: transfer functions, join and a worklist solver in reverse
 * postorder. Lock states are sparse sorted arrays; a working state is a
 * heap buffer reused across blocks, solved states are copied to the arena. */
#include "analysis/lockset.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "model/lockname.h"
#include "analysis/failjoin.h"

struct work {
    struct ls_entry *e;
    unsigned n, cap;
    struct ls_fact f[LS_MAX_FACTS];
    unsigned nf;
    /* The path deadlocked on a second acquire of a lock it definitely
     * holds: it goes no further (one root cause, one finding). */
    bool blocked;
};

static unsigned find(const struct ls_entry *e, unsigned n, unsigned lock)
{
    unsigned lo = 0, hi = n;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (e[mid].lock < lock)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

uint8_t lockset_bits(const struct ls_state *s, unsigned lock)
{
    unsigned i = find(s->e, s->n, lock);
    return i < s->n && s->e[i].lock == lock ? s->e[i].bits : LS_UNTOUCHED;
}

static struct ls_entry *work_get(struct work *w, unsigned lock)
{
    unsigned i = find(w->e, w->n, lock);
    if (i < w->n && w->e[i].lock == lock)
        return &w->e[i];
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->e = xrealloc(w->e, w->cap * sizeof *w->e);
    }
    memmove(&w->e[i + 1], &w->e[i], (w->n - i) * sizeof *w->e);
    w->n++;
    w->e[i] = (struct ls_entry){.lock = lock, .bits = LS_UNTOUCHED, .bind = -1};
    return &w->e[i];
}

static void work_load(struct work *w, const struct ls_state *s)
{
    if (w->cap < s->n + 1) {
        w->cap = s->n + 16;
        w->e = xrealloc(w->e, w->cap * sizeof *w->e);
    }
    if (s->n)
        memcpy(w->e, s->e, s->n * sizeof *s->e);
    w->n = s->n;
    w->nf = s->nf;
    w->blocked = false;
    if (s->nf)
        memcpy(w->f, s->f, s->nf * sizeof *s->f);
}

/* Drops entries that say nothing ({untouched}, no binding). */
static void work_compact(struct work *w)
{
    unsigned j = 0;
    for (unsigned i = 0; i < w->n; i++)
        if (w->e[i].bits != LS_UNTOUCHED || w->e[i].bind >= 0 || w->e[i].ncorr)
            w->e[j++] = w->e[i];
    w->n = j;
}

static struct ls_state work_save(struct arena *a, struct work *w)
{
    work_compact(w);
    struct ls_state s = {NULL, w->n, NULL, w->nf};
    if (w->n) {
        s.e = arena_alloc(a, w->n * sizeof *s.e);
        memcpy(s.e, w->e, w->n * sizeof *s.e);
    }
    if (w->nf) {
        s.f = arena_alloc(a, w->nf * sizeof *s.f);
        memcpy(s.f, w->f, w->nf * sizeof *s.f);
    }
    return s;
}

/* Re-taking a lock already held by this path nests only where that is
 * legal (recursive locks, a reader after a reader); otherwise it starts
 * over at depth 1 (the double-acquire is reported by the check). */
static uint8_t nested_depth(const struct cfg_event *ev, const struct ls_entry *e)
{
    bool held = (e->bits & LS_HELD) && !(e->bits & ~LS_HELD);
    bool nests = lockname_may_nest(ev->rule) ||
                 (ev->mode == LOCK_SHARED && e->bits == LS_HELD_SH);
    if (!held || !nests)
        return 1;
    return e->depth < LS_MAX_DEPTH ? (uint8_t)(e->depth + 1) : LS_MAX_DEPTH;
}

/* A blocking exclusive acquire of a plain lock that this path holds for
 * certain never returns: the thread waits for itself. */
bool lockset_deadlocks(const struct cfg_event *ev, uint8_t bits)
{
    return ev->mode == LOCK_EXCLUSIVE && bits == LS_HELD_EX &&
           !(ev->rule && ev->rule->is_try) && !lockname_may_nest(ev->rule);
}

/* Whether overwriting local `var` (or only passing its address on, when
 * address_only) makes branch value `key` unknown. A field flag of a local
 * struct (`rp.locked`) survives `f(&rp)`: like fields reached through
 * pointers, it is assumed not to change behind the function's back. */
bool lockset_key_dies(const struct cfg *g, int key, int var, bool address_only)
{
    if (g->key_var[key] != var && (!g->key_var2 || g->key_var2[key] != var))
        return false;
    return !address_only || !g->key_text[key] || !strchr(g->key_text[key], '.');
}

static void kill_var(const struct cfg *g, struct work *w, int var, bool address_only)
{
    for (unsigned i = 0; i < w->n; i++) {
        struct ls_entry *x = &w->e[i];
        const struct cfg_lock *l = &g->locks[x->lock];
        if (x->bind == 2 * var + 1)
            x->bind = -1;
        unsigned keep = 0;
        for (unsigned k = 0; k < x->ncorr; k++)
            if (!lockset_key_dies(g, x->corr[k].key, var, address_only))
                x->corr[keep++] = x->corr[k];
        x->ncorr = (uint8_t)keep;
        if (l->index_var[0] == var || l->index_var[1] == var || (cfg_var_roots(g, x->lock, var) && !address_only))
            *x = (struct ls_entry){.lock = x->lock, .bits = LS_UNTOUCHED, .bind = -1};
    }
    unsigned j = 0;
    for (unsigned i = 0; i < w->nf; i++)
        if (!lockset_key_dies(g, w->f[i].key, var, address_only))
            w->f[j++] = w->f[i];
    w->nf = j;
}

static int fact_of(const struct ls_fact *f, unsigned nf, int key)
{
    for (unsigned i = 0; i < nf; i++)
        if (f[i].key == key)
            return f[i].value;
    return -1;
}

int lockset_fact(const struct ls_state *s, int key)
{
    return fact_of(s->f, s->nf, key);
}

static void set_fact(struct work *w, int key, bool value)
{
    for (unsigned i = 0; i < w->nf; i++) {
        if (w->f[i].key == key) {
            w->f[i].value = value;
            return;
        }
    }
    if (w->nf == LS_MAX_FACTS) { /* forget the oldest */
        memmove(w->f, w->f + 1, (LS_MAX_FACTS - 1) * sizeof *w->f);
        w->nf--;
    }
    w->f[w->nf++] = (struct ls_fact){key, value};
}

static const struct lock_rule *rule_for(const struct cfg *g, const struct ls_entry *x, int src);

/* The bits a check sees: a try-lock whose result is not tested yet may
 * still have failed, so until the test it is held only on some paths. */
static uint8_t checked_bits(const struct cfg *g, const struct work *w, unsigned lock)
{
    unsigned i = find(w->e, w->n, lock);
    if (i >= w->n || w->e[i].lock != lock)
        return LS_UNTOUCHED;
    const struct ls_entry *x = &w->e[i];
    if (x->bind < 0)
        return x->bits;
    const struct lock_rule *r = rule_for(g, x, x->bind);
    return r && r->is_try ? (uint8_t)(x->bits | x->pre_bits) : x->bits;
}

/* A lock taken: held from here on, remembering what it was before so that
 * a failed try-lock branch can restore it. */
static void apply_acquire(const struct cfg *g, struct ls_entry *e, const struct cfg_event *ev,
                          unsigned idx)
{
    e->pre_bits = e->bits;
    e->depth = nested_depth(ev, e);
    e->bits = ev->mode == LOCK_SHARED ? LS_HELD_SH : LS_HELD_EX;
    e->ncorr = 0;
    e->bind = lockset_binding(g, idx);
}

static void apply_release(const struct cfg *g, struct ls_entry *e, unsigned idx)
{
    e->pre_bits = e->bits;
    if (e->depth > 1 && (e->bits & LS_HELD) && !(e->bits & ~LS_HELD)) {
        e->depth--; /* an inner hold of a recursive lock or reader */
    } else {
        e->bits = LS_RELEASED;
        e->depth = 0;
    }
    e->ncorr = 0;
    /* released only if the callee says so by its result */
    e->bind = lockset_binding(g, idx);
}

/* The wait returns holding the lock; where it was not held the finding is
 * made by the hook and the path goes on as if it were. */
static void apply_wait(struct ls_entry *e)
{
    if (e->bits & (LS_RELEASED | LS_HELD)) {
        e->bits = e->bits & LS_HELD_SH ? LS_HELD_SH : LS_HELD_EX;
        e->depth = e->depth ? e->depth : 1;
        e->ncorr = 0;
    }
    e->bind = -1;
}

static void apply_assert(struct ls_entry *e, const struct cfg_event *ev)
{
    e->bits = ev->mode == LOCK_SHARED ? LS_HELD_SH : LS_HELD_EX;
    e->depth = e->depth ? e->depth : 1;
    e->bind = -1;
    e->ncorr = 0;
}

/* Events that change one lock's entry: the hook sees its bits before the
 * change. */
/* An element of a lock array released through another index expression
 * (`lock(&t->locks[key % N]); ... unlock(&t->locks[slot]);`): the indexes
 * may be equal, so where the element named is not held and one element of
 * the same array is, the release is of that one. */
static unsigned release_target(const struct cfg *g, const struct work *w, unsigned lock)
{
    int next = g->locks[lock].next_element;
    if (next < 0)
        return lock;
    unsigned i = find(w->e, w->n, lock);
    if (i < w->n && w->e[i].lock == lock && (w->e[i].bits & LS_HELD))
        return lock;
    int held = -1;
    for (unsigned l = (unsigned)next; l != lock; l = (unsigned)g->locks[l].next_element) {
        unsigned j = find(w->e, w->n, l);
        if (j < w->n && w->e[j].lock == l && w->e[j].bits & LS_HELD && !(w->e[j].bits & ~LS_HELD)) {
            if (held >= 0)
                return lock; /* which one is unknown */
            held = (int)l;
        }
    }
    return held >= 0 ? (unsigned)held : lock;
}

static void transfer_lock(const struct cfg *g, struct work *w, const struct cfg_event *ev,
                          unsigned block, unsigned idx, const struct ls_hooks *h)
{
    unsigned lock = ev->kind == EV_RELEASE ? release_target(g, w, ev->lock) : ev->lock;
    struct ls_entry *e = work_get(w, lock);
    if (h && h->on_event && ev->kind != EV_ASSERT)
        h->on_event(h->ctx, block, idx, e->bits);
    if (ev->kind == EV_ACQUIRE && lockset_deadlocks(ev, e->bits))
        w->blocked = true;
    else if (ev->kind == EV_ACQUIRE)
        apply_acquire(g, e, ev, idx);
    else if (ev->kind == EV_RELEASE)
        apply_release(g, e, idx);
    else if (ev->kind == EV_WAIT)
        apply_wait(e);
    else
        apply_assert(e, ev);
}

/* Whether event idx is a further lock of the call whose event is just
 * before it (a helper that returns OK holding two locks). */
static bool same_call_as_previous(const struct cfg *g, unsigned idx)
{
    const struct cfg_event *ev = &g->events[idx], *prev = idx ? ev - 1 : NULL;
    return prev && prev->kind == ev->kind && prev->loc.offset == ev->loc.offset &&
           prev->result_var == ev->result_var && prev->rule && ev->rule &&
           prev->rule->success == ev->rule->success;
}

int lockset_binding(const struct cfg *g, unsigned idx)
{
    const struct cfg_event *ev = &g->events[idx];
    if (!ev->rule || ev->rule->success == SUCCESS_ALWAYS)
        return -1;
    if (ev->result_var >= 0)
        return 2 * ev->result_var + 1;
    while (same_call_as_previous(g, idx))
        idx--; /* the call's first lock event stands for all */
    return 2 * (int)idx;
}

bool lockset_acquire_overwrites(const struct cfg *g, unsigned idx)
{
    return g->events[idx].result_var >= 0 && !same_call_as_previous(g, idx);
}

static void transfer(const struct cfg *g, struct work *w, unsigned block, unsigned idx,
                     const struct ls_hooks *h)
{
    const struct cfg_event *ev = &g->events[idx];
    if (h && h->on_state) {
        struct ls_state now = {w->e, w->n, w->f, w->nf};
        h->on_state(h->ctx, block, idx, &now);
    }
    switch (ev->kind) {
    case EV_ACQUIRE:
        /* `rv = trylock(m)`: rv is overwritten (the builder emits no
         * separate kill, which would come after the binding) */
        if (lockset_acquire_overwrites(g, idx))
            kill_var(g, w, ev->result_var, false);
        transfer_lock(g, w, ev, block, idx, h);
        break;
    case EV_RELEASE:
    case EV_WAIT:
    case EV_ASSERT:
        transfer_lock(g, w, ev, block, idx, h);
        break;
    case EV_REQUIRE:
    case EV_EXCLUDE:
    case EV_ACCESS:
        if (h && h->on_event)
            h->on_event(h->ctx, block, idx, checked_bits(g, w, ev->lock));
        break;
    case EV_KILL_VAR:
        kill_var(g, w, (int)ev->lock, ev->write);
        break;
    case EV_FACT:
        if (cfg_fact_knows_value(ev)) /* (else whether it is 0 is not known) */
            set_fact(w, (int)ev->lock, ev->write);
        break;
    case EV_COPY_FACT: {
        int v = fact_of(w->f, w->nf, ev->result_var);
        if (v >= 0)
            set_fact(w, (int)ev->lock, v);
        break;
    }
    case EV_EXIT:
        if (h && h->on_exit) {
            struct ls_state s = {w->e, w->n, w->f, w->nf};
            h->on_exit(h->ctx, block, idx, &s);
        }
        break;
    case EV_FORGET: { /* as if this path had never touched it */
        struct ls_entry *e = work_get(w, ev->lock);
        if (ev->ends_lock && !(e->bits & LS_HELD))
            break; /* destroyed idle (`unlock(m); destroy(m);`): it stays as it was */
        *e = (struct ls_entry){.lock = ev->lock, .bits = LS_UNTOUCHED, .bind = -1};
        break;
    }
    case EV_NORETURN:
        if (ev->ends_thread && h && h->on_thread_exit) {
            struct ls_state s = {w->e, w->n, w->f, w->nf};
            h->on_thread_exit(h->ctx, block, idx, &s);
        }
        break;
    case EV_OBSERVE: /* for --infer-guards, seen through on_state */
        break;
    }
}

int lockset_edge_source(const struct cfg *g, const struct cfg_edge *e)
{
    if (e->cond < 0 || e->kind == EDGE_PLAIN)
        return -1;
    const struct cfg_cond *c = &g->conds[e->cond];
    if (c->op == CMP_NONE && e->kind != EDGE_CASE && e->kind != EDGE_DEFAULT)
        return -1;
    if (c->try_event >= 0)
        return 2 * c->try_event;
    if (c->try_var >= 0)
        return 2 * c->try_var + 1;
    return -1;
}

static const struct lock_rule *bound_rule(const struct cfg *g, const struct ls_entry *x, int src)
{
    if (src % 2 == 0)
        return g->events[src / 2].rule;
    (void)x;
    return NULL;
}

/* The rule behind a binding: for a variable, the acquire that bound it is
 * found through the entry's own lock (the last acquire of that lock bound
 * to the variable). */
static const struct lock_rule *rule_for(const struct cfg *g, const struct ls_entry *x, int src)
{
    const struct lock_rule *r = bound_rule(g, x, src);
    if (r)
        return r;
    for (unsigned i = g->nevents; i-- > 0;)
        if ((g->events[i].kind == EV_ACQUIRE || g->events[i].kind == EV_RELEASE) &&
            g->events[i].lock == x->lock && 2 * g->events[i].result_var + 1 == src)
            return g->events[i].rule;
    return NULL;
}

static bool succeeds_with(const struct lock_rule *r, long v)
{
    if (r->success == SUCCESS_NONNEGATIVE)
        return v >= 0;
    if (r->success == SUCCESS_NOT_EQUALS)
        return v != r->success_value;
    return r->success == SUCCESS_EQUALS ? v == r->success_value : v != 0;
}

/* Whether value v is a `case` label of the switch edge e leaves. */
static bool switch_label(const struct cfg *g, const struct cfg_edge *e, long v)
{
    const struct cfg_block *blk = &g->blocks[e->from];
    for (unsigned i = blk->first_succ; i < blk->first_succ + blk->nsucc; i++) {
        const struct cfg_edge *o = &g->succ[i];
        if (o->cond == e->cond && o->kind == EDGE_CASE && o->has_value && o->value == v)
            return true;
    }
    return false;
}

/* A switch on a lock call's result: `case K:` failed when K is not a
 * success value; `default:` when the success value is among the labels
 * (EQUALS), or 0 is not and is the failure (NONZERO). A label that is no
 * constant, or a default that says nothing, leaves it as it was. */
static bool case_fails(const struct cfg *g, const struct cfg_edge *e, const struct lock_rule *r)
{
    if (e->kind == EDGE_CASE)
        return e->has_value && !succeeds_with(r, e->value);
    if (r->success == SUCCESS_EQUALS)
        return switch_label(g, e, r->success_value);
    return false;
}

bool lockset_edge_fails(const struct cfg *g, const struct cfg_edge *e,
                        const struct lock_rule *rule)
{
    if (rule && (e->kind == EDGE_CASE || e->kind == EDGE_DEFAULT))
        return case_fails(g, e, rule);
    const struct cfg_cond *cond = &g->conds[e->cond];
    if (rule && rule->success == SUCCESS_NONNEGATIVE)
        return !cond->fail_rejoins &&
               failjoin_nonnegative_verdict(cond->op, cond->k, e->kind == EDGE_TRUE) == 0;
    return rule && !cond->fail_rejoins && !failjoin_edge_succeeds(cond, e, rule);
}

bool lockset_edge_keeps_binding(const struct cfg *g, const struct cfg_edge *e,
                                const struct lock_rule *rule)
{
    if (e->cond < 0)
        return false;
    const struct cfg_cond *c = &g->conds[e->cond];
    if (c->fail_rejoins)
        return true; /* a logged failure: the test decided nothing */
    if (c->after_failure)
        return false; /* EOWNERDEAD or another failure: decided */
    if (rule && rule->success == SUCCESS_NONNEGATIVE && (e->kind == EDGE_TRUE || e->kind == EDGE_FALSE))
        return failjoin_nonnegative_verdict(c->op, c->k, e->kind == EDGE_TRUE) < 0;
    if (!rule || (e->kind != EDGE_TRUE && e->kind != EDGE_FALSE) ||
        (c->op != CMP_EQ && c->op != CMP_NE))
        return false;
    bool equal_here = (c->op == CMP_EQ) == (e->kind == EDGE_TRUE);
    if (equal_here)
        return false; /* the value is k: success or failure is known */
    /* The value is not k: that says which only when k is the success
     * value (EQUALS), the failure value (NOT_EQUALS) or 0 (NONZERO); `rc ==
     * EBUSY` false leaves both. */
    long decisive = rule->success == SUCCESS_EQUALS || rule->success == SUCCESS_NOT_EQUALS
                        ? rule->success_value
                        : 0;
    return c->k != decisive;
}

/* Failed: back to what it was, except that a lock this path had not
 * touched is now known not to be held by it (a try-lock; a release that
 * did not happen leaves it exactly as it was). */
uint8_t lockset_failed_bits(uint8_t bits, uint8_t pre)
{
    bool released = bits == LS_RELEASED;
    return !released && pre & LS_UNTOUCHED ? (uint8_t)((pre & ~LS_UNTOUCHED) | LS_RELEASED) : pre;
}

const struct lock_rule *lockset_bound_rule(const struct cfg *g, unsigned lock, int src)
{
    struct ls_entry x = {.lock = lock, .bind = src};
    return rule_for(g, &x, src);
}

/* The correlation of `c` with key, or NULL. */
static const struct ls_corr *corr_on(const struct ls_entry *c, int key)
{
    for (unsigned k = 0; k < c->ncorr; k++)
        if (c->corr[k].key == key)
            return &c->corr[k];
    return NULL;
}

const struct ls_corr *lockset_corr(const struct ls_state *s, unsigned lock, int key)
{
    unsigned i = find(s->e, s->n, lock);
    return i < s->n && s->e[i].lock == lock ? corr_on(&s->e[i], key) : NULL;
}

/* Branch value c->key is now known to be `truth`: the lock's bits are
 * what that side says; what the other values it depends on say still
 * holds, within those bits (a value only one path knew may say little,
 * and must not erase a sharper one). */
static void resolve(struct ls_entry *x, const struct ls_corr *c, bool truth)
{
    uint8_t bits = truth ? c->if_true : c->if_false;
    int key = c->key;
    unsigned keep = 0;
    for (unsigned k = 0; k < x->ncorr; k++) {
        struct ls_corr v = x->corr[k];
        v.if_true &= bits;
        v.if_false &= bits;
        if (v.key == key || !v.if_true || !v.if_false || (v.if_true == bits && v.if_false == bits))
            continue; /* resolved, contradicted, or no longer telling anything apart */
        x->corr[keep++] = v;
    }
    x->ncorr = (uint8_t)keep;
    x->bits = bits;
}

static void apply_edge_entry(const struct cfg *g, const struct cfg_edge *e, int src,
                             struct ls_entry *x)
{
    int key;
    bool truth;
    const struct ls_corr *c = x->ncorr && cfg_edge_branch(g, e, &key, &truth) ? corr_on(x, key) : NULL;
    if (c) /* the correlated branch, resolved */
        resolve(x, c, truth);
    if (src < 0 || x->bind != src)
        return;
    if (lockset_edge_fails(g, e, rule_for(g, x, src))) {
        x->bits = lockset_failed_bits(x->bits, x->pre_bits);
        x->depth = x->bits & LS_HELD ? (x->depth ? x->depth : 1) : 0;
    }
    /* A test that decided nothing leaves the result bound for a later one
     * (see lockset_edge_keeps_binding). */
    if (!lockset_edge_keeps_binding(g, e, rule_for(g, x, src)))
        x->bind = -1;
}

uint8_t lockset_edge_bits(const struct cfg *g, const struct ls_state *out,
                          const struct cfg_edge *e, unsigned lock)
{
    unsigned i = find(out->e, out->n, lock);
    if (i >= out->n || out->e[i].lock != lock)
        return LS_UNTOUCHED;
    struct ls_entry x = out->e[i];
    apply_edge_entry(g, e, lockset_edge_source(g, e), &x);
    return x.bits;
}

/* Applies edge e to a whole state; false if the edge contradicts a known
 * branch outcome (that path does not exist). */
static bool apply_edge(const struct cfg *g, const struct cfg_edge *e, struct work *w)
{
    int src = lockset_edge_source(g, e), key;
    bool truth;
    for (unsigned i = 0; i < w->n; i++)
        apply_edge_entry(g, e, src, &w->e[i]);
    if (!cfg_edge_branch(g, e, &key, &truth))
        return true;
    int known = fact_of(w->f, w->nf, key);
    if (known >= 0)
        return known == truth;
    set_fact(w, key, truth);
    return true;
}

static void scratch_push(struct work *w, struct ls_entry x)
{
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->e = xrealloc(w->e, w->cap * sizeof *w->e);
    }
    w->e[w->n++] = x;
}

static bool same_corr(const struct ls_entry *x, const struct ls_entry *y)
{
    if (x->ncorr != y->ncorr)
        return false;
    for (unsigned k = 0; k < x->ncorr; k++)
        if (x->corr[k].key != y->corr[k].key || x->corr[k].if_true != y->corr[k].if_true ||
            x->corr[k].if_false != y->corr[k].if_false)
            return false;
    return true;
}

static bool same_entry(const struct ls_entry *x, const struct ls_entry *y)
{
    return x->lock == y->lock && x->bits == y->bits && x->pre_bits == y->pre_bits &&
           x->depth == y->depth && x->bind == y->bind && same_corr(x, y);
}

static bool same_state(const struct work *w, const struct ls_state *s)
{
    if (w->n != s->n || w->nf != s->nf)
        return false;
    for (unsigned i = 0; i < w->n; i++)
        if (!same_entry(&w->e[i], &s->e[i]))
            return false;
    for (unsigned i = 0; i < w->nf; i++)
        if (w->f[i].key != s->f[i].key || w->f[i].value != s->f[i].value)
            return false;
    return true;
}

/* The correlations of side `a`, joined with side `b` (its entry, and
 * its facts `bf`): on a key both correlate on, what either says;
 * on one b knows the value of, b's bits go to that value only; on one b
 * knows nothing of, to both. Keys already in x are left as they are. */
static void join_corr(struct ls_entry *x, const struct ls_entry *a, const struct ls_entry *b,
                      const struct ls_fact *bf, unsigned bnf)
{
    for (unsigned k = 0; k < a->ncorr && x->ncorr < LS_MAX_CORR; k++) {
        struct ls_corr v = a->corr[k];
        if (corr_on(x, v.key))
            continue;
        const struct ls_corr *theirs = corr_on(b, v.key);
        int known = theirs ? -1 : fact_of(bf, bnf, v.key);
        v.if_true |= theirs ? theirs->if_true : known != 0 ? b->bits : 0;
        v.if_false |= theirs ? theirs->if_false : known != 1 ? b->bits : 0;
        x->corr[x->ncorr++] = v;
    }
}

static void drop_uninformative(struct ls_entry *x)
{
    unsigned keep = 0;
    for (unsigned k = 0; k < x->ncorr; k++)
        if (x->corr[k].if_true != x->corr[k].if_false)
            x->corr[keep++] = x->corr[k];
    x->ncorr = (uint8_t)keep;
}

/* Slots are few (LS_MAX_CORR): values that a flag store sets (`locked =
 * 1` next to the lock call) are taken first, then other branch values. */
static bool in_pass(const bool *key_flag, int key, int pass)
{
    return key_flag[key] == (pass == 0);
}

/* A branch value only one side knows (value v there, bits `mine`; the
 * other side, bits `theirs`, may have either): the branch that says v may
 * come from both sides, the other only from theirs. */
static void one_sided(struct ls_entry *x, const bool *key_flag, const struct ls_fact *mine_f,
                      unsigned mine_nf, uint8_t mine, const struct ls_fact *their_f,
                      unsigned their_nf, uint8_t theirs)
{
    for (int pass = 0; pass < 2; pass++) {
        for (unsigned i = mine_nf; i-- > 0 && x->ncorr < LS_MAX_CORR;) {
            int key = mine_f[i].key;
            if (!in_pass(key_flag, key, pass) || fact_of(their_f, their_nf, key) >= 0 ||
                corr_on(x, key))
                continue;
            uint8_t both = (uint8_t)(mine | theirs);
            bool v = mine_f[i].value;
            x->corr[x->ncorr++] = (struct ls_corr){key, v ? both : theirs, v ? theirs : both};
        }
    }
}

/* Plain on both sides: correlated with the branch values the two sides
 * know and disagree on, flags first, the most recent first. */
static void from_facts(struct ls_entry *x, const bool *key_flag, const struct ls_entry *o,
                       const struct ls_entry *n, const struct ls_state *os, const struct work *ns)
{
    for (int pass = 0; pass < 2; pass++) {
        for (unsigned i = os->nf; i-- > 0 && x->ncorr < LS_MAX_CORR;) {
            int key = os->f[i].key, other = fact_of(ns->f, ns->nf, key);
            if (!in_pass(key_flag, key, pass) || other < 0 || other == os->f[i].value ||
                corr_on(x, key))
                continue;
            bool v = os->f[i].value;
            x->corr[x->ncorr++] = (struct ls_corr){key, v ? o->bits : n->bits,
                                                   v ? n->bits : o->bits};
        }
    }
}

/* Where paths with states O and N meet: the lock may be correlated with
 * branch values the two sides disagree on. */
static struct ls_entry merge_entry(const struct cfg *g, const struct ls_entry *o,
                                   const struct ls_entry *n, const struct ls_state *os,
                                   const struct work *ns)
{
    struct ls_entry x = *n;
    x.bits = o->bits | n->bits;
    x.pre_bits = o->pre_bits | n->pre_bits;
    x.depth = o->depth > n->depth ? o->depth : n->depth;
    x.bind = o->bind == n->bind ? o->bind : -1;
    x.ncorr = 0;
    if (o->bits == n->bits && !o->ncorr && !n->ncorr)
        return x;
    join_corr(&x, o, n, ns->f, ns->nf);
    join_corr(&x, n, o, os->f, os->nf);
    /* A value now true and false alike tells nothing apart, and its slot
     * is better spent on one the two sides know and disagree on (a loop's
     * own counter, 0 on entry and 1 on the way back), which tells them
     * apart exactly. */
    drop_uninformative(&x);
    from_facts(&x, g->key_flag, o, n, os, ns);
    /* Then the values only one side knows (`n = 0; goto out;` where the
     * other paths left n unknown), as far as room remains. */
    if (o->bits != n->bits) {
        one_sided(&x, g->key_flag, os->f, os->nf, o->bits, ns->f, ns->nf, n->bits);
        one_sided(&x, g->key_flag, ns->f, ns->nf, n->bits, os->f, os->nf, o->bits);
    }
    return x;
}

/* Joins `from` (after edge e) into `into`; returns true if into changed.
 * A lock missing on one side is {untouched} there. */
static bool join_into(struct arena *a, const struct cfg *g, struct ls_state *into,
                      bool *reached, const struct ls_state *from, const struct cfg_edge *e,
                      struct work *scratch, struct work *edge_state)
{
    work_load(edge_state, from);
    if (!apply_edge(g, e, edge_state))
        return false;
    if (!*reached) {
        work_compact(edge_state);
        *into = work_save(a, edge_state);
        *reached = true;
        return true;
    }
    scratch->n = 0;
    scratch->nf = 0;
    for (unsigned k = 0; k < into->nf; k++) /* facts: those both sides know */
        if (fact_of(edge_state->f, edge_state->nf, into->f[k].key) == into->f[k].value)
            scratch->f[scratch->nf++] = into->f[k];
    unsigned i = 0, j = 0;
    while (i < into->n || j < edge_state->n) {
        bool have_old = i < into->n && (j >= edge_state->n || into->e[i].lock <= edge_state->e[j].lock);
        bool have_new = j < edge_state->n && (i >= into->n || edge_state->e[j].lock <= into->e[i].lock);
        unsigned lock = have_old ? into->e[i].lock : edge_state->e[j].lock;
        struct ls_entry untouched = {.lock = lock, .bits = LS_UNTOUCHED, .bind = -1};
        struct ls_entry old = have_old ? into->e[i] : untouched;
        struct ls_entry nw = have_new ? edge_state->e[j] : untouched;
        scratch_push(scratch, merge_entry(g, &old, &nw, into, edge_state));
        i += have_old;
        j += have_new;
    }
    work_compact(scratch);
    if (same_state(scratch, into))
        return false;
    *into = work_save(a, scratch);
    return true;
}

/* Reverse postorder from the entry, with an explicit stack (deep CFGs). */
static unsigned *reverse_postorder(const struct cfg *g, unsigned *rpo_index)
{
    unsigned *order = xmalloc((g->nblocks + 1) * sizeof *order);
    unsigned *stack = xmalloc((g->nblocks + 1) * sizeof *stack);
    unsigned *next_edge = xcalloc(g->nblocks + 1, sizeof *next_edge);
    bool *seen = xcalloc(g->nblocks + 1, sizeof *seen);
    unsigned sp = 0, count = 0;
    stack[sp++] = g->entry;
    seen[g->entry] = true;
    while (sp) {
        unsigned b = stack[sp - 1];
        const struct cfg_block *blk = &g->blocks[b];
        if (next_edge[b] < blk->nsucc) {
            unsigned to = g->succ[blk->first_succ + next_edge[b]++].to;
            if (!seen[to]) {
                seen[to] = true;
                stack[sp++] = to;
            }
        } else {
            order[count++] = b;
            sp--;
        }
    }
    for (unsigned i = 0; i < g->nblocks; i++)
        rpo_index[i] = UINT32_MAX;
    for (unsigned i = 0; i < count; i++)
        rpo_index[order[count - 1 - i]] = i;
    free(stack);
    free(next_edge);
    free(seen);
    free(order);
    return rpo_index;
}

/* Min-heap of RPO indexes: the block earliest in RPO is processed first. */
struct heap {
    unsigned *v, n;
    bool *queued; /* by RPO index */
};

static void heap_push(struct heap *h, unsigned x)
{
    if (h->queued[x])
        return;
    h->queued[x] = true;
    unsigned i = h->n++;
    while (i && h->v[(i - 1) / 2] > x) {
        h->v[i] = h->v[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->v[i] = x;
}

static unsigned heap_pop(struct heap *h)
{
    unsigned top = h->v[0], last = h->v[--h->n], i = 0;
    for (;;) {
        unsigned c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && h->v[c + 1] < h->v[c])
            c++;
        if (h->v[c] >= last)
            break;
        h->v[i] = h->v[c];
        i = c;
    }
    if (h->n)
        h->v[i] = last;
    h->queued[top] = false;
    return top;
}

static void run_block(const struct cfg *g, struct work *w, unsigned b, const struct ls_hooks *h)
{
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = 0; i < blk->nevents && !w->blocked; i++)
        transfer(g, w, b, blk->first_event + i, h);
}

void lockset_solve(struct arena *a, const struct cfg *g, struct ls_result *r)
{
    lockset_solve_pruned(a, g, r, NULL);
}

void lockset_solve_pruned(struct arena *a, const struct cfg *g, struct ls_result *r,
                          const bool *dead_edge)
{
    unsigned nb = g->nblocks;
    r->in = arena_alloc(a, (nb + 1) * sizeof *r->in);
    r->out = arena_alloc(a, (nb + 1) * sizeof *r->out);
    r->reached = arena_alloc(a, (nb + 1) * sizeof *r->reached);
    r->gave_up = false;
    unsigned *rpo = xmalloc((nb + 1) * sizeof *rpo);
    unsigned *block_at = xmalloc((nb + 1) * sizeof *block_at);
    reverse_postorder(g, rpo);
    for (unsigned b = 0; b < nb; b++)
        if (rpo[b] != UINT32_MAX)
            block_at[rpo[b]] = b;
    struct heap h = {xmalloc((nb + 1) * sizeof *h.v), 0, xcalloc(nb + 1, sizeof *h.queued)};
    struct work w = {0}, scratch = {0}, edge_state = {0};
    /* Locks the function's contract says its caller holds. */
    for (unsigned i = 0; i < g->nentry_held; i++) {
        struct ls_entry *e = work_get(&w, g->entry_held[i].lock);
        e->bits = g->entry_held[i].mode == LOCK_SHARED ? LS_HELD_SH : LS_HELD_EX;
        e->depth = 1;
    }
    r->in[g->entry] = work_save(a, &w);
    w.n = 0;
    r->reached[g->entry] = true;
    heap_push(&h, rpo[g->entry]);
    /* Budget: the lattice has height 4 per lock, so honest fixpoints need a
     * few visits per block; the cap only stops pathological inputs. */
    unsigned long budget = 64ul * nb + 4096, visits = 0;
    while (h.n) {
        if (++visits > budget) {
            r->gave_up = true;
            break;
        }
        unsigned b = block_at[heap_pop(&h)];
        work_load(&w, &r->in[b]);
        run_block(g, &w, b, NULL);
        r->out[b] = work_save(a, &w);
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = 0; i < blk->nsucc && !w.blocked; i++) {
            const struct cfg_edge *e = &g->succ[blk->first_succ + i];
            if (dead_edge && dead_edge[blk->first_succ + i])
                continue;
            if (join_into(a, g, &r->in[e->to], &r->reached[e->to], &r->out[b], e, &scratch,
                          &edge_state))
                heap_push(&h, rpo[e->to]);
        }
    }
    free(w.e);
    free(scratch.e);
    free(edge_state.e);
    free(h.v);
    free(h.queued);
    free(rpo);
    free(block_at);
}

void lockset_replay(struct arena *a, const struct cfg *g, const struct ls_result *r,
                    unsigned block, const struct ls_hooks *h)
{
    (void)a;
    if (!r->reached[block])
        return;
    struct work w = {0};
    work_load(&w, &r->in[block]);
    run_block(g, &w, block, h);
    free(w.e);
}
