/* SPDX-License-Identifier: MIT
 * checks: runs every registered check over one solved CFG. A check reads
 * the CFG and the lockset result and emits findings through the context;
 * it never prints. No libclang here. */
#ifndef LC_CHECKS_H
#define LC_CHECKS_H

#include "ir/cfg.h"
#include "model/finding.h"
#include "analysis/summary.h"
#include "analysis/lockset.h"

struct check_ctx {
    struct arena *a; /* TU arena: findings are copied out by emit */
    const struct cfg *g;
    const struct ls_result *r;
    /* What the function does to each lock (summary_facts), computed once
     * where its contract was inferred. */
    const struct summary_lock *facts;
    const char *file;
    void (*emit)(void *emit_ctx, const struct finding *f);
    void *emit_ctx;
    /* Lock order edges, gathered over the whole run (may be NULL). */
    void (*order)(void *emit_ctx, const struct order_edge *e);
    /* --infer-guards observations (may be NULL). */
    void (*observe)(void *emit_ctx, const struct observation *o);
};

/* The check list: CHECK(name) for every check_<name>.c. */
#define CHECKS_LIST CHECK(pairing) CHECK(moved) CHECK(guarded) CHECK(order) CHECK(observe)

#define CHECK(name) void check_##name(const struct check_ctx *c);
CHECKS_LIST
#undef CHECK

void checks_run(const struct check_ctx *c);

#endif
