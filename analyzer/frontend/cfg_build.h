/* SPDX-License-Identifier: MIT
 * cfg_build: turns one libclang function definition into a struct cfg.
 * Statements are in cfg_build.c, expressions in cfg_expr.c, conditions in
 * cfg_cond.c, calls and rules macros in cfg_call.c, scopes and aliases in
 * cfg_scope.c; they share struct builder, declared here for them alone. */
#ifndef LC_CFG_BUILD_H
#define LC_CFG_BUILD_H

#include <clang-c/Index.h>
#include <stdint.h>

#include "ir/cfg.h"
#include "frontend/parse.h"
#include "support/strmap.h"
#include "support/vec.h"

struct arena;
struct guard;

/* A use of a rules macro (or a function-like macro named like a rules
 * function) found in the preprocessing record of the main file. */
struct macro_use {
    unsigned begin, end; /* file offsets of "NAME(...)" */
    const struct lock_rule *rule;
    const char **args;   /* argument texts */
    unsigned nargs;
    struct cfg_loc loc;
    /* Matched by a "function" rule: the macro's own expansion decides when
     * it calls known lock functions itself (see build_macro_use). */
    bool from_function;
};

/* Per-TU facts the builder reads: shared by every function of the TU. */
struct cfg_tu {
    struct arena *a;
    const struct model *model;
    CXTranslationUnit tu;
    CXFile main_file;
    const char *source;
    unsigned source_len;
    struct macro_use *macros; /* sorted by begin */
    unsigned nmacros, macros_cap;
    struct strmap callee_cache; /* function name -> struct callee_info */
    struct strmap summaries;    /* function name -> inferred struct lock_rule */
    struct strmap contracts;    /* function name -> struct contract (annotations) */
    struct strmap guards;       /* USR of a field or variable -> struct guard */
    struct strmap functions_by_name; /* top-level FunctionDecls (cfg_tu_index) */
    struct strmap macros_by_name;    /* MacroDefinitions, by name (cfg_tu_index) */
    struct strmap functions_naming_lock; /* header function name -> 1 + whether its
                                          text names something lock-like (cfg_call.c) */
    struct strmap macros_naming_lock; /* macro name -> 1 + whether its body names a
                                         known lock call (guess_macro, once per macro) */
    struct strmap returns_param;     /* function name -> 1 + the parameter it returns */
    struct strmap external_done;     /* header functions whose contract was inferred */
    struct strmap missed;            /* functions a call found no contract for */
    struct strmap guessed;           /* lock APIs recognised by name (lockname.h) */
    struct strmap released;          /* lock keys some call in the file releases */
    struct strmap static_vars;       /* file-scope statics of the main file (cfg_tu_index) */
    struct strmap globals;           /* names of every file-scope variable (cfg_tu_index) */
    struct strmap recursive;         /* lock classes made recursive (recursive.h) */
    struct strmap accessors;         /* function name -> 1 accessor, 2 not (cfg_cond.c) */
    struct strmap constant_returns;  /* function name -> its one returned constant, or none (cfg_cond.c) */
    struct strmap fork_prepare;      /* functions registered to run before fork (rules' fork_handlers) */
    bool recursive_read;             /* the file was read for them */
    bool indexed;                    /* cfg_tu_index has run */
    bool no_guess;                   /* --no-guessed-locks */
    /* Infers the contract of a function defined in one of the project's
     * headers (a scoped guard's constructor and destructor) when a call
     * first needs it; set by the driver, which owns the analysis. */
    const struct lock_rule *(*infer_external)(struct cfg_tu *t, CXCursor def);
    struct guard_seen {         /* declaration cursor -> struct guard (contract.c) */
        CXCursor *keys;
        const struct guard **values;
        size_t cap, count;
    } guard_seen;
    unsigned max_depth;         /* nesting limit before giving up */
    bool observe;               /* --infer-guards: record unannotated accesses */
    bool pointer_passing;       /* --pointer-passing: &guarded to a call is an access */
};

/* Collects the macro uses for cfg_tu.macros (needs the detailed
 * preprocessing record). */
void cfg_collect_macros(struct cfg_tu *t);
void cfg_tu_free(struct cfg_tu *t);

/* Fills functions_by_name and static_vars, once, in one walk of the TU's
 * top-level declarations. */
void cfg_tu_index(struct cfg_tu *t);
/* Whether `name` is a variable of the file with internal linkage (static)
 * that nothing in the file releases: a lock held for good on purpose (a
 * crash handler's, taken once and never given back), since no other file
 * can release it either. */
bool cfg_tu_held_for_good(struct cfg_tu *t, const char *name);
/* Whether function `name` is registered in the file to run before fork
 * (`pthread_atfork(prepare, parent, child)`): it takes the locks that the
 * after-fork handlers release, and returns holding them on purpose. */
bool cfg_tu_prepares_fork(const struct cfg_tu *t, const char *name);

/* Builds the CFG of a FunctionDecl that has a body, in arena `a` (the
 * function's own, so that it can go once the function is checked; what
 * is learnt about the TU goes to t->a). */
struct cfg *cfg_build(struct cfg_tu *t, CXCursor fn, struct arena *a);

/* ---- shared between the cfg_*.c files ---- */

struct bblock {
    unsigned first_event, nevents;
    bool entered; /* some edge leads into it (so far): else, past a return */
    bool lone_then, count_test; /* cfg_block's */
};

struct jump_target {
    unsigned brk, cont; /* block ids; cont == UINT_MAX inside a bare switch */
    size_t cleanups;    /* scope cleanups registered when the loop began */
};

/* A variable with __attribute__((cleanup(fn))): fn(&var) runs when its
 * scope is left. A variable initialised with a handler and its argument
 * (`{ .routine = h, .arg = &m, .run = 1 }`, a cancellation frame) runs
 * h(arg) instead, unless a constant 0 was stored in it since; `run` is 1,
 * 0, or -1 once a value not known here was stored. */
struct scope_cleanup {
    const char *var;
    CXCursor fn;
    struct cfg_loc loc;
    CXCursor handler, handler_arg; /* null cursors: a plain cleanup */
    int run;
    unsigned scope_end; /* offset where the variable's scope ends */
};

struct switch_ctx {
    unsigned head, exit;
    int cond; /* the switch condition, for case notes */
    int has_default;
};

/* A store to parameter `param` in block `block`. */
struct param_store {
    unsigned param, block;
};

/* A store of local or parameter `name`'s pointer into memory that
 * outlives the call, in block `block`. */
struct publish {
    const char *name;
    unsigned block;
};

struct place {
    int var, root;
};

struct builder {
    struct cfg_tu *t;
    struct arena *a;
    CXCursor fn;             /* the function being built */
    CXCursor *params;        /* its parameters, read on first need */
    const char **param_names;
    unsigned nparams;
    CXCursor statement_expr; /* the latest expression statement (its value unused) */
    uint64_t params_written; /* bit i: parameter i is assigned in the body */
    /* where: the block of each store to a parameter (param, block) */
    VEC(struct param_store) param_stores;
    struct cursor_stack kids;
    VEC(struct cfg_event) events;
    VEC(struct cfg_edge) edges;
    VEC(struct cfg_cond) conds;
    VEC(struct bblock) blocks;
    VEC(struct cfg_clobber) clobbers;
    VEC(struct cfg_unseen_arg) unseen_args;
    VEC(struct cfg_lock) locks;
    VEC(struct jump_target) jumps;
    VEC(struct switch_ctx) switches;
    struct strmap lock_ids;  /* key -> id + 1 */
    struct strmap labels;    /* label name -> block id + 1 */
    struct strmap vars;      /* "offset" of a local VarDecl -> var id + 1 */
    struct strmap keys;      /* condition value (text#var) -> key id + 1 */
    VEC(int) key_var;
    VEC(int) key_var2;
    VEC(const char *) key_text; /* by key id: the value's text */
    VEC(struct cfg_key_cmp) key_cmp; /* by key id: a comparison with a constant */
    VEC(const char *) var_names; /* by variable id: its name */
    VEC(bool) var_own;            /* by variable id: cfg.var_own_object */
    unsigned nvars;
    unsigned cur;            /* block receiving events */
    unsigned depth;
    int pending_result_var;  /* the next lock call's result goes there */
    /* The last store of a constant to something not a local (`errno =
     * ENOENT;`), for a `return errno;` right after it: where, and what. */
    struct { const char *path; long value; unsigned block; size_t events; } last_store;
    bool conditional_not_used; /* the next `c ? x : y` is a whole statement or a
                                   call's argument: no test here acts on it */
    /* The `?:` just built set the pending result variable in its arms. */
    bool result_set_in_arms;
    int returned_param;      /* see cfg.returns_param; -2 before any return */
    const char *returned_lock; /* see cfg.returns_lock; NULL before, "" if mixed */
    CXCursor last_lock_call; /* for conditions that test a call's result */
    int last_lock_event;
    /* While the failure side of `if (trylock(m) != 0)` is built: that
     * try-lock's event, for a lock-named call there that is its slow path
     * (build_slow_path); else -1. */
    int failed_try_event;
    unsigned lock_events;                /* acquires, releases, waits emitted so far */
    int path_index_var[2];               /* index variables seen by cursor_path */
    const char *path_index_text;         /* its index expressions, or NULL */
    bool path_local_root;                /* cursor_path met a local variable */
    int path_root_var;                   /* that local variable's id, or -1 */
    /* How the expression being built is used: read, written, or only
     * its address taken; and how what it points to is used (for data
     * guarded through a pointer). Consumed by the next access. */
    enum access_mode { ACC_READ, ACC_WRITE, ACC_NONE } access_mode, pt_access;
    VEC(bool) fresh;                     /* by var id: object made here, not yet shared */
    /* by var id: the one constant ever stored in it, for `return ret;`
     * (set: it has one; varied: anything else was stored) */
    struct var_value {
        bool set, varied;
        /* some store gave it data: not a call's result nor a constant
         * (`v = c->n;`, `n++`): a count or a value, not a status */
        bool data;
        bool not_flag; /* some store was not the constant 0 or 1 */
        bool copied;   /* stored into another variable (`best = i;`) */
        long value;
        bool from_setjmp;    /* its last store is a setjmp's result (build_returns_twice) */
        const char *copy_of; /* a scalar declared as a field's copy, never stored since */
        int copy_root;       /* the variable that field is reached from */
    } *values;
    size_t nvalues;
    bool has_copies; /* some var_value.copy_of was set */
    bool no_access_checks;               /* an initializer or destructor */
    bool passing;                        /* accesses now built are pointers handed to a call */
    bool calls_local;                    /* a call to a function defined in this TU */
    /* building a call's callee, or a local function pointer's value: a
     * function named there is called here, not handed off */
    bool in_callee;
    VEC(const char *) handoffs;          /* cfg.handoffs */
    VEC(const char *) frame_handlers;    /* cancellation handlers: no handoffs */
    VEC(struct cfg_problem) problems;    /* unreadable annotations met */
    VEC(struct cfg_copy) var_copies;     /* `hit = thread;`, `locked = agno;` */
    VEC(struct scope_cleanup) cleanups;  /* of the scopes open here, innermost last */
    /* a setjmp or a cancellation frame was met: a thread's exit may run
     * handlers the graph does not follow */
    bool returns_twice_seen;
    unsigned scope_end;                  /* offset where the innermost scope ends */
    struct strmap aliases;               /* local pointer name -> struct alias */
    /* local pointer name -> the one address path stored in it besides
     * NULL ("&s->lock"), or "" once two differ (cfg_lock.address_of) */
    struct strmap addresses_stored;
    struct strmap loop_stored;           /* pointer locals stored in a loop */
    /* locals and parameters whose pointer is stored into memory that
     * outlives the call (`base->current = cmd;`, `g_last = obj;`), with
     * the block of each such store */
    VEC(struct publish) published;
    /* Places a lock call's result was stored in (`s->rc`, `*err`,
     * `g_rc`), each a variable of its own (build_place_var), with the
     * local or parameter its path starts from (-1: a global). */
    VEC(struct place) places;
    struct strmap pointer_stores;        /* pointer local (declaration) -> non-null stores */
    /* pointer local (declaration) -> the text every non-null store writes
     * into it, or pointer_texts itself when two differ or one has none */
    struct strmap pointer_texts;
    struct strmap local_stores;          /* local's declaration offset -> stores, initialiser too */
    bool stores_counted;                 /* pointer_stores filled (once, lazily) */
    /* Fields and globals this function counts up or down (`r->readers++`,
     * `--g_users`), by path: text -> 1 */
    struct strmap counted;
    /* Names of guessed locks looked up among the function's locals:
     * name -> 1 + whether it is a local number (local_scalar) */
    struct strmap scalar_locals;
    struct strmap not_counters; /* local's declaration offset -> a store that may make it negative */
    /* While a `for` loop's first test is lowered: its key ("0 < n->count"),
     * the same for every loop over that range from that start, and the
     * variable it depends on (-1: none). */
    const char *entry_key_text;
    int entry_key_var;
    const struct macro_use *expanding;   /* a function-named macro being looked into */
    /* Its expansion called a function that returns its argument (`x =
     * x_lock(x)`, a reference count): a lock guessed from the macro's name
     * yields. */
    bool expansion_answered;
    bool incomplete;
    const char *incomplete_why;
    struct cfg_loc incomplete_loc;
    bool incomplete_unread;
};

unsigned build_new_block(struct builder *b);
void build_edge(struct builder *b, unsigned from, unsigned to, enum cfg_edge_kind kind, int cond);
/* Adds an event to the current block; returns its index. */
unsigned build_event(struct builder *b, struct cfg_event ev);

/* cfg_clobber.c: memory the current block may change (cfg_clobber). A
 * call that is not a lock call clobbers every global and what its pointer
 * arguments reach; a store, the object its target is reached from. */
void build_note_clobber(struct builder *b, int var);
void build_note_call_clobbers(struct builder *b, const CXCursor *args, unsigned nargs);
void build_note_store_clobbers(struct builder *b, CXCursor target);
/* Whether t points to a function (cfg_expr.c). */
bool build_is_function_pointer(CXType t);
/* Ends the current path (return, noreturn call, goto): further code goes
 * to a fresh block with no predecessors. */
void build_dead_end(struct builder *b);
void build_give_up(struct builder *b, CXCursor at, const char *why);
/* The same, for code not read at all (nested too deeply): what locks
 * it uses is not known either. */
void build_give_up_unread(struct builder *b, CXCursor at, const char *why);
void build_stmt(struct builder *b, CXCursor s);
void build_expr(struct builder *b, CXCursor e);
/* Evaluates a condition, branching to t when true and f when false. */
void build_cond(struct builder *b, CXCursor c, unsigned t, unsigned f);
/* A `for` loop's first test, `C op E` for `i = C; i op E`, as a key of
 * its own (NULL when the loop is not of that shape); see cfg_cond.c. */
const char *build_loop_entry_key(struct builder *b, CXCursor init, CXCursor cond, int *var);
/* The condition, keyed by `text` (var: what it depends on). */
void build_cond_keyed(struct builder *b, CXCursor c, unsigned t, unsigned f, const char *text,
                      int var);
/* Matches a rules macro use exactly covering c; emits its events. */
bool build_macro_use(struct builder *b, CXCursor c, bool is_stmt);
int build_var_id(struct builder *b, CXCursor ref, bool create);
/* A new variable id under key (a declaration's offset, or a made-up key
 * for a value with no declaration), named for path notes. */
int build_add_var(struct builder *b, const char *key, const char *name);
/* The variable standing for a field, a pointed-to object or a global
 * (`s->rc`, `*err`, `g_rc`) that a call's result is stored in, or -1
 * (another lvalue, or none yet and !create). */
int build_place_var(struct builder *b, CXCursor lvalue, bool create);
/* A store to local `var` (root -1: to nothing) changes the places reached
 * through it: what they held is forgotten. */
void build_forget_places_of(struct builder *b, int root, struct cfg_loc loc);
/* The index of the parameter a DeclRefExpr names, or -1. */
int build_param_index(struct builder *b, CXCursor ref);
/* The index of the parameter named by the len bytes at name, or -1. */
int build_param_named(struct builder *b, const char *name, size_t len);
/* A store to a parameter (the target of an assignment or update). */
void build_note_param_store(struct builder *b, CXCursor target);
/* `flag = 1;`: the branch value "flag" is known from here on. */
void build_flag_fact(struct builder *b, const char *name, int var, CXCursor value,
                     struct cfg_loc loc);
/* Whether an expression may be an integer constant, judged by its kind
 * only (cheap; parse_int_constant decides). */
bool build_maybe_constant(CXCursor value);
/* `r = lock(m) == 0 ? OK : ERR;` (or its declaration) into local var
 * `name`: each arm stores its constant; false, nothing built, when the
 * value is no conditional with constant arms. */
bool build_assign_selected_constant(struct builder *b, const char *name, int var, CXCursor rhs,
                                    struct cfg_loc loc);
bool build_assign_tested_try(struct builder *b, const char *name, int var, CXCursor rhs,
                             struct cfg_loc loc);
/* A store to local var (-1: none) forgets what var held, unless the value
 * stored bound it: the lock call just built (`rv = trylock(m)`) or the
 * arms of the `?:` just built (result_set_in_arms, read and cleared). */
void build_kill_unless_bound(struct builder *b, int var, struct cfg_loc loc);
/* An EV_FACT: local flag var (named name) now holds the constant v. */
void build_constant_fact(struct builder *b, const char *name, int var, long v, struct cfg_loc loc);
/* After `x &= K` or `x |= K` on local x (var): the bits it cleared or set. */
void build_bits_fact(struct builder *b, CXCursor store, CXCursor target, CXCursor value, int var);
/* The same for a field path ("rp.locked", "c->locked"); var: the local
 * that owns it, or -1. */
void build_field_fact(struct builder *b, const char *name, int var, CXCursor value,
                      struct cfg_loc loc);
unsigned build_lock_id(struct builder *b, const char *key, const char *display);
const char *build_path(struct builder *b, CXCursor c);
/* The variable of this function named name[0..len), or -1 when none or
 * more than one (two blocks' own `i`) has that name. */
int build_var_named(struct builder *b, const char *name, size_t len);
/* Index variables and text of a lock path written as macro argument text. */
void build_note_index_text(struct builder *b, const char *text);
/* The same, and the local variable the path is rooted at (-1: none); the
 * builder's path_* state is left as it was. */
const char *build_rooted_path(struct builder *b, CXCursor c, int *root_var);
/* The same, with a parameter counted as the variable too: for values whose
 * facts a store to the variable must forget (condition keys, flags). */
const char *build_value_path(struct builder *b, CXCursor c, int *var);
/* The identifier a path is rooted at ("&p->mu" -> p), in *len bytes. */
const char *build_path_root(const char *path, size_t *len);
/* The lock a key names in this function, with the element indexes of the
 * path just built (path_index_text), or -1 when the function names none;
 * the key is resolved through local aliases first. */
int build_find_lock(struct builder *b, const char *key);
/* A condition that a macro's expansion wrote: its text printed from the
 * syntax tree, for path notes; NULL when it is written in the file. */
const char *build_macro_condition(struct builder *b, CXCursor c);
/* How a lock argument is shown in messages (as written, within reason). */
const char *build_display_of(struct builder *b, CXCursor arg, const char *key);
/* c's text as written in the file: its own extent, or where it is spelled
 * as a macro's argument (`is_admin(q)` in `unlikely(is_admin(q))`); NULL
 * when it has none, as an expression of a macro's body, which every use
 * of the macro shares. *expanded: c comes from a macro. */
const char *build_written_text(struct builder *b, CXCursor c, bool *expanded);
/* A call of a macro's body written out from its structure (callee and
 * arguments), the same for every use that expands to the same call; NULL
 * when an argument cannot be written out. */
const char *build_call_structure_text(struct builder *b, CXCursor call);
/* A CallExpr: its arguments, then what the callee does (cfg_call.c). */
void build_call(struct builder *b, CXCursor call);
/* A call clang kept only in a recovery expression; true if it was one. */
bool build_recovered_call(struct builder *b, CXCursor e, size_t base);
/* The condition key of a value some branch already tested, or -1. */
int build_known_key(struct builder *b, CXCursor value);
/* The key of the value a switch tests (a local or field path written
 * without a cast), or -1; and the key of `value == k` for its `case k:`,
 * which tests of the value elsewhere relate to. */
int build_switch_key(struct builder *b, CXCursor value);
int build_case_key(struct builder *b, int base, long k);
/* Guarded data: emits an access event if c (a MemberRefExpr or
 * DeclRefExpr) touches data guarded by a lock. */
void build_access(struct builder *b, CXCursor c, enum access_mode mode, bool pointee);
/* --pointer-passing: the call's arguments that hand guarded data to it,
 * `f(&guarded)` and `f(pt_guarded_pointer)`, are reads of that data. */
void build_passed_pointers(struct builder *b, CXCursor *args, unsigned nargs);
/* Marks local variable `var` as holding an object made in this function. */
void build_mark_fresh(struct builder *b, int var, bool fresh);
/* A store to local `var` (value: the stored expression, or null when it
 * is not a plain store). */
void build_note_store(struct builder *b, int var, CXCursor value);
/* `unsigned flags = s->impl->flags;`, `bool locking = needs_lock(td);`:
 * until flags is stored to, a test of it is a test of that field (of that
 * accessor's answer): cursor paths and condition keys read it so. */
void build_note_copy(struct builder *b, int var, CXCursor decl, CXCursor init);
const struct var_value *build_copy_of(const struct builder *b, int var);
/* Pointer locals: `m = &s->mu` makes m stand for s's lock (one assignment
 * only; a second makes it unknown). */
void build_note_alias(struct builder *b, CXCursor var, CXCursor value, bool is_decl);
/* `hit = thread;`, `locked = agno;`: variable var (a declaration) is
 * stored from another variable (cfg.var_copies). */
void build_note_variable_copy(struct builder *b, CXCursor var, CXCursor value);
/* What a pointer local holds: the path, and whether that is rooted at a
 * local itself. path "" once it was set twice. */
struct alias {
    const char *path;
    bool local_root;
    const char *decl; /* the declaration set (its key): stores are counted by it */
    bool holds_null;  /* declared NULL and not set since */
};
/* A lock key with an aliased local root, resolved (path_local_root then
 * says whether the alias's own root is local). */
const char *build_resolve_alias(struct builder *b, const char *key);
/* __attribute__((cleanup(fn))) on a declared variable: registered. */
void build_note_cleanup(struct builder *b, CXCursor var);
/* Runs the cleanups of the scopes above `keep` (innermost first). */
void build_run_cleanups(struct builder *b, size_t keep);
/* A store to a field of a cleanup variable (`frame.run = v`): says
 * whether its handler still runs. */
void build_note_cleanup_store(struct builder *b, const char *var, CXCursor value);
/* A handler run for a cleanup frame: handler(arg), or, when whether it
 * runs is not known (run < 0), the locks arg reaches become unknown. */
void build_call_handler(struct builder *b, CXCursor handler, CXCursor arg, int run,
                        struct cfg_loc loc);
/* A call made by the analysis itself (a cleanup), with argument texts. */
void build_call_by_name(struct builder *b, CXCursor fn, const char *name, const char **args,
                        unsigned nargs, struct cfg_loc loc);
/* Which tracked value a condition (or a switch) tests: the lock call
 * just evaluated in it, or a local variable; and which parameter. */
void build_test_source(struct builder *b, CXCursor src, struct cfg_cond *cc);
/* Notes an annotation that cannot be read, met at `use`. */
void build_bad_annotation(struct builder *b, const char *problem, struct cfg_loc at, CXFile file,
                          CXCursor use);
bool build_is_alloc_call(struct builder *b, CXCursor e);
/* Whether a call is of an accessor of this file: a body that reads and
 * decides only, so that two calls with the same arguments answer alike. */
bool build_calls_accessor(struct builder *b, CXCursor call);
/* `accessor(td)`: the text that names what the call answers, as a branch
 * on it is keyed, when the call is of an accessor (or a pure library
 * function) with stable arguments; *var the variable they are reached
 * from. NULL for any other call. */
const char *build_predicate_call_text(struct builder *b, CXCursor call, int *var);
/* Whether a call's callee is one of the NULL-terminated names. */
bool build_calls_one_of(struct builder *b, CXCursor call, const char *const *names);
/* Whether c is a call of the setjmp family, which returns a second time,
 * non-zero, when a longjmp (or a thread's cancellation) comes back to it. */
bool build_returns_twice(struct builder *b, CXCursor c);
/* Whether a call's callee never returns (abort, an assertion's failure). */
bool build_call_never_returns(struct builder *b, CXCursor call);
/* The contract inferred for a function (this file's, or a header's on
 * first use), or NULL. */
const struct lock_rule *build_inferred_rule(struct builder *b, CXCursor decl, const char *name);
/* The parameter an unannotated function returns (see cfg.returns_param), or -1. */
int build_inferred_returned_param(struct builder *b, CXCursor decl);
/* The global lock address it returns when not NULL (cfg.returns_lock), or NULL. */
const char *build_inferred_returned_lock(struct builder *b, CXCursor decl);
/* A loop's part (condition, increment, body): the pointer locals stored
 * to anywhere in it stand for nothing known inside the loop and after it
 * (`for (o = head; o; o = o->next) lock(&o->mu);` does not lock
 * head->mu), though the store is lowered after the uses before it. */
void build_forget_loop_aliases(struct builder *b, CXCursor part);
/* An alias set on one side of an if holds on that side only: before the
 * then side, save the aliases (into *before); between the sides, keep what
 * the then side left (into *then_side) and put back *before; after the else
 * side, a local the two sides left pointing at different objects is
 * unknown. The maps are freed by build_aliases_join. */
void build_aliases_save(struct builder *b, struct strmap *before);
/* At the end of a block [begin, end): a name that a variable of the block
 * set means the outer variable again (what *before, saved at its start,
 * says), as C's block scope has it. Frees *before. */
void build_aliases_end_block(struct builder *b, struct strmap *before, unsigned begin,
                             unsigned end);
void build_aliases_between(struct builder *b, const struct strmap *before,
                           struct strmap *then_side);
struct branch_sides {
    unsigned then_begin, then_end, else_begin, else_end; /* file offsets of their text */
    bool then_reaches, else_reaches; /* each side goes on to the join (no return) */
};
void build_aliases_join(struct builder *b, struct strmap *before, struct strmap *then_side,
                        const struct branch_sides *sides);
/* The alias a local pointer named `name` holds (NULL if none). */
const struct alias *build_alias_of(struct builder *b, const char *name);
/* The same for this very declaration: NULL when the name's alias was set
 * through another variable of that name (one a nested block declared,
 * `pthread_cleanup_push` inside another's scope), which this one shadows
 * or is shadowed by. */
const struct alias *build_alias_of_decl(struct builder *b, CXCursor var);
/* How many stores the function makes to the local declared by `decl`,
 * its initialiser included (all counted once per function). */
unsigned build_local_stores(struct builder *b, CXCursor decl);
/* Whether c stores into its first operand: `=`, `+=` and the like, `++`
 * and `--`. */
bool build_is_store(CXCursor c);
/* Whether local integer `decl` is never negative: every store gives it a
 * constant 0 or more, or counts it up (`i = 0; ... i++`, `n += 4`), and
 * its address is never taken. */
bool build_counts_up(struct builder *b, CXCursor decl);
/* Whether condition c compares a count this function changes: one counted
 * up or down in it already, or in the test itself (`++readers == 1`). */
bool build_tests_count(struct builder *b, CXCursor c);

#endif
