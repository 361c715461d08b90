/* SPDX-License-Identifier: MIT
 * cfg_build: statements -> blocks and edges. Structured statements are
 * built recursively (the driver runs us on a thread with a large stack and
 * t->max_depth bounds the recursion); goto and labels through a label map;
 * switch through a stack of open switches, so that case labels nested
 * anywhere in the body (Duff's device) still get their edge. */
#include "frontend/cfg_build.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "frontend/contract.h"
#include "frontend/doccomment.h"
#include "analysis/failjoin.h"
#include "analysis/lockunify.h"
#include "model/lockexpr.h"
#include "model/lockname.h"

unsigned build_new_block(struct builder *b)
{
    struct bblock blk = {0, 0, false, false, false};
    VEC_PUSH(b->blocks, blk);
    return (unsigned)b->blocks.n - 1;
}

void build_edge(struct builder *b, unsigned from, unsigned to, enum cfg_edge_kind kind, int cond)
{
    struct cfg_edge e = {.from = from, .to = to, .kind = kind, .cond = cond, .label_key = -1};
    VEC_PUSH(b->edges, e);
    b->blocks.v[to].entered = true;
}

unsigned build_event(struct builder *b, struct cfg_event ev)
{
    struct bblock *blk = &b->blocks.v[b->cur];
    if (blk->nevents == 0) {
        blk->first_event = (unsigned)b->events.n;
    } else if (blk->first_event + blk->nevents != b->events.n) {
        /* The current block was interrupted by another one: continue in a
         * fresh block so that every block's events stay contiguous. */
        unsigned next = build_new_block(b);
        build_edge(b, b->cur, next, EDGE_PLAIN, -1);
        b->cur = next;
        blk = &b->blocks.v[next];
        blk->first_event = (unsigned)b->events.n;
    }
    VEC_PUSH(b->events, ev);
    blk->nevents++;
    return (unsigned)b->events.n - 1;
}

void build_dead_end(struct builder *b)
{
    b->cur = build_new_block(b);
}

void build_give_up(struct builder *b, CXCursor at, const char *why)
{
    if (!b->incomplete) {
        b->incomplete = true;
        b->incomplete_why = why;
        b->incomplete_loc = parse_cursor_loc(at);
    }
}

void build_give_up_unread(struct builder *b, CXCursor at, const char *why)
{
    build_give_up(b, at, why);
    b->incomplete_unread = true;
}

/* Moves on to block `next`, falling through from the current one. */
static void continue_in(struct builder *b, unsigned next)
{
    build_edge(b, b->cur, next, EDGE_PLAIN, -1);
    b->cur = next;
}

static unsigned label_block(struct builder *b, const char *name)
{
    void *id = strmap_get(&b->labels, name);
    if (id)
        return (unsigned)(uintptr_t)id - 1;
    unsigned blk = build_new_block(b);
    strmap_put(&b->labels, name, (void *)(uintptr_t)(blk + 1));
    return blk;
}

/* `if (trylock(m) != 0) lock_slow();`: the try-lock event whose result
 * the condition (the only leaf since first_cond) tests, and whether its
 * then-side (*then_fails) or else-side is the failure; -1 if none. */
static int tested_try(const struct builder *b, size_t first_cond, bool *then_fails)
{
    if (b->conds.n != first_cond + 1)
        return -1;
    const struct cfg_cond *c = &b->conds.v[first_cond];
    if (c->try_event < 0 || c->op == CMP_NONE)
        return -1;
    const struct cfg_event *ev = &b->events.v[c->try_event];
    if (ev->kind != EV_ACQUIRE || !ev->rule || !ev->rule->is_try)
        return -1;
    struct cfg_edge t = {.kind = EDGE_TRUE}, f = {.kind = EDGE_FALSE};
    bool ok_t = failjoin_edge_succeeds(c, &t, ev->rule);
    if (ok_t == failjoin_edge_succeeds(c, &f, ev->rule))
        return -1;
    *then_fails = !ok_t;
    return c->try_event;
}

/* Builds one side of an if; the failure side of a tested try-lock
 * (failed_try >= 0) knows it, for its slow path. */
static void build_side(struct builder *b, CXCursor s, int failed_try)
{
    int outer = b->failed_try_event;
    b->failed_try_event = failed_try;
    build_stmt(b, s);
    b->failed_try_event = outer;
}

/* Whether s is one statement: itself, or a block of one (`{ unlock(m); }`,
 * a macro's `{ ... }` counting as one, and the `;` after it as none). */
static bool is_one_statement(struct builder *b, CXCursor s)
{
    if (clang_getCursorKind(s) != CXCursor_CompoundStmt)
        return true;
    size_t base = b->kids.n;
    unsigned n = parse_children(s, &b->kids), statements = 0;
    for (unsigned i = 0; i < n; i++)
        statements += clang_getCursorKind(b->kids.v[base + i]) != CXCursor_NullStmt;
    b->kids.n = base;
    return statements == 1;
}

static void build_if(struct builder *b, CXCursor s)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(s, &b->kids);
    if (n < 2) {
        b->kids.n = base;
        return;
    }
    CXCursor cond = b->kids.v[base], then_s = b->kids.v[base + 1];
    CXCursor else_s = n > 2 ? b->kids.v[base + 2] : clang_getNullCursor();
    unsigned t = build_new_block(b), f = build_new_block(b), join = build_new_block(b);
    size_t first_cond = b->conds.n;
    build_cond(b, cond, t, f);
    bool then_fails = false;
    int tried = tested_try(b, first_cond, &then_fails);
    struct strmap before = {0}, then_side = {0};
    struct branch_sides sides = {0, 0, 0, 0, false, false};
    parse_cursor_offsets(then_s, &sides.then_begin, &sides.then_end);
    if (n > 2)
        parse_cursor_offsets(else_s, &sides.else_begin, &sides.else_end);
    build_aliases_save(b, &before);
    b->blocks.v[t].lone_then = n == 2 && is_one_statement(b, then_s);
    b->blocks.v[t].count_test = b->blocks.v[t].lone_then && build_tests_count(b, cond);
    b->cur = t;
    build_side(b, then_s, then_fails ? tried : -1);
    sides.then_reaches = b->blocks.v[b->cur].entered; /* not past a return */
    continue_in(b, join);
    build_aliases_between(b, &before, &then_side);
    b->cur = f;
    if (n > 2)
        build_side(b, else_s, then_fails ? -1 : tried);
    sides.else_reaches = b->blocks.v[b->cur].entered;
    continue_in(b, join);
    build_aliases_join(b, &before, &then_side, &sides);
    b->kids.n = base;
}

static void push_jumps(struct builder *b, unsigned brk, unsigned cont)
{
    struct jump_target j = {brk, cont, b->cleanups.n};
    VEC_PUSH(b->jumps, j);
}

static void build_while(struct builder *b, CXCursor s)
{
    size_t base = b->kids.n;
    if (parse_children(s, &b->kids) < 2) {
        b->kids.n = base;
        return;
    }
    CXCursor cond = b->kids.v[base], body = b->kids.v[base + 1];
    build_forget_loop_aliases(b, cond);
    build_forget_loop_aliases(b, body);
    unsigned head = build_new_block(b), body_b = build_new_block(b), exit = build_new_block(b);
    continue_in(b, head);
    build_cond(b, cond, body_b, exit);
    b->cur = body_b;
    push_jumps(b, exit, head);
    build_stmt(b, body);
    b->jumps.n--;
    build_edge(b, b->cur, head, EDGE_PLAIN, -1);
    b->cur = exit;
    b->kids.n = base;
}

static void build_do(struct builder *b, CXCursor s)
{
    size_t base = b->kids.n;
    if (parse_children(s, &b->kids) < 2) {
        b->kids.n = base;
        return;
    }
    CXCursor body = b->kids.v[base], cond = b->kids.v[base + 1];
    build_forget_loop_aliases(b, body);
    build_forget_loop_aliases(b, cond);
    unsigned body_b = build_new_block(b), cond_b = build_new_block(b), exit = build_new_block(b);
    continue_in(b, body_b);
    push_jumps(b, exit, cond_b);
    build_stmt(b, body);
    b->jumps.n--;
    continue_in(b, cond_b);
    build_cond(b, cond, body_b, exit);
    b->cur = exit;
    b->kids.n = base;
}

/* LIBCLANG: a ForStmt visits only the parts that are present, so which
 * child is init, condition or increment is told from the positions of the
 * two semicolons in the header. */
static void for_parts(struct builder *b, CXCursor s, size_t base, unsigned n,
                      CXCursor parts[4])
{
    for (int i = 0; i < 4; i++)
        parts[i] = clang_getNullCursor();
    parts[3] = b->kids.v[base + n - 1];
    CXToken *toks = NULL;
    unsigned ntoks = 0;
    unsigned semi[2] = {0, 0}, found = 0, body_begin, body_end;
    parse_cursor_offsets(parts[3], &body_begin, &body_end);
    CXSourceRange header = clang_getRange(clang_getRangeStart(clang_getCursorExtent(s)),
                                          clang_getRangeStart(clang_getCursorExtent(parts[3])));
    clang_tokenize(b->t->tu, header, &toks, &ntoks);
    int depth = 0;
    for (unsigned i = 0; i < ntoks && found < 2; i++) {
        CXString sp = clang_getTokenSpelling(b->t->tu, toks[i]);
        const char *t = clang_getCString(sp);
        if (t && (!strcmp(t, "(") || !strcmp(t, "[") || !strcmp(t, "{")))
            depth++;
        else if (t && (!strcmp(t, ")") || !strcmp(t, "]") || !strcmp(t, "}")))
            depth--;
        else if (t && !strcmp(t, ";") && depth == 1)
            semi[found++] = parse_location(clang_getTokenLocation(b->t->tu, toks[i]), NULL).offset;
        clang_disposeString(sp);
    }
    clang_disposeTokens(b->t->tu, toks, ntoks);
    /* LIBCLANG: a header written in a macro tokenizes as the macro's own
     * text elsewhere in the file; those semicolons say nothing here. */
    unsigned for_begin, for_end;
    parse_cursor_offsets(s, &for_begin, &for_end);
    if (found == 2 && (semi[0] < for_begin || semi[1] > body_begin))
        found = 0;
    for (unsigned i = 0; i + 1 < n; i++) {
        CXCursor c = b->kids.v[base + i];
        unsigned cb, ce;
        parse_cursor_offsets(c, &cb, &ce);
        if (found < 2) /* header from a macro: assume init; cond; inc in order */
            parts[n == 2 ? 1 : (n == 3 ? i : i)] = c;
        else if (cb < semi[0])
            parts[0] = c;
        else if (cb < semi[1])
            parts[1] = c;
        else
            parts[2] = c;
    }
}

static void build_for(struct builder *b, CXCursor s)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(s, &b->kids);
    if (n == 0) {
        b->kids.n = base;
        return;
    }
    CXCursor part[4];
    for_parts(b, s, base, n, part);
    size_t scope = b->cleanups.n; /* variables declared in the header */
    if (!clang_Cursor_isNull(part[0]))
        build_stmt(b, part[0]);
    for (int i = 1; i < 4; i++)
        build_forget_loop_aliases(b, part[i]);
    unsigned head = build_new_block(b), body_b = build_new_block(b);
    unsigned inc_b = build_new_block(b), exit = build_new_block(b);
    int bound_var = -1;
    const char *entry = build_loop_entry_key(b, part[0], part[1], &bound_var);
    if (entry) { /* the first test on its own: see build_loop_entry_key */
        build_cond_keyed(b, part[1], body_b, exit, entry, bound_var);
        b->cur = head; /* reached from the increment only */
    } else {
        continue_in(b, head);
    }
    if (clang_Cursor_isNull(part[1]))
        build_edge(b, head, body_b, EDGE_PLAIN, -1); /* for (;;) */
    else
        build_cond(b, part[1], body_b, exit);
    b->cur = body_b;
    push_jumps(b, exit, inc_b);
    build_stmt(b, part[3]);
    b->jumps.n--;
    continue_in(b, inc_b);
    if (!clang_Cursor_isNull(part[2]))
        build_expr(b, part[2]);
    build_edge(b, b->cur, head, EDGE_PLAIN, -1);
    b->cur = exit;
    build_run_cleanups(b, scope);
    b->cleanups.n = scope;
    b->kids.n = base;
}

static void build_switch(struct builder *b, CXCursor s)
{
    size_t base = b->kids.n;
    if (parse_children(s, &b->kids) < 2) {
        b->kids.n = base;
        return;
    }
    CXCursor cond = b->kids.v[base], body = b->kids.v[b->kids.n - 1];
    build_expr(b, cond);
    struct cfg_cond c = {.loc = parse_cursor_loc(cond), .op = CMP_NONE, .try_event = -1,
                         .try_var = -1, .key = -1};
    build_test_source(b, cond, &c); /* `switch (rc)` after `rc = try_lock(...)` */
    parse_cursor_offsets(cond, &c.text_begin, &c.text_end);
    c.in_macro = build_macro_condition(b, cond);
    c.key = build_switch_key(b, cond);
    VEC_PUSH(b->conds, c);
    struct switch_ctx sw = {b->cur, build_new_block(b), (int)b->conds.n - 1, 0};
    VEC_PUSH(b->switches, sw);
    unsigned cont = b->jumps.n ? b->jumps.v[b->jumps.n - 1].cont : UINT_MAX;
    push_jumps(b, sw.exit, cont);
    build_dead_end(b); /* code before the first label is unreachable */
    build_stmt(b, body);
    b->jumps.n--;
    sw = b->switches.v[--b->switches.n];
    continue_in(b, sw.exit);
    if (!sw.has_default)
        build_edge(b, sw.head, sw.exit, EDGE_DEFAULT, sw.cond);
    b->kids.n = base;
}

static void build_case(struct builder *b, CXCursor s, bool is_default)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(s, &b->kids);
    unsigned blk = build_new_block(b);
    continue_in(b, blk);
    if (b->switches.n) {
        struct switch_ctx *sw = &b->switches.v[b->switches.n - 1];
        build_edge(b, sw->head, blk, is_default ? EDGE_DEFAULT : EDGE_CASE, sw->cond);
        sw->has_default |= is_default;
        struct cfg_edge *e = &b->edges.v[b->edges.n - 1];
        /* `case K:` has the value and the statement; a GNU range has three.
         * A switch on a parameter (argsplit.h), on a lock call's result or
         * on a keyed value (`x == K`, keyrel.h) needs the values. */
        const struct cfg_cond *c = &b->conds.v[sw->cond];
        e->has_value = !is_default && n == 2 &&
                       (c->param >= 0 || c->try_var >= 0 || c->try_event >= 0 || c->key >= 0) &&
                       parse_int_constant(b->kids.v[base], &e->value);
        if (e->has_value && c->key >= 0)
            e->label_key = build_case_key(b, c->key, e->value);
    }
    if (n)
        build_stmt(b, b->kids.v[base + n - 1]);
    b->kids.n = base;
}

static void build_jump(struct builder *b, CXCursor s, bool is_break)
{
    if (!b->jumps.n) {
        build_give_up(b, s, "break or continue outside a loop");
        return;
    }
    struct jump_target j = b->jumps.v[b->jumps.n - 1];
    unsigned to = is_break ? j.brk : j.cont;
    if (to == UINT_MAX) {
        build_give_up(b, s, "continue without a loop");
        return;
    }
    build_run_cleanups(b, j.cleanups);
    build_edge(b, b->cur, to, EDGE_PLAIN, -1);
    build_dead_end(b);
}

const char *build_path_root(const char *path, size_t *len)
{
    path += strspn(path, "&*(");
    *len = 0;
    while (isalnum((unsigned char)path[*len]) || path[*len] == '_')
        (*len)++;
    return path;
}

/* `return lock;` with lock = &item_locks[i] (a global's address), or
 * `return NULL;`: the function hands out the lock it took. al: the alias
 * the returned local holds, or NULL. */
static void note_returned_lock(struct builder *b, CXCursor v, const struct alias *al)
{
    long k;
    if (!clang_Cursor_isNull(v) && build_maybe_constant(v) && parse_int_constant(v, &k) && k == 0)
        return; /* NULL: the failure side */
    const char *path = al && !al->local_root && al->path && al->path[0] == '&' ? al->path : "";
    size_t len;
    const char *root = build_path_root(path, &len);
    if (build_param_named(b, root, len) >= 0)
        path = ""; /* a parameter's lock: not the same lock for every caller */
    if (!b->returned_lock || !strcmp(b->returned_lock, path))
        b->returned_lock = path;
    else
        b->returned_lock = "";
}

/* `return p;` or `return t;` with t a local set from parameter p. */
static void note_returned_param(struct builder *b, CXCursor value)
{
    int p = -1;
    CXCursor v = clang_Cursor_isNull(value) ? value : parse_peel(value);
    const struct alias *al = NULL;
    if (!clang_Cursor_isNull(v) && clang_getCursorKind(v) == CXCursor_DeclRefExpr) {
        p = build_param_index(b, v);
        al = p < 0 ? build_alias_of(b, parse_spelling(b->a, v)) : NULL;
        if (al && al->path && *al->path)
            p = build_param_named(b, al->path, strlen(al->path));
    }
    b->returned_param = b->returned_param == -2 || b->returned_param == p ? p : -1;
    note_returned_lock(b, v, al);
}

/* An arm of `return c ? x : y;` that can be its own exit: a constant, or
 * a local variable (read as `return rv;` would be). */
static bool simple_arm(struct builder *b, CXCursor arm)
{
    long k;
    CXCursor v = parse_peel(arm);
    return parse_int_constant(v, &k) ||
           (clang_getCursorKind(v) == CXCursor_DeclRefExpr &&
            clang_getCursorKind(clang_getCursorReferenced(v)) == CXCursor_VarDecl &&
            !clang_Cursor_hasVarDeclGlobalStorage(clang_getCursorReferenced(v)) &&
            build_var_id(b, v, false) >= 0);
}

/* `return lock_call(...);`: the call's result gets a variable of its own,
 * as `r = lock_call(...); return r;` would, so that a wrapper is seen to
 * return its lock call's own result. The value is built with it; -1 when
 * the value is no call. side tells the arms of a `?:` apart (-1: none). */
static int build_returned_value(struct builder *b, CXCursor s, CXCursor value, int side)
{
    int result = -1;
    if (clang_getCursorKind(parse_peel(value)) == CXCursor_CallExpr) {
        char key[48];
        snprintf(key, sizeof key, "return@%u.%d", parse_cursor_loc(s).offset, side);
        result = build_add_var(b, key, "(returned value)");
    }
    b->pending_result_var = result;
    build_expr(b, value);
    b->pending_result_var = -1;
    return result;
}

/* An arm of `return c ? x : y;` that can be its own exit: a simple one,
 * or a call (`return err ? err : lock(m);`), which runs on its side only
 * and whose result is returned as `return lock(m);` would be. */
static bool exit_arm(struct builder *b, CXCursor arm)
{
    return simple_arm(b, arm) || clang_getCursorKind(parse_peel(arm)) == CXCursor_CallExpr;
}

static struct cfg_event call_arm_exit(struct builder *b, CXCursor s, CXCursor arm, int side)
{
    struct cfg_event ev = {.kind = EV_EXIT, .loc = parse_cursor_loc(s), .result_var = -1,
                           .ret_key = -1, .ret = RET_OTHER};
    ev.ret_var = build_returned_value(b, s, arm, side);
    return ev;
}

static struct cfg_event arm_exit(struct builder *b, CXCursor s, CXCursor arm)
{
    struct cfg_event ev = {.kind = EV_EXIT, .loc = parse_cursor_loc(s), .result_var = -1,
                           .ret_key = -1, .ret_var = -1, .ret = RET_CONST};
    if (parse_int_constant(arm, &ev.ret_value))
        return ev;
    CXCursor v = parse_peel(arm);
    int var = build_var_id(b, v, false); /* resolved when the body is done */
    ev.ret = RET_VAR;
    ev.ret_value = var;
    ev.ret_var = var;
    ev.ret_key = build_known_key(b, v);
    return ev;
}

/* `return c ? 0 : -1;`, `return rv == TIMEUP ? EBUSY : rv;`, `return err
 * ? err : lock(m);`: two exits, each returning its constant, variable or
 * call's result, so that what a lock's state at the exit is can be told
 * apart by the value (a wrapper that returns whether it took the lock,
 * or maps one failure code to another). */
static bool build_return_select(struct builder *b, CXCursor s, CXCursor value)
{
    CXCursor v = parse_peel(value);
    size_t base = b->kids.n;
    if (clang_getCursorKind(v) != CXCursor_ConditionalOperator ||
        parse_children(v, &b->kids) != 3 || !exit_arm(b, b->kids.v[base + 1]) ||
        !exit_arm(b, b->kids.v[base + 2])) {
        b->kids.n = base;
        return false;
    }
    CXCursor c = b->kids.v[base], arms[2] = {b->kids.v[base + 1], b->kids.v[base + 2]};
    b->kids.n = base;
    unsigned tb = build_new_block(b), fb = build_new_block(b);
    build_cond(b, c, tb, fb);
    unsigned blocks[2] = {tb, fb};
    for (int i = 0; i < 2; i++) {
        b->cur = blocks[i];
        CXCursor arm = parse_peel(arms[i]);
        note_returned_param(b, clang_getCursorKind(arm) == CXCursor_DeclRefExpr
                                   ? arm : clang_getNullCursor());
        struct cfg_event ev = simple_arm(b, arm) ? arm_exit(b, s, arm) : call_arm_exit(b, s, arm, i);
        build_run_cleanups(b, 0);
        build_event(b, ev);
        build_dead_end(b);
    }
    return true;
}

/* `errno = ENOENT; return errno;`: the value just stored, when nothing
 * happened in between. */
static bool returns_stored_constant(struct builder *b, CXCursor value, long *v)
{
    if (!b->last_store.path || b->last_store.block != b->cur ||
        b->last_store.events != b->events.n)
        return false;
    const char *path = build_path(b, value);
    if (!path || strcmp(path, b->last_store.path))
        return false;
    *v = b->last_store.value;
    return true;
}

/* `return err == 0;`, `return err != 0;`, `return !err;`: the value
 * returned is a test of a known key against zero (inverted for `==` and
 * `!`), or -1. */
static int returned_test_key(struct builder *b, CXCursor value, bool *inverted)
{
    CXCursor v = parse_peel(value);
    size_t base = b->kids.n;
    unsigned n = parse_children(v, &b->kids);
    int key = -1;
    long k;
    if (clang_getCursorKind(v) == CXCursor_UnaryOperator && n == 1 &&
        clang_getCursorUnaryOperatorKind(v) == CXUnaryOperator_LNot) {
        key = build_known_key(b, b->kids.v[base]);
        *inverted = true;
    } else if (clang_getCursorKind(v) == CXCursor_BinaryOperator && n == 2) {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(v);
        bool constant_right = parse_int_constant(b->kids.v[base + 1], &k) && k == 0;
        bool constant_left = !constant_right && parse_int_constant(b->kids.v[base], &k) && k == 0;
        if ((op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE) &&
            (constant_left || constant_right)) {
            key = build_known_key(b, b->kids.v[base + (constant_right ? 0 : 1)]);
            *inverted = op == CXBinaryOperator_EQ;
        }
    }
    b->kids.n = base;
    if (key < 0)
        *inverted = false;
    return key;
}

static void build_return(struct builder *b, CXCursor s)
{
    size_t base = b->kids.n;
    struct cfg_event ev = {.kind = EV_EXIT, .loc = parse_cursor_loc(s), .result_var = -1,
                           .ret_key = -1, .ret_var = -1};
    if (parse_children(s, &b->kids) && build_return_select(b, s, b->kids.v[base])) {
        b->kids.n = base;
        return;
    }
    if (b->kids.n > base) {
        CXCursor value = b->kids.v[base];
        long stored = 0; /* before the value's own events */
        bool from_store = returns_stored_constant(b, value, &stored);
        ev.ret_var = build_returned_value(b, s, value, -1);
        if (from_store)
            ev.ret_value = stored;
        ev.ret = from_store || parse_int_constant(value, &ev.ret_value) ? RET_CONST : RET_OTHER;
        ev.ret_key = ev.ret == RET_OTHER ? build_known_key(b, value) : -1;
        if (ev.ret == RET_OTHER && ev.ret_key < 0)
            ev.ret_key = returned_test_key(b, value, &ev.ret_inverted);
        CXCursor v = parse_peel(value);
        if (ev.ret == RET_OTHER && clang_getCursorKind(v) == CXCursor_DeclRefExpr)
            ev.ret_var = build_var_id(b, v, false);
        if (ev.ret == RET_OTHER && clang_getCursorKind(v) == CXCursor_DeclRefExpr &&
            clang_getCursorKind(clang_getCursorReferenced(v)) == CXCursor_VarDecl) {
            int var = build_var_id(b, v, false); /* resolved when the body is done */
            if (var >= 0) {
                ev.ret = RET_VAR;
                ev.ret_value = var;
            }
        }
    }
    note_returned_param(b, ev.ret == RET_NONE ? clang_getNullCursor() : b->kids.v[base]);
    b->kids.n = base;
    build_run_cleanups(b, 0); /* every scope is left */
    build_event(b, ev);
    build_dead_end(b);
}

static void build_label(struct builder *b, CXCursor s)
{
    unsigned blk = label_block(b, parse_spelling(b->a, s));
    continue_in(b, blk);
    size_t base = b->kids.n;
    unsigned n = parse_children(s, &b->kids);
    if (n)
        build_stmt(b, b->kids.v[base + n - 1]);
    b->kids.n = base;
}

/* How many of the open scopes' cleanups stay in force at the label: a
 * `goto` out of a cleanup variable's scope, or back before its
 * declaration, ends its lifetime and runs its cleanup (`LOCK(&p->lock);
 * if (!p->items) goto out;` unlocks). */
static size_t cleanups_kept_at(const struct builder *b, CXCursor label_ref)
{
    CXCursor label = clang_getCursorReferenced(label_ref);
    if (clang_Cursor_isNull(label))
        return b->cleanups.n;
    unsigned at = parse_cursor_loc(label).offset;
    size_t keep = 0;
    while (keep < b->cleanups.n && at > b->cleanups.v[keep].loc.offset &&
           at < b->cleanups.v[keep].scope_end)
        keep++;
    return keep;
}

static void build_goto(struct builder *b, CXCursor s)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(s, &b->kids);
    if (n && clang_getCursorKind(b->kids.v[base]) == CXCursor_LabelRef) {
        build_run_cleanups(b, cleanups_kept_at(b, b->kids.v[base]));
        unsigned blk = label_block(b, parse_spelling(b->a, b->kids.v[base]));
        build_edge(b, b->cur, blk, EDGE_PLAIN, -1);
    }
    b->kids.n = base;
    build_dead_end(b);
}

/* The labels of `asm goto (template : out : in : clobbers : labels)`:
 * the identifiers after its fourth colon. libclang gives the statement no
 * children for them, so they are read from its tokens. */
static unsigned asm_goto_labels(struct builder *b, CXCursor s, const char **labels,
                                unsigned max)
{
    CXToken *t;
    unsigned n, nlabels = 0, colons = 0;
    int depth = 0;
    clang_tokenize(b->t->tu, clang_getCursorExtent(s), &t, &n);
    bool is_goto = false;
    for (unsigned i = 0; i < n && nlabels < max; i++) {
        const char *text = parse_str(b->a, clang_getTokenSpelling(b->t->tu, t[i]));
        if (depth == 0 && !strcmp(text, "goto"))
            is_goto = true;
        else if (!strcmp(text, "(") || !strcmp(text, "["))
            depth++;
        else if (!strcmp(text, ")") || !strcmp(text, "]"))
            depth--;
        else if (depth == 1 && !strcmp(text, ":"))
            colons++;
        else if (depth == 1 && !strcmp(text, "::")) /* `: :` written together */
            colons += 2;
        else if (is_goto && depth == 1 && colons >= 4 &&
                 clang_getTokenKind(t[i]) == CXToken_Identifier)
            labels[nlabels++] = text;
    }
    clang_disposeTokens(b->t->tu, t, n);
    return is_goto ? nlabels : 0;
}

/* `asm goto`: besides falling through, it may jump to any of its labels. */
static void build_asm(struct builder *b, CXCursor s)
{
    const char *labels[64];
    unsigned n = asm_goto_labels(b, s, labels, 64);
    if (!n)
        return;
    unsigned next = build_new_block(b);
    for (unsigned i = 0; i < n; i++)
        build_edge(b, b->cur, label_block(b, labels[i]), EDGE_PLAIN, -1);
    continue_in(b, next);
}

/* The acquire (or release: `kind`) a statement ended with, its last lock
 * event with nothing touched after it, or -1. */
static int lock_event_ended(const struct builder *b, size_t first_event, enum cfg_event_kind kind)
{
    for (size_t i = b->events.n; i-- > first_event;) {
        enum cfg_event_kind k = b->events.v[i].kind;
        if (k == kind)
            return (int)i;
        if (k == EV_ACQUIRE || k == EV_RELEASE || k == EV_ACCESS || k == EV_OBSERVE ||
            k == EV_REQUIRE || k == EV_WAIT || k == EV_EXCLUDE)
            return -1;
    }
    return -1;
}

/* Named as the functions that end a program or a thread are: "exit",
 * "fatal", "panic", "abort" or "die" as a word of the name
 * (thread_exit, log_fatal, die). */
static bool named_to_leave(const char *name)
{
    static const char *const words[] = {"exit", "fatal", "panic", "abort", "die", NULL};
    return lockname_has_word(name, words);
}

static enum CXChildVisitResult find_outside_call(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(c) != CXCursor_CallExpr)
        return CXChildVisit_Recurse;
    CXCursor decl = clang_getCursorReferenced(c);
    CXString name = clang_getCursorSpelling(decl);
    bool leaves = clang_getCString(name) && named_to_leave(clang_getCString(name));
    clang_disposeString(name);
    if (leaves && clang_getCursorKind(decl) == CXCursor_FunctionDecl &&
        clang_Cursor_isNull(clang_getCursorDefinition(decl)) &&
        !clang_Location_isInSystemHeader(clang_getCursorLocation(decl))) {
        *(bool *)data = true;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

/* A statement that touches no lock and calls a function of the project
 * defined in another file (declared outside the system headers, no body
 * here) named as one that does not return. A call that plainly returns
 * (`unlock(m); log_msg(...);` with the return forgotten) is the bug the
 * second release shows, and is left to it. */
static bool calls_out(const struct builder *b, CXCursor stmt, size_t first_event)
{
    for (size_t i = first_event; i < b->events.n; i++)
        if (b->events.v[i].kind == EV_ACQUIRE || b->events.v[i].kind == EV_RELEASE)
            return false;
    bool found = false;
    if (find_outside_call(stmt, stmt, &found) == CXChildVisit_Recurse)
        clang_visitChildren(stmt, find_outside_call, &found);
    return found;
}

static void build_children_as_stmts(struct builder *b, CXCursor s)
{
    size_t base = b->kids.n, scope = b->cleanups.n;
    unsigned outer_end = b->scope_end, begin;
    parse_cursor_offsets(s, &begin, &b->scope_end);
    struct strmap outer_aliases = {0};
    bool nested = b->aliases.count > 0; /* names the block's variables may shadow */
    if (nested)
        build_aliases_save(b, &outer_aliases);
    unsigned n = parse_children(s, &b->kids);
    int ended = -1, released = -1;
    for (unsigned i = 0; i < n; i++) {
        CXCursor stmt = b->kids.v[base + i];
        if (ended >= 0 && clang_getCursorKind(stmt) == CXCursor_ReturnStmt)
            b->events.v[ended].then_returns = true;
        /* `UNLOCK;` where the macro is a whole `if (...) {...}`: the
         * empty statement its semicolon leaves is no statement between */
        if (clang_getCursorKind(stmt) == CXCursor_NullStmt && i < n - 1)
            continue;
        size_t first = b->events.n;
        build_stmt(b, stmt);
        if (released >= 0 && i == n - 1 && calls_out(b, stmt, first))
            b->events.v[released].then_calls_out = true;
        ended = lock_event_ended(b, first, EV_ACQUIRE);
        released = lock_event_ended(b, first, EV_RELEASE);
    }
    b->kids.n = base;
    build_run_cleanups(b, scope); /* the end of the block */
    b->cleanups.n = scope;
    if (nested)
        build_aliases_end_block(b, &outer_aliases, begin, b->scope_end);
    b->scope_end = outer_end;
}

/* A declaration with an initialiser in a loop stores into its variable
 * as an assignment does: `struct pad *pad = item->data;` names another
 * object every time round, and what was known of the last one's locks is
 * no longer known of it. (Run once, it had no value to forget.) Not when
 * the initialiser's lock call bound its result to it (`int rv =
 * trylock(m);`), itself or in the arms of a `?:`. */
static void build_kill_declared(struct builder *b, int var, struct cfg_loc loc)
{
    if (b->jumps.n && b->jumps.v[b->jumps.n - 1].cont != UINT_MAX)
        build_kill_unless_bound(b, var, loc);
    else
        b->result_set_in_arms = false;
}

static void build_decl(struct builder *b, CXCursor s)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(s, &b->kids);
    for (unsigned i = 0; i < n; i++) {
        CXCursor d = b->kids.v[base + i];
        if (clang_getCursorKind(d) != CXCursor_VarDecl)
            continue;
        /* A struct declared here is this function's own until shared. */
        CXType vt = clang_getCanonicalType(clang_getCursorType(d));
        if (vt.kind == CXType_Record || vt.kind == CXType_ConstantArray)
            build_mark_fresh(b, build_var_id(b, d, true), true);
        size_t vbase = b->kids.n;
        unsigned vn = parse_children(d, &b->kids);
        /* The initialiser is the last child that is an expression (the
         * others are type references and attributes). */
        for (unsigned j = vn; j-- > 0;) {
            CXCursor init = b->kids.v[vbase + j];
            if (!clang_isExpression(clang_getCursorKind(init)))
                continue;
            int var = build_var_id(b, d, true);
            const char *name = parse_spelling(b->a, d);
            if (build_assign_selected_constant(b, name, var, init, parse_cursor_loc(d)) ||
                build_assign_tested_try(b, name, var, init, parse_cursor_loc(d))) {
                build_note_store(b, var, init);
                break;
            }
            b->pending_result_var = var;
            b->result_set_in_arms = false;
            if (vt.kind == CXType_Pointer)
                build_mark_fresh(b, var, build_is_alloc_call(b, init));
            /* a local function pointer is called here (pointer_target in
             * cfg_call.c), not handed to later code */
            b->in_callee = build_is_function_pointer(vt);
            build_expr(b, init);
            b->in_callee = false;
            b->pending_result_var = -1;
            build_kill_declared(b, var, parse_cursor_loc(d));
            build_note_alias(b, d, init, true);
            build_note_variable_copy(b, d, init);
            build_flag_fact(b, name, var, init, parse_cursor_loc(d));
            build_note_store(b, var, init);
            build_note_copy(b, var, d, init);
            break;
        }
        b->kids.n = vbase;
        build_note_cleanup(b, d);
    }
    b->kids.n = base;
}

void build_stmt(struct builder *b, CXCursor s)
{
    if (++b->depth > b->t->max_depth) {
        build_give_up_unread(b, s, "statements nested too deeply");
        b->depth--;
        return;
    }
    if (b->t->nmacros && build_macro_use(b, s, true)) {
        b->depth--;
        return;
    }
    switch (clang_getCursorKind(s)) {
    case CXCursor_CompoundStmt: build_children_as_stmts(b, s); break;
    case CXCursor_DeclStmt: build_decl(b, s); break;
    case CXCursor_IfStmt: build_if(b, s); break;
    case CXCursor_WhileStmt: build_while(b, s); break;
    case CXCursor_DoStmt: build_do(b, s); break;
    case CXCursor_ForStmt: build_for(b, s); break;
    case CXCursor_SwitchStmt: build_switch(b, s); break;
    case CXCursor_CaseStmt: build_case(b, s, false); break;
    case CXCursor_DefaultStmt: build_case(b, s, true); break;
    case CXCursor_BreakStmt: build_jump(b, s, true); break;
    case CXCursor_ContinueStmt: build_jump(b, s, false); break;
    case CXCursor_ReturnStmt: build_return(b, s); break;
    case CXCursor_LabelStmt: build_label(b, s); break;
    case CXCursor_GotoStmt: build_goto(b, s); break;
    case CXCursor_IndirectGotoStmt:
        /* LIMIT: computed goto targets are not modelled; the path ends. */
        build_give_up(b, s, "computed goto");
        build_dead_end(b);
        break;
    case CXCursor_GCCAsmStmt: build_asm(b, s); break;
    case CXCursor_NullStmt:
    case CXCursor_MSAsmStmt:
        break;
    default:
        if (clang_isExpression(clang_getCursorKind(s))) {
            b->statement_expr = s;
            b->conditional_not_used =
                clang_getCursorKind(parse_peel(s)) == CXCursor_ConditionalOperator;
            build_expr(b, s);
            b->conditional_not_used = false;
        } else
            build_children_as_stmts(b, s);
        break;
    }
    b->depth--;
}

/* ---- the whole function ---- */

static struct cfg_loc body_end_loc(CXCursor body)
{
    CXSourceRange r = clang_getCursorExtent(body);
    struct cfg_loc l = parse_location(clang_getRangeEnd(r), NULL);
    /* The range ends just past '}'; point at the brace itself. */
    if (l.column > 1) {
        l.column--;
        l.offset--;
    }
    return l;
}

/* A copy of n elements of `size` into the arena (one spare, never NULL). */
static void *copy_out(struct arena *a, const void *v, size_t n, size_t size)
{
    void *p = arena_alloc(a, (n + 1) * size);
    if (n)
        memcpy(p, v, n * size);
    return p;
}

/* `return ret;` where ret only ever held one constant returns it; where
 * it only ever held constants and calls' results, it returns a status. */
static void finish_returns(struct builder *b, struct cfg *g)
{
    for (unsigned i = 0; i < g->nevents; i++) {
        struct cfg_event *ev = &g->events[i];
        if (ev->kind != EV_EXIT || ev->ret != RET_VAR)
            continue;
        size_t var = (size_t)ev->ret_value;
        bool one = var < b->nvalues && b->values[var].set && !b->values[var].varied;
        ev->ret = one ? RET_CONST : RET_OTHER;
        ev->ret_value = one ? b->values[var].value : 0;
        ev->ret_status = var < b->nvalues && b->values[var].set && !b->values[var].data;
        ev->ret_flag = var < b->nvalues && b->values[var].set && !b->values[var].not_flag;
    }
}

/* Blocks with their edges grouped by source (succ) and by target (pred). */
static void finish_edges(struct builder *b, struct cfg *g)
{
    struct arena *a = b->a;
    g->nedges = (unsigned)b->edges.n;
    g->succ = arena_alloc(a, (g->nedges + 1) * sizeof *g->succ);
    g->pred = arena_alloc(a, (g->nedges + 1) * sizeof *g->pred);
    for (unsigned i = 0; i < g->nblocks; i++) {
        g->blocks[i].first_event = b->blocks.v[i].first_event;
        g->blocks[i].nevents = b->blocks.v[i].nevents;
        g->blocks[i].lone_then = b->blocks.v[i].lone_then;
        g->blocks[i].count_test = b->blocks.v[i].count_test;
    }
    for (unsigned i = 0; i < g->nedges; i++) {
        g->blocks[b->edges.v[i].from].nsucc++;
        g->blocks[b->edges.v[i].to].npred++;
    }
    unsigned s = 0, p = 0;
    for (unsigned i = 0; i < g->nblocks; i++) {
        g->blocks[i].first_succ = s;
        g->blocks[i].first_pred = p;
        s += g->blocks[i].nsucc;
        p += g->blocks[i].npred;
        g->blocks[i].nsucc = g->blocks[i].npred = 0;
    }
    for (unsigned i = 0; i < g->nedges; i++) {
        struct cfg_edge e = b->edges.v[i];
        struct cfg_block *from = &g->blocks[e.from];
        g->succ[from->first_succ + from->nsucc++] = e;
    }
    for (unsigned i = 0; i < g->nedges; i++) {
        struct cfg_block *to = &g->blocks[g->succ[i].to];
        g->pred[to->first_pred + to->npred++] = i;
    }
}

/* The clobbers, grouped by block (counted, then placed). */
static void finish_clobbers(struct builder *b, struct cfg *g)
{
    g->nclobbers = (unsigned)b->clobbers.n;
    g->clobbers = arena_alloc(b->a, (g->nclobbers + 1) * sizeof *g->clobbers);
    for (unsigned i = 0; i < g->nclobbers; i++)
        g->blocks[b->clobbers.v[i].block].nclobbers++;
    unsigned at = 0;
    for (unsigned i = 0; i < g->nblocks; i++) {
        g->blocks[i].first_clobber = at;
        at += g->blocks[i].nclobbers;
        g->blocks[i].nclobbers = 0;
    }
    for (unsigned i = 0; i < g->nclobbers; i++) {
        struct cfg_block *blk = &g->blocks[b->clobbers.v[i].block];
        g->clobbers[blk->first_clobber + blk->nclobbers++] = b->clobbers.v[i];
    }
}

/* Per value key, the keys comparing it with a constant, chained; such a
 * comparison of a flag is a flag's test too. */
static void link_compared_values(struct builder *b, struct cfg *g)
{
    g->key_cmp = copy_out(b->a, b->key_cmp.v, g->nkeys, sizeof *g->key_cmp);
    g->key_first_cmp = arena_alloc(b->a, (g->nkeys + 1) * sizeof *g->key_first_cmp);
    for (unsigned i = 0; i < g->nkeys; i++)
        g->key_first_cmp[i] = -1;
    for (unsigned i = 0; i < g->nkeys; i++) {
        int base = g->key_cmp[i].base;
        if (base < 0)
            continue;
        g->key_cmp[i].next = g->key_first_cmp[base];
        g->key_first_cmp[base] = (int)i;
        g->key_flag[i] |= g->key_flag[base];
    }
}

/* Blocks that a store to parameter p reaches (its own block included:
 * the block's test comes after its stores), marked in `seen`. */
static void reached_by_stores(const struct builder *b, const struct cfg *g, unsigned p, bool *seen)
{
    unsigned *starts = xmalloc((b->param_stores.n + 1) * sizeof *starts), n = 0;
    for (size_t i = 0; i < b->param_stores.n; i++)
        if (b->param_stores.v[i].param == p)
            starts[n++] = b->param_stores.v[i].block;
    cfg_mark_reachable(g, starts, n, seen);
    free(starts);
}

/* A test of a parameter that the body assigns (`state = t->state;` at
 * the end) still tests the argument where no store reaches it: such a
 * test keeps its parameter; the others test a local value and drop it. */
static void drop_stored_params(struct builder *b, struct cfg *g)
{
    if (!b->params_written)
        return;
    bool *seen = xcalloc(g->nblocks + 1, 1);
    /* per condition: reached by a store (or on no edge at all, where
     * nothing says which value it reads) */
    bool *stored = xcalloc(g->nconds + 1, 1), *on_edge = xcalloc(g->nconds + 1, 1);
    for (unsigned i = 0; i < g->nedges; i++)
        if (g->succ[i].cond >= 0)
            on_edge[g->succ[i].cond] = true;
    for (unsigned p = 0; p < 64; p++) {
        if (!((b->params_written >> p) & 1))
            continue;
        memset(seen, 0, g->nblocks + 1);
        reached_by_stores(b, g, p, seen);
        for (unsigned i = 0; i < g->nedges; i++) {
            int c = g->succ[i].cond;
            if (c >= 0 && g->conds[c].param == (int)p && seen[g->succ[i].from])
                stored[c] = true;
        }
    }
    for (unsigned c = 0; c < g->nconds; c++) {
        int p = g->conds[c].param;
        if (p >= 0 && ((b->params_written >> p) & 1) && (stored[c] || !on_edge[c]))
            g->conds[c].param = -1;
    }
    free(seen);
    free(stored);
    free(on_edge);
}

/* Conditions, with tests of parameters that a store in the body reaches
 * dropped as parameter tests; keys with their texts through aliases, to
 * compare with lock keys. */
static void finish_conds(struct builder *b, struct cfg *g)
{
    finish_clobbers(b, g);
    g->nunseen_args = (unsigned)b->unseen_args.n;
    g->unseen_args = arena_alloc(b->a, (g->nunseen_args + 1) * sizeof *g->unseen_args);
    if (g->nunseen_args)
        memcpy(g->unseen_args, b->unseen_args.v, g->nunseen_args * sizeof *g->unseen_args);
    g->nconds = (unsigned)b->conds.n;
    g->conds = copy_out(b->a, b->conds.v, g->nconds, sizeof *g->conds);
    for (unsigned i = 0; i < g->nconds; i++)
        if (g->conds[i].param >= 64)
            g->conds[i].param = -1;
    drop_stored_params(b, g);
    g->nkeys = (unsigned)b->key_var.n;
    g->key_var = copy_out(b->a, b->key_var.v, g->nkeys, sizeof *g->key_var);
    g->key_var2 = copy_out(b->a, b->key_var2.v, g->nkeys, sizeof *g->key_var2);
    g->key_text = arena_alloc(b->a, (g->nkeys + 1) * sizeof *g->key_text);
    for (unsigned i = 0; i < g->nkeys; i++)
        g->key_text[i] = build_resolve_alias(b, b->key_text.v[i]);
    g->key_flag = arena_alloc(b->a, (g->nkeys + 1) * sizeof *g->key_flag);
    for (unsigned i = 0; i < g->nevents; i++)
        if (g->events[i].kind == EV_FACT && cfg_fact_knows_value(&g->events[i]))
            g->key_flag[g->events[i].lock] = true;
    link_compared_values(b, g);
}

/* Rings of locks with one key and distinct index expressions: elements of
 * one lock array (lockset.c's release_target). Quadratic only in the
 * locks of one function that name array elements. */
static void link_elements(struct cfg *g)
{
    for (unsigned i = 0; i < g->nlocks; i++)
        g->locks[i].next_element = -1;
    for (unsigned i = 0; i < g->nlocks; i++) {
        if (g->locks[i].next_element >= 0 || !strstr(g->locks[i].key, "[]"))
            continue;
        unsigned last = i;
        for (unsigned j = i + 1; j < g->nlocks; j++)
            if (g->locks[j].next_element < 0 && !strcmp(g->locks[j].key, g->locks[i].key)) {
                g->locks[last].next_element = (int)j;
                last = j;
            }
        if (last != i)
            g->locks[last].next_element = (int)i;
    }
}

/* cfg_lock.address_of: `*cur` for a local pointer given one address. */
static void link_addresses(struct builder *b, struct cfg *g)
{
    for (unsigned i = 0; b->addresses_stored.count && i < g->nlocks; i++) {
        struct cfg_lock *l = &g->locks[i];
        const char *path = l->key[0] == '*' ? strmap_get(&b->addresses_stored, l->key + 1) : NULL;
        if (path && path[0] == '&' && path[1])
            l->address_of = path + 1;
    }
}

int build_var_named(struct builder *b, const char *name, size_t len)
{
    int found = -1;
    for (size_t v = 0; v < b->var_names.n && found != -2; v++)
        if (strlen(b->var_names.v[v]) == len && !strncmp(b->var_names.v[v], name, len))
            found = found == -1 ? (int)v : -2;
    return found >= 0 ? found : -1;
}

/* The first variable of that name, or -1. */
static int root_var_named(struct builder *b, const char *name, size_t len)
{
    for (size_t v = 0; v < b->var_names.n; v++)
        if (b->var_names.v[v] && strlen(b->var_names.v[v]) == len &&
            !strncmp(b->var_names.v[v], name, len))
            return (int)v;
    return -1;
}

/* The variable each lock's path starts from, by name (the first of that
 * name), and per variable what tells whether a store to it renames a
 * lock: variables of one name in different scopes (`struct pad *pad =
 * item->data;` in two loops) give one lock name, so a store to any of them
 * names another object; one whose value was copied (`best = i;`) still
 * names the old object through the copy. */
static void link_published(struct builder *b, struct cfg_lock *l, const char *root, size_t len)
{
    l->published_at = NULL;
    l->npublished_at = 0;
    for (size_t i = 0; len && i < b->published.n; i++) {
        const struct publish *p = &b->published.v[i];
        if (strlen(p->name) != len || strncmp(p->name, root, len))
            continue;
        if (!l->published_at)
            l->published_at = arena_alloc(b->a, b->published.n * sizeof *l->published_at);
        l->published_at[l->npublished_at++] = p->block;
    }
}

static void link_root_vars(struct builder *b, struct cfg *g)
{
    g->var_group = arena_alloc(b->a, (b->var_names.n + 1) * sizeof *g->var_group);
    g->var_copied = arena_alloc(b->a, (b->var_names.n + 1) * sizeof *g->var_copied);
    g->var_own_object = copy_out(b->a, b->var_own.v, b->var_own.n, sizeof *g->var_own_object);
    for (size_t v = 0; v < b->var_names.n && v < b->nvalues; v++)
        g->var_copied[v] = b->values[v].copied;
    for (size_t v = 0; v < b->var_names.n; v++) {
        const char *name = b->var_names.v[v];
        g->var_group[v] = (int)v;
        for (size_t u = 0; u < v && g->var_group[v] == (int)v; u++)
            if (name && b->var_names.v[u] && !strcmp(name, b->var_names.v[u]))
                g->var_group[v] = g->var_group[u];
    }
    for (unsigned l = 0; l < g->nlocks; l++) {
        const char *key = g->locks[l].root_name ? g->locks[l].root_name : "";
        size_t len = strlen(key);
        g->locks[l].root_var = root_var_named(b, key, len);
        g->locks[l].loop_cursor = len && b->loop_stored.count &&
                                  strmap_get(&b->loop_stored, arena_strndup(b->a, key, len));
        link_published(b, &g->locks[l], key, len);
    }
}

/* The condition's own text where a macro's body spells it: from its first
 * character to where the condition ends (a `)` closing the enclosing
 * parenthesis, or `&&`, `||`, `?`, `,`, `;` outside parentheses), line
 * continuations read as spaces. */
static const char *spelled_condition(struct arena *a, const char *text, size_t size,
                                     unsigned begin)
{
    char out[128];
    size_t n = 0;
    int depth = 0;
    for (size_t i = begin; i < size && n + 1 < sizeof out; i++) {
        char ch = text[i];
        if (ch == '\\' && i + 1 < size && text[i + 1] == '\n') {
            i++;
            ch = ' ';
        } else if (ch == '\n') {
            break;
        }
        bool two = i + 1 < size && ((ch == '&' && text[i + 1] == '&') || (ch == '|' && text[i + 1] == '|'));
        if (ch == '(' || ch == '[')
            depth++;
        else if ((ch == ')' || ch == ']') && --depth < 0)
            break;
        else if (depth == 0 && (two || ch == '?' || ch == ',' || ch == ';'))
            break;
        if (ch == ' ' && n && out[n - 1] == ' ')
            continue;
        out[n++] = ch;
    }
    while (n && out[n - 1] == ' ')
        n--;
    return n && n + 1 < sizeof out ? arena_strndup(a, out, n) : NULL;
}

const char *build_macro_condition(struct builder *b, CXCursor c)
{
    CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(c));
    unsigned spelled, expanded;
    CXFile fs = NULL, fe = NULL;
    clang_getSpellingLocation(start, &fs, NULL, NULL, &spelled);
    clang_getExpansionLocation(start, &fe, NULL, NULL, &expanded);
    if (!fs || (fe && clang_File_isEqual(fs, fe) && spelled == expanded))
        return NULL; /* written where it stands */
    size_t size = 0;
    const char *text = clang_getFileContents(b->t->tu, fs, &size);
    return text && spelled < size ? spelled_condition(b->a, text, size, spelled) : NULL;
}

/* Functions named for later, but not the cancellation handlers of
 * cleanup frames: those run only if the thread is cancelled, or where the
 * frame is popped (build_run_cleanups). */
static void finish_handoffs(struct builder *b, struct cfg *g)
{
    g->handoffs = arena_alloc(b->a, (b->handoffs.n + 1) * sizeof *g->handoffs);
    g->nhandoffs = 0;
    for (size_t i = 0; i < b->handoffs.n; i++) {
        bool handler = false;
        for (size_t k = 0; k < b->frame_handlers.n && !handler; k++)
            handler = !strcmp(b->frame_handlers.v[k], b->handoffs.v[i]);
        if (!handler)
            g->handoffs[g->nhandoffs++] = b->handoffs.v[i];
    }
}

/* Turns the builder's vectors into the arena-backed struct cfg. */
static struct cfg *finish(struct builder *b, struct cfg *g)
{
    struct arena *a = b->a;
    g->nblocks = (unsigned)b->blocks.n;
    g->blocks = arena_alloc(a, g->nblocks * sizeof *g->blocks);
    g->nevents = (unsigned)b->events.n;
    g->events = copy_out(a, b->events.v, g->nevents, sizeof *g->events);
    finish_returns(b, g);
    finish_edges(b, g);
    finish_conds(b, g);
    g->nlocks = (unsigned)b->locks.n;
    g->locks = copy_out(a, b->locks.v, g->nlocks, sizeof *g->locks);
    link_elements(g);
    link_root_vars(b, g);
    link_addresses(b, g);
    g->nvars = b->nvars;
    g->calls_local = b->calls_local;
    finish_handoffs(b, g);
    g->returns_param = b->returned_param >= 0 ? b->returned_param : -1;
    g->returns_lock = b->returned_lock && *b->returned_lock ? b->returned_lock : NULL;
    g->nproblems = (unsigned)b->problems.n;
    g->problems = copy_out(a, b->problems.v, g->nproblems, sizeof *g->problems);
    g->incomplete = b->incomplete;
    g->incomplete_why = b->incomplete_why;
    g->incomplete_loc = b->incomplete_loc;
    g->incomplete_unread = b->incomplete_unread;
    g->nvar_copies = (unsigned)b->var_copies.n;
    g->var_copies = copy_out(a, b->var_copies.v, g->nvar_copies,
                                 sizeof *g->var_copies);
    return g;
}

static void builder_free(struct builder *b)
{
    free(b->kids.v);
    VEC_FREE(b->events);
    VEC_FREE(b->edges);
    VEC_FREE(b->conds);
    VEC_FREE(b->blocks);
    VEC_FREE(b->clobbers);
    VEC_FREE(b->unseen_args);
    VEC_FREE(b->var_own);
    VEC_FREE(b->handoffs);
    VEC_FREE(b->frame_handlers);
    VEC_FREE(b->locks);
    VEC_FREE(b->jumps);
    VEC_FREE(b->switches);
    VEC_FREE(b->fresh);
    free(b->values);
    VEC_FREE(b->problems);
    VEC_FREE(b->var_copies);
    VEC_FREE(b->cleanups);
    VEC_FREE(b->param_stores);
    strmap_free(&b->aliases);
    strmap_free(&b->addresses_stored);
    strmap_free(&b->loop_stored);
    VEC_FREE(b->published);
    VEC_FREE(b->places);
    strmap_free(&b->pointer_stores);
    strmap_free(&b->pointer_texts);
    strmap_free(&b->local_stores);
    strmap_free(&b->not_counters);
    strmap_free(&b->counted);
    strmap_free(&b->scalar_locals);
    strmap_free(&b->lock_ids);
    strmap_free(&b->labels);
    strmap_free(&b->vars);
    strmap_free(&b->keys);
    VEC_FREE(b->key_var);
    VEC_FREE(b->key_var2);
    VEC_FREE(b->key_cmp);
    VEC_FREE(b->key_text);
    VEC_FREE(b->var_names);
}

/* The function's annotations shape its own analysis. */
static void apply_own_contract(struct builder *b, struct cfg *g, CXCursor fn)
{
    const struct contract *c = contract_of(b->t, fn);
    if (!c)
        return;
    g->no_analysis = c->no_analysis;
    b->no_access_checks = c->initializer;
    if (c->problem)
        build_bad_annotation(b, c->problem, c->problem_loc, c->problem_file, fn);
    struct diag d;
    /* The contract names parameters by position: this definition's names. */
    int nargs = clang_Cursor_getNumArguments(fn);
    size_t np = nargs > 0 ? (size_t)nargs : 0;
    const char **names = arena_alloc(b->a, (np + 1) * sizeof *names);
    for (size_t i = 0; i < np; i++)
        names[i] = parse_spelling(b->a, clang_Cursor_getArgument(fn, (unsigned)i));
    g->entry_held = arena_alloc(b->a, (c->nentry + 1) * sizeof *g->entry_held);
    for (unsigned i = 0; i < c->nentry; i++) {
        const char *key = lockexpr_parse(b->a, c->entry[i].path, names, np, &d);
        if (key)
            g->entry_held[g->nentry_held++] =
                (struct cfg_held){build_lock_id(b, key, key), c->entry[i].mode};
    }
    g->exit_ok = arena_alloc(b->a, (c->nexit_held + 1) * sizeof *g->exit_ok);
    for (unsigned i = 0; i < c->nexit_held; i++) {
        const char *key = lockexpr_parse(b->a, c->exit_held[i], names, np, &d);
        if (key)
            g->exit_ok[g->nexit_ok++] = build_lock_id(b, key, key);
    }
}

struct cfg *cfg_build(struct cfg_tu *t, CXCursor fn, struct arena *a)
{
    struct builder b = {0};
    b.t = t;
    b.a = a;
    b.fn = fn;
    b.pending_result_var = -1;
    b.returned_param = -2;
    b.last_lock_event = -1;
    b.failed_try_event = -1;
    b.path_index_var[0] = b.path_index_var[1] = -1;
    b.path_root_var = -1;
    b.access_mode = ACC_READ;
    b.pt_access = ACC_NONE;
    struct cfg *g = arena_alloc(a, sizeof *g);
    g->function = parse_spelling(a, fn);
    g->returns_pointer =
        clang_getCanonicalType(clang_getResultType(clang_getCursorType(fn))).kind == CXType_Pointer;
    g->loc = parse_cursor_loc(fn);
    g->source = t->source;
    g->source_len = t->source_len;
    g->entry = build_new_block(&b);
    b.cur = g->entry;
    apply_own_contract(&b, g, fn);
    g->documented_holding = doccomment_returns_holding(t->tu, fn, a);
    size_t base = b.kids.n;
    unsigned n = parse_children(fn, &b.kids);
    CXCursor body = clang_getNullCursor();
    for (unsigned i = 0; i < n; i++)
        if (clang_getCursorKind(b.kids.v[base + i]) == CXCursor_CompoundStmt)
            body = b.kids.v[base + i];
    b.kids.n = base;
    if (!clang_Cursor_isNull(body)) {
        build_stmt(&b, body);
        struct cfg_event ev = {.kind = EV_EXIT, .loc = body_end_loc(body), .result_var = -1,
                               .ret_key = -1, .ret_var = -1};
        build_event(&b, ev);
    }
    finish(&b, g);
    builder_free(&b);
    failjoin_mark(g);
    lockunify_releases(g);
    return g;
}

/* ---- macro uses ---- */

static int by_begin(const void *x, const void *y)
{
    const struct macro_use *a = x, *b = y;
    return a->begin < b->begin ? -1 : a->begin > b->begin;
}

/* Splits the tokens of NAME(a, b(c, d), e) into argument texts. */
static void macro_args(struct cfg_tu *t, CXCursor use, struct macro_use *u)
{
    CXToken *toks = NULL;
    unsigned ntoks = 0;
    clang_tokenize(t->tu, clang_getCursorExtent(use), &toks, &ntoks);
    const char **args = arena_alloc(t->a, (ntoks + 1) * sizeof *args);
    struct strbuf_arg { char buf[512]; size_t len; } cur = {{0}, 0};
    int depth = 0;
    for (unsigned i = 1; i < ntoks; i++) {
        CXString sp = clang_getTokenSpelling(t->tu, toks[i]);
        const char *s = clang_getCString(sp);
        s = s ? s : "";
        bool open = !strcmp(s, "(") || !strcmp(s, "[") || !strcmp(s, "{");
        bool close = !strcmp(s, ")") || !strcmp(s, "]") || !strcmp(s, "}");
        if (close)
            depth--;
        if ((depth == 1 && !strcmp(s, ",")) || (depth == 0 && close)) {
            if (cur.len || u->nargs || depth == 1)
                args[u->nargs++] = arena_strndup(t->a, cur.buf, cur.len);
            cur.len = 0;
        } else if (depth >= 1 && cur.len + strlen(s) + 2 < sizeof cur.buf) {
            cur.len += (size_t)snprintf(cur.buf + cur.len, sizeof cur.buf - cur.len, "%s%s",
                                        cur.len ? " " : "", s);
        }
        if (open)
            depth++;
        clang_disposeString(sp);
        if (depth == 0 && close)
            break;
    }
    clang_disposeTokens(t->tu, toks, ntoks);
    u->args = args;
}

/* Whether the macro's parameter `index` is only pasted (`##`) or
 * stringized (`#`) in its body: then its argument is a token, not an
 * object, and no lock may be named after it (`GLOBAL_LOCK(list)` is the
 * global lock GLOBAL_LOCK_list, not the caller's variable `list`). One
 * also used as itself is an object whose text is passed along for
 * debugging (`lock_at(__FILE__, __LINE__, #a, a)`). */
static bool param_is_token(struct cfg_tu *t, CXCursor def, unsigned index)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(t->tu, clang_getCursorExtent(def), &toks, &n);
    unsigned as_token = 0, as_itself = 0;
    const char *param = NULL;
    unsigned seen = 0, i = 2, body = n;
    struct arena *a = t->a;
    for (; i < n && body == n; i++) { /* name ( p0 , p1 ... ) */
        const char *s = parse_str(a, clang_getTokenSpelling(t->tu, toks[i]));
        if (!strcmp(s, ")"))
            body = i + 1;
        else if (strcmp(s, ",") && seen++ == index)
            param = s;
    }
    for (i = body; param && i < n && !as_itself; i++) {
        if (strcmp(parse_str(a, clang_getTokenSpelling(t->tu, toks[i])), param))
            continue;
        const char *before = i > body ? parse_str(a, clang_getTokenSpelling(t->tu, toks[i - 1])) : "";
        const char *after = i + 1 < n ? parse_str(a, clang_getTokenSpelling(t->tu, toks[i + 1])) : "";
        if (!strcmp(before, "##") || !strcmp(before, "#") || !strcmp(after, "##"))
            as_token++;
        else
            as_itself++;
    }
    clang_disposeTokens(t->tu, toks, n);
    return as_token && !as_itself;
}

static bool is_store_operator(const char *s)
{
    size_t n = strlen(s);
    return !strcmp(s, "++") || !strcmp(s, "--") ||
           (n && s[n - 1] == '=' && strcmp(s, "==") && strcmp(s, "!=") && strcmp(s, "<=") &&
            strcmp(s, ">="));
}

/* Whether a function-like macro's body names nothing but its parameters
 * and C's keywords, and stores nothing: `((void)(a))`, `do {} while (0)`,
 * an empty body. Such a macro calls no function and changes no object, so
 * whatever its name says (a lock stubbed out in a build without threads:
 * `#define ZSTD_pthread_mutex_lock(a) ((void)(a))`), it takes no lock. */
static bool macro_does_nothing(struct cfg_tu *t, CXCursor def)
{
    CXToken *toks = NULL;
    unsigned n = 0, body = 0;
    clang_tokenize(t->tu, clang_getCursorExtent(def), &toks, &n);
    struct arena *a = t->a;
    for (unsigned i = 2; i < n && !body; i++) /* name ( p0 , p1 ... ) */
        if (!strcmp(parse_str(a, clang_getTokenSpelling(t->tu, toks[i])), ")"))
            body = i + 1;
    bool nothing = body > 0;
    for (unsigned i = body; nothing && i < n; i++) {
        const char *s = parse_str(a, clang_getTokenSpelling(t->tu, toks[i]));
        enum CXTokenKind kind = clang_getTokenKind(toks[i]);
        if (kind == CXToken_Punctuation)
            nothing = !is_store_operator(s);
        else if (kind == CXToken_Identifier) {
            nothing = false; /* a parameter's name, or anything else */
            for (unsigned p = 2; p + 1 < body && !nothing; p++)
                nothing = !strcmp(parse_str(a, clang_getTokenSpelling(t->tu, toks[p])), s);
        }
    }
    clang_disposeTokens(t->tu, toks, n);
    return nothing;
}

/* Whether the rule takes or gives back a lock (a precondition alone, as a
 * lock implementation's on its inner mutex, is no lock call). */
static bool takes_or_gives(const struct lock_rule *r)
{
    for (unsigned i = 0; r && i < r->neffects; i++)
        if (r->effects[i].kind == EFFECT_ACQUIRE || r->effects[i].kind == EFFECT_RELEASE ||
            r->effects[i].kind == EFFECT_RELEASE_REACQUIRE)
            return true;
    return false;
}

/* Whether the macro's body names a lock function or macro the rules
 * describe, itself or through the macros it uses, a few levels down
 * (`HandleLock()` -> `HandleWriteLock()` -> `printf(...);
 * ithread_rwlock_wrlock(&lk); printf(...);`). */
static bool names_known_lock(struct cfg_tu *t, CXCursor def, unsigned depth)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(t->tu, clang_getCursorExtent(def), &toks, &n);
    bool known = false;
    for (unsigned i = 1; i < n && !known; i++) { /* past the macro's own name */
        if (clang_getTokenKind(toks[i]) != CXToken_Identifier)
            continue;
        const char *s = parse_str(t->a, clang_getTokenSpelling(t->tu, toks[i]));
        const struct lock_rule *r = model_function(t->model, s);
        if (!r)
            r = model_macro(t->model, s);
        known = takes_or_gives(r);
        const CXCursor *inner = known || depth >= 4 ? NULL : strmap_get(&t->macros_by_name, s);
        known |= inner && !clang_equalCursors(*inner, def) && names_known_lock(t, *inner, depth + 1);
    }
    clang_disposeTokens(t->tu, toks, n);
    return known;
}

/* A project's lock macro nobody described (lockname.h). Like a function
 * rule on a macro, it yields to known lock calls in its expansion; and a
 * macro of several statements whose body names one (the lock call is not
 * in the first statement, which is all a use's cursor covers) is no
 * guess at all. */
static const struct lock_rule *guess_macro(struct cfg_tu *t, const char *name,
                                           struct macro_use *u, CXCursor def)
{
    if (macro_does_nothing(t, def) || model_is_untracked(t->model, name))
        return NULL;
    uintptr_t naming = (uintptr_t)strmap_get(&t->macros_naming_lock, name);
    if (!naming) { /* per macro, not per use */
        cfg_tu_index(t);
        naming = 1 + names_known_lock(t, def, 0);
        strmap_put(&t->macros_naming_lock, arena_strdup(t->a, name), (void *)naming);
    }
    if (naming == 2)
        return NULL;
    enum lockname_arg *kinds = arena_alloc(t->a, (u->nargs + 1) * sizeof *kinds);
    for (unsigned i = 0; i < u->nargs; i++) {
        kinds[i] = lockname_classify_text(u->args[i]);
        if (kinds[i] != LN_CONSTANT && param_is_token(t, def, i))
            kinds[i] = LN_CONSTANT;
    }
    u->from_function = true;
    return lockname_guess(t->a, &t->guessed, t->source, t->source_len, name, kinds, u->nargs);
}

static enum CXChildVisitResult find_macro_use(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct cfg_tu *t = data;
    if (clang_getCursorKind(c) != CXCursor_MacroExpansion ||
        !clang_Location_isFromMainFile(clang_getCursorLocation(c)))
        return CXChildVisit_Continue; /* the cheap test first: most are in headers */
    CXFile f = NULL;
    struct cfg_loc loc = parse_location(clang_getCursorLocation(c), &f);
    if (!f || !clang_File_isEqual(f, t->main_file))
        return CXChildVisit_Continue;
    CXString name = clang_getCursorSpelling(c);
    const char *s = clang_getCString(name);
    const struct lock_rule *r = s ? model_macro(t->model, s) : NULL;
    bool from_function = false, function_like = false;
    if (!r && s && (function_like = clang_Cursor_isMacroFunctionLike(clang_getCursorReferenced(c)))) {
        r = model_function(t->model, s); /* a lock function defined as a macro */
        from_function = r != NULL;
    }
    struct macro_use u = {.rule = r, .from_function = from_function, .loc = loc};
    bool guessable = !r && function_like && !t->no_guess && lockname_has_lock_word(s);
    if (r || guessable) {
        parse_cursor_offsets(c, &u.begin, &u.end);
        macro_args(t, c, &u);
    }
    if (guessable)
        u.rule = guess_macro(t, s, &u, clang_getCursorReferenced(c));
    clang_disposeString(name);
    if (!u.rule)
        return CXChildVisit_Continue;
    if (t->nmacros == t->macros_cap) {
        t->macros_cap = t->macros_cap ? t->macros_cap * 2 : 8;
        t->macros = xrealloc(t->macros, t->macros_cap * sizeof *t->macros);
    }
    t->macros[t->nmacros++] = u;
    return CXChildVisit_Continue;
}

void cfg_collect_macros(struct cfg_tu *t)
{
    clang_visitChildren(clang_getTranslationUnitCursor(t->tu), find_macro_use, t);
    if (t->nmacros)
        qsort(t->macros, t->nmacros, sizeof *t->macros, by_begin);
}

void cfg_tu_index(struct cfg_tu *t)
{
    if (t->indexed)
        return;
    t->indexed = true;
    struct cursor_stack st = {0};
    unsigned n = parse_children(clang_getTranslationUnitCursor(t->tu), &st);
    for (unsigned i = 0; i < n; i++) {
        enum CXCursorKind k = clang_getCursorKind(st.v[i]);
        if (k == CXCursor_FunctionDecl || k == CXCursor_MacroDefinition) {
            CXCursor *c = arena_alloc(t->a, sizeof *c);
            *c = st.v[i];
            strmap_put(k == CXCursor_FunctionDecl ? &t->functions_by_name : &t->macros_by_name,
                       parse_spelling(t->a, st.v[i]), c);
        } else if (k == CXCursor_VarDecl) {
            const char *name = parse_spelling(t->a, st.v[i]);
            strmap_put(&t->globals, name, (void *)1);
            if (clang_Cursor_getStorageClass(st.v[i]) == CX_SC_Static &&
                parse_in_main_file(st.v[i], t->main_file))
                strmap_put(&t->static_vars, name, (void *)1);
        }
    }
    free(st.v);
}

bool cfg_tu_prepares_fork(const struct cfg_tu *t, const char *name)
{
    return name && strmap_get(&t->fork_prepare, name) != NULL;
}

bool cfg_tu_held_for_good(struct cfg_tu *t, const char *name)
{
    if (!name || strmap_get(&t->released, name))
        return false;
    cfg_tu_index(t);
    return strmap_get(&t->static_vars, name) != NULL;
}

void cfg_tu_free(struct cfg_tu *t)
{
    free(t->macros);
    t->macros = NULL;
    t->nmacros = 0;
    strmap_free(&t->callee_cache);
    strmap_free(&t->summaries);
    strmap_free(&t->contracts);
    strmap_free(&t->guards);
    strmap_free(&t->functions_by_name);
    strmap_free(&t->macros_by_name);
    strmap_free(&t->macros_naming_lock);
    strmap_free(&t->functions_naming_lock);
    strmap_free(&t->recursive);
    strmap_free(&t->accessors);
    strmap_free(&t->constant_returns);
    strmap_free(&t->returns_param);
    strmap_free(&t->fork_prepare);
    strmap_free(&t->external_done);
    strmap_free(&t->missed);
    strmap_free(&t->guessed);
    strmap_free(&t->released);
    strmap_free(&t->static_vars);
    strmap_free(&t->globals);
    free(t->guard_seen.keys);
    free(t->guard_seen.values);
}
