/* SPDX-License-Identifier: MIT
 * refute: checks a finding's path before it is reported. The lockset
 * lattice joins paths, so "held on some path" may come from paths that
 * cannot happen together (`if (c) lock(); ... if (c) unlock();`, a try
 * result kept in a variable, a lock whose object pointer was tested
 * NULL). This module searches forward from the function's entry, one
 * concrete state of one lock and the branch outcomes the path has fixed,
 * for a path that reaches the finding's event with the lock in the wanted
 * state. Bounded: past the budget the answer is "unknown". A path
 * remembers only the outcomes that a test on its way to the finding
 * still reads, and only so many of them: a path found after one had to
 * be left out is replayed alone, remembering what that path reads again,
 * and stands only if it holds then (else "unproven": nothing is
 * reported on a fact the search lost).
 * No libclang. Scratch memory is freed before return; the path is put in
 * the check's arena. */
#ifndef LC_REFUTE_H
#define LC_REFUTE_H

#include "ir/cfg.h"
#include "analysis/lockset.h"

struct arena;

enum refute_verdict {
    REFUTE_FEASIBLE,   /* a consistent path exists; *path describes it */
    REFUTE_INFEASIBLE, /* every path to the event contradicts itself */
    REFUTE_UNKNOWN,    /* the search ran out of budget */
    REFUTE_UNPROVEN,   /* out of budget, and the one path found went
                          through both sides of a test: nothing to report */
};

/* A consistent path: the event that put the lock in the wanted state
 * (-1: the function's entry) and the edges taken after it, in order. */
struct refute_path {
    int origin_event;
    const struct cfg_edge **edges;
    unsigned nedges;
};

/* want: a set of LS_* bits. The path's edges are put in arena a. */
enum refute_verdict refute_search(struct arena *a, const struct cfg *g, unsigned block,
                                  unsigned event, unsigned lock, uint8_t want,
                                  struct refute_path *path);

/* Every state the lock can be in just before (block, event) on a
 * consistent path, in *bits (0: unreachable, or the lock does not exist
 * there). False, and *bits untouched, when the search ran out of budget. */
bool refute_bits(const struct cfg *g, unsigned block, unsigned event, unsigned lock,
                 uint8_t *bits);

/* Whether the path from the entry along `edges` (each leaving the block
 * the one before entered) to the finding at (block, event) is consistent
 * when every tested key is followed. */
bool refute_path_holds(const struct cfg *g, unsigned block, unsigned event, unsigned lock,
                       const struct cfg_edge *const *edges, unsigned nedges);

#endif
