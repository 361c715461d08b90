/* SPDX-License-Identifier: MIT
 * check_guarded: unguarded-access and unguarded-write-shared (guarded
 * data touched without its lock, or written under a reader's hold),
 * excluded-held (a call that takes a lock itself, made while holding it)
 * and bad-annotation (an annotation that could not be read). */
#include "support/arena.h"
#include "checks/checks.h"
#include "support/vec.h"
#include "checks/witness.h"

struct hit {
    unsigned block, event;
    uint8_t before;
};

struct guarded {
    VEC(struct hit) hits;
};

static void on_event(void *ctx, unsigned block, unsigned event, uint8_t before)
{
    struct guarded *g = ctx;
    struct hit h = {block, event, before};
    VEC_PUSH(g->hits, h);
}

static void emit(const struct check_ctx *c, enum rule_id rule, const struct cfg_event *ev,
                 const char *message, struct finding_note *path, unsigned npath)
{
    struct finding f = {rule, c->file, ev->loc.line, ev->loc.column, c->g->function,
                        c->g->locks[ev->lock].display, message, path, npath, NULL, 0,
                        c->g->loc.line, "", false, NULL, NULL};
    c->emit(c->emit_ctx, &f);
}

static void check_access(const struct check_ctx *c, const struct hit *h)
{
    const struct cfg_event *ev = &c->g->events[h->event];
    const char *lock = c->g->locks[ev->lock].display, *verb = ev->write ? "writing" : "reading";
    struct finding_note *path;
    if ((h->before & LS_HELD) && !(h->before & ~LS_HELD)) {
        if (!ev->write || (h->before & LS_HELD_EX))
            return;
        int n = witness_path(c, h->block, h->event, ev->lock, LS_HELD_SH,
                             arena_printf(c->a, "'%s' written here", ev->data), &path);
        if (n < 0)
            return; /* refuted: no consistent path */
        emit(c, RULE_UNGUARDED_WRITE_SHARED, ev,
             arena_printf(c->a, "writing '%s' requires '%s' held exclusively, but it is held "
                                "only shared here", ev->data, lock),
             path, n);
        return;
    }
    uint8_t want = h->before & LS_RELEASED ? LS_RELEASED : LS_UNTOUCHED;
    const char *last = arena_printf(c->a, "'%s' %s here without '%s'", ev->data,
                                    ev->write ? "written" : "read", lock);
    int n = witness_path(c, h->block, h->event, ev->lock, want, last, &path);
    if (n < 0)
        return; /* refuted: no consistent path */
    const char *why = want == LS_RELEASED ? "it is not held on this path"
                      : (h->before & LS_HELD) ? "it is not held on every path here"
                                              : "it is never acquired on this path";
    emit(c, RULE_UNGUARDED_ACCESS, ev,
         arena_printf(c->a, "%s '%s' requires holding '%s', but %s", verb, ev->data, lock, why),
         path, n);
}

/* Only declared exclusions are reported (EXCLUDES, rules files): one
 * inferred from a helper's body that takes the lock and gives it back may
 * be a recursive lock taken again on purpose, and whether a lock is
 * recursive is set at run time (pthread_mutexattr_settype), not in the
 * code's types. Inferred exclusions still tell which locks a function
 * assumes free (check_pairing). */
static void check_exclude(const struct check_ctx *c, const struct hit *h)
{
    const struct cfg_event *ev = &c->g->events[h->event];
    if (!(h->before & LS_HELD) || (ev->rule && ev->rule->inferred))
        return;
    const char *lock = c->g->locks[ev->lock].display;
    struct finding_note *path;
    int n = witness_path(c, h->block, h->event, ev->lock, LS_HELD,
                         arena_printf(c->a, "'%s' called here", ev->callee), &path);
    if (n < 0)
        return; /* refuted: no consistent path */
    emit(c, RULE_EXCLUDED_HELD, ev,
         arena_printf(c->a, "'%s' must not be called with '%s' held (it takes it itself), "
                            "but '%s' is held here", ev->callee, lock, lock),
         path, n);
}

static void report_bad_annotations(const struct check_ctx *c)
{
    for (unsigned i = 0; i < c->g->nproblems; i++) {
        const struct cfg_problem *p = &c->g->problems[i];
        /* At the annotation itself: one finding whichever function met it. */
        struct finding f = {RULE_BAD_ANNOTATION, c->file, p->loc.line, p->loc.column,
                            p->elsewhere ? "" : c->g->function, NULL, p->message, NULL, 0, NULL,
                            0, c->g->loc.line, "", false, NULL, NULL};
        c->emit(c->emit_ctx, &f);
    }
}

void check_guarded(const struct check_ctx *c)
{
    report_bad_annotations(c);
    if (c->g->no_analysis || c->r->gave_up)
        return;
    struct guarded g = {{0}};
    struct ls_hooks hooks = {&g, on_event, NULL, NULL};
    for (unsigned b = 0; b < c->g->nblocks; b++)
        lockset_replay(c->a, c->g, c->r, b, &hooks);
    for (size_t i = 0; i < g.hits.n; i++) {
        enum cfg_event_kind k = c->g->events[g.hits.v[i].event].kind;
        if (k == EV_ACCESS)
            check_access(c, &g.hits.v[i]);
        else if (k == EV_EXCLUDE)
            check_exclude(c, &g.hits.v[i]);
    }
    VEC_FREE(g.hits);
}
