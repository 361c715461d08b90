/* SPDX-License-Identifier: MIT
 * Unit tests of the analyses on hand-built graphs, without libclang: the
 * lockset join and the path check that refutes a contradictory path.
 *
 *     B0: if (c)          -> B1 / B2
 *     B1: lock(m)         -> B3
 *     B2:                 -> B3
 *     B3: if (c) (or d)   -> B4 / B5
 *     B4: unlock(m)       -> B6
 *     B5:                 -> B6
 *     B6: return
 */
#include <stdint.h>
#include <stdlib.h>

#include "analysis/lockset.h"
#include "analysis/refute.h"
#include "check.h"
#include "handgraph.h"
#include "support/arena.h"

enum { NBLOCKS = 7, ACQ = 0, REL = 1, EXIT = 2 };

struct graph {
    struct cfg g;
    struct cfg_block blocks[NBLOCKS];
    struct cfg_event events[3];
    struct cfg_edge succ[8];
    unsigned pred[8];
    struct cfg_cond conds[2];
    struct cfg_lock lock;
    const char *key_text[2];
    bool key_flag[2];
};

static void set_block(struct graph *x, unsigned b, unsigned first_event, unsigned nevents)
{
    x->blocks[b].first_event = first_event;
    x->blocks[b].nevents = nevents;
}


/* The graph above; the second test is of key `second_key` (0: the same
 * value as the first test, 1: another one). */
static void build(struct graph *x, int second_key)
{
    *x = (struct graph){0};
    x->g.function = "f";
    x->g.blocks = x->blocks;
    x->g.nblocks = NBLOCKS;
    x->g.events = x->events;
    x->g.nevents = 3;
    x->g.succ = x->succ;
    x->g.pred = x->pred;
    x->g.conds = x->conds;
    x->g.nconds = 2;
    x->g.locks = &x->lock;
    x->g.nlocks = 1;
    x->g.key_text = x->key_text;
    x->g.key_flag = x->key_flag;
    x->g.nkeys = 2;
    x->key_text[0] = "c";
    x->key_text[1] = "d";
    x->lock = (struct cfg_lock){.key = "m", .display = "m", .index_var = {-1, -1},
                                .next_element = -1, .root_var = -1};
    x->events[ACQ] = (struct cfg_event){.kind = EV_ACQUIRE, .lock = 0, .mode = LOCK_EXCLUSIVE,
                                        .result_var = -1, .ret_var = -1, .ret_key = -1};
    x->events[REL] = (struct cfg_event){.kind = EV_RELEASE, .lock = 0, .mode = LOCK_ANY,
                                        .result_var = -1, .ret_var = -1, .ret_key = -1};
    x->events[EXIT] = (struct cfg_event){.kind = EV_EXIT, .result_var = -1, .ret_var = -1,
                                         .ret_key = -1};
    for (int c = 0; c < 2; c++)
        x->conds[c] = (struct cfg_cond){.op = CMP_NE, .try_event = -1, .try_var = -1,
                                        .key = c ? second_key : 0, .param = -1};
    set_block(x, 1, ACQ, 1);
    set_block(x, 4, REL, 1);
    set_block(x, 6, EXIT, 1);
    handgraph_edge(&x->g, 0, 1, EDGE_TRUE, 0);
    handgraph_edge(&x->g, 0, 2, EDGE_FALSE, 0);
    handgraph_edge(&x->g, 1, 3, EDGE_PLAIN, -1);
    handgraph_edge(&x->g, 2, 3, EDGE_PLAIN, -1);
    handgraph_edge(&x->g, 3, 4, EDGE_TRUE, 1);
    handgraph_edge(&x->g, 3, 5, EDGE_FALSE, 1);
    handgraph_edge(&x->g, 4, 6, EDGE_PLAIN, -1);
    handgraph_edge(&x->g, 5, 6, EDGE_PLAIN, -1);
    handgraph_link_preds(&x->g);
}

/* The lattice joins the two sides of the first test: held or untouched. */
static void test_join(void)
{
    struct graph x;
    build(&x, 0);
    struct arena *a = arena_new();
    struct ls_result r;
    lockset_solve(a, &x.g, &r);
    CHECK_TRUE(!r.gave_up);
    uint8_t at_second_test = lockset_bits(&r.in[3], 0);
    CHECK_TRUE((at_second_test & LS_HELD) != 0);
    CHECK_TRUE((at_second_test & LS_UNTOUCHED) != 0);
    arena_free(a);
}

/* Released where it was never taken, or held at the return: both need
 * the two tests of one value to disagree, and no path does that. */
static void test_same_value_refuted(void)
{
    struct graph x;
    build(&x, 0);
    struct arena *a = arena_new();
    struct refute_path p;
    CHECK_TRUE(refute_search(a, &x.g, 4, REL, 0, LS_UNTOUCHED | LS_RELEASED, &p) ==
               REFUTE_INFEASIBLE);
    CHECK_TRUE(refute_search(a, &x.g, 6, EXIT, 0, LS_HELD, &p) == REFUTE_INFEASIBLE);
    uint8_t bits = 0;
    CHECK_TRUE(refute_bits(&x.g, 6, EXIT, 0, &bits));
    CHECK_TRUE(!(bits & LS_HELD));
    arena_free(a);
}

/* Two different values: the leak is a real path, and the path shown
 * starts at the acquire and takes the false side of the second test. */
static void test_other_value_feasible(void)
{
    struct graph x;
    build(&x, 1);
    struct arena *a = arena_new();
    struct refute_path p;
    CHECK_TRUE(refute_search(a, &x.g, 6, EXIT, 0, LS_HELD, &p) == REFUTE_FEASIBLE);
    CHECK_TRUE(p.origin_event == ACQ);
    CHECK_TRUE(p.nedges >= 1 && p.edges[p.nedges - 1]->from == 5);
    bool through_false = false;
    for (unsigned i = 0; i < p.nedges; i++)
        through_false |= p.edges[i]->from == 3 && p.edges[i]->kind == EDGE_FALSE;
    CHECK_TRUE(through_false);
    arena_free(a);
}

/* A path found without the search's proof (a function too large for it),
 * led from the entry: through both sides of one value's tests it does not
 * hold; through the tests of two values it does. */
static void test_replayed_path(void)
{
    for (int second = 0; second < 2; second++) {
        struct graph x;
        build(&x, second);
        const struct cfg_edge *path[] = {&x.succ[0], &x.succ[2], &x.succ[5], &x.succ[7]};
        CHECK_TRUE(path[0]->to == 1 && path[2]->kind == EDGE_FALSE && path[3]->to == 6);
        CHECK_TRUE(refute_path_holds(&x.g, 6, EXIT, 0, path, 4) == (second == 1));
    }
}

int main(void)
{
    test_join();
    test_same_value_refuted();
    test_other_value_feasible();
    test_replayed_path();
    printf("%d checks, %d failed\n", check_count, check_failures);
    return check_failures != 0;
}
