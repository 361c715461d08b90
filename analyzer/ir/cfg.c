/* SPDX-License-Identifier: MIT
 * cfg: helpers over the plain CFG data (no libclang here). */
#include "ir/cfg.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

const char *cfg_cond_text(struct arena *a, const struct cfg *g, const struct cfg_cond *c,
                          unsigned max)
{
    if (!g->source || c->text_end <= c->text_begin || c->text_end > g->source_len)
        return NULL;
    unsigned n = c->text_end - c->text_begin;
    const char *s = g->source + c->text_begin;
    if (memchr(s, '\n', n) || n > max)
        return NULL; /* long or multi-line conditions are named by position only */
    return arena_strndup(a, s, n);
}

bool cfg_cmp_holds(enum cfg_cmp op, long v, long k)
{
    switch (op) {
    case CMP_EQ: return v == k;
    case CMP_NE: return v != k;
    case CMP_LT: return v < k;
    case CMP_LE: return v <= k;
    case CMP_GT: return v > k;
    case CMP_GE: return v >= k;
    case CMP_AND: return (v & k) != 0;
    default: return false;
    }
}

/* What a value of 0 or more says of `value op k`: decided only where
 * every such value answers alike (`i < 0`, `i != -1`). */
static bool nonnegative_decides(const struct cfg_key_cmp *cmp, bool *holds)
{
    long k = cmp->k;
    if (cmp->base < 0)
        return false;
    switch (cmp->op) {
    case CMP_LT: *holds = false; return k <= 0;
    case CMP_LE: *holds = false; return k < 0;
    case CMP_GT: *holds = true; return k < 0;
    case CMP_GE: *holds = true; return k <= 0;
    case CMP_EQ: *holds = false; return k < 0;
    case CMP_NE: *holds = true; return k < 0;
    default: return false;
    }
}

/* What known bits say of a bit test `value & k`: clear where every bit
 * tested was cleared, set where one of them was set. */
static bool bits_decide(const struct cfg_key_cmp *cmp, const struct cfg_event *fact, bool *holds)
{
    if (cmp->base < 0 || cmp->op != CMP_AND || cmp->k == 0)
        return false;
    if (fact->ret == RET_BITS_CLEAR && (cmp->k & ~fact->ret_value) == 0) {
        *holds = false;
        return true;
    }
    if (fact->ret == RET_BITS_SET && (cmp->k & fact->ret_value) != 0) {
        *holds = true;
        return true;
    }
    return false;
}

bool cfg_fact_knows_value(const struct cfg_event *fact)
{
    return fact->ret != RET_NONNEG && fact->ret != RET_BITS_CLEAR && fact->ret != RET_BITS_SET;
}

bool cfg_key_cmp_decided(const struct cfg_key_cmp *cmp, const struct cfg_event *fact,
                         bool *holds)
{
    if (fact->ret == RET_NONNEG)
        return nonnegative_decides(cmp, holds);
    if (fact->ret == RET_BITS_CLEAR || fact->ret == RET_BITS_SET)
        return bits_decide(cmp, fact, holds);
    if (cmp->base < 0 || cmp->op == CMP_NONE || fact->ret != RET_CONST)
        return false;
    bool ordered = cmp->op != CMP_EQ && cmp->op != CMP_AND;
    if (ordered && cmp->k < 0)
        return false;
    *holds = cfg_cmp_holds(cmp->op, fact->ret_value, cmp->k);
    return true;
}

void cfg_mark_reachable(const struct cfg *g, const unsigned *starts, unsigned n, bool *seen)
{
    /* each block pushes its successors once */
    unsigned *stack = xmalloc((g->nedges + n + 1) * sizeof *stack), sp = 0;
    for (unsigned i = 0; i < n; i++)
        stack[sp++] = starts[i];
    while (sp) {
        unsigned b = stack[--sp];
        if (seen[b])
            continue;
        seen[b] = true;
        for (unsigned i = 0; i < g->blocks[b].nsucc; i++)
            stack[sp++] = g->succ[g->blocks[b].first_succ + i].to;
    }
    free(stack);
}

void cfg_mark_reaching(const struct cfg *g, unsigned to, bool *seen)
{
    /* each block is pushed once, when first marked */
    unsigned *stack = xmalloc((g->nblocks + 1) * sizeof *stack), sp = 0;
    seen[to] = true;
    stack[sp++] = to;
    while (sp) {
        const struct cfg_block *blk = &g->blocks[stack[--sp]];
        for (unsigned i = 0; i < blk->npred; i++) {
            unsigned from = g->succ[g->pred[blk->first_pred + i]].from;
            if (!seen[from]) {
                seen[from] = true;
                stack[sp++] = from;
            }
        }
    }
    free(stack);
}

bool cfg_edge_branch(const struct cfg *g, const struct cfg_edge *e, int *key, bool *truth)
{
    if (e->cond < 0 || (e->kind != EDGE_TRUE && e->kind != EDGE_FALSE))
        return false;
    const struct cfg_cond *c = &g->conds[e->cond];
    if (c->key < 0)
        return false;
    *key = c->key;
    *truth = (e->kind == EDGE_TRUE) != c->negated;
    return true;
}

bool cfg_var_roots(const struct cfg *g, unsigned lock, int var)
{
    int root = g->locks[lock].root_var;
    if (var < 0 || root < 0)
        return false;
    return var == root || (g->var_group && (unsigned)var < g->nvars &&
                           (unsigned)root < g->nvars && g->var_group[var] == g->var_group[root]);
}

bool cfg_store_renames(const struct cfg *g, const struct cfg_event *ev, unsigned lock)
{
    if (ev->kind != EV_KILL_VAR || ev->write)
        return false;
    const struct cfg_lock *l = &g->locks[lock];
    int var = (int)ev->lock;
    return l->index_var[0] == var || l->index_var[1] == var || cfg_var_roots(g, lock, var);
}
