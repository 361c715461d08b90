/* SPDX-License-Identifier: MIT
 * lockorder: opposite-order pairs -> findings. Pairs are sorted so the
 * choice of witness (the first site of each order in file order) and the
 * place of the finding (the later of the two) do not depend on threads. */
#include "analysis/lockorder.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

static int cmp_site(const struct order_edge *a, const struct order_edge *b)
{
    int r = strcmp(a->file, b->file);
    if (r)
        return r;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->column < b->column ? -1 : a->column > b->column;
}

static int cmp_edge(const void *x, const void *y)
{
    const struct order_edge *a = x, *b = y;
    int r = strcmp(a->from, b->from);
    if (!r)
        r = strcmp(a->to, b->to);
    return r ? r : cmp_site(a, b);
}

/* The first edge from -> to in sorted order, or NULL. */
static const struct order_edge *find(const struct order_edge *v, size_t n, const char *from,
                                     const char *to)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int r = strcmp(v[mid].from, from);
        if (!r)
            r = strcmp(v[mid].to, to);
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && !strcmp(v[lo].from, from) && !strcmp(v[lo].to, to) ? &v[lo] : NULL;
}

static void report(struct collector *c, const struct order_edge *here,
                   const struct order_edge *there)
{
    struct finding_note path[2] = {
        {here->file, here->held_line, here->held_column,
         arena_printf(c->a, "'%s' acquired here", here->from_lock)},
        {here->file, here->line, here->column,
         arena_printf(c->a, "then '%s' acquired while holding it", here->to_lock)}};
    struct finding_note related[2] = {
        {there->file, there->held_line, there->held_column,
         arena_printf(c->a, "elsewhere '%s' is acquired first, here (in '%s')", there->from_lock,
                      there->function)},
        {there->file, there->line, there->column,
         arena_printf(c->a, "and then '%s' while holding it", there->to_lock)}};
    struct finding f = {RULE_LOCK_ORDER, here->file, here->line, here->column, here->function,
                        here->to_lock,
                        arena_printf(c->a,
                                     "'%s' is acquired while holding '%s', but %s:%u acquires "
                                     "them in the opposite order (potential deadlock)",
                                     here->to_lock, here->from_lock, there->file, there->line),
                        path, 2, related, 2, 0, "", false, NULL, NULL};
    finding_collect(c, &f);
}

void lockorder_report(struct collector *c)
{
    if (!c->nedges)
        return;
    qsort(c->edges, c->nedges, sizeof *c->edges, cmp_edge);
    for (size_t i = 0; i < c->nedges; i++) {
        const struct order_edge *e = &c->edges[i];
        if (i && !strcmp(e->from, c->edges[i - 1].from) && !strcmp(e->to, c->edges[i - 1].to))
            continue; /* one finding per pair of classes */
        if (strcmp(e->from, e->to) > 0)
            continue; /* each pair once, from its smaller class */
        const struct order_edge *back = find(c->edges, c->nedges, e->to, e->from);
        if (!back)
            continue;
        /* The finding goes where the later of the two orders is. */
        if (cmp_site(e, back) > 0)
            report(c, e, back);
        else
            report(c, back, e);
    }
}
