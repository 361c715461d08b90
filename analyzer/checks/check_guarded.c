/* SPDX-License-Identifier: MIT
 * check_guarded: unguarded-access and unguarded-write-shared (guarded
 * data touched without its lock, or written under a reader's hold),
 * excluded-held (a call that takes a lock itself, made while holding it)
 * and bad-annotation (an annotation that could not be read). */
#include <string.h>

#include "support/arena.h"
#include "checks/checks.h"
#include "support/vec.h"
#include "checks/witness.h"

struct hit {
    unsigned block, event;
    uint8_t before;
};

struct guarded {
    const struct cfg *cfg;
    VEC(struct hit) hits;
    int any_lock;     /* the lock GUARDED_VAR accesses name (CFG_ANY_LOCK), or -1 */
    int any_event;    /* the GUARDED_VAR access on_state just saw, or -1 */
    uint8_t any_bits; /* and what the locks held there amount to */
};

static int any_lock_of(const struct cfg *g)
{
    for (unsigned l = 0; l < g->nlocks; l++)
        if (!strcmp(g->locks[l].key, CFG_ANY_LOCK))
            return (int)l;
    return -1;
}

static bool names_any_lock(const struct cfg *g, const struct cfg_event *ev)
{
    return ev->kind == EV_ACCESS && !strcmp(g->locks[ev->lock].key, CFG_ANY_LOCK);
}

/* Before an access to GUARDED_VAR data, the locks held there as if they
 * were one: held (exclusively if one is) when some lock is held on every
 * path, untouched when none is held on any path, both otherwise. */
static void on_state(void *ctx, unsigned block, unsigned event, const struct ls_state *s)
{
    (void)block;
    struct guarded *g = ctx;
    const struct cfg_event *ev = &g->cfg->events[event];
    if (ev->kind != EV_ACCESS || (int)ev->lock != g->any_lock)
        return;
    uint8_t certain = 0;
    bool maybe = false;
    for (unsigned i = 0; i < s->n; i++) {
        uint8_t bits = s->e[i].bits;
        if ((bits & LS_HELD) && !(bits & ~LS_HELD))
            certain |= bits;
        maybe |= (bits & LS_HELD) != 0;
    }
    g->any_event = (int)event;
    g->any_bits = certain & LS_HELD_EX ? LS_HELD_EX
                  : certain            ? LS_HELD_SH
                  : maybe              ? (uint8_t)(LS_HELD_EX | LS_UNTOUCHED)
                                       : LS_UNTOUCHED;
}

static void on_event(void *ctx, unsigned block, unsigned event, uint8_t before)
{
    struct guarded *g = ctx;
    if (g->any_event == (int)event)
        before = g->any_bits;
    g->any_event = -1;
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

/* GUARDED_VAR data touched where no lock is held on any path. (Where
 * one is held on some paths only, which one would guard it is not known:
 * nothing is said.) */
static void check_any_lock_access(const struct check_ctx *c, const struct hit *h)
{
    const struct cfg_event *ev = &c->g->events[h->event];
    if (h->before != LS_UNTOUCHED)
        return;
    struct finding_note *path;
    int n = witness_path(c, h->block, h->event, ev->lock, LS_UNTOUCHED,
                         arena_printf(c->a, "'%s' %s here with no lock held", ev->data,
                                      ev->write ? "written" : "read"),
                         &path);
    if (n < 0)
        return; /* refuted: no consistent path */
    /* (the path's notes would tell the story of a lock that is none) */
    path = NULL;
    n = 0;
    emit(c, RULE_UNGUARDED_ACCESS, ev,
         arena_printf(c->a, "%s '%s' requires holding a lock (it is declared guarded by "
                            "whichever lock), but none is held on this path",
                      ev->passed ? "passing a pointer to" : ev->write ? "writing" : "reading",
                      ev->data),
         path, n);
}

static void check_access(const struct check_ctx *c, const struct hit *h)
{
    const struct cfg_event *ev = &c->g->events[h->event];
    if (names_any_lock(c->g, ev)) {
        check_any_lock_access(c, h);
        return;
    }
    const char *lock = c->g->locks[ev->lock].display;
    const char *verb = ev->passed ? "passing a pointer to" : ev->write ? "writing" : "reading";
    const char *data = ev->data;
    if (ev->passed && data[0] == '*') { /* the PT_GUARDED_BY pointer itself */
        verb = "passing the pointer";
        data++;
    }
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
                                    ev->passed ? "handed to a call" : ev->write ? "written" : "read",
                                    lock);
    int n = witness_path(c, h->block, h->event, ev->lock, want, last, &path);
    if (n < 0)
        return; /* refuted: no consistent path */
    const char *why = want == LS_RELEASED ? "it is not held on this path"
                      : (h->before & LS_HELD) ? "it is not held on every path here"
                                              : "it is never acquired on this path";
    emit(c, RULE_UNGUARDED_ACCESS, ev,
         arena_printf(c->a, "%s '%s' requires holding '%s', but %s", verb, data, lock, why),
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
    struct guarded g = {.cfg = c->g, .any_lock = any_lock_of(c->g), .any_event = -1};
    /* the whole state is looked at only where GUARDED_VAR data is touched */
    struct ls_hooks hooks = {&g, on_event, NULL, g.any_lock >= 0 ? on_state : NULL, NULL};
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
