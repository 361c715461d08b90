/* SPDX-License-Identifier: MIT
 * lockset: the forward dataflow over a CFG. For every lock the state is a
 * set of possibilities (untouched since entry, held exclusive, held shared,
 * released), so "held on some paths" is the set {held, untouched} and needs
 * no path enumeration: cost is O(blocks x locks in play x loop depth).
 *
 * Correlated branches (`if (x) lock(); ... if (x) unlock();`): a state
 * also knows the outcome of recent branches (facts, at most LS_MAX_FACTS)
 * and a lock may be correlated with branch values ("held if x, untouched
 * if not"). A later branch on the same value resolves it, and a branch
 * contradicting a fact is not taken. The refinement is bounded, so the
 * cost stays linear.
 * Checks replay blocks from the solved entry states with callbacks.
 * No libclang here. States live in the arena given to lockset_solve. */
#ifndef LC_LOCKSET_H
#define LC_LOCKSET_H

#include <stdbool.h>
#include <stdint.h>

#include "ir/cfg.h"

enum {
    LS_UNTOUCHED = 1, /* not acquired or released on this path since entry */
    LS_HELD_EX = 2,
    LS_HELD_SH = 4,
    LS_RELEASED = 8,
    LS_HELD = LS_HELD_EX | LS_HELD_SH,
    LS_MAX_DEPTH = 4,
    LS_MAX_FACTS = 8,
    LS_MAX_CORR = 6,
};

/* A branch value a lock's state depends on: its bits when the value is
 * true, and when false. */
struct ls_corr {
    int key;
    uint8_t if_true, if_false;
};

/* One lock's state. Locks absent from a state are {LS_UNTOUCHED}. */
struct ls_entry {
    unsigned lock;
    uint8_t bits;
    uint8_t pre_bits; /* bits before a pending try-acquire */
    uint8_t depth;    /* nested holds (recursive locks, readers), 1..LS_MAX_DEPTH */
    int bind;         /* pending try result: 2*event or 2*var+1; -1 none */
    /* Branch values this lock depends on, all telling apart the same
     * paths (`if (p) { lock(); locked = 1; }` then `if (locked)` or
     * `if (p)`): a branch on any of them resolves it. */
    struct ls_corr corr[LS_MAX_CORR];
    uint8_t ncorr;
};

/* A branch outcome known on every path here. */
struct ls_fact {
    int key;
    bool value;
};

/* Invariant: entries sorted by lock, no two with the same lock, and no
 * entry that is exactly {LS_UNTOUCHED} without a binding. */
struct ls_state {
    struct ls_entry *e;
    unsigned n;
    struct ls_fact *f;
    unsigned nf;
};

struct ls_result {
    struct ls_state *in, *out; /* per block; e == NULL and n == 0 with
                                  reached[b] false: never reached */
    bool *reached;
    bool gave_up; /* iteration budget exhausted (reported as incomplete) */
};

/* Callbacks for replay; any may be NULL. `before` is the lock's bits just
 * before the event. */
struct ls_hooks {
    void *ctx;
    void (*on_event)(void *ctx, unsigned block, unsigned event, uint8_t before);
    void (*on_exit)(void *ctx, unsigned block, unsigned event, const struct ls_state *s);
    /* The whole state just before every event. */
    void (*on_state)(void *ctx, unsigned block, unsigned event, const struct ls_state *s);
    /* The state where a call ends the thread (EV_NORETURN, ends_thread). */
    void (*on_thread_exit)(void *ctx, unsigned block, unsigned event, const struct ls_state *s);
};

void lockset_solve(struct arena *a, const struct cfg *g, struct ls_result *r);
/* The same, as if the edges marked in dead_edge (indexes into g->succ)
 * did not exist: the function under a known argument value. */
void lockset_solve_pruned(struct arena *a, const struct cfg *g, struct ls_result *r,
                          const bool *dead_edge);
/* Runs the events of one block from a copy of its entry state. */
void lockset_replay(struct arena *a, const struct cfg *g, const struct ls_result *r,
                    unsigned block, const struct ls_hooks *h);
uint8_t lockset_bits(const struct ls_state *s, unsigned lock);
/* What s knows of branch value `key`: 1 true, 0 false, -1 unknown. */
int lockset_fact(const struct ls_state *s, int key);
/* The lock's correlation with branch value `key` in s, or NULL. */
const struct ls_corr *lockset_corr(const struct ls_state *s, unsigned lock, int key);
/* Applies an edge's effect (try-lock outcome) to one lock's bits. */
uint8_t lockset_edge_bits(const struct cfg *g, const struct ls_state *out,
                          const struct cfg_edge *e, unsigned lock);

/* Pieces of the transfer functions that a path search (refute.h) shares:
 * whether overwriting local `var` makes branch value `key` unknown; the
 * try result an edge tests (2*event or 2*var+1, or -1); the rule of the
 * acquire behind binding `src` of a lock; whether an acquire deadlocks on
 * a lock in state `bits`. (The branch value an edge decides is
 * cfg_edge_branch, in ir/cfg.h.) */
bool lockset_key_dies(const struct cfg *g, int key, int var, bool address_only);
/* Whether acquire event idx overwrites its result variable: `rv =
 * trylock(m)` does, but the second lock one call takes (a helper that
 * returns OK holding two) shares the first one's result. */
bool lockset_acquire_overwrites(const struct cfg *g, unsigned idx);
/* The try result a lock event binds the lock's state to (2*event or
 * 2*var+1), or -1 when its result tells nothing. A call that takes two
 * locks on one success binds both to its first event. */
int lockset_binding(const struct cfg *g, unsigned idx);
int lockset_edge_source(const struct cfg *g, const struct cfg_edge *e);
const struct lock_rule *lockset_bound_rule(const struct cfg *g, unsigned lock, int src);
bool lockset_deadlocks(const struct cfg_event *ev, uint8_t bits);
/* Whether edge e says that the call behind a binding with this rule did
 * not do what it does on success; then the lock's bits become
 * lockset_failed_bits(bits now, bits before the call). */
bool lockset_edge_fails(const struct cfg *g, const struct cfg_edge *e,
                        const struct lock_rule *rule);
uint8_t lockset_failed_bits(uint8_t bits, uint8_t pre);
/* Whether, after edge e, the call behind a binding with this rule may
 * still have succeeded or failed, so that a later test of its result
 * decides: a failure that only logs and rejoins (`if (lock(m)) log();`),
 * or a test against another failure code (`if (rc == EBUSY) ...; else if
 * (rc != 0) return;` on the first test's false side). */
bool lockset_edge_keeps_binding(const struct cfg *g, const struct cfg_edge *e,
                                const struct lock_rule *rule);

#endif
