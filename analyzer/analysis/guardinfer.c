/* SPDX-License-Identifier: MIT
 * guardinfer: observations -> outlier findings (see guardinfer.h). */
#include "analysis/guardinfer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

enum { MIN_HELD = 3 };

static int by_class(const void *x, const void *y)
{
    const struct observation *a = x, *b = y;
    int r = strcmp(a->cls, b->cls);
    if (r)
        return r;
    r = strcmp(a->file, b->file);
    if (r)
        return r;
    return a->line < b->line ? -1 : a->line > b->line;
}

/* Is `name` one of the comma-separated locks in `held`? */
static bool holds(const char *held, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = held; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && !strncmp(p, name, n))
            return true;
        p += len + (p[len] == ',');
    }
    return false;
}

/* The lock held in most accesses of v[0..n) (heap string), and how often;
 * ties go to the smaller name, so the answer does not depend on order. */
static char *best_lock(const struct observation *v, size_t n, size_t *count)
{
    char *best = NULL;
    *count = 0;
    for (size_t i = 0; i < n; i++) {
        for (const char *p = v[i].held; *p;) {
            size_t len = strcspn(p, ",");
            char name[128];
            snprintf(name, sizeof name, "%.*s", (int)len, p);
            size_t k = 0;
            for (size_t j = 0; j < n; j++)
                k += holds(v[j].held, name);
            if (k > *count || (k == *count && best && strcmp(name, best) < 0)) {
                free(best);
                best = xstrdup(name);
                *count = k;
            }
            p += len + (p[len] == ',');
        }
    }
    return best;
}

static void report_outliers(struct collector *c, const struct observation *v, size_t n)
{
    size_t held;
    char *lock = best_lock(v, n, &held);
    if (!lock)
        return;
    if (held >= MIN_HELD && held * 4 >= n * 3 && held < n) {
        const char *dot = strrchr(v[0].cls, '.');
        const char *field = dot ? dot + 1 : v[0].cls;
        for (size_t i = 0; i < n; i++) {
            if (holds(v[i].held, lock))
                continue;
            const char *msg = arena_printf(
                c->a, "%s '%s' without '%s', which is held in %zu of its %zu accesses "
                      "(if it guards it, say so: GUARDED_BY(%s) on '%s')",
                v[i].write ? "writing" : "reading", v[i].text, lock, held, n, lock, field);
            struct finding f = {RULE_UNGUARDED_ACCESS, v[i].file, v[i].line, v[i].column,
                                v[i].function, lock, msg, NULL, 0, NULL, 0, 0, "", false, NULL,
                                "note"};
            finding_collect(c, &f);
        }
    }
    free(lock);
}

void guardinfer_report(struct collector *c)
{
    if (!c->nobs)
        return;
    qsort(c->obs, c->nobs, sizeof *c->obs, by_class);
    size_t start = 0;
    for (size_t i = 1; i <= c->nobs; i++) {
        if (i < c->nobs && !strcmp(c->obs[i].cls, c->obs[start].cls))
            continue;
        report_outliers(c, c->obs + start, i - start);
        start = i;
    }
}
