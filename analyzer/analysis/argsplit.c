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

/* Edges that parameter p == v rules out, and those on which a lock's own
 * pointer is NULL (null: summary_null_edges, or NULL): there is no lock
 * there to take or give back. */
static void mark_dead(const struct cfg *g, int p, long v, const bool *null, bool *dead)
{
    for (unsigned i = 0; i < g->nedges; i++) {
        const struct cfg_edge *e = &g->succ[i];
        dead[i] = null && null[i];
        if (dead[i])
            continue;
        if (e->cond < 0 || g->conds[e->cond].param != p)
            continue;
        const struct cfg_cond *c = &g->conds[e->cond];
        switch (e->kind) {
        case EDGE_TRUE: dead[i] = c->op != CMP_NONE && !cfg_cmp_holds(c->op, v, c->k); break;
        case EDGE_FALSE: dead[i] = c->op != CMP_NONE && cfg_cmp_holds(c->op, v, c->k); break;
        case EDGE_CASE: dead[i] = e->has_value && e->value != v; break;
        case EDGE_DEFAULT: dead[i] = switch_has_case(g, e->from, e->cond, v); break;
        default: break;
        }
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

/* The contracts of f under each value of parameter p. False if one value
 * is itself inconsistent, or if a lock left unexplained by the plain facts
 * is neither taken (for some value) and released (for another), the
 * lock/unlock-by-mode idiom, nor taken with a result that tells (for some
 * value), a lock function whose flags say which lock mode to try, if any.
 * `if (len > MAX) return -EINVAL;` with the lock held is none of these; it
 * stays a leak. */
static bool split_on(struct arena *ra, struct arena *scratch, const struct cfg *g,
                     const struct summary_lock *plain, int p, const struct values *vals,
                     const char *const *params, unsigned nparams, const struct lock_rule **rules)
{
    bool *dead = arena_alloc(scratch, (g->nedges + 1) * sizeof *dead);
    const bool *null = no_lock_edges(scratch, g);
    bool *taken = arena_alloc(scratch, (g->nlocks + 1) * sizeof *taken);
    bool *released = arena_alloc(scratch, (g->nlocks + 1) * sizeof *released);
    bool *told = arena_alloc(scratch, (g->nlocks + 1) * sizeof *told);
    for (unsigned i = 0; i < vals->n; i++) {
        mark_dead(g, p, vals->v[i], null, dead);
        struct ls_result r;
        lockset_solve_pruned(scratch, g, &r, dead);
        if (r.gave_up)
            return false;
        struct summary_lock *facts = summary_facts(scratch, g, &r);
        if (any_unexplained(g, facts))
            return false;
        for (unsigned l = 0; l < g->nlocks; l++) {
            taken[l] |= facts[l].acquires;
            released[l] |= facts[l].releases;
            told[l] |= facts[l].conditional && !facts[l].releases;
        }
        rules[i] = summary_rule(ra, g, facts, params, nparams);
    }
    for (unsigned l = 0; l < g->nlocks; l++) {
        if (summary_unexplained(&plain[l]) && !(taken[l] && released[l]) && !told[l])
            return false;
        if (plain[l].mixed_entry && !released[l])
            return false; /* no value hands the caller's lock over */
    }
    return true;
}

const struct lock_rule *argsplit_infer(struct arena *rules_arena, struct arena *scratch,
                                       const struct cfg *g, struct summary_lock *facts,
                                       const char *const *params, unsigned nparams)
{
    if (!any_unexplained(g, facts))
        return NULL;
    for (unsigned p = 0; p < nparams && p < 64; p++) {
        struct values vals = {0};
        if (!selector_values(g, (int)p, &vals))
            continue;
        const struct lock_rule **rules = arena_alloc(rules_arena, vals.n * sizeof *rules);
        if (!split_on(rules_arena, scratch, g, facts, (int)p, &vals, params, nparams, rules))
            continue;
        long *values = arena_alloc(rules_arena, vals.n * sizeof *values);
        memcpy(values, vals.v, vals.n * sizeof *values);
        struct rule_split *s = arena_alloc(rules_arena, sizeof *s);
        *s = (struct rule_split){p, vals.n, values, rules};
        struct lock_rule *r = arena_alloc(rules_arena, sizeof *r);
        r->name = arena_strdup(rules_arena, g->function);
        r->origin = "inferred";
        r->inferred = true;
        r->split = s;
        for (unsigned l = 0; l < g->nlocks; l++)
            facts[l].by_argument = unexplained(&facts[l]);
        return r;
    }
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
