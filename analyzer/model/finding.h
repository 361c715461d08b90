/* SPDX-License-Identifier: MIT
 * finding: one report (rule, place, lock, message, the path that shows it)
 * and the run-wide collector. Findings made while analysing a TU live in
 * the TU arena; finding_collect deep-copies them into the collector, which
 * is safe to call from several worker threads. */
#ifndef LC_FINDING_H
#define LC_FINDING_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

struct arena;

enum rule_id {
#define RULE(sym, id, sev, summary) RULE_##sym,
#include "model/rules.def"
#undef RULE
    RULE_COUNT
};

struct rule_info {
    const char *id, *severity, *summary;
};
extern const struct rule_info finding_rules[RULE_COUNT];
/* RULE_COUNT if the id is unknown. */
enum rule_id finding_rule_by_id(const char *id);
/* Reads the rule-id word (letters, digits, '-') at p, for marks written in
 * comments. Returns its length, 0 if there is none; the word goes to id
 * (cut to fit) and its rule, or RULE_COUNT, is returned through *rule. */
size_t finding_read_rule_id(const char *p, char id[64], enum rule_id *rule);

struct finding_note {
    const char *file;
    unsigned line, column;
    const char *message;
};

struct finding {
    enum rule_id rule;
    const char *file;
    unsigned line, column;
    const char *function;
    const char *lock;    /* as written, or NULL */
    const char *message;
    struct finding_note *path; /* acquired here -> branches -> exit */
    unsigned npath;
    struct finding_note *related; /* e.g. where other paths release it */
    unsigned nrelated;
    unsigned function_line; /* where the function's name is */
    /* Set by collector_sort: stable across edits elsewhere in the file
     * (no line numbers in it), for baselines and SARIF. */
    char fingerprint[17];
    bool suppressed;            /* by an inline lockcheck-ignore comment */
    const char *suppress_reason;
    const char *severity;       /* overrides the rule's default, or NULL */
};

/* Lock `to` taken while `from` is held (by lock class), for lock order. */
struct order_edge {
    const char *from, *to;           /* classes */
    const char *from_lock, *to_lock; /* as written */
    const char *file, *function;
    unsigned line, column;           /* where `to` is acquired */
    unsigned held_line, held_column; /* where `from` was acquired */
};

/* --infer-guards: one access to unannotated data, and the sibling or global
 * locks held there ("mu,stats_mu"; "" when none). */
struct observation {
    const char *cls, *held, *file, *function, *text;
    unsigned line, column;
    bool write;
};

/* A function analysed (for lockcheck-ignore-function). */
struct function_site {
    const char *file, *name;
    unsigned line;
};

/* An input error for the "errors" list (file could not be analysed, parse
 * errors, bad rules). */
struct input_error {
    const char *file;
    unsigned line, column;
    const char *message;
};

struct collector {
    pthread_mutex_t mu;
    struct arena *a;
    struct finding *findings;
    size_t nfindings, cap;
    struct input_error *errors;
    size_t nerrors, errors_cap;
    struct function_site *sites;
    size_t nsites, sites_cap;
    struct order_edge *edges;
    size_t nedges, edges_cap;
    struct observation *obs;
    size_t nobs, obs_cap;
    unsigned long functions, files;
    unsigned long cached; /* files whose results came from the cache */
    unsigned long abandoned; /* workers left behind on a file over --timeout */
    unsigned long baselined; /* findings left out because the baseline has them */
    /* The project's root (rootpath.h): fingerprints name files relative to
     * it. NULL: as displayed. */
    const char *root;
};

void collector_init(struct collector *c);
void collector_free(struct collector *c);
void finding_collect(struct collector *c, const struct finding *f);
void collector_error(struct collector *c, const char *file, unsigned line, unsigned column,
                     const char *message);
void collector_function(struct collector *c, const char *file, const char *name, unsigned line);
void collector_order_edge(struct collector *c, const struct order_edge *e);
void collector_observation(struct collector *c, const struct observation *o);
/* Copies everything src holds into dst (counts added). */
void collector_merge(struct collector *dst, const struct collector *src);
/* Removes findings for which keep() is false (disabled rules, baseline). */
void collector_filter(struct collector *c, bool (*keep)(const struct finding *, void *), void *ctx);
/* Sorts findings by file, line, column, rule, message and drops exact
 * duplicates (a header analysed from several TUs); errors likewise. Then
 * computes fingerprints. */
void collector_sort(struct collector *c);

#endif
