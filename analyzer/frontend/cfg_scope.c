/* SPDX-License-Identifier: MIT
 * cfg_scope: locks reached through local variables. A pointer local set
 * once from a lock's address stands for that lock (`pthread_mutex_t *m =
 * &s->mu; pthread_mutex_lock(m);` takes s->mu). A variable declared with
 * __attribute__((cleanup(fn))) runs fn(&var) whenever its scope is left:
 * at the end of the block, and at a return, break or continue that leaves
 * it; what fn does to locks comes from its rules entry, its annotations or
 * its inferred contract (for a header's inline function, inferred on first
 * use). This is how scoped-lock macros (LOCKCHECK_SCOPED_LOCK, hand-written
 * guards, the kernel's guard() and scoped_guard()) are followed. LIMIT: a goto out of the scope does
 * not run the cleanups. */
#include <ctype.h>
#include <string.h>

#include "support/arena.h"
#include "frontend/cfg_build.h"
#include "frontend/contract.h"
#include "model/lockexpr.h"

/* The argument a called function returns: RETURN_CAPABILITY, or what
 * its body was seen to do. */
static int returned_arg(struct builder *b, CXCursor fn)
{
    if (clang_getCursorKind(fn) != CXCursor_FunctionDecl)
        return -1;
    const struct contract *c = contract_of(b->t, fn);
    if (c && c->returns_arg >= 0)
        return c->returns_arg;
    return build_inferred_returned_param(b, fn);
}

struct inner_use {
    unsigned begin, end; /* the statement expression's offsets */
    bool found;
};

/* Whether a name in the visited expression is of a variable declared
 * inside the statement expression. */
static enum CXChildVisitResult uses_inner(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct inner_use *u = data;
    if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
        return CXChildVisit_Recurse;
    CXCursor d = clang_getCursorReferenced(c);
    unsigned at = parse_cursor_loc(d).offset;
    if (clang_getCursorKind(d) == CXCursor_VarDecl && at >= u->begin && at <= u->end) {
        u->found = true;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

/* The value of `({ ...; last; })`: its last statement, unless that names a
 * variable of its own (`({ void *p_ = malloc(n); ...; p_; })`, an allocator
 * macro), which is gone once the expression ends: no alias then. */
static CXCursor last_statement(struct builder *b, CXCursor stmt_expr)
{
    size_t base = b->kids.n;
    CXCursor last = clang_getNullCursor();
    if (parse_children(stmt_expr, &b->kids) == 1) {
        CXCursor body = b->kids.v[base];
        unsigned n = parse_children(body, &b->kids);
        if (n)
            last = b->kids.v[b->kids.n - 1];
    }
    b->kids.n = base;
    struct inner_use u = {0, 0, false};
    parse_cursor_offsets(stmt_expr, &u.begin, &u.end);
    if (!clang_Cursor_isNull(last)) {
        uses_inner(last, clang_getNullCursor(), &u);
        if (!u.found)
            clang_visitChildren(last, uses_inner, &u);
    }
    return u.found ? clang_getNullCursor() : last;
}

/* The expression a pointer local is set from, seen through parentheses,
 * casts, a comma (`(lock(m), m)`) and calls that return their argument
 * (RETURN_CAPABILITY); a call of an accessor is itself the value (it names
 * one object); a null cursor if it is something else. */
static CXCursor aliased_value(struct builder *b, CXCursor v)
{
    for (int depth = 0; depth < 8; depth++) {
        v = parse_peel(v);
        enum CXCursorKind k = clang_getCursorKind(v);
        size_t base = b->kids.n;
        unsigned n = (k == CXCursor_BinaryOperator || k == CXCursor_CallExpr)
                         ? parse_children(v, &b->kids) : 0;
        CXCursor next = clang_getNullCursor();
        if (k == CXCursor_BinaryOperator && n == 2 &&
            clang_getCursorBinaryOperatorKind(v) == CXBinaryOperator_Comma) {
            next = b->kids.v[base + 1];
        } else if (k == CXCursor_CallExpr) {
            int ret = returned_arg(b, clang_getCursorReferenced(v));
            if (ret >= 0 && ret < clang_Cursor_getNumArguments(v)) {
                next = clang_Cursor_getArgument(v, (unsigned)ret);
            } else if (build_calls_accessor(b, v)) { /* `ctx = to_ctx(context)` */
                int root;
                const char *path = build_rooted_path(b, v, &root);
                b->kids.n = base;
                /* "f()": its arguments are no paths, it names no one object */
                return path && !strstr(path, "()") ? v : clang_getNullCursor();
            }
        } else if (k == CXCursor_StmtExpr) { /* ({ lock(m); m; }): its last statement */
            next = last_statement(b, v);
        } else if (k == CXCursor_UnaryOperator || k == CXCursor_MemberRefExpr ||
                   k == CXCursor_DeclRefExpr || k == CXCursor_ArraySubscriptExpr) {
            b->kids.n = base;
            return v;
        }
        b->kids.n = base;
        if (clang_Cursor_isNull(next))
            return next;
        v = next;
    }
    return clang_getNullCursor();
}

static bool is_null_constant(CXCursor value)
{
    long k;
    return build_maybe_constant(value) && parse_int_constant(value, &k) && k == 0;
}

static void count_in(struct strmap *m, const char *name)
{
    uintptr_t n = (uintptr_t)strmap_get(m, name);
    strmap_put(m, name, (void *)(n + 1));
}

/* A local's key in local_stores and not_counters: its declaration. */
/* A declaration's key: where it is written, and for one a macro wrote
 * (pthread_cleanup_push declares `__cancel_routine` and `__cancel_arg` at
 * each use) where the macro was used as well. */
static const char *decl_key(struct builder *b, CXCursor var)
{
    unsigned spelled = 0;
    clang_getSpellingLocation(clang_getCursorLocation(var), NULL, NULL, NULL, &spelled);
    return arena_printf(b->a, "%u.%u", parse_cursor_loc(var).offset, spelled);
}

/* Whether every call in a stored value returns one of its arguments
 * (`maybe_lock(s->mutex)` gives back s->mutex), as far as this file's
 * contracts know by now: the same text then names the same object each
 * time, where another call's result (`next_item(list)`) need not. */
struct call_search {
    struct builder *b;
    bool other; /* a call of a function not known to return an argument */
};

static enum CXChildVisitResult find_other_call(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    struct call_search *s = d;
    if (clang_getCursorKind(c) != CXCursor_CallExpr)
        return CXChildVisit_Recurse;
    CXCursor decl = clang_getCursorReferenced(c);
    if (clang_getCursorKind(decl) == CXCursor_FunctionDecl &&
        strmap_get(&s->b->t->returns_param, parse_spelling(s->b->a, decl)))
        return CXChildVisit_Recurse;
    s->other = true;
    return CXChildVisit_Break;
}

static bool calls_only_identities(struct builder *b, CXCursor value)
{
    struct call_search s = {b, false};
    find_other_call(value, value, &s);
    if (!s.other)
        clang_visitChildren(value, find_other_call, &s);
    return !s.other;
}

/* A store into a local (its initialiser too): every one counts in
 * local_stores, and a pointer's that is not NULL in pointer_stores, both
 * by declaration (two blocks may each declare a `__cancel_arg`, as two
 * pthread_cleanup_push do, each stored once). */
static void count_store(struct builder *b, CXCursor var, CXCursor value, bool null)
{
    const char *key = decl_key(b, var);
    count_in(&b->local_stores, key);
    if (null || clang_getCanonicalType(clang_getCursorType(var)).kind != CXType_Pointer)
        return;
    count_in(&b->pointer_stores, key);
    bool expanded;
    const char *text = clang_Cursor_isNull(value) || !calls_only_identities(b, value)
                           ? NULL
                           : build_written_text(b, value, &expanded);
    const char *seen = strmap_get(&b->pointer_texts, key);
    if (!seen)
        strmap_put(&b->pointer_texts, key, text ? (void *)text : (void *)&b->pointer_texts);
    else if (seen != (void *)&b->pointer_texts && (!text || strcmp(seen, text)))
        strmap_put(&b->pointer_texts, key, &b->pointer_texts);
}

/* A pointer local stored more than once, each time with the same written
 * value (`held = maybe_lock(s->mutex);` in two places): whichever store a
 * use sees, it names the same object. */
static void count_stores(struct builder *b);

static bool stores_agree(struct builder *b, const char *decl)
{
    count_stores(b);
    const char *text = strmap_get(&b->pointer_texts, decl);
    return text && text != (void *)&b->pointer_texts && !strstr(text, "++") &&
           !strstr(text, "--") && !strchr(text, '=');
}

bool build_is_store(CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_CompoundAssignOperator)
        return true;
    if (k == CXCursor_BinaryOperator)
        return clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign;
    if (k != CXCursor_UnaryOperator)
        return false;
    enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
    return op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
           op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec;
}

/* Whether store c (its operands from kids[base], n of them) can leave its
 * target negative: anything but a constant 0 or more stored, `++`, or
 * `+=` of such a constant. */
static bool may_go_negative(CXCursor c, const CXCursor *ops, unsigned n)
{
    long v;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_UnaryOperator) {
        enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
        return op != CXUnaryOperator_PostInc && op != CXUnaryOperator_PreInc;
    }
    if (k == CXCursor_CompoundAssignOperator)
        return clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_AddAssign ||
               n != 2 || !parse_int_constant(ops[1], &v) || v < 0;
    return n != 2 || !parse_int_constant(ops[1], &v) || v < 0;
}

static enum CXChildVisitResult visit_local_store(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    struct builder *b = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    size_t base = b->kids.n;
    long v;
    if (k == CXCursor_VarDecl) {
        unsigned n = parse_children(c, &b->kids);
        if (n && clang_isExpression(clang_getCursorKind(b->kids.v[base + n - 1]))) {
            CXCursor init = b->kids.v[base + n - 1];
            count_store(b, c, init, is_null_constant(init));
            if (!parse_int_constant(init, &v) || v < 0)
                strmap_put(&b->not_counters, decl_key(b, c), (void *)1);
        }
    } else if (build_is_store(c)) {
        bool assign = k == CXCursor_BinaryOperator;
        unsigned n = parse_children(c, &b->kids);
        CXCursor target = n ? parse_peel(b->kids.v[base]) : clang_getNullCursor();
        if (n && clang_getCursorKind(target) == CXCursor_DeclRefExpr) {
            CXCursor var = clang_getCursorReferenced(target);
            bool plain = assign && n == 2;
            count_store(b, var, plain ? b->kids.v[base + 1] : clang_getNullCursor(),
                        plain && is_null_constant(b->kids.v[base + 1]));
            if (may_go_negative(c, &b->kids.v[base], n))
                strmap_put(&b->not_counters, decl_key(b, var), (void *)1);
        }
    } else if (k == CXCursor_UnaryOperator &&
               clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf &&
               parse_children(c, &b->kids) == 1 &&
               clang_getCursorKind(parse_peel(b->kids.v[base])) == CXCursor_DeclRefExpr) {
        CXCursor var = clang_getCursorReferenced(parse_peel(b->kids.v[base]));
        strmap_put(&b->not_counters, decl_key(b, var), (void *)1); /* `scanf("%d", &i)` */
        /* a pointer whose address is handed out may be stored through it
         * (`find(&locked)`): its stores no longer agree */
        strmap_put(&b->pointer_texts, decl_key(b, var), &b->pointer_texts);
    }
    b->kids.n = base;
    return CXChildVisit_Recurse;
}

/* How many times the function stores a pointer other than NULL into the
 * local `name`. A NULL store does not count: the lock named through the
 * pointer is only reached where it is not NULL. */
static void count_stores(struct builder *b)
{
    if (!b->stores_counted) {
        b->stores_counted = true;
        clang_visitChildren(b->fn, visit_local_store, b);
    }
}

static uintptr_t pointer_stores(struct builder *b, const char *decl)
{
    count_stores(b);
    return (uintptr_t)strmap_get(&b->pointer_stores, decl);
}

unsigned build_local_stores(struct builder *b, CXCursor decl)
{
    count_stores(b);
    return (unsigned)(uintptr_t)strmap_get(&b->local_stores, decl_key(b, decl));
}

bool build_counts_up(struct builder *b, CXCursor decl)
{
    enum CXTypeKind t = clang_getCanonicalType(clang_getCursorType(decl)).kind;
    if (clang_getCursorKind(decl) != CXCursor_VarDecl || clang_Cursor_hasVarDeclGlobalStorage(decl) ||
        t < CXType_Char_U || t > CXType_LongLong)
        return false;
    count_stores(b);
    return build_local_stores(b, decl) > 0 && !strmap_get(&b->not_counters, decl_key(b, decl));
}

void build_note_variable_copy(struct builder *b, CXCursor var, CXCursor value)
{
    CXCursor from = parse_peel(value);
    if (clang_getCursorKind(from) != CXCursor_DeclRefExpr)
        return;
    int to_id = build_var_id(b, var, true), from_id = build_var_id(b, from, true);
    if (to_id >= 0 && from_id >= 0 && to_id != from_id)
        VEC_PUSH(b->var_copies, ((struct cfg_copy){to_id, from_id}));
}

/* Keeps the one address path stored in local pointer `name` (see
 * builder.addresses_stored); path: the stored value's, when it is an
 * address (`&s->lock`), else NULL. */
static void note_address_stored(struct builder *b, const char *name, const char *path)
{
    const char *had = strmap_get(&b->addresses_stored, name);
    if (!path || (had && strcmp(had, path)))
        path = "";
    strmap_put(&b->addresses_stored, name, (void *)path);
}

void build_note_alias(struct builder *b, CXCursor var, CXCursor value, bool is_decl)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(var));
    if (t.kind != CXType_Pointer)
        return;
    const char *name = parse_spelling(b->a, var);
    if (is_null_constant(value)) { /* `void *hold = NULL;`, `hold = NULL;` */
        if (is_decl) { /* names nothing yet: used, it has been set */
            struct alias *al = arena_alloc(b->a, sizeof *al);
            *al = (struct alias){NULL, false, decl_key(b, var), true};
            strmap_put(&b->aliases, name, al);
        }
        return;
    }
    const struct alias *old = is_decl ? NULL : strmap_get(&b->aliases, name); /* a new declaration starts over */
    if (old && (old->holds_null || (old->decl && stores_agree(b, old->decl))))
        old = NULL; /* `held = f(s->mu);` again: the same object as before */
    struct alias *al = arena_alloc(b->a, sizeof *al);
    al->decl = decl_key(b, var);
    al->holds_null = false;
    CXCursor call = parse_peel(value);
    const char *handed = clang_getCursorKind(call) == CXCursor_CallExpr && !old
                             ? build_inferred_returned_lock(b, clang_getCursorReferenced(call))
                             : NULL;
    if (handed) { /* hold = item_trylock(hv): hold is that lock's address */
        al->path = handed;
        strmap_put(&b->aliases, name, al);
        return;
    }
    value = aliased_value(b, value);
    CXCursor v = parse_peel(value);
    bool address = clang_getCursorKind(v) == CXCursor_UnaryOperator &&
                   clang_getCursorUnaryOperatorKind(v) == CXUnaryOperator_AddrOf;
    int root = -1;
    const char *path = (!old || address) && !clang_Cursor_isNull(value)
                           ? build_rooted_path(b, value, &root)
                           : NULL;
    note_address_stored(b, name, address ? path : NULL);
    al->path = !old && !clang_Cursor_isNull(value) ? path : "";
    al->local_root = !old && root >= 0;
    strmap_put(&b->aliases, name, al); /* path "" once set twice */
}

/* A pointer local stored to (`o = o->next`, `p += n`, `p++`): unknown; a
 * scalar copy of a field stored to: itself again. */
static void forget_stored_alias(struct builder *b, CXCursor target)
{
    target = parse_peel(target);
    if (clang_getCursorKind(target) != CXCursor_DeclRefExpr)
        return;
    int id = build_var_id(b, target, false);
    if (build_copy_of(b, id)) /* a copy of a field stored later in the loop */
        b->values[id].copy_of = NULL;
    CXCursor var = clang_getCursorReferenced(target);
    if (clang_getCursorKind(var) != CXCursor_VarDecl &&
        clang_getCursorKind(var) != CXCursor_ParmDecl)
        return;
    if (clang_getCanonicalType(clang_getCursorType(var)).kind != CXType_Pointer)
        return;
    /* stored in the loop with what every store writes (`held =
     * maybe_lock(s->mutex);` before the loop and in it): still that */
    if (build_alias_of_decl(b, var) && stores_agree(b, decl_key(b, var)))
        return;
    struct alias *al = arena_alloc(b->a, sizeof *al);
    al->path = "";
    al->decl = decl_key(b, var);
    al->holds_null = false;
    const char *name = parse_spelling(b->a, var);
    strmap_put(&b->aliases, name, al);
    strmap_put(&b->loop_stored, name, (void *)1);
}

static enum CXChildVisitResult visit_loop_store(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    struct builder *b = d;
    if (build_is_store(c)) {
        size_t base = b->kids.n;
        if (parse_children(c, &b->kids))
            forget_stored_alias(b, b->kids.v[base]);
        b->kids.n = base;
    }
    return CXChildVisit_Recurse;
}

void build_forget_loop_aliases(struct builder *b, CXCursor part)
{
    if (clang_Cursor_isNull(part) || (!b->aliases.count && !b->has_copies))
        return;
    visit_loop_store(part, clang_getNullCursor(), b);
    clang_visitChildren(part, visit_loop_store, b);
}

static void copy_map(struct strmap *to, const struct strmap *from)
{
    for (size_t i = 0; i < from->cap; i++)
        if (from->keys[i])
            strmap_put(to, from->keys[i], from->values[i]);
}

void build_aliases_save(struct builder *b, struct strmap *before)
{
    copy_map(before, &b->aliases);
}

void build_aliases_end_block(struct builder *b, struct strmap *before, unsigned begin,
                             unsigned end)
{
    for (size_t i = 0; i < b->aliases.cap; i++) {
        const struct alias *al = b->aliases.values[i];
        unsigned at = al && al->decl ? (unsigned)strtoul(al->decl, NULL, 10) : 0;
        if (al && at >= begin && at < end) /* a variable of the block: gone with it */
            b->aliases.values[i] = strmap_get(before, b->aliases.keys[i]);
    }
    strmap_free(before);
}

void build_aliases_between(struct builder *b, const struct strmap *before,
                           struct strmap *then_side)
{
    copy_map(then_side, &b->aliases);
    for (size_t i = 0; i < then_side->cap; i++) /* names the then side set */
        if (then_side->keys[i])
            strmap_put(&b->aliases, then_side->keys[i],
                       strmap_get(before, then_side->keys[i]));
}

/* What one side (its text from offset begin to end) left for name: a
 * variable declared inside the side is gone after it, and the name is the
 * outer one's again (a macro's block that declares its own `qlane`). */
static const struct alias *side_value(const struct alias *side, const struct alias *was,
                                      unsigned begin, unsigned end)
{
    unsigned long at = side && side->decl ? strtoul(side->decl, NULL, 10) : 0;
    return side && side != was && at >= begin && at <= end ? was : side;
}

/* Two records of one variable naming one object (a side that stored
 * again what the other side's store wrote). */
static bool same_alias(const struct alias *x, const struct alias *y)
{
    return x && y && x->decl && y->decl && !strcmp(x->decl, y->decl) && x->path && y->path &&
           *x->path && !strcmp(x->path, y->path) && x->holds_null == y->holds_null &&
           x->local_root == y->local_root;
}

/* The alias after an if whose sides left then_v and else_v (was: before). */
static const struct alias *joined(struct builder *b, const struct alias *was,
                                  const struct alias *then_v, const struct alias *else_v)
{
    if (then_v == else_v || same_alias(then_v, else_v) || (else_v && else_v->holds_null))
        return then_v; /* a side that left it NULL reaches no lock through it */
    if (then_v && then_v->holds_null)
        return else_v;
    struct alias *unknown = arena_alloc(b->a, sizeof *unknown);
    const struct alias *any = then_v ? then_v : else_v ? else_v : was;
    *unknown = (struct alias){"", false, any ? any->decl : NULL, false};
    return unknown;
}

void build_aliases_join(struct builder *b, struct strmap *before, struct strmap *then_side,
                        const struct branch_sides *sides)
{
    for (size_t i = 0; i < b->aliases.cap; i++) { /* every name: before, then or else */
        const char *name = b->aliases.keys[i];
        if (!name)
            continue;
        const struct alias *was = strmap_get(before, name);
        const struct alias *then_v =
            side_value(strmap_get(then_side, name), was, sides->then_begin, sides->then_end);
        const struct alias *else_v =
            side_value(b->aliases.values[i], was, sides->else_begin, sides->else_end);
        const struct alias *now = !sides->then_reaches   ? else_v /* a side that returned */
                                  : !sides->else_reaches ? then_v
                                                         : joined(b, was, then_v, else_v);
        b->aliases.values[i] = (void *)now;
    }
    strmap_free(before);
    strmap_free(then_side);
}

const struct alias *build_alias_of(struct builder *b, const char *name)
{
    return strmap_get(&b->aliases, name);
}

const struct alias *build_alias_of_decl(struct builder *b, CXCursor var)
{
    const struct alias *al = strmap_get(&b->aliases, parse_spelling(b->a, var));
    return al && al->decl && !strcmp(al->decl, decl_key(b, var)) ? al : NULL;
}

static const char *resolve_once(struct builder *b, const char *key)
{
    size_t skip = strspn(key, "*(");
    const char *root = key + skip;
    size_t len = 0;
    while (isalnum((unsigned char)root[len]) || root[len] == '_')
        len++;
    if (!len)
        return key;
    const char *name = arena_strndup(b->a, root, len);
    const struct alias *al = strmap_get(&b->aliases, name);
    if (!al || !al->path || !*al->path)
        return key;
    if (pointer_stores(b, al->decl) > 1 && !stores_agree(b, al->decl))
        return key; /* which store a use sees is not known here */
    const char *args[1] = {al->path};
    struct diag d;
    const char *r = lockexpr_parse(b->a, arena_printf(b->a, "%.*s$0%s", (int)skip, key,
                                                      root + len), args, 1, &d);
    if (r) /* the lock is rooted where the alias points, not at the local */
        b->path_local_root = al->local_root;
    return r ? r : key;
}

/* Through every local on the way (`m = _frr_mtx_lock(&c->mu)` with
 * `c = ev->arg`): the name the lock gets wherever it is written. */
const char *build_resolve_alias(struct builder *b, const char *key)
{
    if (!b->aliases.count)
        return key;
    bool local_root = b->path_local_root; /* as it was, if nothing resolves */
    for (int i = 0; i < 4; i++) {
        bool before = b->path_local_root;
        const char *next = resolve_once(b, key);
        if (next == key || !strcmp(next, key)) {
            b->path_local_root = before;
            break;
        }
        local_root = b->path_local_root; /* where the last alias points */
        b->path_local_root = false;
        key = next;
    }
    b->path_local_root = local_root;
    return key;
}

/* A function of the TU by name (the cleanup attribute names one). */
static CXCursor function_named(struct builder *b, const char *name)
{
    struct cfg_tu *t = b->t;
    cfg_tu_index(t);
    CXCursor *c = strmap_get(&t->functions_by_name, name);
    return c ? *c : clang_getNullCursor();
}

/* cleanup(fn): the attribute's name is the token at its spelling location
 * (in a macro definition, for scoped-lock macros), the function the token
 * two further on. */
static CXCursor cleanup_of_attr(struct builder *b, CXCursor attr)
{
    CXFile file;
    unsigned line, col, off;
    clang_getSpellingLocation(clang_getCursorLocation(attr), &file, &line, &col, &off);
    if (!file)
        return clang_getNullCursor();
    size_t len = 0;
    const char *text = clang_getFileContents(b->t->tu, file, &len);
    if (!text || off >= len)
        return clang_getNullCursor();
    const char *p = text + off, *end = text + len;
    size_t n = strspn(p, "_cleanup");
    if (!((n == 7 && !strncmp(p, "cleanup", 7)) || (n == 11 && !strncmp(p, "__cleanup__", 11))))
        return clang_getNullCursor();
    p += n;
    while (p < end && (*p == ' ' || *p == '('))
        p++;
    size_t id = 0;
    while (p + id < end && (isalnum((unsigned char)p[id]) || p[id] == '_'))
        id++;
    return id ? function_named(b, arena_strndup(b->a, p, id)) : clang_getNullCursor();
}

/* A cleanup named through a macro parameter the tokens cannot show, by
 * the naming convention of the library whose macro declared the variable:
 * the Linux kernel's scoped guards (`guard(mutex)(&m)`, `scoped_guard`)
 * declare a variable of type class_NAME_t cleaned up by
 * class_NAME_destructor; GLib's `g_autoptr(NAME) v` (`GMutexLocker`, or a
 * project's own lock type) one of type NAME_autoptr cleaned up by
 * glib_autoptr_cleanup_NAME, and `g_auto(NAME) v` one of type NAME
 * cleaned up by glib_auto_cleanup_NAME. */
static CXCursor cleanup_by_convention(struct builder *b, CXCursor var)
{
    const char *type = parse_str(b->a, clang_getTypeSpelling(clang_getCursorType(var)));
    type += strncmp(type, "const ", 6) ? 0 : 6;
    size_t n = strlen(type);
    if (!strncmp(type, "class_", 6) && n >= 9 && !strcmp(type + n - 2, "_t"))
        return function_named(b, arena_printf(b->a, "%.*s_destructor", (int)(n - 2), type));
    if (n > 8 && !strcmp(type + n - 8, "_autoptr"))
        return function_named(b, arena_printf(b->a, "glib_autoptr_cleanup_%.*s", (int)(n - 8), type));
    return function_named(b, arena_printf(b->a, "glib_auto_cleanup_%s", type));
}

/* The value of one element of an initialiser list: a designated one
 * (`.arg = &m`) is the designator's member references, then the value. */
static CXCursor init_value(struct builder *b, CXCursor c)
{
    size_t base = b->kids.n;
    unsigned n = clang_getCursorKind(c) == CXCursor_UnexposedExpr ? parse_children(c, &b->kids) : 0;
    if (n >= 2 && clang_getCursorKind(b->kids.v[base]) == CXCursor_MemberRef)
        c = b->kids.v[base + n - 1];
    b->kids.n = base;
    return c;
}

/* The function an initialiser names (`h`, `&h`, `(void (*)(void *))&h`),
 * or a null cursor. */
static CXCursor function_of(struct builder *b, CXCursor v)
{
    CXCursor c = parse_peel(v);
    /* LIBCLANG 19: a cast to a function pointer type also shows the
     * type's parameters; the operand is its last child. */
    for (int depth = 0; depth < 8; depth++) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k != CXCursor_UnaryOperator && k != CXCursor_CStyleCastExpr)
            break;
        size_t base = b->kids.n;
        unsigned n = parse_children(c, &b->kids);
        c = n ? parse_peel(b->kids.v[base + n - 1]) : c;
        b->kids.n = base;
    }
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
        clang_getCursorKind(clang_getCursorReferenced(c)) == CXCursor_FunctionDecl)
        return clang_getCursorReferenced(c);
    return clang_getNullCursor();
}

/* A cleanup variable initialised as a frame (`{ .routine = h, .arg = p,
 * .run = 1 }`, as pthread_cleanup_push declares one with exceptions on):
 * its cleanup runs h(p), which is what is modelled. The first function
 * and the first other pointer of the list are taken. */
static void note_frame(struct builder *b, CXCursor var, struct scope_cleanup *c)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(var, &b->kids);
    CXCursor list = n ? b->kids.v[base + n - 1] : clang_getNullCursor();
    b->kids.n = base;
    if (clang_getCursorKind(list) != CXCursor_InitListExpr)
        return;
    n = parse_children(list, &b->kids);
    for (unsigned i = 0; i < n; i++) {
        CXCursor v = init_value(b, b->kids.v[base + i]), fn = function_of(b, v);
        if (!clang_Cursor_isNull(fn)) {
            if (clang_Cursor_isNull(c->handler))
                c->handler = fn;
        } else if (clang_Cursor_isNull(c->handler_arg) &&
                   clang_getCanonicalType(clang_getCursorType(v)).kind == CXType_Pointer) {
            c->handler_arg = v;
        }
    }
    b->kids.n = base;
    if (clang_Cursor_isNull(c->handler) || clang_Cursor_isNull(c->handler_arg))
        c->handler = c->handler_arg = clang_getNullCursor();
}

void build_note_cleanup_store(struct builder *b, const char *var, CXCursor value)
{
    for (size_t i = b->cleanups.n; i-- > 0;) {
        struct scope_cleanup *c = &b->cleanups.v[i];
        if (strcmp(c->var, var) || clang_Cursor_isNull(c->handler))
            continue;
        long v = 0;
        if (clang_getCanonicalType(clang_getCursorType(value)).kind == CXType_Pointer)
            return; /* a new handler or argument: not a switch */
        c->run = parse_int_constant(value, &v) ? v != 0 : -1;
        return;
    }
}

void build_note_cleanup(struct builder *b, CXCursor var)
{
    struct cursor_stack st = {0};
    unsigned n = parse_children(var, &st);
    CXCursor fn = clang_getNullCursor();
    bool has_attr = false;
    for (unsigned i = 0; i < n && clang_Cursor_isNull(fn); i++)
        if (clang_isAttribute(clang_getCursorKind(st.v[i]))) {
            has_attr = true;
            fn = cleanup_of_attr(b, st.v[i]);
        }
    free(st.v);
    if (clang_Cursor_isNull(fn) && has_attr)
        fn = cleanup_by_convention(b, var);
    if (clang_Cursor_isNull(fn))
        return;
    struct scope_cleanup c = {parse_spelling(b->a, var), fn, parse_cursor_loc(var),
                              clang_getNullCursor(), clang_getNullCursor(), 1, b->scope_end};
    note_frame(b, var, &c);
    if (!clang_Cursor_isNull(c.handler))
        VEC_PUSH(b->frame_handlers, parse_spelling(b->a, c.handler));
    VEC_PUSH(b->cleanups, c);
}

void build_run_cleanups(struct builder *b, size_t keep)
{
    for (size_t i = b->cleanups.n; i-- > keep;) {
        const struct scope_cleanup *c = &b->cleanups.v[i];
        if (!clang_Cursor_isNull(c->handler)) {
            build_call_handler(b, c->handler, c->handler_arg, c->run, c->loc);
            continue;
        }
        const char *arg = arena_printf(b->a, "&%s", c->var);
        build_call_by_name(b, c->fn, parse_spelling(b->a, c->fn), &arg, 1, c->loc);
    }
}
