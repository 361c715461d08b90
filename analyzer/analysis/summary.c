/* SPDX-License-Identifier: MIT
 * summary: inferred lock contracts (see summary.h). */
#include "analysis/summary.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

#include "support/arena.h"
#include "model/lockname.h"
#include "analysis/entryobj.h"
#include "analysis/refute.h"

/* The values the exits of one group return. */
struct ret_set {
    bool other, none, mixed;
    bool nonzero; /* a computed value the path's own test proved nonzero */
    bool joined; /* some of these exits hold it on some paths only, by the lattice */
    long v[8]; /* distinct constants; past 8, mixed */
    unsigned nv;
    /* the variables returned as computed values (`return error;`); past
     * 4, or a computed value that is no variable, vars_unknown */
    int vars[4];
    unsigned nvars;
    bool vars_unknown;
    unsigned first, last; /* source offsets of the first and last exit */
};

enum { MAX_OUT_FLAGS = 4 };

struct facts_ctx {
    const struct cfg *g;
    struct ret_set *held_rets, *free_rets;
    struct summary_lock *locks;
    unsigned *held_exits, *released_exits, reached_exits;
    /* exits no path reaches with any lock touched: a guard's early return
     * (`if (nesting++) return;`) before the function does its work */
    unsigned idle_exits;
    unsigned valued_exits; /* exits that return a value */
    unsigned *value_exits; /* held exits that hold it for one value only */
    bool *released, *acquired;
    bool *untouched_at_acquire, *untouched_at_release, *recursive;
    /* exits where it is released, and where the caller gets it back as it
     * came (untouched, or dropped and taken back) */
    struct ret_set *released_rets, *untouched_rets;
    bool *forgotten; /* unknown code had its address (EV_FORGET) */
    bool *maybe_released_exit; /* some exit where it may be released */
    bool *nested_exit; /* some exit where it is held twice (taken again) */
    /* A try-lock whose result went to a variable, and whether the exits
     * that may hold the lock all return that variable (or some do not). */
    const struct cfg_event **try_call;
    bool *returns_try, *held_elsewhere;
    const bool *endings; /* entryobj_endings */
    /* Flags stored through a pointer (`*has_lock = true;`), and per lock
     * and flag whether some exit breaks "held exactly where it is set". */
    int out_flag[MAX_OUT_FLAGS];
    unsigned nout;
    /* [lock * MAX_OUT_FLAGS + flag]: an exit holding the lock without
     * the flag set; one without the lock and the flag set; one holding
     * it with the flag set */
    bool *out_unset_held, *out_set_free, *out_set_held;
};

/* How deep the lock is held in s (0: not held). */
static unsigned held_depth(const struct ls_state *s, unsigned lock)
{
    for (unsigned i = 0; i < s->n; i++)
        if (s->e[i].lock == lock)
            return s->e[i].bits & LS_HELD ? s->e[i].depth : 0;
    return 0;
}

/* The lattice joins paths: where it says "held on some paths", the path
 * search tells which of those states a consistent path can have, so that
 * a contract is not inferred from a path the program cannot take. A lock
 * that no consistent path has here (its object was NULL) is untouched. */
static uint8_t feasible_bits(const struct cfg *g, unsigned block, unsigned event, unsigned lock,
                             uint8_t bits)
{
    uint8_t exact;
    if (!(bits & LS_HELD) || !(bits & ~LS_HELD) || !refute_bits(g, block, event, lock, &exact))
        return bits;
    if (!exact)
        return LS_UNTOUCHED;
    return exact & bits ? (uint8_t)(exact & bits) : bits;
}

/* An acquire of a lock the function found as it came: untouched, and of
 * the object the name had at entry, not of one a store gave the name to
 * after the entry object was dealt with (`unlock(&zb->m); zb++;
 * lock(&zb->m);` takes the next zone free, not the caller's). */
static bool free_entry_object(const struct facts_ctx *f, const struct cfg_event *ev,
                              unsigned event, uint8_t before)
{
    return (before & LS_UNTOUCHED) && !entryobj_later_object(f->g, f->endings, ev->lock, event);
}

static void on_event(void *ctx, unsigned block, unsigned event, uint8_t before)
{
    struct facts_ctx *f = ctx;
    const struct cfg_event *ev = &f->g->events[event];
    if (ev->kind == EV_RELEASE || ev->kind == EV_ACQUIRE || ev->kind == EV_EXCLUDE)
        before = feasible_bits(f->g, block, event, ev->lock, before);
    if (ev->kind == EV_RELEASE) {
        f->released[ev->lock] = true;
        f->untouched_at_release[ev->lock] |= (before & LS_UNTOUCHED) != 0;
        if (ev->rule && ev->rule->recursive && (before & LS_RELEASED))
            f->locks[ev->lock].unwinds_callers = true;
    } else if (ev->kind == EV_ACQUIRE) {
        f->acquired[ev->lock] = true;
        f->untouched_at_acquire[ev->lock] |= free_entry_object(f, ev, event, before);
        if (ev->rule && ev->rule->is_try)
            f->locks[ev->lock].via_try = true;
        if (ev->rule && ev->rule->success != SUCCESS_ALWAYS)
            f->locks[ev->lock].via_fallible = true;
        if (ev->rule && ev->rule->success != SUCCESS_ALWAYS && ev->result_var >= 0)
            f->try_call[ev->lock] = ev;
        if (lockname_may_nest(ev->rule))
            f->recursive[ev->lock] = true; /* or may be: a guessed lock's kind is unknown */
        f->locks[ev->lock].mode = ev->mode == LOCK_SHARED ? LOCK_SHARED : LOCK_EXCLUSIVE;
    } else if (ev->kind == EV_EXCLUDE) { /* a callee takes it: as good as taking it here */
        f->untouched_at_acquire[ev->lock] |= free_entry_object(f, ev, event, before);
    }
}

static void add_var(struct ret_set *r, int var)
{
    for (unsigned i = 0; i < r->nvars; i++)
        if (r->vars[i] == var)
            return;
    if (var >= 0 && r->nvars < sizeof r->vars / sizeof r->vars[0])
        r->vars[r->nvars++] = var;
    else
        r->vars_unknown = true;
}

static void add_ret(struct ret_set *r, const struct cfg_event *exit)
{
    unsigned at = exit->loc.offset + 1; /* 0: no exit yet */
    r->first = r->first && r->first < at ? r->first : at;
    r->last = r->last > at ? r->last : at;
    if (exit->ret == RET_NONE) {
        r->none = true;
    } else if (exit->ret == RET_OTHER) {
        r->other = true;
        add_var(r, exit->ret_var);
    } else {
        for (unsigned i = 0; i < r->nv; i++)
            if (r->v[i] == exit->ret_value)
                return;
        if (r->nv < sizeof r->v / sizeof r->v[0])
            r->v[r->nv++] = exit->ret_value;
        else
            r->mixed = true;
    }
}

/* One exit that is both a held one and a free one, told apart by the
 * value returned: `return ce->meta;` where the lock is held if ce->meta is
 * not NULL and free if it is (held_if_nonzero), or `if (ret) unlock(m);
 * return ret;` where it is held if ret is 0. */
static bool held_by_value(const struct ls_state *s, const struct cfg_event *exit, unsigned lock,
                          bool held_if_nonzero)
{
    if (exit->ret != RET_OTHER || exit->ret_key < 0)
        return false;
    const struct ls_corr *c = lockset_corr(s, lock, exit->ret_key);
    if (!c)
        return false;
    /* `return err == 0;` is nonzero where the key is false */
    uint8_t when_nonzero = exit->ret_inverted ? c->if_false : c->if_true;
    uint8_t when_zero = exit->ret_inverted ? c->if_true : c->if_false;
    uint8_t held = held_if_nonzero ? when_nonzero : when_zero;
    uint8_t free = held_if_nonzero ? when_zero : when_nonzero;
    return (held & LS_HELD) && !(held & ~LS_HELD) && !(free & LS_HELD);
}

/* Whether every path here proved the value of key `key` an error: a test
 * of it (`if (rc)`, `if (rc != OK)`), a store of a nonzero constant
 * (`rc = ENOENT;`) that the state still knows, or a comparison that leaves
 * only negative values or one constant (`if (rc < 0)`, `rc == -EAGAIN`).
 * One that leaves positive values (`if (n > 0)`) proves a count. */
static bool proved_error(const struct cfg *g, const struct ls_state *s, int key)
{
    for (unsigned i = 0; key >= 0 && i < s->nf; i++) {
        int k = s->f[i].key;
        if (k == key && s->f[i].value)
            return true;
        const struct cfg_key_cmp *c = &g->key_cmp[k];
        bool value = s->f[i].value;
        bool ordered = c->op != CMP_EQ && c->op != CMP_NE && c->op != CMP_AND;
        if (c->base == key && c->op != CMP_NONE && c->op != CMP_AND && !(ordered && c->k < 0) &&
            cfg_cmp_holds(c->op, 0, c->k) != value && cfg_cmp_holds(c->op, LONG_MAX, c->k) != value)
            return true;
    }
    return false;
}

/* A free exit's value: `return rc;` where rc is a status (ret_status) and
 * the path proved it an error is an error returned, like a nonzero
 * constant. (A pointer proved non-NULL is an object, not an error.) */
static void add_free_ret(struct ret_set *r, const struct cfg *g, const struct ls_state *s,
                         const struct cfg_event *exit)
{
    if (exit->ret == RET_OTHER && exit->ret_status && !g->returns_pointer && !exit->ret_inverted &&
        proved_error(g, s, exit->ret_key))
        r->nonzero = true;
    else
        add_ret(r, exit);
}

/* Whether the exit holds the lock, and whether the flag is set there
 * (an exit without the lock may clear it or leave it alone: the caller's
 * own initial value). */
static void note_out_flags(struct facts_ctx *f, const struct ls_state *s, unsigned l, uint8_t bits)
{
    bool held = (bits & LS_HELD) != 0, only_held = held && !(bits & ~LS_HELD);
    for (unsigned j = 0; j < f->nout; j++) {
        bool set = lockset_fact(s, f->out_flag[j]) == 1;
        unsigned at = l * MAX_OUT_FLAGS + j;
        f->out_set_free[at] |= set && (!held || !only_held);
        f->out_unset_held[at] |= held && !set;
        f->out_set_held[at] |= only_held && set;
    }
}

static void on_exit_state(void *ctx, unsigned block, unsigned event, const struct ls_state *s)
{
    struct facts_ctx *f = ctx;
    const struct cfg_event *exit = &f->g->events[event];
    f->reached_exits++;
    bool idle = true;
    for (unsigned l = 0; l < f->g->nlocks && idle; l++)
        idle = lockset_bits(s, l) == LS_UNTOUCHED;
    f->idle_exits += idle;
    f->valued_exits += exit->ret != RET_NONE;
    for (unsigned l = 0; l < f->g->nlocks; l++) {
        uint8_t bits = feasible_bits(f->g, block, event, l, lockset_bits(s, l));
        f->locks[l].held_at_exit |= (bits & LS_HELD) != 0;
        struct cfg_event zero = {.kind = EV_EXIT, .ret = RET_CONST, .ret_value = 0,
                                 .loc = exit->loc};
        struct cfg_event one = {.kind = EV_EXIT, .ret = RET_CONST, .ret_value = 1,
                                .loc = exit->loc};
        if (held_by_value(s, exit, l, true)) {
            f->held_rets[l].other = true; /* held with the object, free with NULL */
            add_ret(&f->free_rets[l], &zero);
            f->held_exits[l]++;
            f->value_exits[l]++;
        } else if (held_by_value(s, exit, l, false)) {
            add_ret(&f->held_rets[l], &zero); /* held with 0, free with the error */
            if (exit->ret_flag) /* `return status;` of FALSE or TRUE: TRUE is no error */
                add_ret(&f->free_rets[l], &one);
            else
                f->free_rets[l].nonzero = true;
            f->held_exits[l]++;
            f->value_exits[l]++;
        } else if ((bits & LS_HELD) && !(bits & ~LS_HELD)) {
            add_ret(&f->held_rets[l], exit);
            f->held_rets[l].joined |= (lockset_bits(s, l) & ~LS_HELD) != 0;
            f->held_exits[l]++;
        } else if (!(bits & LS_HELD)) {
            /* (also where the lock's object is not there: `if (!obs)
             * return false;`, a result that tells the caller) */
            add_free_ret(&f->free_rets[l], f->g, s, exit);
        } else {
            f->held_rets[l].mixed = true;
        }
        if (f->nout)
            note_out_flags(f, s, l, bits);
        f->maybe_released_exit[l] |= (bits & LS_RELEASED) != 0;
        f->locks[l].merged_exit |= ((bits & LS_HELD) != 0) + ((bits & LS_RELEASED) != 0) +
                                       ((bits & LS_UNTOUCHED) != 0) > 1;
        f->nested_exit[l] |= held_depth(s, l) > 1;
        if (bits & LS_HELD) {
            const struct cfg_event *t = f->try_call[l];
            bool returns = t && exit->ret_var >= 0 && exit->ret_var == t->result_var;
            f->returns_try[l] |= returns;
            f->held_elsewhere[l] |= !returns;
        }
        if (bits == LS_RELEASED) {
            f->released_exits[l]++;
            add_ret(&f->released_rets[l], exit);
        } else if (bits == LS_UNTOUCHED || ((bits & LS_HELD) && !(bits & ~LS_HELD))) {
            add_ret(&f->untouched_rets[l], exit); /* the caller's, as it came or taken back */
        } else {
            f->released_rets[l].mixed = true;
        }
    }
}

static bool is_only_value(const struct ret_set *r, long v)
{
    return !r->other && !r->none && !r->mixed && r->nv == 1 && r->v[0] == v;
}

static bool only_constants(const struct ret_set *r)
{
    return !r->other && !r->none && !r->mixed && r->nv > 0;
}

/* Whether every constant r returns reads as an error: not 0, and not 1
 * unless one_is_error (`return 0;` holding the lock beside `return 1;`
 * after the unlock is a predicate's early return that forgot the lock,
 * not a hand-over). */
static bool constants_are_errors(const struct ret_set *r, bool one_is_error)
{
    for (unsigned i = 0; i < r->nv; i++)
        if (r->v[i] == 0 || (r->v[i] == 1 && !one_is_error))
            return false;
    return true;
}

static bool is_among(const struct ret_set *r, long v)
{
    for (unsigned i = 0; i < r->nv; i++)
        if (r->v[i] == v)
            return true;
    return false;
}

/* 0 on a held exit, and otherwise only codes that free exits return too:
 * the wrapper returns 0 with the lock and its error codes without it, and
 * one error path forgot the lock (`if (setup() fails) return -1;` after
 * the take). The contract stands; that exit alone is the leak. */
static bool success_beside_free_errors(const struct ret_set *held, const struct ret_set *free)
{
    if (!only_constants(held))
        return false;
    bool zero = false;
    for (unsigned i = 0; i < held->nv; i++) {
        zero |= held->v[i] == 0;
        if (held->v[i] != 0 && !is_among(free, held->v[i]))
            return false;
    }
    return zero;
}

/* Whether a computed value the free exits return may be constant k:
 * a variable they return is stored k somewhere (`incremented = true;`),
 * or what they return is no variable. */
static bool may_return_constant(const struct cfg *g, const struct ret_set *free, long k)
{
    if (free->vars_unknown)
        return true;
    for (unsigned i = 0; i < g->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        if (ev->kind != EV_FACT || ev->ret != RET_CONST || ev->ret_value != k ||
            !g->key_var || ev->lock >= g->nkeys)
            continue;
        for (unsigned v = 0; v < free->nvars; v++)
            if (g->key_var[ev->lock] == free->vars[v])
                return true;
    }
    return false;
}

/* Held exits return success and free exits failure: the object or a
 * pointer where NULL means failure, or 0 where negative constants mean
 * failure. The reverse (an error code returned while holding the lock,
 * `if (rc) return rc;` in a function returning int) is the classic leak on
 * an error path and is not a contract. */
static void classify_conditional(struct summary_lock *l, const struct ret_set *held,
                                 const struct ret_set *free, bool releases_it,
                                 const struct cfg *g)
{
    bool returns_pointer = g->returns_pointer;
    /* Objects with the lock held (and perhaps a NULL too: an error path
     * that forgot to unlock breaks the contract, and only that exit is a
     * leak), NULL without it. */
    bool null_too = held->nv == 1 && held->v[0] == 0;
    bool held_object = returns_pointer && held->other && (!held->nv || null_too) &&
                       !held->none && !held->mixed;
    if (held_object && is_only_value(free, 0)) {
        l->conditional = true;
        l->success = SUCCESS_NONZERO;
        return;
    }
    /* The object with it held, one sentinel that is no object without it
     * (`return (void *)-1;`, MAP_FAILED): the same, told by that value (and
     * a sentinel returned with it held is the error path that forgot). */
    bool one_sentinel = free->nv == 1 && free->v[0] != 0 && !free->other && !free->none &&
                        !free->mixed && !free->nonzero;
    bool sentinel_too = one_sentinel && held->nv == 1 && held->v[0] == free->v[0];
    if (returns_pointer && held->other && (!held->nv || sentinel_too) && !held->none &&
        !held->mixed && one_sentinel) {
        l->conditional = true;
        l->success = SUCCESS_NOT_EQUALS;
        l->success_value = free->v[0];
        return;
    }
    /* -1, -EBUSY, ENOENT, ...: errors are negative constants or positive
     * codes (errno values), or values the path proved nonzero (`if (ret)
     * unlock(m); return ret;`). */
    bool free_errors = !free->other && !free->none && !free->mixed &&
                       (free->nv || free->nonzero) && constants_are_errors(free, free->nonzero);
    if ((is_only_value(held, 0) || success_beside_free_errors(held, free)) && free_errors) {
        l->conditional = true;
        l->success = SUCCESS_EQUALS;
        l->success_value = 0;
        return;
    }
    /* A lock call that can fail inside, 0 with it held and a code computed
     * from the failure without (`return OS_ERROR(status);`): the
     * status-returning wrapper of a try-lock or of a blocking lock. */
    bool free_codes =
        !free->none && !free->mixed && free->other && constants_are_errors(free, false);
    if ((l->via_try || l->via_fallible) && is_only_value(held, 0) && free_codes) {
        l->conditional = true;
        l->success = SUCCESS_EQUALS;
        l->success_value = 0;
        return;
    }
    /* A try-lock inside, 0 on every exit that holds it and nonzero
     * constants on every exit that does not: a status wrapper whose error
     * codes may start at 1 (`if (trylock(m) != 0) return ERR; return
     * OK;`, OK 0, FAILED 1, BAD_HANDLE 9). Where the function also gives
     * the lock back, a `return 1;` after the unlock is the work done and
     * the held `return 0;` an early return that forgot the lock, unless 1
     * is the only code. */
    if (l->via_try && is_only_value(held, 0) && only_constants(free) && !is_among(free, 0) &&
        (is_only_value(free, 1) || !releases_it)) {
        l->conditional = true;
        l->success = SUCCESS_EQUALS;
        l->success_value = 0;
        return;
    }
    /* A try-lock inside, TRUE with it held and FALSE without: the
     * BOOL-returning try wrapper. */
    bool held_true = !held->none && !held->mixed &&
                     ((held->nv == 1 && held->v[0] > 0 && !held->other) ||
                      (held->other && !held->nv)); /* `return result;`, true when held */
    if (l->via_try && is_only_value(free, 0) && held_true) {
        l->conditional = true;
        l->success = SUCCESS_NONZERO;
        return;
    }
    /* `lock(); if (fails) { unlock(); return FALSE; } ...; return TRUE;`:
     * TRUE with it held where the function ends, after every FALSE
     * returned without it: a grab whose release is its twin. (TRUE held
     * on an early return before a final FALSE is a predicate that forgot
     * the lock.) */
    if (is_only_value(held, 1) && is_only_value(free, 0) && held->first > free->last) {
        l->conditional = true;
        l->success = SUCCESS_NONZERO;
        return;
    }
    /* "Returns 1 with the lock held when there is work, else the error or
     * 0 it got" (lock-and-load helpers): one positive constant on every
     * held exit and only computed values on the free ones (a constant
     * there, `return 0;` after the unlock, makes the held `return 1;` an
     * early return that forgot the lock). */
    bool free_computed = !free->mixed && !free->none && free->other && !free->nv;
    if (held->nv == 1 && held->v[0] > 0 && !held->other && !held->none && !held->mixed &&
        free_computed && !may_return_constant(g, free, held->v[0])) {
        l->conditional = true;
        l->success = SUCCESS_EQUALS;
        l->success_value = held->v[0];
    }
}

/* A descriptor, an index or a count returned with the lock held, and
 * only negative constants where the lock was taken and given back
 * (`unlock(m); return -1;`): the "handle or -1" convention of open(2),
 * and the lock goes with the handle. The leak this must not hide returns
 * a computed error while holding the lock (`if (rc) return rc;`) beside a
 * free exit that returns 0 or something computed; and the index found
 * inside a search loop, before the final `return -ENOENT;` that unlocked:
 * so every held exit comes after every free one, where the function ends,
 * and holds the lock on every path there. Exits that never took the lock
 * (locking turned off) may return anything. */
static bool classify_descriptor(struct summary_lock *l, const struct ret_set *held,
                                const struct ret_set *free, const struct ret_set *released,
                                bool returns_pointer)
{
    if (returns_pointer || !held->other || held->none || held->mixed || held->joined ||
        !only_constants(released) || free->mixed || free->nonzero || held->first <= free->last)
        return false;
    for (unsigned i = 0; i < released->nv; i++)
        if (released->v[i] >= 0)
            return false;
    /* (a held exit may return one of those errors: it forgot the lock) */
    for (unsigned i = 0; i < held->nv; i++)
        if (!is_among(released, held->v[i]))
            return false;
    l->conditional = true;
    l->success = SUCCESS_NONNEGATIVE;
    return true;
}

/* The caller's lock, released on the exits that return one constant and
 * left alone on the exits that return others (`if (emit_unlocked(...))
 * unlock();`): a release that happened only if the result says so. */
static void classify_conditional_release(struct summary_lock *l, const struct ret_set *rel,
                                         const struct ret_set *kept)
{
    if (rel->other || rel->none || rel->mixed || rel->nv != 1 || !only_constants(kept))
        return;
    for (unsigned i = 0; i < kept->nv; i++)
        if (kept->v[i] == rel->v[0])
            return;
    l->releases = true;
    l->conditional = true;
    l->success = SUCCESS_EQUALS;
    l->success_value = rel->v[0];
}

/* A lock API call that needs l held and does nothing else, to l or to
 * anything: making a robust mutex consistent after its owner died,
 * asserting that it is held. It finishes taking l, or checks it. */
static bool only_checks_lock(const struct cfg_event *ev, unsigned l)
{
    return ev->kind == EV_REQUIRE && ev->lock == l && ev->rule && !ev->rule->inferred &&
           ev->rule->neffects == 1;
}

/* Whether an event works under lock l: touches guarded data, needs a
 * lock held, or does anything more to l itself. (Taking another lock to
 * log a failure is no work under l; after a try-lock of l, taking l the
 * blocking way is the slow path of the same acquisition.) */
static bool works_under(const struct cfg_event *ev, unsigned l, bool after_try)
{
    if (only_checks_lock(ev, l))
        return false;
    if (ev->kind == EV_ACCESS || ev->kind == EV_REQUIRE || ev->kind == EV_WAIT)
        return true;
    if (after_try && ev->kind == EV_ACQUIRE && ev->lock == l && ev->rule && !ev->rule->is_try)
        return false;
    return ev->lock == l && ev->kind != EV_EXIT && ev->kind != EV_KILL_VAR &&
           ev->kind != EV_FACT && ev->kind != EV_COPY_FACT && ev->kind != EV_NORETURN && ev->kind != EV_OBSERVE;
}

/* Whether no work under lock l can happen from event `from` of block b on
 * (the result of the lock call may still be tested, a value stored, a
 * message logged): a bounded search over the blocks after it. */
static bool leaves_at_once(const struct cfg *g, unsigned b, unsigned from, unsigned l,
                           bool after_try)
{
    enum { LIMIT = 64 };
    unsigned queue[LIMIT], n = 0;
    queue[n++] = b;
    for (unsigned at = 0; at < n; at++) {
        const struct cfg_block *blk = &g->blocks[queue[at]];
        unsigned first = at ? blk->first_event : from;
        for (unsigned i = first; i < blk->first_event + blk->nevents; i++)
            if (works_under(&g->events[i], l, after_try))
                return false;
        for (unsigned i = 0; i < blk->nsucc; i++) {
            unsigned to = g->succ[blk->first_succ + i].to;
            bool seen = false;
            for (unsigned k = 0; k < n && !seen; k++)
                seen = queue[k] == to;
            if (seen)
                continue;
            if (n == LIMIT)
                return false;
            queue[n++] = to;
        }
    }
    return true;
}

/* Named for taking a lock (unlock: for giving one back); "try" names
 * say their result matters and are left alone. */
static bool named_for(const char *name, bool unlock)
{
    return name && lockname_has_lock_word(name) && !strcasestr(name, "try") &&
           (strcasestr(name, "unlock") != NULL) == unlock;
}

/* Every acquire of the lock is the last thing the function does to locks. */
static bool taken_last(const struct cfg *g, unsigned l)
{
    bool any = false;
    for (unsigned b = 0; b < g->nblocks; b++) {
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = blk->first_event; i < blk->first_event + blk->nevents; i++) {
            const struct cfg_event *ev = &g->events[i];
            if (ev->kind != EV_ACQUIRE || ev->lock != l)
                continue;
            if (!leaves_at_once(g, b, i + 1, l, ev->rule && ev->rule->is_try))
                return false;
            any = true;
        }
    }
    return any;
}

/* Whether a branch into block b tests which thread runs (`owner !=
 * pthread_self()`): an owner check. */
static bool entered_by_owner_test(const struct cfg *g, unsigned b)
{
    static const char *const self[] = {"pthread_self", "thrd_current", "GetCurrentThreadId",
                                       "gettid", NULL};
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = 0; i < blk->npred; i++) {
        const struct cfg_edge *e = &g->succ[g->pred[blk->first_pred + i]];
        if (e->cond < 0 || g->conds[e->cond].text_end <= g->conds[e->cond].text_begin ||
            !g->source || g->conds[e->cond].text_end > g->source_len)
            continue;
        const struct cfg_cond *c = &g->conds[e->cond];
        for (unsigned w = 0; self[w]; w++)
            if (memmem(g->source + c->text_begin, c->text_end - c->text_begin, self[w],
                       strlen(self[w])))
                return true;
    }
    return false;
}

/* Every take of l is entered through an owner check: a re-entrant lock
 * built on an owner field (`if (owner != pthread_self()) { lock(&m);
 * owner = pthread_self(); } count++;`), whose first take is for the
 * caller to give back. */
static bool taken_unless_owned(const struct cfg *g, unsigned l)
{
    bool any = false;
    for (unsigned b = 0; b < g->nblocks; b++)
        for (unsigned i = 0; i < g->blocks[b].nevents; i++) {
            const struct cfg_event *ev = &g->events[g->blocks[b].first_event + i];
            if (ev->kind != EV_ACQUIRE || ev->lock != l)
                continue;
            if (!entered_by_owner_test(g, b))
                return false;
            any = true;
        }
    return any;
}

/* Named for locking, or taking it only after an owner check, taken on
 * some paths, released on none, no result telling when, and taking it is
 * the last thing it does to locks: a lock wrapper that takes it where its
 * preconditions hold (`void ctx_lock(c) { if (c && c->server)
 * lock(&c->mu); }`). Its callers pair it with its unlock. (Any other
 * function that takes a lock and returns without it on some paths leaks
 * it on those.) */
static bool lock_wrapper(const struct facts_ctx *f, const struct cfg *g, unsigned l)
{
    const struct summary_lock *k = &f->locks[l];
    return f->acquired[l] && !f->released[l] && k->held_at_exit && !k->conditional &&
           !f->nested_exit[l] && (named_for(g->function, false) || taken_unless_owned(g, l)) &&
           taken_last(g, l);
}

/* The same for unlocking: named for it, releasing its caller's lock where
 * its preconditions hold (`if (m && m->valid) unlock(m->mu);`) and taking
 * it nowhere, it releases for its callers. */
static bool unlock_wrapper(const struct facts_ctx *f, const struct cfg *g, unsigned l)
{
    const struct summary_lock *k = &f->locks[l];
    return k->callers_lock && !f->acquired[l] && f->maybe_released_exit[l] && !k->conditional &&
           named_for(g->function, true);
}

/* Every acquire of l is the last statement before a `return`. */
static bool every_acquire_then_returns(const struct cfg *g, unsigned l)
{
    for (unsigned i = 0; i < g->nevents; i++)
        if (g->events[i].kind == EV_ACQUIRE && g->events[i].lock == l &&
            !g->events[i].then_returns)
            return false;
    return true;
}

/* Taking the lock is the last thing it does (the statement after it is a
 * `return`), it releases it nowhere, and
 * the exits that hold it return one constant that no other exit returns
 * (`if (!allowed) return 1; lock(&tree_lock); return 0;`, a command's
 * first step whose last step unlocks): whatever its name, it hands the
 * lock to its caller, and its result says when. (The other exits may
 * return a computed error: `if (ret != OK) return ret;`.) A leak does work
 * under the lock before it returns. */
static void hands_off_by_result(struct facts_ctx *f, const struct cfg *g, unsigned l)
{
    struct summary_lock *k = &f->locks[l];
    const struct ret_set *held = &f->held_rets[l], *free = &f->free_rets[l];
    if (k->acquires || k->conditional || !f->acquired[l] || f->released[l] ||
        f->nested_exit[l] || !k->held_at_exit || held->mixed || held->other || held->none ||
        held->nv != 1 || free->mixed || !taken_last(g, l) ||
        !every_acquire_then_returns(g, l))
        return;
    for (unsigned i = 0; i < free->nv; i++)
        if (free->v[i] == held->v[0])
            return;
    k->conditional = true;
    k->success = SUCCESS_EQUALS;
    k->success_value = held->v[0];
}

/* Every acquire of l is a callee's inferred hand-over whose result says
 * whether it happened, and no try-lock: a function that blocks for the
 * lock and sets up what a later step releases. */
static bool only_handed_over(const struct cfg *g, unsigned l)
{
    bool any = false;
    for (unsigned i = 0; i < g->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        if (ev->kind != EV_ACQUIRE || ev->lock != l)
            continue;
        /* a try-lock's caller uses the lock and gives it back itself */
        if (!ev->rule || !ev->rule->inferred || ev->rule->success == SUCCESS_ALWAYS ||
            ev->rule->is_try)
            return false;
        any = true;
    }
    return any;
}

/* The length of path p without its last member (`cq->lock` -> 2, `*p`
 * -> 0): the object the member belongs to. */
static size_t object_length(const char *p)
{
    p += strspn(p, "*(");
    size_t cut = 0;
    for (size_t i = 0; p[i]; i++)
        if (p[i] == '.' || (p[i] == '-' && p[i + 1] == '>'))
            cut = i;
    return cut;
}

/* Whether a test of key k is a test of the lock's own object or of one
 * that holds it (`cq->lockfree` for `cq->lock`, `qp->lockfree` for
 * `qp->sq.lock`, `wq.need_lock` for `wq.wqlock`). */
static bool tests_own_object(const struct cfg *g, int k, const char *lock)
{
    const char *t = k >= 0 ? g->key_text[k] : NULL;
    if (!t)
        return false;
    size_t n = object_length(t), m = object_length(lock);
    const char *lp = lock + strspn(lock, "*("), *tp = t + strspn(t, "*(");
    return n && n <= m && !strncmp(lp, tp, n) && (lp[n] == '.' || lp[n] == '-');
}

/* Whether block b, or one its plain edges lead to within a few blocks,
 * acquires l. */
static bool acquires_soon(const struct cfg *g, unsigned b, unsigned l)
{
    for (int step = 0; step < 4; step++) {
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = 0; i < blk->nevents; i++) {
            const struct cfg_event *ev = &g->events[blk->first_event + i];
            if (ev->kind == EV_ACQUIRE && ev->lock == l)
                return true;
        }
        if (blk->nsucc != 1)
            return false;
        b = g->succ[blk->first_succ].to;
    }
    return false;
}

/* `if (!cq->lockfree) lock(&cq->lock);` and nothing here releases it:
 * the object's own setting says whether it is locked, and the step that
 * releases it (an end_poll, a wr_complete) tests the same setting. Every
 * acquire of l is on a branch of such a test, and no event releases l. */
static bool taken_by_own_setting(const struct cfg *g, unsigned l)
{
    unsigned guarded = 0, acquires = 0;
    for (unsigned i = 0; i < g->nevents; i++) {
        const struct cfg_event *ev = &g->events[i];
        if ((ev->kind == EV_RELEASE || ev->kind == EV_WAIT) && ev->lock == l)
            return false;
        acquires += ev->kind == EV_ACQUIRE && ev->lock == l;
    }
    for (unsigned b = 0; b < g->nblocks && guarded < acquires; b++) {
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = 0; blk->nsucc == 2 && i < 2; i++) {
            const struct cfg_edge *e = &g->succ[blk->first_succ + i];
            if (e->cond >= 0 && tests_own_object(g, g->conds[e->cond].key, g->locks[l].key) &&
                acquires_soon(g, e->to, l))
                guarded++;
        }
    }
    return acquires && guarded >= acquires;
}

static void passes_on(struct facts_ctx *f, const struct cfg *g, unsigned l)
{
    struct summary_lock *k = &f->locks[l];
    if (k->acquires || k->conditional || f->released[l] || !k->held_at_exit ||
        f->nested_exit[l] || !(only_handed_over(g, l) || taken_by_own_setting(g, l)))
        return;
    k->passes_on = true;
    k->unsettled = true;
}

/* A wrapper that returns its lock call's own result (`r =
 * pthread_mutex_trylock(m); ...; return r;`, or `rc =
 * pthread_mutex_lock(m); return rc;`) on every exit that may hold the lock
 * succeeds as that call does: its callers' tests of the result say whether
 * they hold it. */
static void returns_try_result(struct facts_ctx *f, unsigned l)
{
    struct summary_lock *k = &f->locks[l];
    const struct cfg_event *t = f->try_call[l];
    if (k->conditional || !t || !f->returns_try[l] || f->held_elsewhere[l] || f->released[l])
        return;
    k->acquires = false;
    k->conditional = true;
    k->via_try = t->rule->is_try;
    k->success = t->rule->success;
    k->success_value = t->rule->success_value;
}

/* A function returning nothing that holds the lock on every exit but the
 * guards' early returns, which come before any lock is touched, and
 * releases it nowhere (`if (nesting++) return; lock(&fork_mutex); ...`, a
 * before-fork hook whose after-fork partner unlocks): it takes the lock
 * for its caller whenever it does anything, as a helper that returns
 * early on a NULL object does. Were it a leak, the lock would be lost on
 * every path that does the work, not on an error path: its second call
 * would deadlock. A function that also unlocks, whose free exits
 * come after it took or dropped some lock, or whose result could tell
 * its caller (hands_off_by_result), is judged as it is. */
static void acquired_past_guard(struct facts_ctx *f, unsigned l)
{
    struct summary_lock *k = &f->locks[l];
    if (k->acquires || k->conditional || k->callers_lock || !f->acquired[l] || f->released[l] ||
        f->nested_exit[l] || f->value_exits[l] || f->valued_exits || !f->held_exits[l] ||
        !f->idle_exits || f->held_exits[l] + f->idle_exits != f->reached_exits)
        return;
    k->acquires = true;
}

/* `*has_lock = true; return status;` where it returns holding the lock,
 * `*has_lock = false;` (or nothing) where it does not: the function tells
 * its caller through an out-parameter, which the caller tests before it
 * unlocks. Not blamed; its callers cannot know the lock's state after the
 * call (they are not followed through the flag). */
static void told_by_out_flag(struct facts_ctx *f, unsigned l)
{
    struct summary_lock *k = &f->locks[l];
    if (k->acquires || k->conditional || k->callers_lock || f->held_exits[l] == f->reached_exits)
        return;
    for (unsigned j = 0; j < f->nout; j++) {
        unsigned at = l * MAX_OUT_FLAGS + j;
        if (!f->out_set_held[at] || f->out_set_free[at])
            continue;
        k->told_key1 = (unsigned)f->out_flag[j] + 1;
        if (!f->out_unset_held[at]) {
            k->passes_on = true;
            k->unsettled = true;
        }
        return;
    }
}

/* What one lock's events and exits say about the function's contract. */
static void classify_lock(struct facts_ctx *f, const struct cfg *g, unsigned l)
{
    struct summary_lock *k = &f->locks[l];
    k->callers_lock = f->untouched_at_release[l] && !f->untouched_at_acquire[l];
    k->nests = f->recursive[l];
    bool all_held = f->reached_exits && f->held_exits[l] == f->reached_exits &&
                    !f->value_exits[l];
    bool all_released = f->reached_exits && f->released_exits[l] == f->reached_exits;
    /* A release between (drop and retake in a retry loop) is fine as long
     * as it is of a hold taken here, not of the caller's. A helper takes
     * its lock once: held twice at a return (a lock that may nest, taken
     * again for want of an unlock) is a leak. */
    k->acquires = all_held && (!f->released[l] || !f->untouched_at_release[l]) &&
                  !f->nested_exit[l];
    k->releases = all_released && k->callers_lock && !f->acquired[l];
    k->assumes_free = f->untouched_at_acquire[l];
    k->mixed_entry = f->untouched_at_release[l] && f->untouched_at_acquire[l];
    k->excludes = f->acquired[l] && f->untouched_at_acquire[l] && !k->held_at_exit &&
                  !k->callers_lock && k->mode == LOCK_EXCLUSIVE && !f->recursive[l];
    /* Released somewhere, a free exit may be one past the unlock of a
     * blocking lock: only a try-lock's failure is sure to be the reason. */
    k->via_fallible &= k->via_try || !f->released[l];
    if (!k->acquires && f->acquired[l] && !k->callers_lock && f->held_exits[l] > 0 &&
        !classify_descriptor(k, &f->held_rets[l], &f->free_rets[l], &f->released_rets[l],
                             g->returns_pointer))
        classify_conditional(k, &f->held_rets[l], &f->free_rets[l], f->released[l], g);
    returns_try_result(f, l);
    k->acquires |= lock_wrapper(f, g, l);
    hands_off_by_result(f, g, l);
    acquired_past_guard(f, l);
    if (f->forgotten[l]) { /* unknown code had it: no contract about it */
        k->acquires = k->releases = k->conditional = false;
        k->unsettled = true;
        passes_on(f, g, l);
        return;
    }
    bool some_released = f->released_exits[l] > 0 && f->released_exits[l] < f->reached_exits;
    /* every take here retakes the caller's lock it dropped first */
    if (!k->releases && k->callers_lock && !f->untouched_at_acquire[l] && some_released)
        classify_conditional_release(k, &f->released_rets[l], &f->untouched_rets[l]);
    if (!k->releases && unlock_wrapper(f, g, l))
        k->releases = k->if_held = true;
    k->unsettled = k->callers_lock && f->maybe_released_exit[l] && !k->releases &&
                   !k->conditional;
    /* left locked with its object stored for later code on some exits
     * (cfg_lock.published): no result tells the caller which */
    k->unsettled |= g->locks[l].npublished_at && f->held_exits[l] > 0 && !k->acquires &&
                    !k->conditional;
    passes_on(f, g, l);
    told_by_out_flag(f, l);
}

/* Whether destroy event i (an EV_FORGET that ends its lock) is reached
 * only with the lock not held: a lock put away idle, which changes nothing
 * the caller holds (`case DESTROY: rc = lock_destroy(&l); break;`). */
static bool destroyed_unheld(const struct cfg *g, unsigned i)
{
    for (unsigned b = 0; b < g->nblocks; b++) {
        const struct cfg_block *blk = &g->blocks[b];
        if (i < blk->first_event || i >= blk->first_event + blk->nevents)
            continue;
        uint8_t bits = 0;
        return refute_bits(g, b, i, g->events[i].lock, &bits) && !(bits & LS_HELD);
    }
    return false;
}

/* Whether the function takes the lock somewhere and releases it nowhere. */
static bool takes_never_gives(const struct cfg *g, unsigned lock)
{
    bool takes = false;
    for (unsigned i = 0; i < g->nevents; i++) {
        if (g->events[i].lock != lock)
            continue;
        if (g->events[i].kind == EV_RELEASE)
            return false;
        takes |= g->events[i].kind == EV_ACQUIRE;
    }
    return takes;
}

struct summary_lock *summary_facts(struct arena *a, const struct cfg *g,
                                   const struct ls_result *r)
{
    unsigned n = g->nlocks + 1;
    struct facts_ctx f = {
        .g = g,
        .held_rets = arena_alloc(a, n * sizeof(struct ret_set)),
        .free_rets = arena_alloc(a, n * sizeof(struct ret_set)),
        .locks = arena_alloc(a, n * sizeof *f.locks),
        .held_exits = arena_alloc(a, n * sizeof *f.held_exits),
        .released_exits = arena_alloc(a, n * sizeof *f.released_exits),
        .value_exits = arena_alloc(a, n * sizeof *f.value_exits),
        .released = arena_alloc(a, n * sizeof(bool)),
        .acquired = arena_alloc(a, n * sizeof(bool)),
        .untouched_at_acquire = arena_alloc(a, n * sizeof(bool)),
        .untouched_at_release = arena_alloc(a, n * sizeof(bool)),
        .recursive = arena_alloc(a, n * sizeof(bool)),
        .released_rets = arena_alloc(a, n * sizeof(struct ret_set)),
        .untouched_rets = arena_alloc(a, n * sizeof(struct ret_set)),
        .forgotten = arena_alloc(a, n * sizeof(bool)),
        .maybe_released_exit = arena_alloc(a, n * sizeof(bool)),
        .nested_exit = arena_alloc(a, n * sizeof(bool)),
        .try_call = arena_alloc(a, n * sizeof *f.try_call),
        .returns_try = arena_alloc(a, n * sizeof(bool)),
        .held_elsewhere = arena_alloc(a, n * sizeof(bool)),
        .endings = entryobj_endings(a, g),
    };
    /* (a lock this function takes and never gives back, destroyed on
     * some path, is none there: no contract is void for it, and the path
     * search finds no state past it; a caller's lock destroyed here may
     * have been held or not, and is unknown) */
    for (unsigned i = 0; i < g->nevents; i++)
        if (g->events[i].kind == EV_FORGET &&
            !(g->events[i].ends_lock &&
              (takes_never_gives(g, g->events[i].lock) || destroyed_unheld(g, i))))
            f.forgotten[g->events[i].lock] = true;
    for (unsigned k = 0; k < g->nkeys && f.nout < MAX_OUT_FLAGS; k++)
        if (g->key_flag[k] && g->key_text[k] && g->key_text[k][0] == '*')
            f.out_flag[f.nout++] = (int)k;
    f.out_unset_held = arena_alloc(a, n * MAX_OUT_FLAGS * sizeof(bool));
    f.out_set_free = arena_alloc(a, n * MAX_OUT_FLAGS * sizeof(bool));
    f.out_set_held = arena_alloc(a, n * MAX_OUT_FLAGS * sizeof(bool));
    struct ls_hooks hooks = {&f, on_event, on_exit_state, NULL, NULL};
    for (unsigned b = 0; b < g->nblocks; b++)
        lockset_replay(a, g, r, b, &hooks);
    for (unsigned l = 0; l < g->nlocks; l++)
        classify_lock(&f, g, l);
    return f.locks;
}

bool summary_unexplained(const struct summary_lock *l)
{
    return l->held_at_exit && !l->acquires && !l->callers_lock && !l->conditional &&
           !l->by_argument;
}

/* Whether lock key `lock` is reached through pointer `ptr`: "*ptr", "ptr[i]",
 * "ptr->...", "(*ptr)...". */
static bool through_pointer(const char *lock, const char *ptr)
{
    size_t n = strlen(ptr);
    if (lock[0] == '*' && !strcmp(lock + 1, ptr))
        return true;
    if (!strncmp(lock, ptr, n) && (!strncmp(lock + n, "->", 2) || lock[n] == '['))
        return true; /* p->mu, or p[i] with p a pointer to the locks */
    return lock[0] == '(' && lock[1] == '*' && !strncmp(lock + 2, ptr, n) && lock[2 + n] == ')';
}

static bool tests_lock_pointer(const struct cfg *g, const struct cfg_cond *c)
{
    if (c->key < 0 || c->try_event >= 0 || c->k != 0 || (c->op != CMP_NE && c->op != CMP_EQ))
        return false;
    const char *ptr = g->key_text[c->key];
    for (unsigned l = 0; ptr && l < g->nlocks; l++)
        if (through_pointer(g->locks[l].key, ptr))
            return true;
    return false;
}

/* Whether the condition tests lock l's own object pointer against NULL. */
static bool tests_object_of(const struct cfg *g, const struct cfg_cond *c, unsigned l)
{
    if (c->key < 0 || c->try_event >= 0 || c->k != 0 || (c->op != CMP_NE && c->op != CMP_EQ))
        return false;
    const char *ptr = g->key_text[c->key];
    return ptr && through_pointer(g->locks[l].key, ptr);
}

/* Edges on which the condition says NULL (or, with nonnull, not NULL);
 * `lock` < 0: any lock's pointer. */
static bool *null_edges(struct arena *a, const struct cfg *g, int lock, bool nonnull)
{
    bool *dead = NULL;
    for (unsigned i = 0; i < g->nedges; i++) {
        const struct cfg_edge *e = &g->succ[i];
        if (e->cond < 0 || (e->kind != EDGE_TRUE && e->kind != EDGE_FALSE) ||
            !(lock < 0 ? tests_lock_pointer(g, &g->conds[e->cond])
                       : tests_object_of(g, &g->conds[e->cond], (unsigned)lock)))
            continue;
        bool null_side = g->conds[e->cond].op == CMP_NE ? e->kind == EDGE_FALSE
                                                         : e->kind == EDGE_TRUE;
        if (null_side == nonnull)
            continue;
        if (!dead)
            dead = arena_alloc(a, (g->nedges + 1) * sizeof *dead);
        dead[i] = true;
    }
    return dead;
}

bool *summary_null_edges(struct arena *a, const struct cfg *g)
{
    return null_edges(a, g, -1, false);
}

bool *summary_object_edges(struct arena *a, const struct cfg *g, unsigned lock, bool nonnull)
{
    return null_edges(a, g, (int)lock, nonnull);
}

/* "q->mu" with parameter q at index 0 -> "$0->mu"; a lock rooted at
 * anything else (a global) is kept as it is. */
static const char *parameterise(struct arena *a, const char *key, const char *const *params,
                                unsigned nparams)
{
    size_t skip = strspn(key, "*(&");
    const char *root = key + skip;
    size_t len = 0;
    while (isalnum((unsigned char)root[len]) || root[len] == '_')
        len++;
    for (unsigned i = 0; i < nparams; i++)
        if (params[i] && strlen(params[i]) == len && !strncmp(root, params[i], len))
            return arena_printf(a, "%.*s$%u%s", (int)skip, key, i, root + len);
    return arena_strdup(a, key); /* the CFG's strings do not outlive its function */
}

/* Appends one effect on lock l; false when the rule is full. */
static bool add_effect(struct arena *a, struct lock_rule **r, const struct cfg *g, unsigned l,
                       enum effect_kind kind, enum lock_mode mode, const char *const *params,
                       unsigned nparams)
{
    if (!*r) {
        *r = arena_alloc(a, sizeof **r);
        (*r)->name = arena_strdup(a, g->function);
        (*r)->origin = "inferred";
        (*r)->inferred = true;
    }
    const char *expr = parameterise(a, g->locks[l].key, params, nparams);
    /* Elements of one lock array taken on different paths (`locks[i]` or
     * `locks[0]`) are one lock to callers, "locks[]": taken once. */
    for (unsigned i = 0; i < (*r)->neffects; i++)
        if (expr && (*r)->effects[i].kind == kind && (*r)->effects[i].target.expr &&
            !strcmp((*r)->effects[i].target.expr, expr))
            return true;
    if ((*r)->neffects == MODEL_MAX_EFFECTS)
        return false;
    struct lock_effect *e = &(*r)->effects[(*r)->neffects++];
    e->kind = kind;
    e->mode = mode;
    e->target.arg = -1;
    e->target.expr = expr;
    return true;
}

/* REQUIRES (or RELEASE) says the caller holds it: held on every exit is
 * then no acquire. */
static bool held_on_entry(const struct cfg *g, unsigned l)
{
    for (unsigned i = 0; i < g->nentry_held; i++)
        if (g->entry_held[i].lock == l)
            return true;
    return false;
}

const struct lock_rule *summary_rule(struct arena *a, const struct cfg *g,
                                     const struct summary_lock *facts,
                                     const char *const *params, unsigned nparams)
{
    struct lock_rule *r = NULL;
    bool all_nest = true, any_acquire = false;
    for (unsigned l = 0; l < g->nlocks; l++) {
        bool conditional = facts[l].conditional && facts[l].success != SUCCESS_ALWAYS;
        if ((!facts[l].acquires && !facts[l].releases && !conditional) || g->locks[l].local_root ||
            held_on_entry(g, l))
            continue;
        /* One result value for the whole call: locks taken on the same
         * success (`return OK;` holding both pads) go together. */
        if (conditional && r && r->success != SUCCESS_ALWAYS &&
            (r->success != facts[l].success || r->success_value != facts[l].success_value))
            continue;
        bool rel = facts[l].releases;
        if (!add_effect(a, &r, g, l, rel ? EFFECT_RELEASE : EFFECT_ACQUIRE,
                        rel ? LOCK_ANY : facts[l].mode, params, nparams))
            return r;
        r->release_if_held |= rel && facts[l].if_held;
        if (conditional) {
            r->success = facts[l].success;
            r->success_value = facts[l].success_value;
            r->is_try = facts[l].via_try;
        }
        /* a wrapper of a recursive lock (one this file initialises as
         * such) is as recursive as what it takes */
        all_nest &= rel || facts[l].nests;
        any_acquire |= !rel;
    }
    if (r && any_acquire && all_nest)
        r->recursive = true;
    /* Then what it takes and gives back, and what it leaves unknown, as
     * far as room remains. */
    for (unsigned l = 0; l < g->nlocks; l++) {
        bool settled = g->locks[l].local_root || held_on_entry(g, l);
        if (facts[l].excludes && !settled &&
            !add_effect(a, &r, g, l, EFFECT_EXCLUDE, LOCK_EXCLUSIVE, params, nparams))
            break;
        if (facts[l].unsettled && !facts[l].by_argument && !settled &&
            !add_effect(a, &r, g, l, EFFECT_FORGET, LOCK_ANY, params, nparams))
            break;
    }
    return r;
}
