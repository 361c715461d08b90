/* SPDX-License-Identifier: MIT
 * Unit test of the lockset join at a loop head, without libclang: the
 * counter of a lock-guard loop (`for (i = 0; i ? unlock : lock; i = 1)`)
 * tells the entry (i = 0, lock free) from the way back (i = 1, lock held),
 * even when the entry side already correlates the lock with an earlier
 * branch and the way back knows nothing of that branch.
 *
 *     B0: if (w)           -> B1 / B2
 *     B1: lock(m) unlock(m) -> B3
 *     B2:                  -> B3
 *     B3: i = 0            -> B4
 *     B4: if (i)           -> B5 / B6
 *     B5: unlock(m)        -> B8
 *     B6: lock(m)          -> B7
 *     B7: i = 1            -> B4
 *     B8: return
 */
#include <stdint.h>
#include <stdlib.h>

#include "analysis/lockset.h"
#include "check.h"
#include "handgraph.h"
#include "support/arena.h"

enum { NBLOCKS = 9, NEVENTS = 8, KEY_W = 0, KEY_I = 1 };

struct graph {
    struct cfg g;
    struct cfg_block blocks[NBLOCKS];
    struct cfg_event events[NEVENTS];
    struct cfg_edge succ[10];
    unsigned pred[10];
    struct cfg_cond conds[2];
    struct cfg_lock lock;
    const char *key_text[2];
    bool key_flag[2];
    unsigned nevents;
};

static void add_event(struct graph *x, unsigned b, struct cfg_event ev)
{
    if (!x->blocks[b].nevents)
        x->blocks[b].first_event = x->nevents;
    ev.result_var = -1;
    ev.ret_var = -1;
    ev.ret_key = -1;
    x->events[x->nevents++] = ev;
    x->blocks[b].nevents++;
}


static void build(struct graph *x)
{
    *x = (struct graph){0};
    x->g = (struct cfg){.function = "f", .blocks = x->blocks, .nblocks = NBLOCKS,
                        .events = x->events, .succ = x->succ, .pred = x->pred,
                        .conds = x->conds, .nconds = 2, .locks = &x->lock, .nlocks = 1,
                        .key_text = x->key_text, .key_flag = x->key_flag, .nkeys = 2};
    x->key_text[KEY_W] = "w";
    x->key_text[KEY_I] = "i";
    x->key_flag[KEY_I] = true; /* stored 0 and 1 */
    x->lock = (struct cfg_lock){.key = "m", .display = "m", .index_var = {-1, -1},
                                .next_element = -1, .root_var = -1};
    struct cfg_event lock = {.kind = EV_ACQUIRE, .mode = LOCK_EXCLUSIVE};
    struct cfg_event unlock = {.kind = EV_RELEASE, .mode = LOCK_ANY};
    add_event(x, 1, lock);
    add_event(x, 1, unlock);
    add_event(x, 3, (struct cfg_event){.kind = EV_FACT, .lock = KEY_I, .write = false});
    add_event(x, 5, unlock);
    add_event(x, 6, lock);
    add_event(x, 7, (struct cfg_event){.kind = EV_FACT, .lock = KEY_I, .write = true});
    add_event(x, 8, (struct cfg_event){.kind = EV_EXIT});
    x->g.nevents = x->nevents;
    for (int c = 0; c < 2; c++)
        x->conds[c] = (struct cfg_cond){.op = CMP_NE, .try_event = -1, .try_var = -1,
                                        .key = c ? KEY_I : KEY_W, .param = -1};
    handgraph_edge(&x->g, 0, 1, EDGE_TRUE, 0);
    handgraph_edge(&x->g, 0, 2, EDGE_FALSE, 0);
    handgraph_edge(&x->g, 1, 3, EDGE_PLAIN, -1);
    handgraph_edge(&x->g, 2, 3, EDGE_PLAIN, -1);
    handgraph_edge(&x->g, 3, 4, EDGE_PLAIN, -1);
    handgraph_edge(&x->g, 4, 5, EDGE_TRUE, 1);
    handgraph_edge(&x->g, 4, 6, EDGE_FALSE, 1);
    handgraph_edge(&x->g, 5, 8, EDGE_PLAIN, -1);
    handgraph_edge(&x->g, 6, 7, EDGE_PLAIN, -1);
    handgraph_edge(&x->g, 7, 4, EDGE_PLAIN, -1);
    handgraph_link_preds(&x->g);
}

int main(void)
{
    struct graph x;
    build(&x);
    struct arena *a = arena_new();
    struct ls_result r;
    lockset_solve(a, &x.g, &r);
    CHECK_TRUE(!r.gave_up);
    /* the loop head may hold it or not */
    CHECK_TRUE((lockset_bits(&r.in[4], 0) & LS_HELD) != 0);
    /* the unlock arm runs only on the way back, holding it */
    CHECK_TRUE(lockset_bits(&r.in[5], 0) == LS_HELD_EX);
    /* the lock arm only on entry, not holding it */
    CHECK_TRUE((lockset_bits(&r.in[6], 0) & LS_HELD) == 0);
    CHECK_TRUE(lockset_bits(&r.in[8], 0) == LS_RELEASED);
    arena_free(a);
    return check_report("test_loopjoin");
}
