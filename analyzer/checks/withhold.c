/* SPDX-License-Identifier: MIT */
#include "checks/withhold.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

static bool pairing_rule(enum rule_id r)
{
    return r == RULE_MISSING_RELEASE || r == RULE_RELEASE_UNHELD || r == RULE_DOUBLE_ACQUIRE ||
           r == RULE_REQUIRES_LOCK;
}

/* What names the lock across the functions of a file: its path past the
 * variable it starts from (`->mu` of `p->mu` and `pad->mu`), or a global's
 * name. Files are apart: a static lock of one file is not another's, and
 * shards of a run (--shard) are whole files. */
static const char *group_key(struct arena *a, const struct finding *f)
{
    const char *lock = f->lock + strspn(f->lock, "&*( ");
    const char *rest = lock;
    while (isalnum((unsigned char)*rest) || *rest == '_')
        rest++;
    if (rest == lock || (strncmp(rest, "->", 2) && *rest != '.'))
        rest = lock;
    return arena_printf(a, "%s\x1f%s", f->file, rest);
}

struct member {
    const char *key;
    const struct finding *f;
    size_t index;
};

static int by_key_then_place(const void *x, const void *y)
{
    const struct member *a = x, *b = y;
    int k = strcmp(a->key, b->key);
    if (k)
        return k;
    k = strcmp(a->f->file, b->f->file);
    if (k)
        return k;
    if (a->f->line != b->f->line)
        return a->f->line < b->f->line ? -1 : 1;
    if (a->f->column != b->f->column)
        return a->f->column < b->f->column ? -1 : 1;
    return strcmp(a->f->function ? a->f->function : "", b->f->function ? b->f->function : "");
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The number of distinct functions among members [from, to). */
static unsigned distinct_functions(const struct member *m, size_t from, size_t to)
{
    const char **names = malloc((to - from + 1) * sizeof *names);
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        names[n++] = m[i].f->function ? m[i].f->function : "";
    qsort(names, n, sizeof *names, by_name);
    unsigned distinct = 0;
    for (size_t i = 0; i < n; i++)
        distinct += i == 0 || strcmp(names[i], names[i - 1]) != 0;
    free(names);
    return distinct;
}

static struct finding flood_note(struct arena *a, const struct finding *first, size_t count,
                                 unsigned functions)
{
    struct finding n = *first;
    n.rule = RULE_ANALYSIS_INCOMPLETE;
    n.message = arena_printf(
        a,
        "%zu findings about '%s' in %u functions withheld: when this many functions seem to "
        "misuse one lock, its API is more likely not understood here (a wrapper or macro the "
        "rules do not describe) than wrong everywhere; describe it in a rules file, or see "
        "them with --all-findings",
        count, first->lock, functions);
    n.path = NULL;
    n.npath = 0;
    n.related = NULL;
    n.nrelated = 0;
    n.severity = NULL;
    return n;
}

/* The findings of the rules `of` picks, each with its group's key, sorted
 * by key and then by place; *n is how many. */
static struct member *members(struct collector *c, bool (*of)(enum rule_id),
                              const char *(*key)(struct arena *, const struct finding *),
                              size_t *n)
{
    struct member *m = malloc((c->nfindings + 1) * sizeof *m);
    *n = 0;
    for (size_t i = 0; i < c->nfindings; i++) {
        const struct finding *f = &c->findings[i];
        if (of(f->rule) && f->lock && !f->suppressed)
            m[(*n)++] = (struct member){key(c->a, f), f, i};
    }
    qsort(m, *n, sizeof *m, by_key_then_place);
    return m;
}

/* Takes the findings marked gone out of the collector. */
static void drop_gone(struct collector *c, const bool *gone)
{
    size_t keep = 0;
    for (size_t i = 0; i < c->nfindings; i++)
        if (!gone[i])
            c->findings[keep++] = c->findings[i];
    c->nfindings = keep;
}

void withhold_floods(struct collector *c, unsigned min_functions)
{
    size_t n;
    struct member *m = members(c, pairing_rule, group_key, &n);
    bool *gone = calloc(c->nfindings + 1, 1);
    struct finding *notes = malloc((n + 1) * sizeof *notes);
    size_t nnotes = 0;
    for (size_t from = 0, to; from < n; from = to) {
        for (to = from + 1; to < n && !strcmp(m[to].key, m[from].key); to++)
            ;
        unsigned functions = distinct_functions(m, from, to);
        if (functions < min_functions)
            continue;
        notes[nnotes++] = flood_note(c->a, m[from].f, to - from, functions);
        for (size_t i = from; i < to; i++)
            gone[m[i].index] = true;
    }
    drop_gone(c, gone);
    for (size_t i = 0; i < nnotes; i++)
        finding_collect(c, &notes[i]);
    free(notes);
    free(gone);
    free(m);
}

static bool repeat_rule(enum rule_id r)
{
    return r == RULE_RELEASE_UNHELD || r == RULE_DOUBLE_ACQUIRE || r == RULE_REQUIRES_LOCK;
}

/* One function's findings of one rule on one lock, in one file. */
static const char *repeat_key(struct arena *a, const struct finding *f)
{
    return arena_printf(a, "%s\x1f%s\x1f%u\x1f%s", f->file, f->function ? f->function : "",
                        (unsigned)f->rule, f->lock);
}

/* The finding, with a note saying how many like it were withheld. */
static void note_repeats(struct arena *a, struct finding *f, size_t more)
{
    struct finding_note *related = arena_alloc(a, (f->nrelated + 1) * sizeof *related);
    for (unsigned i = 0; i < f->nrelated; i++)
        related[i] = f->related[i];
    related[f->nrelated] = (struct finding_note){
        f->file, f->line, f->column,
        arena_printf(a, "%zu more findings like this one on '%s' in '%s' follow from the state "
                        "it leaves (--all-findings shows them)",
                     more, f->lock, f->function ? f->function : "")};
    f->related = related;
    f->nrelated++;
}

void withhold_repeats(struct collector *c)
{
    size_t n;
    struct member *m = members(c, repeat_rule, repeat_key, &n);
    bool *gone = calloc(c->nfindings + 1, 1);
    for (size_t from = 0, to; from < n; from = to) {
        for (to = from + 1; to < n && !strcmp(m[to].key, m[from].key); to++)
            gone[m[to].index] = true;
        if (to - from > 1)
            note_repeats(c->a, &c->findings[m[from].index], to - from - 1);
    }
    drop_gone(c, gone);
    free(gone);
    free(m);
}
