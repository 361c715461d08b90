/* SPDX-License-Identifier: MIT
 * refute: a bounded forward search for a consistent path (see refute.h).
 * A search node is a block entered with one concrete state of the lock,
 * its pending try result, and the outcomes of the branch values the path
 * has fixed. Only values that can contradict are kept: those tested twice
 * or more, flags set by stores, and tests of the lock's own object
 * pointer. Nodes are interned, so each is expanded once; breadth first,
 * so the path found is a shortest one. */
#include "analysis/refute.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "support/hash.h"
#include "support/vec.h"

enum {
    MAX_FACTS = 16,
    NODE_BUDGET = 4096,
    EVENT_BUDGET = 400000, /* events replayed over all nodes */
    /* Contract inference asks at every exit where a lock is held on some
     * paths and must explore all of them: a smaller budget, past which the
     * lattice's answer stands. */
    COLLECT_NODE_BUDGET = 512,
    COLLECT_EVENT_BUDGET = 50000,
};

struct node {
    unsigned block;
    uint8_t bits, pre, depth;
    bool callers; /* the path's first event on the lock released it: the
                     caller held it on entry, and gets it back held */
    int bind;   /* pending try result (2*event or 2*var+1), or -1 */
    int parent; /* node index, -1 for the entry */
    unsigned edge; /* index into g->succ of the edge from the parent */
    unsigned nf;
    struct ls_fact f[MAX_FACTS]; /* sorted by key */
};

struct search {
    const struct cfg *g;
    unsigned lock, tblock, tevent;
    uint8_t want;
    bool collect;       /* gather every state at the target (refute_bits) */
    uint8_t collected;  /* the union of those states */
    bool *tracked;   /* per key: kept in nodes */
    bool *is_object; /* per key: tests the pointer the lock lives in */
    VEC(struct node) nodes;
    int *table; /* open addressing: node index + 1, 0 empty */
    unsigned table_size;
    unsigned long events;
    size_t node_budget;
    unsigned long event_budget;
    bool over; /* a node could not be kept: the budget is spent */
    int found_node; /* the node whose block holds the target, or -1 */
};

/* Whether key text t names the object the lock lives in: "a" for "a->mu"
 * and "(*a).mu", "s.inner" for "s.inner.mu", "p" for "*p". */
static bool names_object(const char *lock, const char *t)
{
    size_t n = strlen(t);
    if (lock[0] == '*' && !strcmp(lock + 1, t))
        return true;
    if (lock[0] == '(' && lock[1] == '*' && !strncmp(lock + 2, t, n) && lock[2 + n] == ')')
        return true;
    if (strncmp(lock, t, n))
        return false;
    return lock[n] == '\0' || lock[n] == '.' || lock[n] == '[' ||
           (lock[n] == '-' && lock[n + 1] == '>');
}

static void mark_keys(struct search *s)
{
    const struct cfg *g = s->g;
    unsigned *tests = xcalloc(g->nkeys + 1, sizeof *tests);
    for (unsigned i = 0; i < g->nconds; i++)
        if (g->conds[i].key >= 0)
            tests[g->conds[i].key]++;
    const char *lock = g->locks[s->lock].key;
    for (unsigned k = 0; k < g->nkeys; k++) {
        s->is_object[k] = g->key_text[k] && names_object(lock, g->key_text[k]);
        s->tracked[k] = tests[k] >= 2 || g->key_flag[k] || s->is_object[k];
    }
    free(tests);
}

static int fact_of(const struct node *n, int key)
{
    for (unsigned i = 0; i < n->nf; i++)
        if (n->f[i].key == key)
            return n->f[i].value;
    return -1;
}

/* Records a fact, kept sorted; when full the fact is not kept (the search
 * then knows less, which can only keep a finding). */
static void set_fact(struct node *n, int key, bool value)
{
    unsigned i = 0;
    while (i < n->nf && n->f[i].key < key)
        i++;
    if (i < n->nf && n->f[i].key == key) {
        n->f[i].value = value;
        return;
    }
    if (n->nf == MAX_FACTS)
        return;
    memmove(&n->f[i + 1], &n->f[i], (n->nf - i) * sizeof *n->f);
    n->f[i] = (struct ls_fact){key, value};
    n->nf++;
}

static void kill_var(const struct search *s, struct node *n, int var, bool address_only)
{
    const struct cfg_lock *l = &s->g->locks[s->lock];
    if (n->bind == 2 * var + 1)
        n->bind = -1;
    if (l->index_var[0] == var || l->index_var[1] == var || l->root_var == var) {
        /* The path names another element or object now (or, with only
         * the variable's address passed on, may): what state that one's
         * lock is in is not known, and no finding stands on it. */
        n->bits = 0;
        n->depth = 0;
        n->bind = -1;
    }
    unsigned j = 0;
    for (unsigned i = 0; i < n->nf; i++)
        if (!lockset_key_dies(s->g, n->f[i].key, var, address_only))
            n->f[j++] = n->f[i];
    n->nf = j;
}

static void acquire(struct node *n, const struct cfg_event *ev, unsigned idx)
{
    bool held = (n->bits & LS_HELD) != 0;
    bool nests = (ev->rule && ev->rule->recursive) ||
                 (ev->mode == LOCK_SHARED && n->bits == LS_HELD_SH);
    n->depth = held && nests && n->depth < LS_MAX_DEPTH ? (uint8_t)(n->depth + 1) : 1;
    n->pre = n->bits;
    n->bits = ev->mode == LOCK_SHARED ? LS_HELD_SH : LS_HELD_EX;
    n->bind = -1;
    if (ev->rule && ev->rule->success != SUCCESS_ALWAYS)
        n->bind = ev->result_var >= 0 ? 2 * ev->result_var + 1 : 2 * (int)idx;
}

static void release(struct node *n, const struct cfg_event *ev, unsigned idx)
{
    if (n->bits == LS_UNTOUCHED)
        n->callers = true;
    n->pre = n->bits;
    if (n->depth > 1 && (n->bits & LS_HELD))
        n->depth--;
    else {
        n->bits = LS_RELEASED;
        n->depth = 0;
    }
    n->bind = -1;
    if (ev->rule && ev->rule->success != SUCCESS_ALWAYS) /* released if the result says so */
        n->bind = ev->result_var >= 0 ? 2 * ev->result_var + 1 : 2 * (int)idx;
}

/* One event's effect on the node; false if the path ends there. */
static bool apply_event(const struct search *s, struct node *n, unsigned idx)
{
    const struct cfg_event *ev = &s->g->events[idx];
    bool mine = ev->lock == s->lock;
    switch (ev->kind) {
    case EV_ACQUIRE:
        if (ev->result_var >= 0) /* `rv = trylock(m)` overwrites rv */
            kill_var(s, n, ev->result_var, false);
        if (!mine)
            return true;
        if (lockset_deadlocks(ev, n->bits))
            return false;
        acquire(n, ev, idx);
        return true;
    case EV_RELEASE:
        if (mine)
            release(n, ev, idx);
        return true;
    case EV_WAIT:
    case EV_ASSERT:
        if (mine && (ev->kind == EV_ASSERT || (n->bits & (LS_RELEASED | LS_HELD)))) {
            n->bits = n->bits & LS_HELD_SH ? LS_HELD_SH : LS_HELD_EX;
            n->depth = n->depth ? n->depth : 1;
            n->bind = -1;
        }
        return true;
    case EV_KILL_VAR:
        kill_var(s, n, (int)ev->lock, ev->write);
        return true;
    case EV_FACT:
        if (s->tracked[ev->lock])
            set_fact(n, (int)ev->lock, ev->write);
        return true;
    case EV_NORETURN:
        return false;
    case EV_FORGET:
        if (mine) { /* no finding stands on what unknown code did to it */
            n->bits = 0;
            n->depth = 0;
            n->bind = -1;
        }
        return true;
    default:
        return true;
    }
}

/* The lock does not exist on a path that found its object pointer NULL. */
static bool object_is_null(const struct search *s, const struct node *n)
{
    for (unsigned i = 0; i < n->nf; i++)
        if (s->is_object[n->f[i].key] && !n->f[i].value)
            return true;
    return false;
}

/* The bits a check sees at the target, as the lattice's replay gives them
 * (an untested try-lock may still have failed where data is touched); 0
 * where the lock does not exist. */
static uint8_t target_bits(const struct search *s, const struct node *n)
{
    if (object_is_null(s, n))
        return 0;
    const struct cfg_event *ev = &s->g->events[s->tevent];
    uint8_t bits = n->bits;
    bool checked = ev->kind == EV_ACCESS || ev->kind == EV_REQUIRE || ev->kind == EV_EXCLUDE;
    if (checked && n->bind >= 0) {
        const struct lock_rule *r = lockset_bound_rule(s->g, s->lock, n->bind);
        if (r && r->is_try)
            bits |= n->pre;
    }
    return bits;
}

/* At the target: whether the search is over. */
static bool matches(struct search *s, const struct node *n)
{
    uint8_t bits = target_bits(s, n);
    if (s->collect) {
        s->collected |= bits;
        return false;
    }
    if (s->g->events[s->tevent].kind == EV_EXIT && n->callers)
        return false; /* handed back as it came: `if (!have_lock) lock()` */
    return (bits & s->want) != 0;
}

/* Runs the node's block; 1 the target matched, 0 go on to the successors,
 * -1 the path ends. */
static int run_block(struct search *s, struct node *n)
{
    const struct cfg_block *blk = &s->g->blocks[n->block];
    for (unsigned i = 0; i < blk->nevents; i++) {
        unsigned idx = blk->first_event + i;
        if (n->block == s->tblock && idx == s->tevent && matches(s, n))
            return 1;
        if (!apply_event(s, n, idx))
            return -1;
    }
    s->events += blk->nevents + 1;
    return 0;
}

/* An edge's effect: a tested try result resolved, a branch value fixed.
 * False if the edge contradicts what the path fixed before. */
static bool apply_edge(const struct search *s, struct node *n, const struct cfg_edge *e)
{
    const struct cfg *g = s->g;
    int src = lockset_edge_source(g, e);
    if (src >= 0 && n->bind == src) {
        if (lockset_edge_fails(g, e, lockset_bound_rule(g, s->lock, src))) {
            n->bits = lockset_failed_bits(n->bits, n->pre);
            n->depth = n->bits & LS_HELD ? (n->depth ? n->depth : 1) : 0;
        }
        n->bind = -1;
    }
    int key;
    bool truth;
    if (!lockset_edge_branch(g, e, &key, &truth) || !s->tracked[key])
        return true;
    int known = fact_of(n, key);
    if (known >= 0)
        return known == truth;
    set_fact(n, key, truth);
    return true;
}

static uint64_t node_hash(const struct node *n)
{
    uint64_t h = HASH_BASIS;
    uint64_t parts[6] = {n->block, n->bits, n->pre, n->depth, (uint64_t)(int64_t)n->bind,
                         n->callers};
    for (unsigned i = 0; i < 6; i++)
        h = hash_word(h, parts[i]);
    for (unsigned i = 0; i < n->nf; i++)
        h = hash_word(h, (uint64_t)(n->f[i].key * 2 + n->f[i].value));
    return h;
}

static bool same_node(const struct node *x, const struct node *y)
{
    return x->block == y->block && x->bits == y->bits && x->pre == y->pre &&
           x->depth == y->depth && x->bind == y->bind && x->callers == y->callers &&
           x->nf == y->nf &&
           !memcmp(x->f, y->f, x->nf * sizeof *x->f);
}

/* Adds n unless an equal node exists. */
static void intern(struct search *s, const struct node *n)
{
    unsigned mask = s->table_size - 1, i = (unsigned)node_hash(n) & mask;
    for (; s->table[i]; i = (i + 1) & mask)
        if (same_node(&s->nodes.v[s->table[i] - 1], n))
            return;
    if (2 * (s->nodes.n + 1) > s->table_size) {
        s->over = true;
        return;
    }
    VEC_PUSH(s->nodes, *n);
    s->table[i] = (int)s->nodes.n;
}

static void expand(struct search *s, unsigned at, const struct node *after)
{
    const struct cfg_block *blk = &s->g->blocks[after->block];
    for (unsigned i = 0; i < blk->nsucc; i++) {
        const struct cfg_edge *e = &s->g->succ[blk->first_succ + i];
        struct node next = *after;
        if (!apply_edge(s, &next, e))
            continue;
        next.block = e->to;
        next.parent = (int)at;
        next.edge = blk->first_succ + i;
        intern(s, &next);
    }
}

/* The entry node: what the contract says the caller holds. */
static struct node entry_node(const struct search *s)
{
    struct node n = {.block = s->g->entry, .bits = LS_UNTOUCHED, .bind = -1, .parent = -1};
    for (unsigned i = 0; i < s->g->nentry_held; i++)
        if (s->g->entry_held[i].lock == s->lock) {
            n.bits = s->g->entry_held[i].mode == LOCK_SHARED ? LS_HELD_SH : LS_HELD_EX;
            n.depth = 1;
        }
    return n;
}

static enum refute_verdict run(struct search *s)
{
    struct node start = entry_node(s);
    intern(s, &start);
    for (size_t at = 0; at < s->nodes.n; at++) {
        if (s->over || s->nodes.n > s->node_budget || s->events > s->event_budget)
            return REFUTE_UNKNOWN;
        struct node cur = s->nodes.v[at];
        int r = run_block(s, &cur);
        if (r > 0) {
            s->found_node = (int)at;
            return REFUTE_FEASIBLE;
        }
        if (r == 0)
            expand(s, (unsigned)at, &cur);
    }
    return s->over ? REFUTE_UNKNOWN : REFUTE_INFEASIBLE;
}

static bool touches(const struct cfg_event *ev, unsigned lock)
{
    return ev->lock == lock && (ev->kind == EV_ACQUIRE || ev->kind == EV_RELEASE ||
                                ev->kind == EV_WAIT || ev->kind == EV_ASSERT);
}

/* The last event of block b before `upto` that changed the lock, or -1. */
static int last_touch(const struct cfg *g, unsigned b, unsigned upto, unsigned lock)
{
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = upto; i-- > blk->first_event;)
        if (touches(&g->events[i], lock))
            return (int)i;
    return -1;
}

/* The path from the entry to the found node, cut at its origin: the last
 * event before the target that changed the lock. */
static void build_path(struct arena *a, const struct search *s, struct refute_path *p)
{
    const struct cfg *g = s->g;
    unsigned len = 0;
    for (int i = s->found_node; s->nodes.v[i].parent >= 0; i = s->nodes.v[i].parent)
        len++;
    const struct cfg_edge **all = arena_alloc(a, (len + 1) * sizeof *all);
    unsigned k = len;
    int origin = last_touch(g, s->tblock, s->tevent, s->lock);
    int cut = origin >= 0 ? (int)len : -1; /* edges before index cut are dropped */
    for (int i = s->found_node; s->nodes.v[i].parent >= 0; i = s->nodes.v[i].parent) {
        const struct node *n = &s->nodes.v[i];
        all[--k] = &g->succ[n->edge];
        const struct node *from = &s->nodes.v[n->parent];
        const struct cfg_block *fb = &g->blocks[from->block];
        if (origin < 0) {
            origin = last_touch(g, from->block, fb->first_event + fb->nevents, s->lock);
            if (origin >= 0)
                cut = (int)k;
        }
    }
    p->origin_event = origin;
    unsigned skip = cut > 0 ? (unsigned)cut : 0;
    p->edges = all + skip;
    p->nedges = len - skip;
}

static void search_init(struct search *s)
{
    const struct cfg *g = s->g;
    s->found_node = -1;
    s->tracked = xcalloc(g->nkeys + 1, sizeof *s->tracked);
    s->is_object = xcalloc(g->nkeys + 1, sizeof *s->is_object);
    s->table_size = 4 * NODE_BUDGET; /* a power of two, at most half full */
    s->table = xcalloc(s->table_size, sizeof *s->table);
    mark_keys(s);
}

static void search_free(struct search *s)
{
    free(s->tracked);
    free(s->is_object);
    free(s->table);
    VEC_FREE(s->nodes);
}

bool refute_bits(const struct cfg *g, unsigned block, unsigned event, unsigned lock,
                 uint8_t *bits)
{
    struct search s = {.g = g, .lock = lock, .tblock = block, .tevent = event, .collect = true,
                       .node_budget = COLLECT_NODE_BUDGET, .event_budget = COLLECT_EVENT_BUDGET};
    search_init(&s);
    bool done = run(&s) == REFUTE_INFEASIBLE; /* explored to the end */
    search_free(&s);
    if (done)
        *bits = s.collected;
    return done;
}

enum refute_verdict refute_search(struct arena *a, const struct cfg *g, unsigned block,
                                  unsigned event, unsigned lock, uint8_t want,
                                  struct refute_path *path)
{
    struct search s = {.g = g, .lock = lock, .tblock = block, .tevent = event, .want = want,
                       .node_budget = NODE_BUDGET, .event_budget = EVENT_BUDGET};
    search_init(&s);
    enum refute_verdict v = run(&s);
    if (v == REFUTE_FEASIBLE && path)
        build_path(a, &s, path);
    search_free(&s);
    return v;
}
