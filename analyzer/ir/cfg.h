/* SPDX-License-Identifier: MIT
 * cfg: the control-flow graph of one function body, as plain data. Built by
 * cfg_build.c from libclang cursors; read by lockset.c and check_*.c, which
 * never see libclang. Everything lives in the TU arena.
 *
 * Invariant: a block's events are in execution order; each branch edge
 * names the condition it takes and whether it is the true or false side. */
#ifndef LC_CFG_H
#define LC_CFG_H

#include <stdbool.h>

#include "model/model.h"

struct arena;

struct cfg_loc {
    unsigned line, column, offset;
};

enum cfg_event_kind {
    EV_ACQUIRE,
    EV_RELEASE,
    EV_REQUIRE,   /* lock must be held here */
    EV_WAIT,      /* must be held; released and held again (condition wait) */
    EV_EXCLUDE,   /* must not be held here (a callee takes it itself) */
    EV_ASSERT,    /* held from here on (asserted at run time) */
    EV_ACCESS,    /* guarded data is read or written; `lock` guards it */
    EV_OBSERVE,   /* unannotated shared data touched (--infer-guards): `data`
                     names its class, `callee` the prefix its sibling locks
                     would have ("a->"), or NULL for a global */
    EV_FACT,      /* a local flag is set to a constant: condition key `lock`
                     is known to be `write` (true/false) from here */
    EV_COPY_FACT, /* condition key `lock` (a local) is set to the value of
                     key `result_var` (another local, `e = e_all;`): what is
                     known of that value is known of it from here */
    EV_KILL_VAR,  /* a local variable is overwritten: forget what it held
                     (`write` set: only its address was passed on) */
    EV_EXIT,      /* the function returns here (return, or end of body) */
    EV_NORETURN,  /* a call that never returns; the path ends */
    EV_FORGET,    /* the lock's address went to code whose contract is
                     unknown (another file's function, a handler run
                     through a pointer): its state is unknown from here */
};

struct cfg_event {
    enum cfg_event_kind kind;
    unsigned lock;        /* index into cfg.locks (lock events) */
    enum lock_mode mode;
    const struct lock_rule *rule; /* the rule that made it, or NULL */
    int result_var;       /* local variable the call's result went to, or -1 */
    struct cfg_loc loc;
    const char *callee;   /* name of the call (lock events, noreturn) */
    /* EV_ACCESS, EV_OBSERVE: what is touched, and how */
    const char *data;
    const char *text;  /* EV_OBSERVE: as written */
    bool write;
    bool passed;       /* EV_ACCESS: its address handed to a call */
    /* EV_ACQUIRE: the statement right after the one that took it is a
     * `return` (`lock(&m); return 0;`): nothing is done under it here. */
    bool then_returns;
    /* EV_RELEASE: the statement right after the one that gave it back is
     * its branch's last and calls a function of another file named as one
     * that ends the program or the thread (`unlock(m); fatal("...");`):
     * where the graph goes on from there, it stands on a call the
     * analysis cannot see returning. */
    bool then_calls_out;
    /* EV_FORGET: the lock's own address went to a function named to end
     * it (`pthread_mutex_destroy(&m)`): no lock is left to be held. */
    bool ends_lock;
    /* EV_NORETURN: the call ends the calling thread only (pthread_exit),
     * where no cancellation handler or scope cleanup of this function may
     * run: the locks the thread holds stay held for good. */
    bool ends_thread;
    /* EV_EXIT: what is returned, when the exit is a `return e;` */
    /* RET_VAR: while building. RET_NONNEG: an EV_FACT whose store left a
     * value of 0 or more, nothing else known (a copy of a loop counter).
     * RET_BITS_CLEAR, RET_BITS_SET: an EV_FACT whose store cleared (`x &=
     * ~K`) or set (`x |= K`) the bits of ret_value, the others unknown. */
    enum { RET_NONE, RET_CONST, RET_OTHER, RET_VAR, RET_NONNEG, RET_BITS_CLEAR,
           RET_BITS_SET } ret;
    long ret_value;       /* RET_CONST: the integer (NULL is 0); EV_FACT
                             with RET_CONST: the value the store left */
    int ret_key;          /* EV_EXIT: the condition key of the value returned
                             (`return ce->meta;` after `if (ce->meta == NULL)`), or -1 */
    bool ret_inverted;    /* EV_EXIT: the value returned is the key's test
                             inverted (`return err == 0;`, `return !err;`) */
    int ret_var;          /* EV_EXIT: the variable or parameter returned
                             (`return oh;`), or -1 */
    /* EV_EXIT: the local returned only ever holds constants and calls'
     * results (`rc = f(); ... rc = -EINVAL;`): a status, not data */
    bool ret_status;
    /* EV_EXIT: the local returned only ever holds 0 and 1 (`status =
     * FALSE; ... status = TRUE;`): a truth value, where 1 is success */
    bool ret_flag;
};

enum cfg_edge_kind { EDGE_PLAIN, EDGE_TRUE, EDGE_FALSE, EDGE_CASE, EDGE_DEFAULT };

/* A branch condition after `!`, `&&`, `||` and parentheses are split off:
 * the branch is true iff (value op k) when value is a tracked try result;
 * otherwise only its position and text matter (for path notes). */
enum cfg_cmp { CMP_NONE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE,
               CMP_AND /* a bit test: (value & k) != 0 */ };

struct cfg_cond {
    struct cfg_loc loc;
    unsigned text_begin, text_end; /* offsets of its text in cfg.source */
    /* A condition written inside a macro: the condition itself, printed
     * from the syntax tree (the text above is the macro's use); else NULL. */
    const char *in_macro;
    enum cfg_cmp op;
    long k;
    int try_event;   /* >= 0: tests the result of that event (a lock call) */
    int try_var;     /* >= 0: tests that local variable */
    /* What the branch decides, for correlated branches: the tested value
     * (interned: cfg.nkeys) and whether true means the value is zero. */
    int key;
    bool negated;
    /* Set by failjoin: it tests a blocking lock call whose failure side
     * rejoins the success side, so failure does not mean "not held". */
    bool fail_rejoins;
    /* Set by failjoin: it tests a lock call's result only on the failure
     * side of an earlier test of it (`if (rv) { if (rv == EOWNERDEAD)`):
     * the result is not the success value here. */
    bool after_failure;
    bool selects_value; /* the condition of `c ? x : y` */
    /* >= 0: the leaf compares that parameter of the function with k (or
     * the switch is on it), and no store to the parameter reaches the
     * test: a caller's constant argument decides the branch. */
    int param;
};

struct cfg_edge {
    unsigned from, to;
    enum cfg_edge_kind kind;
    int cond; /* index into cfg.conds, or -1 */
    bool has_value; /* EDGE_CASE with one constant label: its value */
    long value;
    /* with has_value, on a switch on a keyed value: the key of `value ==
     * label` (keyrel.h); -1 otherwise */
    int label_key;
};

struct cfg_block {
    unsigned first_event, nevents;
    unsigned first_succ, nsucc; /* into cfg.succ (edges sorted by from) */
    unsigned first_pred, npred; /* into cfg.pred (edge indexes sorted by to) */
    unsigned first_clobber, nclobbers; /* into cfg.clobbers */
    /* The body of an `if` with no `else` that is one statement (`if (p)
     * unlock(m);`) begins here: what it does is all the test decides. */
    bool lone_then;
    /* ... and its test compares a count that this function changes (`if
     * (++readers == 1)`, `r->n--; if (r->n == 0)`): a lightswitch's. */
    bool count_test;
};

/* Memory that a call or a store in a block may change: the object that
 * a parameter or a local struct reaches (var), every global, or anything
 * (a store or an argument through a local or global pointer, a call's
 * result). Lock calls change no value the function tests. */
enum { CFG_CLOBBER_ALL = -1, CFG_CLOBBER_GLOBALS = -2 };

struct cfg_clobber {
    unsigned block;
    int var; /* a variable of the function, or CFG_CLOBBER_* */
};

/* An object given to a function of another file of the project that
 * nothing describes (its access path, `c` or `c->inner`): what that call
 * did to the locks inside the object is not seen here. */
struct cfg_unseen_arg {
    unsigned block;
    const char *path;
};

/* The key of the lock an access to GUARDED_VAR data names: none in
 * particular, so long as the path holds one. No lock call names it. */
#define CFG_ANY_LOCK "(any lock)"

struct cfg_lock {
    const char *key;     /* canonical access path */
    const char *display; /* as first written in this function */
    /* Local variables used as its array index ("locks[i]"), -1 if none:
     * when one changes, the path names another element and what was known
     * about this lock is forgotten. */
    int index_var[2];
    /* The index of an element lock as its identity reads it ("0" for
     * `locks[LOCK_LOG]`, whose key is "*locks[]"), or NULL. */
    const char *index_text;
    bool local_root; /* rooted at a local variable: means nothing to callers */
    bool loop_cursor; /* rooted at a pointer local that moves in a loop
                         (`o = o->next`): no contract can name it */
    /* Another element of the same lock array named by another index
     * expression (a ring through all of them), or -1. */
    int next_element;
    /* The variable (local or parameter) its path starts from, or -1: a
     * store to it makes the path name another object. */
    int root_var;
    const char *root_name; /* that variable's name, as the path was written
                              (before a local pointer's alias is resolved) */
    /* `*cur` where the local pointer cur is only ever given one lock's
     * address besides NULL (`cur = &s->lock;` in a loop, where which
     * store a use sees is not followed): that lock's key, which this one
     * may be; else NULL. */
    const char *address_of;
    /* Blocks where its root variable's pointer is stored somewhere that
     * outlives the call (`base->current = cmd; return;` with cmd->lck
     * held): from there on the object, locked, may be left for later
     * code to finish and unlock. */
    unsigned *published_at;
    unsigned npublished_at;
    /* Lock class for lock order: the field or global, not the instance
     * ("struct account.mu", "g_lock"); NULL when unknown. */
    const char *cls;
    /* Declared order (ACQUIRED_BEFORE / ACQUIRED_AFTER on the lock):
     * classes this lock must be taken before, and after. */
    const char **precedes, **follows;
    unsigned nprecedes, nfollows;
};

struct cfg {
    const char *function;
    struct cfg_loc loc;          /* the function's name */
    struct cfg_block *blocks;
    unsigned nblocks, entry;
    struct cfg_event *events;
    unsigned nevents;
    struct cfg_edge *succ;       /* sorted by from */
    unsigned nedges;
    unsigned *pred;              /* indexes into succ, grouped by to */
    struct cfg_cond *conds;
    unsigned nconds;
    struct cfg_clobber *clobbers; /* sorted by block */
    unsigned nclobbers;
    struct cfg_unseen_arg *unseen_args; /* in the order of the calls */
    unsigned nunseen_args;
    struct cfg_lock *locks;
    unsigned nlocks;
    unsigned nvars;
    int *var_group; /* per variable: the first variable of its name */
    bool *var_copied; /* per variable: stored into another (`best = i;`) */
    /* per variable: a parameter, or a local that is no pointer (a struct,
     * an array): what is reached from it is taken to be its own object,
     * which no other variable reaches (cfg_clobber) */
    bool *var_own_object;
    int *key_var;  /* per condition key: the local variable it reads, or -1 */
    int *key_var2; /* per condition key: a second one (`a != b`), or -1 */
    const char **key_text; /* per condition key: the tested value's path */
    bool *key_flag;        /* per condition key: some store sets it (a flag) */
    /* per condition key that compares a value with a constant (`st != -1`,
     * `st == RUNNING`): the key of the value alone and the comparison, so
     * that storing a constant in the value decides it too; and, per key,
     * the first key comparing it (-1: none), chained by `next`. */
    struct cfg_key_cmp { int base; enum cfg_cmp op; long k; int next; } *key_cmp;
    int *key_first_cmp;
    unsigned nkeys;
    const char *source;          /* text of the main file (borrowed) */
    unsigned source_len;
    /* From the function's own annotations: locks held when it starts
     * (REQUIRES, RELEASE), locks it may return holding (REQUIRES,
     * ACQUIRE), no analysis at all, an annotation that could not be read. */
    struct cfg_held { unsigned lock; enum lock_mode mode; } *entry_held;
    unsigned nentry_held;
    unsigned *exit_ok;
    unsigned nexit_ok;
    /* its comment says it returns with a lock held for the caller
     * ("returns with the lock held", "the caller must unlock") */
    bool documented_holding;
    bool no_analysis;
    bool calls_local;  /* calls a function defined in the same file */
    /* Functions of the same file whose address it takes, not to call them
     * here (`cmd->done = write_done;`, `schedule(cmd, write_done)`): code
     * that runs later, as a completion callback does (analysis/handoff.h). */
    const char **handoffs;
    unsigned nhandoffs;
    bool returns_pointer; /* its result is a pointer (an object, or NULL) */
    /* every return that is not NULL gives back this global lock's address
     * (`return lock;` with lock = &item_locks[i]), or NULL */
    const char *returns_lock;
    int returns_param; /* every return gives back this parameter (or a
                          local set from it), as a scoped guard's
                          constructor does; -1 otherwise */
    struct cfg_problem {
        const char *message;
        struct cfg_loc loc;
        bool elsewhere; /* at the annotation, not in this function */
    } *problems;         /* annotations that could not be read */
    unsigned nproblems;
    bool incomplete;             /* a construct was not modelled */
    const char *incomplete_why;
    struct cfg_loc incomplete_loc;
    bool incomplete_unread; /* some code was not read at all: its locks are unknown */
    /* Locals stored from another local or parameter anywhere in the body
     * (`hit = thread;`, `locked = agno;`): both may name one object, or
     * one element, for a while. */
    struct cfg_copy { int to, from; } *var_copies;
    unsigned nvar_copies;
};

/* Marks in seen (nblocks entries, cleared by the caller) every block
 * reachable from the blocks starts[0..n), those included. */
void cfg_mark_reachable(const struct cfg *g, const unsigned *starts, unsigned n, bool *seen);

/* Sets seen[b] for every block b from which block `to` can be reached,
 * `to` included. */
void cfg_mark_reaching(const struct cfg *g, unsigned to, bool *seen);

/* The branch value edge e fixes, if its condition has a key: the key and
 * whether the tested value is true on that edge. */
bool cfg_edge_branch(const struct cfg *g, const struct cfg_edge *e, int *key, bool *truth);

/* Whether a store to variable var makes lock's path name another object:
 * var is the variable its path starts from, or one of the same name in
 * another scope. */
bool cfg_var_roots(const struct cfg *g, unsigned lock, int var);
/* Whether event ev (a store: EV_KILL_VAR of a value, not of an address)
 * gives the lock's name to another object: the variable it overwrites is
 * the name's root (`zb++` for `zb->mutex`) or one of its indexes. */
bool cfg_store_renames(const struct cfg *g, const struct cfg_event *ev, unsigned lock);
/* Whether (v op k) holds. */
bool cfg_cmp_holds(enum cfg_cmp op, long v, long k);

/* Whether block b is one of the n blocks in `seen` (the visited list of
 * a small bounded walk). */
static inline bool cfg_block_among(const unsigned *seen, unsigned n, unsigned b)
{
    for (unsigned i = 0; i < n; i++)
        if (seen[i] == b)
            return true;
    return false;
}
/* Whether the store `fact` (an EV_FACT) of the value that key `cmp`
 * compares decides that comparison; its outcome in *holds. An order with a
 * negative constant is not decided (the comparison may be unsigned). */
bool cfg_key_cmp_decided(const struct cfg_key_cmp *cmp, const struct cfg_event *fact,
                         bool *holds);
/* Whether an EV_FACT says whether the value is 0 (not only its sign or
 * some of its bits). */
bool cfg_fact_knows_value(const struct cfg_event *fact);

/* Text of a condition, cut to at most max bytes (arena string). */
const char *cfg_cond_text(struct arena *a, const struct cfg *g, const struct cfg_cond *c,
                          unsigned max);

#endif
