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

#include "analysis/keyrel.h"
#include "support/arena.h"
#include "model/lockname.h"
#include "support/hash.h"
#include "support/vec.h"

enum {
    MAX_FACTS = 16,
    NODE_BUDGET = 4096,
    EVENT_BUDGET = 400000, /* events replayed over all nodes */
    /* The search over the keys near the lock has fewer states per block,
     * and it alone refutes in large functions (a loop around a switch of
     * hundreds of blocks): a larger budget. */
    NEAR_NODE_BUDGET = 32768,
    NEAR_EVENT_BUDGET = 3200000,
    /* Contract inference asks at every exit where a lock is held on some
     * paths and must explore all of them: a smaller budget, past which the
     * lattice's answer stands. */
    COLLECT_NODE_BUDGET = 512,
    COLLECT_EVENT_BUDGET = 50000,
    /* A branch is near the lock when one of these first blocks after it
     * has an event on the lock (or is the finding's block). */
    NEAR_BLOCKS = 24,
    NEAR_DEPTH = 4,
    /* A value compared with more constants than this (a switch of
     * thousands of cases) is followed only through its own key: tracking
     * each label would cost a bit per label in every block. */
    MAX_RELATED_KEYS = 64,
};

/* A fixed outcome of a test. A fact about a field or a global is fresh
 * until a call or a store may have changed the value (cfg_clobber): only
 * a fresh one relates to the other tests of that value
 * (keyrel_disjoint_unchanged). */
struct fact {
    int key;
    bool value;
    bool fresh;
    bool lapses; /* known only until the value may change: dropped then */
    bool stored; /* set by a store, not learnt from a test */
};

struct node {
    unsigned block;
    uint8_t bits, pre, depth;
    bool callers; /* the path's first event on the lock released it: the
                     caller held it on entry, and gets it back held */
    int bind;   /* pending try result (2*event or 2*var+1), or -1 */
    int parent; /* node index, -1 for the entry */
    unsigned edge; /* index into g->succ of the edge from the parent */
    bool lost; /* a fact was not kept for want of room: the path may
                  contradict itself without the search seeing it */
    unsigned nf;
    struct fact f[MAX_FACTS]; /* sorted by key */
};

struct search {
    const struct cfg *g;
    unsigned lock, tblock, tevent;
    uint8_t want;
    bool collect;       /* gather every state at the target (refute_bits) */
    bool near_only;     /* track only the keys tested near the lock */
    bool dropped_far;   /* near_only left out a key the full search tracks */
    uint8_t collected;  /* the union of those states */
    bool *tracked;   /* per key: kept in nodes */
    int *ordinal;    /* per key: its bit in `live`, -1 when not tracked */
    uint64_t *live;  /* per block, `words` words: tracked keys still tested */
    unsigned words;
    bool *is_object; /* per key: tests the pointer the lock lives in */
    bool *to_target; /* per block: some path from it reaches the target's */
    bool *relating;  /* per family: its tests relate across keys here */
    VEC(struct node) nodes;
    int *table; /* open addressing: node index + 1, 0 empty */
    unsigned table_size;
    unsigned long events;
    size_t node_budget;
    unsigned long event_budget;
    bool over; /* a node could not be kept: the budget is spent */
    int found_node; /* the node whose block holds the target, or -1 */
    bool found_lost; /* only paths that lost a fact reached it so far */
};

/* Whether key text t names the object the lock lives in: "a" for "a->mu"
 * and "(*a).mu", "s.inner" for "s.inner.mu", "p" for "*p", "*out" (and
 * "out") for "(*out)->mu". */
static bool names_object(const char *lock, const char *t)
{
    size_t n = strlen(t);
    if (lock[0] == '*' && !strcmp(lock + 1, t))
        return true;
    if (lock[0] == '(' && lock[1] == '*' && !strncmp(lock + 2, t, n) && lock[2 + n] == ')')
        return true;
    if (lock[0] == '(' && t[0] == '*' && !strncmp(lock + 1, t, n) && lock[1 + n] == ')')
        return true;
    if (strncmp(lock, t, n))
        return false;
    return lock[n] == '\0' || lock[n] == '.' || lock[n] == '[' ||
           (lock[n] == '-' && lock[n + 1] == '>');
}

/* `lock(locks[LOG]); ... if (locks[LOG]) unlock(locks[LOG]);`: the test
 * of the very pointer element the lock call was given (key text
 * "locks[]@0" for the lock "*locks[]" of index "0"). */
static bool tests_element_pointer(const struct cfg_lock *l, const char *t)
{
    if (l->key[0] != '*' || !l->index_text)
        return false;
    size_t n = strlen(l->key + 1);
    return !strncmp(t, l->key + 1, n) && t[n] == '@' && !strcmp(t + n + 1, l->index_text);
}

static bool touches(const struct cfg_event *ev, unsigned lock);

static bool block_touches(const struct search *s, unsigned b)
{
    if (b == s->tblock)
        return true;
    const struct cfg_block *blk = &s->g->blocks[b];
    for (unsigned i = 0; i < blk->nevents; i++) {
        const struct cfg_event *ev = &s->g->events[blk->first_event + i];
        if (touches(ev, s->lock) || (ev->kind == EV_FORGET && ev->lock == s->lock))
            return true;
    }
    return false;
}

/* Whether a lock event (or the finding) is among the first blocks from b:
 * breadth first, at most NEAR_DEPTH edges and NEAR_BLOCKS blocks. */
static bool near_lock(const struct search *s, unsigned from)
{
    unsigned queue[NEAR_BLOCKS], depth[NEAR_BLOCKS], n = 0;
    queue[n] = from;
    depth[n++] = 0;
    for (unsigned at = 0; at < n; at++) {
        if (block_touches(s, queue[at]))
            return true;
        const struct cfg_block *blk = &s->g->blocks[queue[at]];
        for (unsigned i = 0; i < blk->nsucc && depth[at] < NEAR_DEPTH && n < NEAR_BLOCKS; i++) {
            queue[n] = s->g->succ[blk->first_succ + i].to;
            depth[n++] = depth[at] + 1;
        }
    }
    return false;
}

/* The key an edge fixes and the outcome it fixes: a branch's side, or
 * `case K:` of a switch on a keyed value (`x == K` holds). */
static bool edge_test(const struct cfg *g, const struct cfg_edge *e, int *key, bool *truth)
{
    if (cfg_edge_branch(g, e, key, truth))
        return true;
    *key = keyrel_case_key(e);
    *truth = true;
    return *key >= 0;
}

/* The family of the value an edge tests (keyrel.h), or -1: a switch's
 * default tests its value too. */
static int edge_family(const struct cfg *g, const struct cfg_edge *e)
{
    int key;
    bool truth;
    if (edge_test(g, e, &key, &truth))
        return keyrel_family(g, key);
    return keyrel_switch_key(g, e);
}

/* Keys of branches that lead to the lock's events within a few blocks:
 * the tests that decide what happens to it (`if (c) lock(m);`,
 * `if (a && b) unlock(m);`). A test far from any of them (the state of a
 * protocol machine, a loop over unrelated work) only multiplies paths. */
static void mark_near_keys(const struct search *s, bool *near)
{
    const struct cfg *g = s->g;
    for (unsigned b = 0; b < g->nblocks; b++) {
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = 0; i < blk->nsucc; i++) {
            const struct cfg_edge *e = &g->succ[blk->first_succ + i];
            int key, family = edge_family(g, e);
            bool truth;
            if (family < 0 || near[family] || !near_lock(s, e->to))
                continue;
            near[family] = true;
            if (edge_test(g, e, &key, &truth))
                near[key] = true;
        }
    }
}

static void mark_keys(struct search *s)
{
    const struct cfg *g = s->g;
    unsigned *tests = xcalloc(g->nkeys + 1, sizeof *tests);
    bool *near = s->near_only ? xcalloc(g->nkeys + 1, sizeof *near) : NULL;
    if (near)
        mark_near_keys(s, near);
    unsigned *family_tests = xcalloc(g->nkeys + 1, sizeof *family_tests);
    unsigned *family_size = xcalloc(g->nkeys + 1, sizeof *family_size);
    for (unsigned k = 0; k < g->nkeys; k++)
        family_size[keyrel_family(g, (int)k)]++;
    for (unsigned i = 0; i < g->nconds; i++)
        if (g->conds[i].key >= 0) {
            tests[g->conds[i].key]++;
            family_tests[keyrel_family(g, g->conds[i].key)]++;
        }
    for (unsigned i = 0; i < g->nedges; i++) { /* `case K:` tests `value == K` */
        int k = keyrel_case_key(&g->succ[i]);
        if (k >= 0 && family_size[keyrel_family(g, k)] <= MAX_RELATED_KEYS)
            tests[k]++;
    }
    /* `e = e_all;`: a copy is a store of e and a test of e_all */
    for (unsigned i = 0; i < g->nevents; i++)
        if (g->events[i].kind == EV_COPY_FACT) {
            tests[g->events[i].lock] += 2;
            tests[g->events[i].result_var] += 2;
        }
    const char *lock = g->locks[s->lock].key;
    for (unsigned k = 0; k < g->nkeys; k++) {
        s->is_object[k] = g->key_text[k] && (names_object(lock, g->key_text[k]) ||
                                             tests_element_pointer(&g->locks[s->lock], g->key_text[k]));
        /* a variable's tests relate to one another (keyrel.h): each is
         * worth following once its value is tested twice */
        int family = keyrel_family(g, (int)k);
        bool related = family_tests[family] >= 2 && family_size[family] <= MAX_RELATED_KEYS &&
                       (keyrel_relates(g, family) || keyrel_relates_unchanged(g, family));
        s->relating[family] |= related;
        bool useful = tests[k] >= 2 || related || g->key_flag[k];
        s->tracked[k] = (useful && (!near || near[k] || near[family])) || s->is_object[k];
        s->dropped_far |= useful && !s->tracked[k];
    }
    free(near);
    free(tests);
    free(family_tests);
    free(family_size);
}

static bool live_at(const struct search *s, unsigned block, int key)
{
    int o = s->ordinal[key];
    return o >= 0 && (s->live[(size_t)block * s->words + (unsigned)o / 64] >> (o % 64) & 1);
}

/* Sets a tracked key's bit in block b's set; true if it was not set. */
static bool add_live(struct search *s, unsigned b, int key)
{
    int o = s->ordinal[key];
    uint64_t *w = &s->live[(size_t)b * s->words + (unsigned)o / 64], bit = 1ull << (o % 64);
    bool fresh = !(*w & bit);
    *w |= bit;
    return fresh;
}

/* A copy in block b (`e = e_all;`) of a value tested later reads its
 * source there. */
static bool live_through_copies(struct search *s, unsigned b)
{
    const struct cfg_block *blk = &s->g->blocks[b];
    bool changed = false;
    for (unsigned i = 0; i < blk->nevents; i++) {
        const struct cfg_event *ev = &s->g->events[blk->first_event + i];
        if (ev->kind == EV_COPY_FACT && live_at(s, b, (int)ev->lock) &&
            s->tracked[ev->result_var])
            changed |= add_live(s, b, ev->result_var);
    }
    return changed;
}

/* Per block, the tracked keys that some path from its start to the
 * target still tests (kills are ignored: a superset). A fact about any
 * other key can never contradict a later branch on the way: a test made
 * only after the target, or on paths that never get there, decides
 * nothing. Dropping such facts merges states that differ only in them,
 * which keeps the search small in long functions. */
static void mark_live_keys(struct search *s)
{
    const struct cfg *g = s->g;
    unsigned n = 0;
    for (unsigned k = 0; k < g->nkeys; k++)
        s->ordinal[k] = s->tracked[k] ? (int)n++ : -1;
    s->words = (n + 63) / 64;
    s->live = xcalloc((size_t)g->nblocks * s->words + 1, sizeof *s->live);
    for (bool changed = n > 0; changed;) {
        changed = false;
        for (unsigned b = g->nblocks; b-- > 0;) {
            const struct cfg_block *blk = &g->blocks[b];
            for (unsigned i = 0; i < blk->nsucc; i++) {
                const struct cfg_edge *e = &g->succ[blk->first_succ + i];
                if (!s->to_target[e->to])
                    continue;
                int key, family = edge_family(g, e);
                bool truth;
                if (edge_test(g, e, &key, &truth) && s->tracked[key])
                    changed |= add_live(s, b, key);
                if (family >= 0 && s->tracked[family])
                    changed |= add_live(s, b, family);
                uint64_t *to = &s->live[(size_t)e->to * s->words];
                uint64_t *from = &s->live[(size_t)b * s->words];
                for (unsigned w = 0; w < s->words; w++) {
                    changed |= (to[w] & ~from[w]) != 0;
                    from[w] |= to[w];
                }
            }
            changed |= live_through_copies(s, b);
        }
    }
}

/* Keeps only the facts a later branch may read (and the object's own
 * NULL test, which the target reads). */
static void drop_dead_facts(const struct search *s, struct node *n)
{
    unsigned j = 0;
    for (unsigned i = 0; i < n->nf; i++) {
        int key = n->f[i].key;
        if (s->is_object[key] || live_at(s, n->block, key) ||
            live_at(s, n->block, keyrel_family(s->g, key)))
            n->f[j++] = n->f[i];
    }
    n->nf = j;
}

/* The first key comparing branch value `key` with a constant (chained by
 * g->key_cmp[].next), or -1: a constant stored in the value decides them.
 * (A graph made by hand, as unit tests do, may have no such chains.) */
static int first_compared(const struct cfg *g, int key)
{
    return g->key_first_cmp ? g->key_first_cmp[key] : -1;
}

static int fact_of(const struct node *n, int key)
{
    for (unsigned i = 0; i < n->nf; i++)
        if (n->f[i].key == key)
            return n->f[i].value;
    return -1;
}

/* Records a fact, kept sorted; when full the fact is not kept and the
 * node says so: a path found through it is no proof. */
static void put_fact(struct node *n, struct fact f)
{
    unsigned i = 0;
    while (i < n->nf && n->f[i].key < f.key)
        i++;
    if (i < n->nf && n->f[i].key == f.key) {
        n->f[i] = f;
        return;
    }
    if (n->nf == MAX_FACTS) {
        n->lost = true;
        return;
    }
    memmove(&n->f[i + 1], &n->f[i], (n->nf - i) * sizeof *n->f);
    n->f[i] = f;
    n->nf++;
}

static void set_fact_as(struct node *n, int key, bool value, bool fresh)
{
    put_fact(n, (struct fact){key, value, fresh, false, false});
}

static void set_fact(struct node *n, int key, bool value)
{
    set_fact_as(n, key, value, true);
}

/* Entering a block that may change memory: what is known of the fields
 * and globals it may change still holds for the very same test (as
 * branch values are assumed to), but no longer says anything of their
 * other tests. */
static void enter_block(const struct search *s, struct node *n)
{
    const struct cfg *g = s->g;
    const struct cfg_block *blk = &g->blocks[n->block];
    for (unsigned c = 0; c < blk->nclobbers; c++) {
        int what = g->clobbers[blk->first_clobber + c].var;
        unsigned j = 0;
        for (unsigned i = 0; i < n->nf; i++) {
            struct fact f = n->f[i];
            if (f.fresh && keyrel_clobbered(g, f.key, what)) {
                if (f.lapses)
                    continue;
                f.fresh = false;
            }
            n->f[j++] = f;
        }
        n->nf = j;
    }
}

static void kill_var(const struct search *s, struct node *n, int var, bool address_only)
{
    const struct cfg_lock *l = &s->g->locks[s->lock];
    if (n->bind == 2 * var + 1)
        n->bind = -1;
    if (l->index_var[0] == var || l->index_var[1] == var || cfg_var_roots(s->g, s->lock, var)) {
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

static void acquire(const struct cfg *g, struct node *n, const struct cfg_event *ev, unsigned idx)
{
    bool held = (n->bits & LS_HELD) != 0;
    bool nests = lockname_may_nest(ev->rule) ||
                 (ev->mode == LOCK_SHARED && n->bits == LS_HELD_SH);
    n->depth = held && nests && n->depth < LS_MAX_DEPTH ? (uint8_t)(n->depth + 1) : 1;
    n->pre = n->bits;
    n->bits = ev->mode == LOCK_SHARED ? LS_HELD_SH : LS_HELD_EX;
    n->bind = lockset_binding(g, idx);
}

static void release(const struct cfg *g, struct node *n, unsigned idx)
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
    n->bind = lockset_binding(g, idx); /* released if the result says so */
}

/* One event's effect on the node; false if the path ends there. */
static bool apply_event(const struct search *s, struct node *n, unsigned idx)
{
    const struct cfg_event *ev = &s->g->events[idx];
    bool mine = ev->lock == s->lock;
    switch (ev->kind) {
    case EV_ACQUIRE:
        if (lockset_acquire_overwrites(s->g, idx)) /* `rv = trylock(m)` */
            kill_var(s, n, ev->result_var, false);
        if (!mine)
            return true;
        if (lockset_deadlocks(ev, n->bits))
            return false;
        acquire(s->g, n, ev, idx);
        return true;
    case EV_RELEASE:
        if (mine)
            release(s->g, n, idx);
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
    case EV_FACT: {
        /* every compared key the store decides is set: a field's facts
         * need not relate to others (and a call may follow in the block) */
        bool fresh = keyrel_relates(s->g, (int)ev->lock);
        if (s->tracked[ev->lock] && cfg_fact_knows_value(ev))
            put_fact(n, (struct fact){(int)ev->lock, ev->write, fresh, false, true});
        bool holds;
        for (int d = first_compared(s->g, (int)ev->lock); d >= 0; d = s->g->key_cmp[d].next)
            if (s->tracked[d] && cfg_key_cmp_decided(&s->g->key_cmp[d], ev, &holds))
                put_fact(n, (struct fact){d, holds, fresh, false, true});
        return true;
    }
    case EV_COPY_FACT: {
        int v = fact_of(n, ev->result_var);
        if (v >= 0 && s->tracked[ev->lock])
            set_fact(n, (int)ev->lock, v);
        return true;
    }
    case EV_NORETURN:
        return false;
    case EV_FORGET:
        /* no finding stands on what unknown code did to it (a lock
         * destroyed idle stays as it was) */
        if (mine && !(ev->ends_lock && n->bits && !(n->bits & LS_HELD))) {
            n->bits = 0;
            n->depth = 0;
            n->bind = -1;
        }
        return true;
    default:
        return true;
    }
}

/* The lock does not exist on a path that found its object pointer NULL
 * by a test. (`*s = NULL;` after the lock was taken only drops a name of
 * an object that still exists, locked or not.) */
static bool object_is_null(const struct search *s, const struct node *n)
{
    for (unsigned i = 0; i < n->nf; i++)
        if (s->is_object[n->f[i].key] && !n->f[i].value && !n->f[i].stored)
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
    enter_block(s, n);
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

/* Whether outcome `truth` of key agrees with what the path fixed: the
 * key's own fact, and those of other tests of the same value (`x == 3`
 * known, `x < 2` now taken). */
static bool consistent(const struct search *s, const struct node *n, int key, bool truth)
{
    int known = fact_of(n, key);
    if (known >= 0)
        return known == truth;
    for (unsigned i = 0; i < n->nf; i++) {
        const struct fact *f = &n->f[i];
        if (keyrel_disjoint(s->g, key, truth, f->key, f->value) ||
            (f->fresh && keyrel_disjoint_unchanged(s->g, key, truth, f->key, f->value)))
            return false;
    }
    return true;
}

/* Whether outcome `truth` of key agrees with the fresh facts of its
 * value's other tests, and its own when fresh. */
static bool consistent_fresh(const struct search *s, const struct node *n, int key, bool truth)
{
    for (unsigned i = 0; i < n->nf; i++) {
        const struct fact *f = &n->f[i];
        if (f->fresh && (f->key == key ? f->value != truth
                                       : keyrel_disjoint_unchanged(s->g, key, truth, f->key,
                                                                   f->value)))
            return false;
    }
    return true;
}

/* `default:` of a switch on a field or a global: none of its labels holds
 * now. That contradicts only what the path fixed since the value last may
 * have changed (a fresh `case K:` of an earlier switch on it), and it is
 * known only until the value may change again (a state machine's switch
 * in a loop sees the states its callees set). */
static bool default_unchanged(const struct search *s, struct node *n, const struct cfg_edge *e)
{
    int family = keyrel_switch_key(s->g, e);
    if (family < 0 || !s->relating[family]) /* a field's relating family relates unchanged */
        return true;
    const struct cfg_block *blk = &s->g->blocks[e->from];
    for (unsigned i = 0; i < blk->nsucc; i++) {
        const struct cfg_edge *c = &s->g->succ[blk->first_succ + i];
        int k = keyrel_case_key(c);
        if (k < 0 || !s->tracked[k] || c->cond != e->cond)
            continue;
        if (!consistent_fresh(s, n, k, false))
            return false;
        if (live_at(s, e->to, k) && fact_of(n, k) < 0)
            put_fact(n, (struct fact){k, false, true, true, false});
    }
    return true;
}

/* `default:` of a switch on a variable: none of its labels holds. Only
 * the labels tested again later are remembered. (`case K:` needs nothing
 * of the kind: `x == K` contradicts any other label of x through
 * keyrel_disjoint, at no cost per sibling.) A field is left out: a state
 * machine's `switch (c->state)` in a loop sees the state its callees set
 * (keyrel.h). */
static bool apply_default(const struct search *s, struct node *n, const struct cfg_edge *e)
{
    if (!keyrel_relates(s->g, keyrel_switch_key(s->g, e)))
        return default_unchanged(s, n, e);
    const struct cfg_block *blk = &s->g->blocks[e->from];
    for (unsigned i = 0; i < blk->nsucc; i++) {
        int k = keyrel_case_key(&s->g->succ[blk->first_succ + i]);
        if (k < 0 || !s->tracked[k] ||
            s->g->succ[blk->first_succ + i].cond != e->cond)
            continue;
        if (!consistent(s, n, k, false))
            return false;
        if (live_at(s, e->to, k))
            set_fact(n, k, false);
    }
    return true;
}

/* An edge's effect: a tested try result resolved, a branch value fixed.
 * False if the edge contradicts what the path fixed before. */
static bool apply_edge(const struct search *s, struct node *n, const struct cfg_edge *e)
{
    const struct cfg *g = s->g;
    int src = lockset_edge_source(g, e);
    if (src >= 0 && n->bind == src) {
        const struct lock_rule *rule = lockset_bound_rule(g, s->lock, src);
        if (lockset_edge_fails(g, e, rule)) {
            n->bits = lockset_failed_bits(n->bits, n->pre);
            n->depth = n->bits & LS_HELD ? (n->depth ? n->depth : 1) : 0;
        }
        if (!lockset_edge_keeps_binding(g, e, rule))
            n->bind = -1;
    }
    int key;
    bool truth;
    if (!edge_test(g, e, &key, &truth))
        return e->kind != EDGE_DEFAULT || apply_default(s, n, e);
    if (!s->tracked[key])
        return true;
    if (!consistent(s, n, key, truth))
        return false;
    set_fact(n, key, truth);
    return true;
}

/* The hash of everything but the facts: nodes that differ only in facts
 * share a probe sequence, so that subsumption can be checked. */
static uint64_t node_hash(const struct node *n)
{
    uint64_t h = HASH_BASIS;
    uint64_t parts[6] = {n->block, n->bits, n->pre, n->depth, (uint64_t)(int64_t)n->bind,
                         n->callers};
    for (unsigned i = 0; i < 6; i++)
        h = hash_word(h, parts[i]);
    return h;
}

static bool same_core(const struct node *x, const struct node *y)
{
    return x->block == y->block && x->bits == y->bits && x->pre == y->pre &&
           x->depth == y->depth && x->bind == y->bind && x->callers == y->callers;
}

/* Every fact of x is a fact of y (both sorted by key). */
static bool facts_within(const struct node *x, const struct node *y)
{
    unsigned j = 0;
    for (unsigned i = 0; i < x->nf; i++) {
        while (j < y->nf && y->f[j].key < x->f[i].key)
            j++;
        if (j == y->nf || y->f[j].key != x->f[i].key || y->f[j].value != x->f[i].value ||
            (x->f[i].fresh && !y->f[j].fresh) || (!x->f[i].lapses && y->f[j].lapses) ||
            (!x->f[i].stored && y->f[j].stored))
            return false;
    }
    return true;
}

/* Adds n unless a node in the same place and lock state with no more
 * facts exists: facts only prune, so every continuation of n is one of
 * that node's, which is explored already (a loop head reached with the
 * outcomes of earlier rounds remembered adds nothing). */
static void intern(struct search *s, const struct node *n)
{
    unsigned mask = s->table_size - 1, i = (unsigned)node_hash(n) & mask;
    for (; s->table[i]; i = (i + 1) & mask) {
        const struct node *old = &s->nodes.v[s->table[i] - 1];
        if (same_core(old, n) && facts_within(old, n) && (n->lost || !old->lost))
            return;
    }
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
        if (!s->to_target[e->to] || !apply_edge(s, &next, e))
            continue;
        next.block = e->to;
        drop_dead_facts(s, &next);
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

static bool replay_holds(const struct search *s, const struct search *from, int at);

static enum refute_verdict run(struct search *s)
{
    struct node start = entry_node(s);
    intern(s, &start);
    for (size_t at = 0; at < s->nodes.n; at++) {
        if (s->over || s->nodes.n > s->node_budget || s->events > s->event_budget)
            return s->found_lost ? REFUTE_UNPROVEN : REFUTE_UNKNOWN;
        struct node cur = s->nodes.v[at];
        int r = run_block(s, &cur);
        if (r > 0 && cur.lost && !replay_holds(s, s, (int)at)) {
            /* look on for a path that stands */
            s->found_lost = true;
            continue;
        }
        if (r > 0) {
            s->found_node = (int)at;
            return REFUTE_FEASIBLE;
        }
        if (r == 0)
            expand(s, (unsigned)at, &cur);
    }
    if (s->found_lost)
        return REFUTE_UNPROVEN;
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
    s->relating = xcalloc(g->nkeys + 1, sizeof *s->relating);
    s->ordinal = xcalloc(g->nkeys + 1, sizeof *s->ordinal);
    s->table_size = 1024; /* a power of two, kept at most half full */
    while (s->table_size < 2 * (s->node_budget + 1))
        s->table_size *= 2;
    s->table = xcalloc(s->table_size, sizeof *s->table);
    mark_keys(s);
    s->to_target = xcalloc(s->g->nblocks + 1, sizeof *s->to_target);
    cfg_mark_reaching(s->g, s->tblock, s->to_target);
    mark_live_keys(s);
}

static void search_free(struct search *s)
{
    free(s->tracked);
    free(s->is_object);
    free(s->relating);
    free(s->ordinal);
    free(s->live);
    free(s->to_target);
    free(s->table);
    VEC_FREE(s->nodes);
}

/* Every state at the target over all paths; false past the budget. */
static bool collect_bits(const struct cfg *g, unsigned block, unsigned event, unsigned lock,
                         bool near_only, uint8_t *bits)
{
    struct search s = {.g = g, .lock = lock, .tblock = block, .tevent = event, .collect = true,
                       .near_only = near_only, .node_budget = COLLECT_NODE_BUDGET,
                       .event_budget = COLLECT_EVENT_BUDGET};
    search_init(&s);
    bool done = run(&s) == REFUTE_INFEASIBLE; /* explored to the end */
    search_free(&s);
    if (done)
        *bits = s.collected;
    return done;
}

/* Both searches, the one that follows every tested key and, when it runs
 * out of budget, the one that follows the keys near the lock: fewer
 * constraints allow more paths, so its states are a sound superset. */
bool refute_bits(const struct cfg *g, unsigned block, unsigned event, unsigned lock,
                 uint8_t *bits)
{
    return collect_bits(g, block, event, lock, false, bits) ||
           collect_bits(g, block, event, lock, true, bits);
}

/* The node indexes from the entry to node `at`, in order; *len of them. */
static int *node_chain(const struct search *s, int at, unsigned *len)
{
    *len = 0;
    for (int i = at; i >= 0; i = s->nodes.v[i].parent)
        (*len)++;
    int *chain = xcalloc(*len + 1, sizeof *chain);
    unsigned k = *len;
    for (int i = at; i >= 0; i = s->nodes.v[i].parent)
        chain[--k] = i;
    return chain;
}

/* Per key, when the chain last reads it, or -1: 2 * step for a test on
 * the edge into that step's node, 2 * step + 1 for the source of a copy
 * in its block. */
static int *last_reads(const struct search *from, const int *chain, unsigned len)
{
    const struct cfg *g = from->g;
    int *last = xmalloc((g->nkeys + 1) * sizeof *last);
    for (unsigned k = 0; k <= g->nkeys; k++)
        last[k] = -1;
    for (unsigned step = 1; step < len; step++) {
        const struct node *at = &from->nodes.v[chain[step]];
        const struct cfg_edge *e = &g->succ[at->edge];
        int key, family = edge_family(g, e);
        bool truth;
        if (edge_test(g, e, &key, &truth))
            last[key] = 2 * (int)step;
        if (family >= 0)
            last[family] = 2 * (int)step;
        const struct cfg_block *blk = &g->blocks[at->block];
        for (unsigned i = 0; i < blk->nevents; i++) {
            const struct cfg_event *ev = &g->events[blk->first_event + i];
            if (ev->kind == EV_COPY_FACT)
                last[ev->result_var] = 2 * (int)step + 1;
        }
    }
    return last;
}

/* Keeps the facts that the path reads after the test into step `step`
 * (last_reads), and the object's own NULL test, which the target reads. */
static void keep_read_later(const struct search *s, struct node *n, const int *last, int step)
{
    unsigned j = 0;
    for (unsigned i = 0; i < n->nf; i++) {
        int key = n->f[i].key;
        if (s->is_object[key] || last[key] > 2 * step ||
            last[keyrel_family(s->g, key)] > 2 * step)
            n->f[j++] = n->f[i];
    }
    n->nf = j;
}

/* Whether the path to node `at` of search `from`, replayed from the entry
 * under search s's keys, never takes the side of a branch that an earlier
 * branch or store ruled out. It remembers only what a later step of this
 * very path reads: one path needs far fewer facts than every path through
 * a block, so a path that the search followed only by leaving a fact out
 * (for want of room) can still be proven, or refuted. */
static bool replay_holds(const struct search *s, const struct search *from, int at)
{
    unsigned len;
    int *chain = node_chain(from, at, &len);
    int *last = last_reads(from, chain, len);
    struct node n = entry_node(s);
    bool holds = true;
    for (unsigned step = 0; step < len && holds; step++) {
        const struct node *to = &from->nodes.v[chain[step]];
        if (step > 0)
            holds = apply_edge(s, &n, &s->g->succ[to->edge]);
        n.block = to->block;
        keep_read_later(s, &n, last, (int)step);
        const struct cfg_block *blk = &s->g->blocks[n.block];
        if (step + 1 < len)
            enter_block(s, &n);
        for (unsigned i = 0; holds && step + 1 < len && i < blk->nevents; i++) {
            holds = apply_event(s, &n, blk->first_event + i);
            keep_read_later(s, &n, last, (int)step);
        }
    }
    free(last);
    free(chain);
    return holds && !n.lost;
}

/* Whether the path a near-only search found holds when every key is
 * followed. */
static bool path_holds_for_all_keys(const struct search *near)
{
    struct search s = {.g = near->g, .lock = near->lock, .tblock = near->tblock,
                       .tevent = near->tevent, .want = near->want, .node_budget = 1};
    search_init(&s);
    bool holds = replay_holds(&s, near, near->found_node);
    search_free(&s);
    return holds;
}

/* One search; *dropped_far (when given) says whether near_only left out
 * a key the full search would follow, and *holds whether a path found
 * then holds for all of them. */
static enum refute_verdict search_once(struct arena *a, const struct cfg *g, unsigned block,
                                       unsigned event, unsigned lock, uint8_t want,
                                       bool near_only, struct refute_path *path,
                                       bool *dropped_far, bool *holds)
{
    struct search s = {.g = g, .lock = lock, .tblock = block, .tevent = event, .want = want,
                       .near_only = near_only,
                       .node_budget = near_only ? NEAR_NODE_BUDGET : NODE_BUDGET,
                       .event_budget = near_only ? NEAR_EVENT_BUDGET : EVENT_BUDGET};
    search_init(&s);
    enum refute_verdict v = run(&s);
    if (v == REFUTE_FEASIBLE && path)
        build_path(a, &s, path);
    if (dropped_far)
        *dropped_far = s.dropped_far;
    if (holds)
        *holds = v == REFUTE_FEASIBLE && s.dropped_far && path_holds_for_all_keys(&s);
    search_free(&s);
    return v;
}

/* First with the keys near the lock only: a smaller search, and when even
 * its looser constraints leave no path, none exists. Otherwise, if it left
 * out any key, every key is followed; when that search runs out of budget,
 * the near path stands if it holds for every key, and otherwise nothing
 * is known (a path through both sides of one test is no witness). */
enum refute_verdict refute_search(struct arena *a, const struct cfg *g, unsigned block,
                                  unsigned event, unsigned lock, uint8_t want,
                                  struct refute_path *path)
{
    struct refute_path near_path = {0};
    bool dropped_far, near_holds;
    enum refute_verdict near = search_once(a, g, block, event, lock, want, true, &near_path,
                                           &dropped_far, &near_holds);
    if (near == REFUTE_INFEASIBLE || !dropped_far) { /* the full search would be this one */
        if (near == REFUTE_FEASIBLE && path)
            *path = near_path;
        return near;
    }
    enum refute_verdict all =
        search_once(a, g, block, event, lock, want, false, path, NULL, NULL);
    if (all == REFUTE_UNKNOWN && near == REFUTE_UNPROVEN)
        return REFUTE_UNPROVEN;
    if (all == REFUTE_UNKNOWN && near == REFUTE_FEASIBLE) {
        if (!near_holds)
            return REFUTE_UNPROVEN;
        if (path)
            *path = near_path;
        return REFUTE_FEASIBLE;
    }
    return all;
}

/* Replays one path from the entry, every key followed: whether it never
 * takes a side of a branch that an earlier branch or store ruled out,
 * nor passes a call that does not return. */
bool refute_path_holds(const struct cfg *g, unsigned block, unsigned event, unsigned lock,
                       const struct cfg_edge *const *edges, unsigned nedges)
{
    struct search s = {.g = g, .lock = lock, .tblock = block, .tevent = event, .node_budget = 1};
    search_init(&s);
    struct node n = entry_node(&s);
    bool holds = true;
    for (unsigned i = 0; i < nedges && holds; i++) {
        const struct cfg_block *blk = &g->blocks[n.block];
        enter_block(&s, &n);
        for (unsigned k = 0; holds && k < blk->nevents; k++)
            holds = apply_event(&s, &n, blk->first_event + k);
        holds = holds && edges[i]->from == n.block && apply_edge(&s, &n, edges[i]);
        n.block = edges[i]->to;
    }
    search_free(&s);
    return holds && !n.lost;
}
