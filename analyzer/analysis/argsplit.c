/* SPDX-License-Identifier: MIT
 * argsplit: contracts by argument value (see argsplit.h). */
#include "analysis/argsplit.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "analysis/lockset.h"

enum { MAX_VALUES = 16 };

struct values {
    long v[MAX_VALUES];
    unsigned n;
    bool overflow;
};

static void add_value(struct values *s, long v)
{
    for (unsigned i = 0; i < s->n; i++)
        if (s->v[i] == v)
            return;
    if (s->n == MAX_VALUES)
        s->overflow = true;
    else
        s->v[s->n++] = v;
}

/* The constants the function's branches compare parameter p with, and
 * values that fall outside all of them (0 and one past the largest, for
 * `else` and `default`). Ranges (`p < k`) add their neighbours. */
static bool selector_values(const struct cfg *g, int p, struct values *s)
{
    long max = 0;
    for (unsigned i = 0; i < g->nedges; i++) {
        const struct cfg_edge *e = &g->succ[i];
        if (e->cond < 0 || g->conds[e->cond].param != p)
            continue;
        const struct cfg_cond *c = &g->conds[e->cond];
        long k = e->kind == EDGE_CASE ? e->value : c->k;
        if (e->kind == EDGE_DEFAULT || (e->kind == EDGE_CASE && !e->has_value))
            continue;
        add_value(s, k);
        if (c->op == CMP_LT || c->op == CMP_LE || c->op == CMP_GT || c->op == CMP_GE) {
            add_value(s, k - 1);
            add_value(s, k + 1);
        }
        if (k > max)
            max = k;
    }
    if (!s->n)
        return false;
    add_value(s, 0);
    if (max < 0x7fffffffL)
        add_value(s, max + 1);
    return !s->overflow;
}

/* Whether the switch at block `from` (condition `cond`) has `case v:`. */
static bool switch_has_case(const struct cfg *g, unsigned from, int cond, long v)
{
    const struct cfg_block *b = &g->blocks[from];
    for (unsigned i = 0; i < b->nsucc; i++) {
        const struct cfg_edge *e = &g->succ[b->first_succ + i];
        if (e->cond == cond && e->kind == EDGE_CASE && e->has_value && e->value == v)
            return true;
    }
    return false;
}

/* Edges on which a lock's pointer or the object it lives in is NULL
 * (`if (locks) { if (mode & LOCK) lock(&locks[n]); ... }`), or NULL. */
static const bool *no_lock_edges(struct arena *a, const struct cfg *g)
{
    bool *all = summary_null_edges(a, g);
    for (unsigned l = 0; l < g->nlocks; l++) {
        const bool *obj = summary_object_edges(a, g, l, false);
        if (!obj)
            continue;
        if (!all)
            all = arena_alloc(a, (g->nedges + 1) * sizeof *all);
        for (unsigned i = 0; i < g->nedges; i++)
            all[i] |= obj[i];
    }
    return all;
}

/* Whether edge e cannot be taken when parameter p == v. */
static bool ruled_out(const struct cfg *g, const struct cfg_edge *e, int p, long v)
{
    if (e->cond < 0 || g->conds[e->cond].param != p)
        return false;
    const struct cfg_cond *c = &g->conds[e->cond];
    switch (e->kind) {
    case EDGE_TRUE: return c->op != CMP_NONE && !cfg_cmp_holds(c->op, v, c->k);
    case EDGE_FALSE: return c->op != CMP_NONE && cfg_cmp_holds(c->op, v, c->k);
    case EDGE_CASE: return e->has_value && e->value != v;
    case EDGE_DEFAULT: return switch_has_case(g, e->from, e->cond, v);
    default: return false;
    }
}

/* Held on some exits with nothing to tell when, or the caller's on some
 * paths and free on others. */
static bool unexplained(const struct summary_lock *l)
{
    return summary_unexplained(l) || l->mixed_entry;
}

/* A lock rooted at a local (`cq = to_cq(ibcq); if (lock) lock(&cq->mu);`)
 * counts too: no caller can name it, but whether the body is blamed for it
 * depends on the argument all the same, and a split that left it
 * inconsistent for one value must not excuse it. */
static bool any_unexplained(const struct cfg *g, const struct summary_lock *facts)
{
    for (unsigned l = 0; l < g->nlocks; l++)
        if (unexplained(&facts[l]))
            return true;
    return false;
}

/* Arguments fixed so far: a function may decide what it does by two of
 * them at once (`_rwlock(rw, mode, has_mutex)`: whether the caller holds
 * the mutex already, and which lock mode it wants). */
enum { MAX_FIXED = 2, MAX_NESTED_SOLVES = 128 };

struct fixed {
    int param[MAX_FIXED];
    long value[MAX_FIXED];
    unsigned n;
};

/* One inference of split contracts: what every value's solution showed,
 * per lock, over all the values (and pairs of values) tried. */
struct split_run {
    struct arena *ra, *scratch;
    const struct cfg *g;
    const char *const *params;
    unsigned nparams;
    const bool *null;
    unsigned nested_solves; /* bounded: each is a whole lockset solution */
    unsigned max_fixed;     /* 1, then MAX_FIXED if no one argument explains */
    bool *taken, *released, *told;
    /* Held on some exits of one value and free on others, with nothing
     * that tells them apart: excused only when another value gives back
     * the caller's hold on every path (a lock primitive by mode, see
     * partial_acquire). */
    bool *partial;
};

static bool *per_lock(struct split_run *s)
{
    return arena_alloc(s->scratch, (s->g->nlocks + 1) * sizeof(bool));
}

static void save_marks(const struct split_run *s, bool *to)
{
    unsigned n = s->g->nlocks;
    memcpy(to, s->taken, n);
    memcpy(to + n, s->released, n);
    memcpy(to + 2 * n, s->told, n);
    memcpy(to + 3 * n, s->partial, n);
}

static void restore_marks(struct split_run *s, const bool *from)
{
    unsigned n = s->g->nlocks;
    memcpy(s->taken, from, n);
    memcpy(s->released, from + n, n);
    memcpy(s->told, from + 2 * n, n);
    memcpy(s->partial, from + 3 * n, n);
}

/* A value that takes the lock and returns holding it on some exits only,
 * with no result telling which (`if (mode == WRITE) { lock; if (wait()
 * fails) goto unlock; return NULL; }`): inside a function that by another
 * value releases the caller's lock, these are a lock primitive's failure
 * paths, which its callers learn of in ways not followed here. Callers of
 * that value forget the lock's state (EFFECT_FORGET). False if some lock
 * is unexplained in another way. */
static bool partial_acquire(struct split_run *s, struct summary_lock *facts)
{
    for (unsigned l = 0; l < s->g->nlocks; l++) {
        if (!unexplained(&facts[l]))
            continue;
        if (facts[l].mixed_entry || facts[l].callers_lock)
            return false;
        s->partial[l] = true;
        facts[l].unsettled = true;
    }
    return true;
}

static const struct lock_rule *split_rule(struct split_run *s, int p, const struct values *vals,
                                          const struct lock_rule **rules)
{
    long *values = arena_alloc(s->ra, vals->n * sizeof *values);
    memcpy(values, vals->v, vals->n * sizeof *values);
    struct rule_split *sp = arena_alloc(s->ra, sizeof *sp);
    *sp = (struct rule_split){(unsigned)p, vals->n, values, rules};
    struct lock_rule *r = arena_alloc(s->ra, sizeof *r);
    r->name = arena_strdup(s->ra, s->g->function);
    r->origin = "inferred";
    r->inferred = true;
    r->split = sp;
    return r;
}

static bool split_on(struct split_run *s, const struct fixed *fx, int p, const struct values *vals,
                     const struct lock_rule **out);

/* The contract under the arguments fixed in fx, split further on another
 * argument when these alone leave some lock unexplained. */
static bool value_rule(struct split_run *s, const struct fixed *fx, const struct lock_rule **out)
{
    const struct cfg *g = s->g;
    if (fx->n > 1 && ++s->nested_solves > MAX_NESTED_SOLVES)
        return false;
    bool *dead = arena_alloc(s->scratch, (g->nedges + 1) * sizeof *dead);
    for (unsigned i = 0; i < g->nedges; i++) {
        dead[i] = s->null && s->null[i];
        for (unsigned j = 0; j < fx->n && !dead[i]; j++)
            dead[i] = ruled_out(g, &g->succ[i], fx->param[j], fx->value[j]);
    }
    struct ls_result r;
    lockset_solve_pruned(s->scratch, g, &r, dead);
    if (r.gave_up)
        return false;
    struct summary_lock *facts = summary_facts(s->scratch, g, &r);
    if (any_unexplained(g, facts)) {
        bool *saved = arena_alloc(s->scratch, 4 * (g->nlocks + 1));
        save_marks(s, saved);
        for (unsigned q = 0; fx->n < s->max_fixed && q < s->nparams && q < 64; q++) {
            struct values vals = {0};
            bool used = false;
            for (unsigned j = 0; j < fx->n; j++)
                used |= fx->param[j] == (int)q;
            if (used || !selector_values(g, (int)q, &vals))
                continue;
            if (split_on(s, fx, (int)q, &vals, out))
                return true;
            restore_marks(s, saved);
        }
        if (!partial_acquire(s, facts))
            return false;
    }
    for (unsigned l = 0; l < g->nlocks; l++) {
        s->taken[l] |= facts[l].acquires;
        s->released[l] |= facts[l].releases;
        s->told[l] |= facts[l].conditional && !facts[l].releases;
    }
    *out = summary_rule(s->ra, g, facts, s->params, s->nparams);
    return true;
}

/* The contracts under each value of parameter p (with fx fixed too). */
static bool split_on(struct split_run *s, const struct fixed *fx, int p, const struct values *vals,
                     const struct lock_rule **out)
{
    const struct lock_rule **rules = arena_alloc(s->ra, vals->n * sizeof *rules);
    struct fixed sub = *fx;
    sub.param[sub.n++] = p;
    for (unsigned i = 0; i < vals->n; i++) {
        sub.value[fx->n] = vals->v[i];
        if (!value_rule(s, &sub, &rules[i]))
            return false;
    }
    *out = split_rule(s, p, vals, rules);
    return true;
}

/* Whether the values, together, explain every lock the plain facts left
 * unexplained: taken (for some value) and released (for another), the
 * lock/unlock-by-mode idiom, or taken with a result that tells (for some
 * value), a lock function whose flags say which lock mode to try, if any.
 * `if (len > MAX) return -EINVAL;` with the lock held is none of these; it
 * stays a leak. */
static bool explains(const struct split_run *s, const struct summary_lock *plain)
{
    for (unsigned l = 0; l < s->g->nlocks; l++) {
        bool taken = s->taken[l] || s->partial[l];
        if (summary_unexplained(&plain[l]) && !(taken && s->released[l]) && !s->told[l])
            return false;
        if ((plain[l].mixed_entry || s->partial[l]) && !s->released[l])
            return false; /* no value hands the caller's lock over */
    }
    return true;
}

/* Whether one value's facts about a lock make a contract: untouched,
 * taken, given back, or told by the result. */
static bool value_consistent(const struct summary_lock *f)
{
    bool touched = f->held_at_exit || f->callers_lock || f->assumes_free;
    return !touched || f->acquires || f->releases || f->conditional;
}

/* What the values of one parameter do with each lock: some value takes
 * it as a free lock (`takes`), some gives back the caller's hold
 * (`gives`), some leaves it inconsistent at exits of their own (`abrupt`:
 * `if (bad) return err;` keeping the caller's hold where another exit
 * gives it back) rather than where paths merge; and per release event,
 * which kinds of value reach it (bit 1 a taker, bit 2 a giver). */
struct roles {
    bool *takes, *gives, *abrupt;
    uint8_t *release_by;
};

/* One value takes the lock as a free one, or gives back the caller's. */
static bool takes_free(const struct summary_lock *f)
{
    return f->assumes_free && !f->callers_lock;
}

static bool gives_back(const struct summary_lock *f)
{
    return f->callers_lock && !f->assumes_free;
}

static void note_releases(const struct cfg *g, const struct ls_result *r,
                          const struct summary_lock *f, struct roles *ro)
{
    for (unsigned b = 0; b < g->nblocks; b++) {
        if (!r->reached[b])
            continue;
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = blk->first_event; i < blk->first_event + blk->nevents; i++) {
            const struct cfg_event *ev = &g->events[i];
            if (ev->kind != EV_RELEASE)
                continue;
            const struct summary_lock *k = &f[ev->lock];
            ro->release_by[i] |= (uint8_t)(takes_free(k) | gives_back(k) << 1);
        }
    }
}

/* The roles over the values of parameter p. False when a solution gives
 * up or the budget runs out. */
static bool value_roles(struct split_run *s, int p, const struct values *vals, struct roles *ro)
{
    const struct cfg *g = s->g;
    for (unsigned v = 0; v < vals->n; v++) {
        if (++s->nested_solves > MAX_NESTED_SOLVES)
            return false;
        bool *dead = arena_alloc(s->scratch, (g->nedges + 1) * sizeof *dead);
        for (unsigned i = 0; i < g->nedges; i++)
            dead[i] = (s->null && s->null[i]) || ruled_out(g, &g->succ[i], p, vals->v[v]);
        struct ls_result r;
        lockset_solve_pruned(s->scratch, g, &r, dead);
        if (r.gave_up)
            return false;
        const struct summary_lock *f = summary_facts(s->scratch, g, &r);
        for (unsigned l = 0; l < g->nlocks; l++) {
            ro->takes[l] |= takes_free(&f[l]) && !f[l].mixed_entry;
            ro->gives[l] |= gives_back(&f[l]);
            ro->abrupt[l] |= !value_consistent(&f[l]) && !f[l].merged_exit;
        }
        note_releases(g, &r, f, ro);
    }
    return true;
}

/* Per lock, whether one of its releases is reached both by a value that
 * took it and by one that gives back the caller's: code after the switch
 * that both share, which no value keys. */
static bool *shared_releases(struct split_run *s, const struct roles *ro)
{
    const struct cfg *g = s->g;
    bool *shared = per_lock(s);
    for (unsigned i = 0; i < g->nevents; i++)
        if (g->events[i].kind == EV_RELEASE && ro->release_by[i] == 3)
            shared[g->events[i].lock] = true;
    return shared;
}

/* `switch (state) { case READING: trylock(m); ...; case PENDING: if
 * (t->state == READING) unlock(m); ... }`: the argument decides whether
 * the function takes the lock as a free one or gives back its caller's
 * hold, each in code of its own values, yet no value's contract comes out
 * whole, because each also rides on the object's own state: the paths of
 * one value reach one exit with the lock in two states. Such a lock is
 * marked keyed_state (and unsettled, so that callers forget it). */
static void mark_keyed_state(struct split_run *s, struct summary_lock *facts)
{
    const struct cfg *g = s->g;
    unsigned np = s->nparams < 64 ? s->nparams : 64;
    for (unsigned p = 0; p < np; p++) {
        struct values vals = {0};
        if (!selector_values(g, (int)p, &vals))
            continue;
        struct roles ro = {per_lock(s), per_lock(s), per_lock(s),
                           arena_alloc(s->scratch, g->nevents + 1)};
        if (!value_roles(s, (int)p, &vals, &ro))
            return;
        const bool *shared = shared_releases(s, &ro);
        for (unsigned l = 0; l < g->nlocks; l++)
            if (unexplained(&facts[l]) && ro.takes[l] && ro.gives[l] && !ro.abrupt[l] &&
                !shared[l])
                facts[l].keyed_state = facts[l].unsettled = true;
    }
}

const struct lock_rule *argsplit_infer(struct arena *rules_arena, struct arena *scratch,
                                       const struct cfg *g, struct summary_lock *facts,
                                       const char *const *params, unsigned nparams)
{
    if (!any_unexplained(g, facts))
        return NULL;
    struct split_run s = {rules_arena, scratch, g, params, nparams, no_lock_edges(scratch, g), 0,
                          1, NULL, NULL, NULL, NULL};
    const struct fixed none = {{0}, {0}, 0};
    /* one argument first: a caller's constant for it is enough then */
    unsigned np = nparams < 64 ? nparams : 64;
    for (unsigned i = 0; i < 2 * np; i++) {
        unsigned p = i % np;
        s.max_fixed = i < np ? 1 : MAX_FIXED;
        struct values vals = {0};
        if (!selector_values(g, (int)p, &vals))
            continue;
        s.taken = per_lock(&s);
        s.released = per_lock(&s);
        s.told = per_lock(&s);
        s.partial = per_lock(&s);
        const struct lock_rule *r;
        if (!split_on(&s, &none, (int)p, &vals, &r) || !explains(&s, facts))
            continue;
        for (unsigned l = 0; l < g->nlocks; l++) {
            facts[l].by_argument = unexplained(&facts[l]);
            facts[l].by_mode = facts[l].by_argument && s.released[l] &&
                               (s.taken[l] || s.told[l] || s.partial[l]);
        }
        return r;
    }
    mark_keyed_state(&s, facts);
    return NULL;
}

const struct lock_rule *argsplit_pick(const struct rule_split *s, bool known, long v)
{
    if (!known)
        return NULL;
    for (unsigned i = 0; i < s->n; i++)
        if (s->values[i] == v)
            return s->rules[i];
    return NULL;
}

/* Adds a FORGET of each lock that rule r (or a split below it) takes,
 * releases or forgets, once, as far as room remains. */
static void forget_targets(struct lock_rule *out, const struct lock_rule *r, unsigned depth)
{
    if (!r || depth > MAX_FIXED)
        return;
    if (r->split) {
        for (unsigned i = 0; i < r->split->n; i++)
            forget_targets(out, r->split->rules[i], depth + 1);
        return;
    }
    for (unsigned i = 0; i < r->neffects; i++) {
        const struct lock_effect *e = &r->effects[i];
        if (e->kind != EFFECT_ACQUIRE && e->kind != EFFECT_RELEASE && e->kind != EFFECT_FORGET)
            continue;
        bool seen = false;
        for (unsigned j = 0; j < out->neffects && !seen; j++)
            seen = model_same_target(&out->effects[j].target, &e->target);
        if (!seen && out->neffects < MODEL_MAX_EFFECTS)
            out->effects[out->neffects++] =
                (struct lock_effect){EFFECT_FORGET, LOCK_ANY, e->target};
    }
}

const struct lock_rule *argsplit_unknown(struct arena *a, const struct lock_rule *split_rule)
{
    struct lock_rule *r = arena_alloc(a, sizeof *r);
    *r = *split_rule;
    r->split = NULL;
    r->neffects = 0;
    forget_targets(r, split_rule, 0);
    return r->neffects ? r : NULL;
}
