/* SPDX-License-Identifier: MIT
 * check_pairing: missing-release, double-acquire, release-unheld,
 * lock-kind-mismatch and requires-lock (lock-call contracts from rules).
 * One replay of every reached block collects candidates; each becomes one
 * finding with its witness path.
 *
 * Unannotated helpers: a function that holds a lock it took on every exit
 * and never releases it is a lock-taking helper (its contract, inferred);
 * a release of a lock that no path into it took here is the caller's lock
 * (also inferred). LIMIT: such inferred contracts are not yet applied at
 * call sites. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "support/arena.h"
#include "checks/checks.h"
#include "model/lockname.h"
#include "analysis/refute.h"
#include "analysis/summary.h"
#include "support/vec.h"
#include "checks/witness.h"

struct exit_hit {
    unsigned block, event, lock;
    uint8_t bits;
};

struct event_hit {
    unsigned block, event;
    uint8_t before;
};

struct pairing {
    const struct check_ctx *c;
    VEC(struct exit_hit) exits;
    VEC(struct exit_hit) thread_exits; /* held where a call ends the thread */
    VEC(struct event_hit) events;
    bool **published_reach; /* per lock: reached_from_stores, made on first use */
    uint8_t *held_where_exists; /* per lock: 0 not yet asked, 1 no, 2 yes */
    bool *switched; /* per lock: switched_by_count; NULL when none is */
};

/* `base->current = cmd; return;` with cmd->lck held: on the way to this
 * exit the object was stored, locked, for later code to finish and unlock
 * (cfg_lock.published_at; an exit that such a store reaches). */
static bool left_with_object(struct pairing *p, unsigned lock, unsigned exit_block)
{
    const struct cfg *g = p->c->g;
    if (!g->locks[lock].npublished_at)
        return false;
    if (!p->published_reach)
        p->published_reach = xcalloc(g->nlocks + 1, sizeof *p->published_reach);
    if (!p->published_reach[lock]) {
        p->published_reach[lock] = xcalloc(g->nblocks + 1, 1);
        cfg_mark_reachable(g, g->locks[lock].published_at, g->locks[lock].npublished_at,
                           p->published_reach[lock]);
    }
    return p->published_reach[lock][exit_block];
}

static void on_event(void *ctx, unsigned block, unsigned event, uint8_t before)
{
    struct pairing *p = ctx;
    struct event_hit h = {block, event, before};
    VEC_PUSH(p->events, h);
}

/* `return oh;` with oh->mtx held hands the object over locked (a lookup
 * that returns its find locked): the lock goes with it, to the caller. */
static bool returned_with_object(const struct cfg *g, unsigned event, unsigned lock)
{
    int var = g->events[event].ret_var;
    return var >= 0 && var == g->locks[lock].root_var;
}

/* `*has_lock = true; return st;`: the out-parameter flag (summary.h,
 * told_key1) tells the caller this exit holds the lock. */
static bool told_held(const struct check_ctx *c, const struct ls_state *s, unsigned lock)
{
    unsigned key1 = c->facts[lock].told_key1;
    return key1 && lockset_fact(s, (int)key1 - 1) == 1;
}

/* `cur = &s->lock; ... error: if (cur) unlock(cur);` where the alias is
 * not followed (cfg_lock.address_of): this path released a lock that may
 * be this one, through the pointer. */
static bool released_through_address(const struct cfg *g, const struct ls_state *s, unsigned lock)
{
    for (unsigned m = 0; m < g->nlocks; m++)
        if (m != lock && g->locks[m].address_of &&
            !strcmp(g->locks[m].address_of, g->locks[lock].key) &&
            (lockset_bits(s, m) & LS_RELEASED))
            return true;
    return false;
}

static void on_function_exit(void *ctx, unsigned block, unsigned event, const struct ls_state *s)
{
    struct pairing *p = ctx;
    /* main's return ends the process and every thread with it: a lock still
     * held there (a shutdown that takes its locks for good) waits for no one */
    if (!strcmp(p->c->g->function, "main"))
        return;
    for (unsigned i = 0; i < s->n; i++) {
        if (!(s->e[i].bits & LS_HELD) || returned_with_object(p->c->g, event, s->e[i].lock) ||
            left_with_object(p, s->e[i].lock, block) ||
            told_held(p->c, s, s->e[i].lock) || released_through_address(p->c->g, s, s->e[i].lock))
            continue;
        struct exit_hit h = {block, event, s->e[i].lock, s->e[i].bits};
        VEC_PUSH(p->exits, h);
    }
}

static void emit(const struct check_ctx *c, enum rule_id rule, const struct cfg_event *at,
                 unsigned lock, const char *message, struct finding_note *path, unsigned npath,
                 struct finding_note *related, unsigned nrelated)
{
    struct finding f = {rule, c->file, at->loc.line, at->loc.column, c->g->function,
                        c->g->locks[lock].display, message, path, npath, related, nrelated,
                        c->g->loc.line, "", false, NULL, NULL};
    c->emit(c->emit_ctx, &f);
}

static bool releases_anywhere(const struct cfg *g, unsigned lock);

/* Whether some event makes the lock's state unknown to the path search
 * (code it went to, a store to a variable its name rests on): there, a
 * free lock looks like no lock at all. (A destroyed lock is none.) */
static bool state_may_be_lost(const struct cfg *g, unsigned lock)
{
    const struct cfg_lock *l = &g->locks[lock];
    for (unsigned i = 0; i < g->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        if ((ev->kind == EV_FORGET && ev->lock == lock && !ev->ends_lock) ||
            (ev->kind == EV_KILL_VAR &&
             ((int)ev->lock == l->index_var[0] || (int)ev->lock == l->index_var[1] ||
              cfg_var_roots(g, lock, (int)ev->lock))))
            return true;
    }
    return false;
}

/* Whether some exit of the function may be reached without the lock
 * held, as the lattice sees it: an exit with no hit for it, or one whose
 * hit also has it free. (Held at every exit, the function's contract was
 * judged already: a lock taken twice, a RELEASE that never releases.) */
static bool some_exit_may_be_free(const struct pairing *p, unsigned lock)
{
    const struct cfg *g = p->c->g;
    for (unsigned i = 0; i < g->nevents; i++) {
        if (g->events[i].kind != EV_EXIT)
            continue;
        bool held_only = false;
        for (size_t k = 0; k < p->exits.n && !held_only; k++)
            held_only = p->exits.v[k].event == i && p->exits.v[k].lock == lock &&
                        !(p->exits.v[k].bits & (LS_UNTOUCHED | LS_RELEASED));
        if (!held_only)
            return true;
    }
    return false;
}

/* `if (out && *out) lock(&(*out)->mu); return;` in a function that
 * releases it nowhere: the lattice has it free at some exit, but no exit
 * is reached, on a consistent path, with the lock free and its object
 * there. The function takes the lock for its caller wherever the lock
 * exists, as one that holds it at every exit does (a lock function that
 * skips an object it did not find). */
static bool held_wherever_it_exists(const struct pairing *p, unsigned lock)
{
    const struct check_ctx *c = p->c;
    const struct cfg *g = c->g;
    if (releases_anywhere(g, lock) || state_may_be_lost(g, lock) ||
        !some_exit_may_be_free(p, lock))
        return false;
    for (unsigned b = 0; b < g->nblocks; b++) {
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = blk->first_event; i < blk->first_event + blk->nevents; i++) {
            struct refute_path path;
            if (g->events[i].kind == EV_EXIT &&
                refute_search(c->a, g, b, i, lock, LS_UNTOUCHED | LS_RELEASED, &path) !=
                    REFUTE_INFEASIBLE)
                return false;
        }
    }
    return true;
}

/* held_wherever_it_exists, asked once per lock: its path searches run at
 * every exit, and a lock may have a hit at several. */
static bool held_where_exists_once(struct pairing *p, unsigned lock)
{
    if (!p->held_where_exists)
        p->held_where_exists = xcalloc(p->c->g->nlocks + 1, 1);
    if (!p->held_where_exists[lock])
        p->held_where_exists[lock] = held_wherever_it_exists(p, lock) ? 2 : 1;
    return p->held_where_exists[lock] == 2;
}

static void report_exit(struct pairing *p, const struct exit_hit *h)
{
    const struct check_ctx *c = p->c;
    if (held_where_exists_once(p, h->lock))
        return;
    const char *name = c->g->locks[h->lock].display;
    struct finding_note *path;
    int n = witness_path(c, h->block, h->event, h->lock, LS_HELD,
                         arena_printf(c->a, "returning with '%s' still held", name), &path);
    if (n < 0)
        return; /* refuted: no consistent path */
    struct finding_note *related = NULL;
    unsigned nrelated = 0;
    for (unsigned i = 0; i < c->g->nevents && !nrelated; i++) {
        const struct cfg_event *ev = &c->g->events[i];
        if (ev->kind == EV_RELEASE && ev->lock == h->lock) {
            related = arena_alloc(c->a, sizeof *related);
            related[nrelated++] = (struct finding_note){c->file, ev->loc.line, ev->loc.column,
                                                        "the other paths release it here"};
        }
    }
    emit(c, RULE_MISSING_RELEASE, &c->g->events[h->event], h->lock,
         arena_printf(c->a, "'%s' is still held when '%s' returns on this path", name,
                      c->g->function),
         path, (unsigned)n, related, nrelated);
}

static bool mode_mismatch(const struct cfg_event *ev, uint8_t before)
{
    if (ev->mode == LOCK_EXCLUSIVE)
        return (before & LS_HELD_SH) && !(before & LS_HELD_EX);
    if (ev->mode == LOCK_SHARED)
        return (before & LS_HELD_EX) && !(before & LS_HELD_SH);
    return false;
}

/* Not held on some path: released already, or never taken here while
 * other paths into the same point did take it. */
static uint8_t unheld_state(uint8_t before)
{
    if (before & LS_RELEASED)
        return LS_RELEASED;
    if ((before & LS_UNTOUCHED) && (before & LS_HELD))
        return LS_UNTOUCHED;
    return 0;
}

static bool copy_partner_has(const struct cfg *g, unsigned lock, enum cfg_event_kind kind);

/* A lock taken at one place only, inside a loop, by a function that
 * never releases it nor waits on it (a condition wait drops it for a
 * while): each round parks there until another thread releases it (a
 * worker waiting on `lock(&args->wait)` at the top of its loop for the
 * main thread to unlock it). The mutex signals between threads. Two takes
 * in a row (`spin_lock(&l); ...; spin_lock(&l);`, an unlock mistyped)
 * are a deadlock, whatever else the function does. */
static bool parks_each_round(const struct cfg *g, unsigned lock, unsigned event)
{
    for (unsigned i = 0; i < g->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        if (ev->lock == lock && (ev->kind == EV_RELEASE || ev->kind == EV_WAIT ||
                                 (ev->kind == EV_ACQUIRE && i != event)))
            return false;
    }
    return true;
}

static void report_acquire(const struct check_ctx *c, const struct event_hit *h)
{
    const struct cfg_event *ev = &c->g->events[h->event];
    /* a lock known only by its name may be recursive (a refcounted lock
     * that lets its owner in again): taking it twice proves nothing */
    if (!(h->before & LS_HELD) || (ev->rule && ev->rule->is_try) || lockname_may_nest(ev->rule))
        return;
    if (ev->mode == LOCK_SHARED && !(h->before & LS_HELD_EX))
        return; /* shared after shared: readers may nest */
    if (parks_each_round(c->g, ev->lock, h->event))
        return;
    /* `z = zb; ... unlock(&z->mutex); ... lock(&zb->mutex)`: released
     * through a copy of its name in between, perhaps */
    if (copy_partner_has(c->g, ev->lock, EV_RELEASE))
        return;
    const char *name = c->g->locks[ev->lock].display;
    struct finding_note *path;
    int n = witness_path(c, h->block, h->event, ev->lock, LS_HELD,
                         arena_printf(c->a, "'%s' acquired again here", name), &path);
    if (n < 0)
        return; /* refuted: no consistent path */
    const char *msg = h->before & (LS_UNTOUCHED | LS_RELEASED)
                          ? "'%s' is acquired while it may already be held on this path"
                          : "'%s' is acquired while already held";
    emit(c, RULE_DOUBLE_ACQUIRE, ev, ev->lock, arena_printf(c->a, msg, name), path, (unsigned)n, NULL, 0);
}

/* Whether block `to` is reached from `from` on a path with no event of
 * `kind` on `lock`, or (to -1) whether such an event is reached. */
static bool reaches(const struct cfg *g, unsigned from, int to, enum cfg_event_kind kind,
                    unsigned lock, bool *seen)
{
    unsigned *stack = xmalloc((g->nedges + 2) * sizeof *stack), sp = 0;
    bool found = false;
    memset(seen, 0, g->nblocks + 1);
    stack[sp++] = from;
    while (sp && !found) {
        unsigned b = stack[--sp];
        if (seen[b])
            continue;
        seen[b] = true;
        if (to >= 0 && b == (unsigned)to) {
            found = true;
            break;
        }
        const struct cfg_block *blk = &g->blocks[b];
        bool has = false;
        for (unsigned i = 0; i < blk->nevents; i++)
            has |= g->events[blk->first_event + i].kind == kind &&
                   g->events[blk->first_event + i].lock == lock;
        if (has) {
            found = to < 0;
            continue;
        }
        for (unsigned i = 0; i < blk->nsucc; i++)
            stack[sp++] = g->succ[blk->first_succ + i].to;
    }
    free(stack);
    return found;
}

/* Whether a release of `lock` whose branch ends in a call to a function
 * of another file (`unlock(m); fatal(...);`) reaches block `to` with no
 * take of the lock between: a second release there stands on that call
 * returning, which nothing here shows. Giving a lock back and then
 * calling out as the branch's last act is how code leaves on a fatal
 * error or a thread exit. */
static bool after_calling_out(const struct cfg *g, unsigned lock, unsigned to)
{
    bool *seen = xmalloc(g->nblocks + 1), found = false;
    for (unsigned b = 0; b < g->nblocks && !found; b++) {
        const struct cfg_block *blk = &g->blocks[b];
        bool out = false;
        for (unsigned i = 0; i < blk->nevents; i++) {
            const struct cfg_event *ev = &g->events[blk->first_event + i];
            out |= ev->kind == EV_RELEASE && ev->lock == lock && ev->then_calls_out;
        }
        for (unsigned i = 0; out && i < blk->nsucc && !found; i++)
            found = reaches(g, g->succ[blk->first_succ + i].to, (int)to, EV_ACQUIRE, lock, seen);
    }
    free(seen);
    return found;
}

static bool speaks_of_locking(struct arena *a, const struct cfg *g, const struct cfg_cond *cond);

/* A field path (`self->locked`, `s.held`), not a local's name. */
static bool names_a_field(const char *text)
{
    return text && (strstr(text, "->") || strchr(text, '.'));
}

/* A branch on a parameter's truth (`if (!have_lock)`), not a data test
 * (`n <= 0`): its two edges, or false. With an arena, also a branch on a
 * field of an object named for locking (`if (!self->locked)`): the
 * object records whether its lock is held, across calls. */
static bool flag_branch(const struct cfg *g, unsigned b, const struct cfg_edge **e0,
                        const struct cfg_edge **e1, struct arena *fields)
{
    const struct cfg_block *blk = &g->blocks[b];
    if (blk->nsucc != 2)
        return false;
    *e0 = &g->succ[blk->first_succ];
    *e1 = *e0 + 1;
    const struct cfg_cond *cond = (*e0)->cond < 0 ? NULL : &g->conds[(*e0)->cond];
    if (!cond || cond->k != 0 || (cond->op != CMP_NE && cond->op != CMP_EQ))
        return false;
    if (cond->param >= 0)
        return true;
    return fields && cond->key >= 0 && names_a_field(g->key_text[cond->key]) &&
           speaks_of_locking(fields, g, cond);
}

/* Whether the flag's name says it is about locking (`leave_locked`,
 * `have_lock`). */
static bool speaks_of_locking(struct arena *a, const struct cfg *g, const struct cfg_cond *cond)
{
    const char *text = cond->in_macro ? cond->in_macro : cfg_cond_text(a, g, cond, 80);
    for (const char *p = text; p && *p; p++)
        if (!strncasecmp(p, "lock", 4))
            return true;
    return false;
}

/* Whether a parameter's flag sends one side of a branch to an event of
 * `kind` on `lock` and the other on to block `at` without one: the caller
 * decides, through the argument, whether that event happens. With an
 * arena, only a flag named for locking counts. */
static bool flag_decides(const struct cfg *g, unsigned at, enum cfg_event_kind kind,
                         unsigned lock, struct arena *named_lock, struct arena *fields)
{
    bool *seen = xmalloc(g->nblocks + 1);
    bool decides = false;
    for (unsigned b = 0; b < g->nblocks && !decides; b++) {
        const struct cfg_edge *e0, *e1;
        if (!flag_branch(g, b, &e0, &e1, fields))
            continue;
        /* a request to keep it is made while it is held: every path to the
         * branch took it (`if (!have_lock) lock(m);` is not one) */
        if (named_lock && (!speaks_of_locking(named_lock, g, &g->conds[e0->cond]) ||
                           (kind == EV_RELEASE && reaches(g, g->entry, (int)b, EV_ACQUIRE, lock, seen))))
            continue;
        decides = (reaches(g, e0->to, -1, kind, lock, seen) &&
                   reaches(g, e1->to, (int)at, kind, lock, seen)) ||
                  (reaches(g, e1->to, -1, kind, lock, seen) &&
                   reaches(g, e0->to, (int)at, kind, lock, seen));
    }
    free(seen);
    return decides;
}

/* Whether the events of block b from index `from` on end the path (an
 * exit: 1), take `lock` again (2), or neither (0). */
static int block_outcome(const struct cfg *g, unsigned b, unsigned from, unsigned lock)
{
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = from; i < blk->first_event + blk->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        if (ev->kind == EV_ACQUIRE && ev->lock == lock)
            return 2;
        if (ev->kind == EV_EXIT)
            return 1;
        if (ev->kind == EV_NORETURN)
            return 2; /* the path ends without returning */
    }
    return 0;
}

/* `unlock(m); work(); lock(m);` on a lock this function did not take:
 * every path on from the release takes it again before returning. The
 * function lends out its caller's hold (`if (it->locked == READ) { unlock;
 * was = true; } wrlock; ...; unlock; if (was) rdlock;`), so the release
 * contradicts no other path that takes the lock for itself. */
static bool retaken_before_exit(const struct cfg *g, unsigned block, unsigned event,
                                unsigned lock)
{
    int here = block_outcome(g, block, event + 1, lock);
    if (here)
        return here == 2;
    bool *seen = xcalloc(g->nblocks + 1, 1);
    unsigned *stack = xmalloc((g->nedges + 2) * sizeof *stack), sp = 0;
    const struct cfg_block *start = &g->blocks[block];
    for (unsigned i = 0; i < start->nsucc; i++)
        stack[sp++] = g->succ[start->first_succ + i].to;
    bool exits = false;
    while (sp && !exits) {
        unsigned b = stack[--sp];
        if (seen[b])
            continue;
        seen[b] = true;
        int out = block_outcome(g, b, g->blocks[b].first_event, lock);
        exits = out == 1;
        if (out)
            continue;
        for (unsigned i = 0; i < g->blocks[b].nsucc; i++)
            stack[sp++] = g->succ[g->blocks[b].first_succ + i].to;
    }
    free(stack);
    free(seen);
    return !exits;
}

/* Whether an event does nothing an event of `kind` on `lock` alone would
 * not: that event itself, bookkeeping of values, or the end of a path that
 * never returns (`if (unlock(m) != 0) abort();`). */
static bool only_doing(const struct cfg_event *ev, unsigned lock, enum cfg_event_kind kind)
{
    switch (ev->kind) {
    case EV_ACQUIRE:
    case EV_RELEASE: return ev->kind == kind && ev->lock == lock;
    case EV_FACT:
    case EV_COPY_FACT:
    case EV_KILL_VAR:
    case EV_NORETURN:
    case EV_OBSERVE: return true;
    default: return false;
    }
}

/* The first block from b on with events, or a branch, or the exit:
 * empty blocks that only pass control on are skipped. */
static unsigned past_empty(const struct cfg *g, unsigned b)
{
    for (unsigned steps = 0; steps < g->nblocks; steps++) {
        const struct cfg_block *blk = &g->blocks[b];
        if (blk->nevents || blk->nsucc != 1)
            break;
        b = g->succ[blk->first_succ].to;
    }
    return b;
}

/* Whether the blocks from `side` up to block `join` do an event of `kind`
 * on `lock` and nothing else, every path of them ending at `join` or in a
 * call that never returns. */
static bool does_alone(const struct cfg *g, unsigned side, unsigned join, unsigned lock,
                       enum cfg_event_kind kind)
{
    bool *seen = xcalloc(g->nblocks + 1, 1), alone = true, done = false;
    unsigned *stack = xmalloc((g->nedges + 2) * sizeof *stack), sp = 0;
    stack[sp++] = side;
    while (sp && alone) {
        unsigned b = stack[--sp];
        if (b == join || seen[b])
            continue;
        seen[b] = true;
        const struct cfg_block *blk = &g->blocks[b];
        bool ends = false;
        for (unsigned i = 0; i < blk->nevents && alone; i++) {
            const struct cfg_event *ev = &g->events[blk->first_event + i];
            alone = only_doing(ev, lock, kind);
            done |= ev->kind == kind;
            ends |= ev->kind == EV_NORETURN;
        }
        alone &= ends || blk->nsucc > 0;
        for (unsigned i = 0; !ends && i < blk->nsucc; i++)
            stack[sp++] = g->succ[blk->first_succ + i].to;
    }
    free(stack);
    free(seen);
    return alone && done;
}

/* The test at block b whose one-statement body (block `body`, one of b's
 * two sides) does an event of `kind` on `lock` and nothing else, while the
 * other side goes straight on to where both meet (`if (partial)
 * unlock(m);`, `if (++readers == 1) lock(&rw);`); false for others. */
static bool lone_event_under_test(const struct cfg *g, unsigned b, unsigned body, unsigned lock,
                                  enum cfg_event_kind kind)
{
    const struct cfg_block *blk = &g->blocks[b];
    if (blk->nsucc != 2 || !g->blocks[body].lone_then)
        return false;
    const struct cfg_edge *e = &g->succ[blk->first_succ];
    unsigned other = e[0].to == body ? e[1].to : e[0].to;
    unsigned join = past_empty(g, other);
    return join != body && does_alone(g, body, join, lock, kind);
}

/* `if (++readers == 1) lock(&room); ... if (--readers == 0) unlock(&room);`:
 * a lock taken or given back as the whole body of a test of a count this
 * function changes is a lightswitch's. The first thread of a group takes
 * it for the group and the last one out gives it back, whichever thread
 * that is, so which thread holds it is the count's business, not this
 * path's: no pairing finding on it stands. (A count's test whose body
 * does more, `if (--o->refs == 0) { unlock(&o->mu); free(o); return; }`,
 * is no switch.) */
static bool switched_by_count(const struct cfg *g, unsigned body, unsigned lock)
{
    const struct cfg_block *blk = &g->blocks[body];
    for (unsigned i = 0; i < blk->npred; i++) {
        unsigned from = g->succ[g->pred[blk->first_pred + i]].from;
        if (lone_event_under_test(g, from, body, lock, EV_ACQUIRE) ||
            lone_event_under_test(g, from, body, lock, EV_RELEASE))
            return true;
    }
    return false;
}

/* Per lock, whether it is switched by a count; NULL when none is. */
static bool *switched_locks(const struct cfg *g)
{
    bool *switched = NULL;
    for (unsigned b = 0; b < g->nblocks; b++) {
        if (!g->blocks[b].count_test)
            continue;
        for (unsigned l = 0; l < g->nlocks; l++) {
            if (!switched_by_count(g, b, l))
                continue;
            if (!switched)
                switched = xcalloc(g->nlocks + 1, sizeof *switched);
            switched[l] = true;
        }
    }
    return switched;
}

/* Whether block b's last take or release of `lock` (before its branch,
 * which ends the block) is a take. */
static bool block_takes(const struct cfg *g, unsigned b, unsigned lock)
{
    const struct cfg_block *blk = &g->blocks[b];
    bool takes = false;
    for (unsigned i = 0; i < blk->nevents; i++) {
        const struct cfg_event *ev = &g->events[blk->first_event + i];
        if (ev->lock == lock && (ev->kind == EV_ACQUIRE || ev->kind == EV_RELEASE))
            takes = ev->kind == EV_ACQUIRE;
    }
    return takes;
}

/* `lock(m); ...; if (partial) unlock(m); }`: a parameter's test whose
 * body, one statement, gives the lock back and does nothing else, and
 * whose other side goes straight on to where both meet, reached with the
 * lock taken on every path. The caller chose, by the argument, whether the function
 * keeps the lock for it, whatever the parameter is called. A test that
 * skips work as well as the release (`if (!n) goto out;` over the rest of
 * the body) is no such choice: it stays a leak unless the flag is named
 * for locking (caller_keeps). */
static bool release_chosen_by_argument(const struct cfg *g, unsigned exit_block, unsigned lock)
{
    bool *seen = xmalloc(g->nblocks + 1), chosen = false;
    for (unsigned b = 0; b < g->nblocks && !chosen; b++) {
        const struct cfg_block *blk = &g->blocks[b];
        if (blk->nsucc != 2)
            continue;
        const struct cfg_edge *e = &g->succ[blk->first_succ];
        const struct cfg_cond *cond = e[0].cond < 0 ? NULL : &g->conds[e[0].cond];
        if (!cond || cond->param < 0 || cond->k != 0 ||
            (cond->op != CMP_NE && cond->op != CMP_EQ) ||
            (!g->blocks[e[0].to].lone_then && !g->blocks[e[1].to].lone_then) ||
            (!block_takes(g, b, lock) && reaches(g, g->entry, (int)b, EV_ACQUIRE, lock, seen)))
            continue;
        for (unsigned side = 0; side < 2 && !chosen; side++)
            chosen = lone_event_under_test(g, b, e[side].to, lock, EV_RELEASE) &&
                     reaches(g, past_empty(g, e[!side].to), (int)exit_block, EV_RELEASE, lock,
                             seen);
    }
    free(seen);
    return chosen;
}

/* `if (!have_lock) lock(m); ... unlock(m);` with the unlock also reached
 * where the flag said the caller holds it: a parameter's test sends one
 * side to the acquire and the other to this release (or wait, or other
 * use that needs it held) without it. Then the caller decides which, and
 * a use here without an acquire is of its lock, not a contradiction. So
 * does an object's own record of its lock (`if (!self->locked) {
 * lock(&self->mtx); self->locked = 1; }`), set by an earlier call. */
static bool caller_decides(const struct check_ctx *c, unsigned release_block, unsigned lock)
{
    return flag_decides(c->g, release_block, EV_ACQUIRE, lock, NULL, c->a);
}

static bool has_event(const struct cfg *g, unsigned lock, enum cfg_event_kind kind)
{
    for (unsigned i = 0; i < g->nevents; i++)
        if (g->events[i].kind == kind && g->events[i].lock == lock)
            return true;
    return false;
}

static bool releases_anywhere(const struct cfg *g, unsigned lock)
{
    return has_event(g, lock, EV_RELEASE);
}

/* The lock's path past its root variable ("->mutex" of "thread->mutex"),
 * with the length of what comes before the root (`&`, `*`, `(`); NULL
 * when the path does not start from its root's name. */
static const char *past_root(const struct cfg_lock *l, size_t *lead)
{
    *lead = strspn(l->key, "&*(");
    size_t n = l->root_name ? strlen(l->root_name) : 0;
    if (l->root_var < 0 || !n || strncmp(l->key + *lead, l->root_name, n))
        return NULL;
    return l->key + *lead + n;
}

static bool copied_between(const struct cfg *g, int a, int b)
{
    for (unsigned i = 0; i < g->nvar_copies; i++) {
        const struct cfg_copy *c = &g->var_copies[i];
        if ((c->from == a && c->to == b) || (c->from == b && c->to == a))
            return true;
    }
    return false;
}

/* Whether locks l and m are named alike but for a variable copied from
 * one name's to the other's: through a pointer (`hit = thread;` for
 * thread->mutex and hit->mutex) or as an element's index (`locked =
 * agno;` for locks[agno] and locks[locked]). */
static bool copy_partners(const struct cfg *g, unsigned l, unsigned m)
{
    const struct cfg_lock *a = &g->locks[l], *b = &g->locks[m];
    size_t lead, lead2;
    const char *rest = past_root(a, &lead), *rest2 = past_root(b, &lead2);
    if (rest && rest2 && lead == lead2 && !strncmp(a->key, b->key, lead) && !strcmp(rest, rest2) &&
        copied_between(g, a->root_var, b->root_var))
        return true;
    if (strcmp(a->key, b->key) || a->index_var[1] >= 0 || b->index_var[1] >= 0)
        return false;
    return a->index_var[0] >= 0 && copied_between(g, a->index_var[0], b->index_var[0]);
}

/* `hit = thread; break;` ... `unlock(&hit->mutex)`: a lock named through
 * a copy of the variable its name rests on may be this very lock for as
 * long as neither variable is stored to, which this view of the function
 * does not follow. Whether such a lock has an event of `kind`: if so, no
 * finding can stand on the two being different. */
static bool copy_partner_has(const struct cfg *g, unsigned lock, enum cfg_event_kind kind)
{
    for (unsigned m = 0; m < g->nlocks; m++)
        if (m != lock && copy_partners(g, lock, m) && has_event(g, m, kind))
            return true;
    return false;
}

/* `if (!leave_locked) unlock(m); return -1;`: the exit holding the lock
 * is reached where a parameter's flag that speaks of locking skipped its
 * release, or (`if (return_locked) lock(m); return id;`, in a function
 * that never releases it) made it take the lock. The caller asked for it
 * held; that is the function's contract by argument, not a release
 * forgotten. A flag that says nothing of the lock (`if (hard)
 * unlock(m);`) is no such request, nor is one that tells the function its
 * caller holds the lock already (`if (!have_lock) lock(m);` with its
 * unlock further on). */
static bool caller_keeps(const struct check_ctx *c, unsigned exit_block, unsigned lock)
{
    return flag_decides(c->g, exit_block, EV_RELEASE, lock, c->a, NULL) ||
           release_chosen_by_argument(c->g, exit_block, lock) ||
           (!releases_anywhere(c->g, lock) &&
            flag_decides(c->g, exit_block, EV_ACQUIRE, lock, c->a, NULL));
}

static void report_unheld(const struct check_ctx *c, const struct event_hit *h,
                          enum rule_id rule, const struct summary_lock *facts)
{
    const struct cfg_event *ev = &c->g->events[h->event];
    uint8_t before = h->before;
    /* A release guessed from its name may pair with a take the names did
     * not show (FOO_TRY_LOCK, a wrapper): only a second release counts. */
    if (ev->rule && ev->rule->origin == lockname_origin && (before & LS_UNTOUCHED))
        return;
    if (ev->kind == EV_RELEASE && ev->rule && ev->rule->release_if_held)
        return; /* it checks first */
    if (facts[ev->lock].callers_lock && (before & LS_UNTOUCHED))
        before = (uint8_t)((before & ~LS_UNTOUCHED) | LS_HELD_EX); /* the caller's hold */
    uint8_t want = unheld_state(before);
    if (!want && ev->kind == EV_REQUIRE && ev->mode == LOCK_EXCLUSIVE &&
        (before & LS_HELD_SH) && !(before & ~LS_HELD_SH)) {
        const char *name = c->g->locks[ev->lock].display;
        struct finding_note *path;
        int n = witness_path(c, h->block, h->event, ev->lock, LS_HELD_SH,
                             arena_printf(c->a, "'%s' called here", ev->callee), &path);
        if (n < 0)
            return; /* refuted: no consistent path */
        emit(c, rule, ev, ev->lock,
             arena_printf(c->a, "'%s' needs '%s' held exclusively, but it is held only shared",
                          ev->callee, name),
             path, (unsigned)n, NULL, 0);
        return;
    }
    /* A release of a lock this path never touched is the caller's
     * business, unless another path here takes it (or calls what takes
     * it) as a lock nobody holds: both cannot be right. */
    const struct summary_lock *f = &facts[ev->lock];
    if (!want && ev->kind == EV_RELEASE && before == LS_UNTOUCHED && f->assumes_free &&
        !f->by_argument && !retaken_before_exit(c->g, h->block, h->event, ev->lock))
        want = LS_UNTOUCHED;
    if (want == LS_UNTOUCHED && ev->kind != EV_ACQUIRE &&
        caller_decides(c, h->block, ev->lock))
        return;
    /* Taken here for one argument value and the caller's for another, a
     * lock primitive by mode (summary.h): paths of two values meet here,
     * and neither value has it unheld. A lock state machine keyed by an
     * argument (keyed_state) is the same where the values alone do not
     * settle it. */
    if (want == LS_UNTOUCHED && (f->by_mode || f->keyed_state))
        return;
    if (ev->kind == EV_RELEASE && copy_partner_has(c->g, ev->lock, EV_ACQUIRE))
        return;
    /* A recursive lock taken here while the callers may hold it already:
     * how many times they do is not known, so releasing it once more than
     * this function took it may be theirs (`while (depth--) unlock(m);`).
     * A path that never took it here has no hold of its own to count
     * past: its release is unmatched like any other. A function that only
     * gives back its callers' holds (`while (depth--) unlock(m);`) may
     * give back as many as they took. */
    if (ev->kind == EV_RELEASE && ev->rule && ev->rule->recursive &&
        (f->assumes_free || f->callers_lock) && want != LS_UNTOUCHED)
        return;
    /* An annotated REQUIRES is a promise the caller must keep: a lock this
     * function never took is not held. */
    if (!want && ev->kind == EV_REQUIRE && ev->rule && ev->rule->origin &&
        !strcmp(ev->rule->origin, "annotation") && (before & LS_UNTOUCHED))
        want = LS_UNTOUCHED;
    if (!want)
        return;
    if (want == LS_RELEASED && ev->kind == EV_RELEASE && after_calling_out(c->g, ev->lock, h->block))
        return;
    const char *name = c->g->locks[ev->lock].display;
    struct finding_note *path;
    int n = witness_path(c, h->block, h->event, ev->lock, want,
                         arena_printf(c->a, "'%s' is not held here", name), &path);
    if (n < 0)
        return; /* refuted: no consistent path */
    const char *why = want == LS_RELEASED ? "it is not held on this path"
                                          : "it was never acquired on this path";
    const char *msg = rule == RULE_RELEASE_UNHELD
                          ? arena_printf(c->a, "'%s' is released but %s", name, why)
                          : arena_printf(c->a, "'%s' needs '%s' held, but %s", ev->callee, name,
                                         why);
    emit(c, rule, ev, ev->lock, msg, path, (unsigned)n, NULL, 0);
}

static void report_mismatch(const struct check_ctx *c, const struct event_hit *h)
{
    const struct cfg_event *ev = &c->g->events[h->event];
    if (!mode_mismatch(ev, h->before))
        return;
    const char *name = c->g->locks[ev->lock].display;
    struct finding_note *path;
    int n = witness_path(c, h->block, h->event, ev->lock, LS_HELD,
                         arena_printf(c->a, "released here by '%s'", ev->callee), &path);
    if (n < 0)
        return; /* refuted: no consistent path */
    bool held_shared = ev->mode == LOCK_EXCLUSIVE;
    emit(c, RULE_LOCK_KIND_MISMATCH, ev, ev->lock,
         arena_printf(c->a, "'%s' is held %s but '%s' releases it as %s", name,
                      held_shared ? "shared" : "exclusive", ev->callee,
                      held_shared ? "exclusive" : "shared"),
         path, (unsigned)n, NULL, 0);
}

static void report_events(const struct pairing *p, const struct summary_lock *facts)
{
    const struct check_ctx *c = p->c;
    for (size_t i = 0; i < p->events.n; i++) {
        const struct event_hit *h = &p->events.v[i];
        if (p->switched && p->switched[c->g->events[h->event].lock])
            continue;
        switch (c->g->events[h->event].kind) {
        case EV_ACQUIRE: report_acquire(c, h); break;
        case EV_RELEASE:
            report_unheld(c, h, RULE_RELEASE_UNHELD, facts);
            report_mismatch(c, h);
            break;
        case EV_REQUIRE:
        case EV_WAIT: report_unheld(c, h, RULE_REQUIRES_LOCK, facts); break;
        default: break;
        }
    }
}

static void report_incomplete(const struct check_ctx *c)
{
    const char *why = c->g->incomplete ? c->g->incomplete_why : "too many paths to converge";
    struct cfg_loc at = c->g->incomplete ? c->g->incomplete_loc : c->g->loc;
    struct finding f = {RULE_ANALYSIS_INCOMPLETE, c->file, at.line, at.column, c->g->function,
                        NULL, arena_printf(c->a, "analysis of '%s' is incomplete: %s",
                                           c->g->function, why),
                        NULL, 0, NULL, 0, c->g->loc.line, "", false, NULL, NULL};
    c->emit(c->emit_ctx, &f);
}

static bool entry_held_by_annotation(const struct cfg *g, unsigned lock)
{
    for (unsigned i = 0; i < g->nentry_held; i++)
        if (g->entry_held[i].lock == lock)
            return true;
    return false;
}

/* The contract (REQUIRES, ACQUIRE) says the function returns holding it,
 * or its comment says it returns holding a lock, without saying which
 * (model/docphrase.h): then any lock it took may be the one. */
static bool may_return_holding(const struct cfg *g, unsigned lock)
{
    if (g->documented_holding && !entry_held_by_annotation(g, lock))
        return true;
    for (unsigned i = 0; i < g->nexit_ok; i++)
        if (g->exit_ok[i] == lock)
            return true;
    return false;
}

/* Held on entry by contract (RELEASE): it must be gone at every exit,
 * whatever the inference for unannotated helpers would say. */
static bool must_release(const struct cfg *g, unsigned lock)
{
    return entry_held_by_annotation(g, lock) && !may_return_holding(g, lock);
}

/* A function that returns the object with its lock held and NULL without
 * it, but here returns NULL with the lock still held: the error path that
 * forgot to unlock. */
static bool breaks_object_contract(const struct cfg *g, const struct summary_lock *f,
                                   const struct exit_hit *h)
{
    const struct cfg_event *ev = &g->events[h->event];
    if (!f->conditional || f->releases || ev->ret != RET_CONST || !(h->bits & LS_HELD))
        return false;
    /* and the status wrapper's twin: 0 with it held, and here an error
     * code that its other failures return without it */
    if (f->success == SUCCESS_NONNEGATIVE)
        return ev->ret_value < 0;
    if (f->success == SUCCESS_NOT_EQUALS)
        return ev->ret_value == f->success_value;
    return f->success == SUCCESS_NONZERO ? ev->ret_value == 0
                                         : f->success == SUCCESS_EQUALS &&
                                               ev->ret_value != f->success_value;
}

/* The state where a call ends the thread (pthread_exit): every lock held
 * there stays held for good. */
static void on_thread_exit(void *ctx, unsigned block, unsigned event, const struct ls_state *s)
{
    struct pairing *p = ctx;
    for (unsigned i = 0; i < s->n; i++) {
        if (!(s->e[i].bits & LS_HELD) || entry_held_by_annotation(p->c->g, s->e[i].lock))
            continue;
        struct exit_hit h = {block, event, s->e[i].lock, s->e[i].bits};
        VEC_PUSH(p->thread_exits, h);
    }
}

/* A thread that ends holding a lock leaves it held: nothing releases a
 * mutex for a thread that is gone, and every thread that asks for it
 * again waits for good. No contract hands it on (the call never returns). */
static void report_thread_exit(const struct check_ctx *c, const struct exit_hit *h)
{
    const char *name = c->g->locks[h->lock].display;
    const char *callee = c->g->events[h->event].callee;
    struct finding_note *path;
    int n = witness_path(c, h->block, h->event, h->lock, LS_HELD,
                         arena_printf(c->a, "the thread ends here with '%s' still held", name),
                         &path);
    if (n < 0)
        return;
    emit(c, RULE_MISSING_RELEASE, &c->g->events[h->event], h->lock,
         arena_printf(c->a, "'%s' is still held when the thread exits through '%s'", name,
                      callee ? callee : "a call that ends it"),
         path, (unsigned)n, NULL, 0);
}

void check_pairing(const struct check_ctx *c)
{
    if (c->g->no_analysis)
        return;
    /* A construct not modelled matters where the function has a lock to
     * judge, or where code was not read at all (it may use one): a
     * computed goto in a codec's inner loop says nothing about locking. */
    bool matters = c->g->nlocks > 0 || c->g->incomplete_unread;
    if ((c->g->incomplete && matters) || c->r->gave_up) {
        report_incomplete(c);
        if (c->r->gave_up)
            return;
    }
    struct pairing p = {c, {0}, {0}, {0}, NULL, NULL, switched_locks(c->g)};
    struct ls_hooks hooks = {&p, on_event, on_function_exit, NULL, on_thread_exit};
    for (unsigned b = 0; b < c->g->nblocks; b++)
        lockset_replay(c->a, c->g, c->r, b, &hooks);
    /* Inferred contracts: a lock-taking helper returns holding its lock,
     * and a function that releases its caller's lock may take it back. */
    for (size_t i = 0; i < p.exits.n; i++) {
        const struct summary_lock *f = &c->facts[p.exits.v[i].lock];
        unsigned lock = p.exits.v[i].lock;
        if (p.switched && p.switched[lock])
            continue;
        /* a lock of the object a list cursor points at is in no contract
         * its callers could read, unless the object is what it returns
         * (returned_with_object) */
        bool contract = !c->g->locks[lock].loop_cursor;
        bool no_contract = !(f->acquires && contract) && !f->callers_lock &&
                           !(f->conditional && contract) && !f->by_argument && !f->passes_on &&
                           !f->unwinds_callers && !f->keyed_state &&
                           !may_return_holding(c->g, lock);
        if ((must_release(c->g, lock) || breaks_object_contract(c->g, f, &p.exits.v[i]) ||
             (no_contract && !caller_keeps(c, p.exits.v[i].block, lock))) &&
            !copy_partner_has(c->g, lock, EV_RELEASE))
            report_exit(&p, &p.exits.v[i]);
    }
    report_events(&p, c->facts);
    for (size_t i = 0; i < p.thread_exits.n; i++)
        report_thread_exit(c, &p.thread_exits.v[i]);
    for (unsigned l = 0; p.published_reach && l < c->g->nlocks; l++)
        free(p.published_reach[l]);
    free(p.published_reach);
    free(p.held_where_exists);
    free(p.switched);
    VEC_FREE(p.exits);
    VEC_FREE(p.thread_exits);
    VEC_FREE(p.events);
}
