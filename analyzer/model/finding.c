/* SPDX-License-Identifier: MIT
 * finding: rule table, collector, deterministic ordering. */
#include "model/finding.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "support/hash.h"
#include "support/rootpath.h"
#include "support/vec.h"

const struct rule_info finding_rules[RULE_COUNT] = {
#define RULE(sym, id, sev, summary) {id, sev, summary},
#include "model/rules.def"
#undef RULE
};

enum rule_id finding_rule_by_id(const char *id)
{
    for (int i = 0; i < RULE_COUNT; i++)
        if (!strcmp(finding_rules[i].id, id))
            return (enum rule_id)i;
    return RULE_COUNT;
}

size_t finding_read_rule_id(const char *p, char id[64], enum rule_id *rule)
{
    size_t n = 0;
    while (isalnum((unsigned char)p[n]) || p[n] == '-')
        n++;
    snprintf(id, 64, "%.*s", (int)n, p);
    *rule = n ? finding_rule_by_id(id) : RULE_COUNT;
    return n;
}

static const char *copy(struct arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

void collector_init(struct collector *c)
{
    memset(c, 0, sizeof *c);
    pthread_mutex_init(&c->mu, NULL);
    c->a = arena_new();
}

void collector_free(struct collector *c)
{
    pthread_mutex_destroy(&c->mu);
    arena_free(c->a);
    free(c->findings);
    free(c->errors);
    free(c->sites);
    free(c->edges);
    free(c->obs);
}

void collector_function(struct collector *c, const char *file, const char *name, unsigned line)
{
    pthread_mutex_lock(&c->mu);
    ARRAY_RESERVE1(c->sites, c->nsites, c->sites_cap, 64);
    c->sites[c->nsites++] = (struct function_site){copy(c->a, file), copy(c->a, name), line};
    pthread_mutex_unlock(&c->mu);
}

void collector_order_edge(struct collector *c, const struct order_edge *e)
{
    pthread_mutex_lock(&c->mu);
    ARRAY_RESERVE1(c->edges, c->nedges, c->edges_cap, 64);
    struct order_edge *x = &c->edges[c->nedges++];
    *x = *e;
    x->from = copy(c->a, e->from);
    x->to = copy(c->a, e->to);
    x->from_lock = copy(c->a, e->from_lock);
    x->to_lock = copy(c->a, e->to_lock);
    x->file = copy(c->a, e->file);
    x->function = copy(c->a, e->function);
    pthread_mutex_unlock(&c->mu);
}

void collector_observation(struct collector *c, const struct observation *o)
{
    pthread_mutex_lock(&c->mu);
    ARRAY_RESERVE1(c->obs, c->nobs, c->obs_cap, 256);
    struct observation *x = &c->obs[c->nobs++];
    *x = *o;
    x->cls = copy(c->a, o->cls);
    x->held = copy(c->a, o->held);
    x->file = copy(c->a, o->file);
    x->function = copy(c->a, o->function);
    x->text = copy(c->a, o->text);
    pthread_mutex_unlock(&c->mu);
}

void collector_merge(struct collector *dst, const struct collector *src)
{
    for (size_t i = 0; i < src->nfindings; i++)
        finding_collect(dst, &src->findings[i]);
    for (size_t i = 0; i < src->nerrors; i++)
        collector_error(dst, src->errors[i].file, src->errors[i].line, src->errors[i].column,
                        src->errors[i].message);
    for (size_t i = 0; i < src->nsites; i++)
        collector_function(dst, src->sites[i].file, src->sites[i].name, src->sites[i].line);
    for (size_t i = 0; i < src->nedges; i++)
        collector_order_edge(dst, &src->edges[i]);
    for (size_t i = 0; i < src->nobs; i++)
        collector_observation(dst, &src->obs[i]);
    pthread_mutex_lock(&dst->mu);
    dst->files += src->files;
    dst->cached += src->cached;
    dst->functions += src->functions;
    pthread_mutex_unlock(&dst->mu);
}

void collector_filter(struct collector *c, bool (*keep)(const struct finding *, void *), void *ctx)
{
    size_t j = 0;
    for (size_t i = 0; i < c->nfindings; i++)
        if (keep(&c->findings[i], ctx))
            c->findings[j++] = c->findings[i];
    c->nfindings = j;
}


static struct finding_note *copy_notes(struct arena *a, const struct finding_note *n,
                                       unsigned count)
{
    struct finding_note *out = arena_alloc(a, (count + 1) * sizeof *out);
    for (unsigned i = 0; i < count; i++) {
        out[i] = n[i];
        out[i].file = copy(a, n[i].file);
        out[i].message = copy(a, n[i].message);
    }
    return out;
}

void finding_collect(struct collector *c, const struct finding *f)
{
    pthread_mutex_lock(&c->mu);
    ARRAY_RESERVE1(c->findings, c->nfindings, c->cap, 64);
    struct finding *g = &c->findings[c->nfindings++];
    *g = *f;
    g->file = copy(c->a, f->file);
    g->function = copy(c->a, f->function);
    g->lock = copy(c->a, f->lock);
    g->message = copy(c->a, f->message);
    g->path = copy_notes(c->a, f->path, f->npath);
    g->related = copy_notes(c->a, f->related, f->nrelated);
    g->severity = copy(c->a, f->severity);
    pthread_mutex_unlock(&c->mu);
}

void collector_error(struct collector *c, const char *file, unsigned line, unsigned column,
                     const char *message)
{
    pthread_mutex_lock(&c->mu);
    ARRAY_RESERVE1(c->errors, c->nerrors, c->errors_cap, 16);
    c->errors[c->nerrors++] = (struct input_error){copy(c->a, file), line, column,
                                                   copy(c->a, message)};
    pthread_mutex_unlock(&c->mu);
}

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_finding(const void *x, const void *y)
{
    const struct finding *a = x, *b = y;
    int r = cmp_str(a->file, b->file);
    if (r)
        return r;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    if (a->rule != b->rule)
        return a->rule < b->rule ? -1 : 1;
    r = cmp_str(a->lock, b->lock);
    return r ? r : cmp_str(a->message, b->message);
}

static int cmp_error(const void *x, const void *y)
{
    const struct input_error *a = x, *b = y;
    int r = cmp_str(a->file, b->file);
    if (r)
        return r;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return cmp_str(a->message, b->message);
}

static uint64_t fnv(uint64_t h, const char *s)
{
    return hash_word(hash_str(h, s ? s : ""), 0xff); /* 0xff: field separator */
}

static uint64_t basis(const struct collector *c, const struct finding *f)
{
    uint64_t h = HASH_BASIS;
    h = fnv(h, finding_rules[f->rule].id);
    h = fnv(h, rootpath_relative(c->a, f->file, c->root));
    h = fnv(h, f->function);
    h = fnv(h, f->lock);
    return fnv(h, f->message);
}

/* Same rule, file, function, lock and message: the k-th such finding in
 * file order gets k mixed in, so moving code keeps every fingerprint. */
static void fingerprint_all(struct collector *c)
{
    uint64_t *b = xmalloc((c->nfindings + 1) * sizeof *b); /* each hashed once */
    for (size_t i = 0; i < c->nfindings; i++)
        b[i] = basis(c, &c->findings[i]);
    for (size_t i = 0; i < c->nfindings; i++) {
        unsigned k = 0;
        for (size_t j = i; j-- > 0 && !strcmp(c->findings[j].file, c->findings[i].file);)
            k += b[j] == b[i];
        char occurrence[16];
        snprintf(occurrence, sizeof occurrence, "%u", k);
        snprintf(c->findings[i].fingerprint, sizeof c->findings[i].fingerprint, "%016llx",
                 (unsigned long long)fnv(b[i], occurrence));
    }
    free(b);
}

void collector_sort(struct collector *c)
{
    if (c->nfindings)
        qsort(c->findings, c->nfindings, sizeof *c->findings, cmp_finding);
    size_t j = 0;
    for (size_t i = 0; i < c->nfindings; i++)
        if (!j || cmp_finding(&c->findings[j - 1], &c->findings[i]))
            c->findings[j++] = c->findings[i];
    c->nfindings = j;
    if (c->nerrors)
        qsort(c->errors, c->nerrors, sizeof *c->errors, cmp_error);
    j = 0;
    for (size_t i = 0; i < c->nerrors; i++)
        if (!j || cmp_error(&c->errors[j - 1], &c->errors[i]))
            c->errors[j++] = c->errors[i];
    c->nerrors = j;
    fingerprint_all(c);
}
