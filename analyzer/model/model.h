/* SPDX-License-Identifier: MIT
 * model: what calls do to locks. Filled by rules.c from rules/NAME.json (and,
 * later, by annotations); read by the CFG builder at every call. The model
 * and every rule in it live in the run arena and are read-only once the
 * run starts, so worker threads share it without locking. */
#ifndef LC_MODEL_H
#define LC_MODEL_H

#include <stdbool.h>

#include "support/strmap.h"

enum lock_mode {
    LOCK_EXCLUSIVE = 1,
    LOCK_SHARED = 2,
    LOCK_ANY = 3, /* a release that ends either mode (pthread_rwlock_unlock) */
};

enum effect_kind {
    EFFECT_ACQUIRE,
    EFFECT_RELEASE,
    EFFECT_REQUIRE,          /* must be held at the call */
    EFFECT_RELEASE_REACQUIRE, /* held before and after; released during */
    EFFECT_EXCLUDE,           /* must not be held at the call */
    EFFECT_ASSERT,            /* held after the call (a runtime check) */
    EFFECT_FORGET             /* may or may not be released: unknown after the call */
};

/* Which lock an effect names: the object argument `arg` points to, or, when
 * expr is set, a lock expression text in which $N stands for argument N. */
struct lock_target {
    int arg;
    const char *expr;
};

struct lock_effect {
    enum effect_kind kind;
    enum lock_mode mode;
    struct lock_target target;
};

enum success_kind {
    SUCCESS_ALWAYS,  /* the call cannot fail */
    SUCCESS_EQUALS,  /* succeeded iff result == success_value */
    SUCCESS_NONZERO, /* succeeded iff result != 0 */
    SUCCESS_NONNEGATIVE, /* succeeded iff result >= 0: a descriptor, an index or a count */
    SUCCESS_NOT_EQUALS  /* succeeded iff result != success_value: an object or a
                           sentinel such as `(void *)-1` (MAP_FAILED) */
};

enum { MODEL_MAX_EFFECTS = 4 };

struct lock_rule;

/* An inferred contract that depends on one argument's value (see
 * argsplit.h): for `values[i]` the call does what `rules[i]` says (NULL:
 * nothing to locks); for any other or unknown value, nothing known. */
struct rule_split {
    unsigned param;
    unsigned n;
    const long *values;
    const struct lock_rule *const *rules;
};

struct lock_rule {
    const char *name;
    bool is_macro;
    struct lock_effect effects[MODEL_MAX_EFFECTS];
    unsigned neffects;
    enum success_kind success;
    long success_value;
    bool is_try;    /* a try-lock: never blocks, so never a double-acquire */
    bool recursive; /* the holder may take it again */
    /* "if_held": its releases first check that the lock is held (an
     * unlock-if-owned helper, a release under the object's own state): a
     * call where it is not held releases nothing, and is no finding */
    bool release_if_held;
    /* "always_returns": in a correct program the call returns this value
     * (pthread_mutex_consistent right after EOWNERDEAD): a test of its
     * result that needs another one is a path that does not happen */
    bool always_returns;
    long always_returns_value;
    const char *origin; /* "file:line:col" of the rule, for messages */
    const struct rule_split *split; /* inferred only: effects by argument value */
    bool inferred;  /* from a function's body, not a rules file or annotation */
    const char *returns_lock; /* inferred: the global lock address it returns
                                 when not NULL (`hold = item_trylock(hv)`) */
};

struct guard_rule {
    const char *data; /* "struct conn.state" or a global name */
    const char *lock;
    const char *origin;
};

struct model {
    struct strmap functions; /* name -> struct lock_rule */
    struct strmap macros;    /* name -> struct lock_rule */
    struct strmap noreturn;  /* name -> (void *)1 */
    /* name -> (void *)1: registers its first argument as a handler run
     * before fork (pthread_atfork), which returns holding the locks it
     * takes so that the child finds them in a known state */
    struct strmap fork_registrars;
    struct strmap lock_types;/* type spelling -> (void *)1 */
    /* name -> (void *)1: named like a lock API, but its locks are not
     * followed (held until the runtime drops them at the end of a
     * transaction): never guessed to be a lock call */
    struct strmap untracked;
    /* name -> (void *)1: ends the calling thread only (pthread_exit):
     * the process goes on, and a lock the thread holds stays held */
    struct strmap thread_exits;
    struct guard_rule *guards;
    unsigned nguards, guards_cap;
    unsigned nrulesets;
    unsigned long long hash; /* of every rules text loaded, for the cache */
};

const struct lock_rule *model_function(const struct model *m, const char *name);
const struct lock_rule *model_macro(const struct model *m, const char *name);
bool model_is_noreturn(const struct model *m, const char *name);
bool model_is_untracked(const struct model *m, const char *name);
/* Never returns, ending the calling thread only (also noreturn). */
bool model_ends_thread(const struct model *m, const char *name);
/* Whether two effects name the same lock (argument and expression). */
bool model_same_target(const struct lock_target *x, const struct lock_target *y);
bool model_registers_fork_handler(const struct model *m, const char *name);
bool model_has_macros(const struct model *m);
void model_free(struct model *m);

#endif
