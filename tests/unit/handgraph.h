/* SPDX-License-Identifier: MIT
 * handgraph: edges and predecessor lists for the control-flow graphs the
 * unit tests build by hand (g->blocks, g->succ and g->pred point to the
 * test's own arrays, large enough). */
#ifndef LC_TEST_HANDGRAPH_H
#define LC_TEST_HANDGRAPH_H

#include "ir/cfg.h"

/* Appends edge from -> to; a block's edges must be added together. */
static inline void handgraph_edge(struct cfg *g, unsigned from, unsigned to,
                                  enum cfg_edge_kind kind, int cond)
{
    unsigned i = g->nedges++;
    g->succ[i] = (struct cfg_edge){.from = from, .to = to, .kind = kind, .cond = cond};
    if (!g->blocks[from].nsucc)
        g->blocks[from].first_succ = i;
    g->blocks[from].nsucc++;
}

/* Predecessor lists, grouped by target block, once every edge is in. */
static inline void handgraph_link_preds(struct cfg *g)
{
    unsigned n = 0;
    for (unsigned b = 0; b < g->nblocks; b++) {
        g->blocks[b].first_pred = n;
        for (unsigned e = 0; e < g->nedges; e++)
            if (g->succ[e].to == b)
                g->pred[n++] = e;
        g->blocks[b].npred = n - g->blocks[b].first_pred;
    }
}

#endif
