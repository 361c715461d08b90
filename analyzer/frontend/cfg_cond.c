/* SPDX-License-Identifier: MIT
 * cfg_cond: branch conditions -> branches. `&&`, `||`, `!`, `?:`, comma and
 * __builtin_expect split into leaves; each leaf records what it tests (a
 * lock call's result, a local, a parameter against a constant) and the
 * value it decides, for try-locks, correlated branches and contracts by
 * argument value. */
#include "frontend/cfg_build.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

static enum cfg_cmp compare_op(enum CXBinaryOperatorKind op, bool mirrored)
{
    switch (op) {
    case CXBinaryOperator_EQ: return CMP_EQ;
    case CXBinaryOperator_NE: return CMP_NE;
    case CXBinaryOperator_LT: return mirrored ? CMP_GT : CMP_LT;
    case CXBinaryOperator_LE: return mirrored ? CMP_GE : CMP_LE;
    case CXBinaryOperator_GT: return mirrored ? CMP_LT : CMP_GT;
    case CXBinaryOperator_GE: return mirrored ? CMP_LE : CMP_GE;
    default: return CMP_NONE;
    }
}

/* `({ int ret; ...; ret = trylock(m); ...; ret; })`, a lock macro's
 * statement expression: its value is its last statement's. */
static CXCursor statement_value(struct builder *b, CXCursor src)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(src, &b->kids);
    CXCursor last = n == 1 ? b->kids.v[base] : clang_getNullCursor();
    b->kids.n = base;
    if (clang_Cursor_isNull(last) || clang_getCursorKind(last) != CXCursor_CompoundStmt)
        return src;
    n = parse_children(last, &b->kids);
    CXCursor value = n ? parse_peel(b->kids.v[base + n - 1]) : src;
    b->kids.n = base;
    return clang_getCursorKind(value) == CXCursor_DeclRefExpr ? value : src;
}

/* Which tracked value a condition leaf tests: the lock call just evaluated
 * in it, or a local variable. */
void build_test_source(struct builder *b, CXCursor src, struct cfg_cond *cc)
{
    src = parse_peel(src);
    if (clang_getCursorKind(src) == CXCursor_StmtExpr)
        src = statement_value(b, src);
    size_t base = b->kids.n;
    int assigned = -1; /* `(x = trylock(...)) == NULL`: the result is bound to x */
    if (clang_getCursorKind(src) == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(src) == CXBinaryOperator_Assign &&
        parse_children(src, &b->kids) == 2) {
        CXCursor lhs = parse_peel(b->kids.v[base]);
        assigned = clang_getCursorKind(lhs) == CXCursor_DeclRefExpr ? build_var_id(b, lhs, false)
                                                                    : -1;
        if (assigned < 0)
            assigned = build_place_var(b, lhs, false);
        src = parse_peel(b->kids.v[base + 1]);
    }
    b->kids.n = base;
    bool the_call = b->last_lock_event >= 0 && clang_equalCursors(src, b->last_lock_call);
    if (the_call && assigned >= 0 && b->events.v[b->last_lock_event].result_var == assigned)
        cc->try_var = assigned; /* the lock's state is bound to the variable */
    else if (the_call)
        cc->try_event = b->last_lock_event;
    else if (assigned >= 0 && clang_getCursorKind(src) == CXCursor_ConditionalOperator)
        cc->try_var = assigned; /* `(x = c ? lock(m) : OK)`: its arms bound x */
    else if (clang_getCursorKind(src) == CXCursor_DeclRefExpr)
        cc->try_var = build_var_id(b, src, false);
    if (cc->try_var < 0 && cc->try_event < 0)
        cc->try_var = build_place_var(b, src, false); /* `if (s->rc)`, `if (*err == EBUSY)` */
    cc->param = build_param_index(b, src);
}

/* The function's parameters and their names, read on first need. */
static void read_params(struct builder *b)
{
    if (b->params)
        return;
    int n = clang_Cursor_getNumArguments(b->fn);
    b->nparams = n > 0 ? (unsigned)n : 0;
    b->params = arena_alloc(b->a, (b->nparams + 1) * sizeof *b->params);
    b->param_names = arena_alloc(b->a, (b->nparams + 1) * sizeof *b->param_names);
    for (unsigned i = 0; i < b->nparams; i++) {
        b->params[i] = clang_Cursor_getArgument(b->fn, i);
        b->param_names[i] = parse_spelling(b->a, b->params[i]);
    }
}

int build_param_named(struct builder *b, const char *name, size_t len)
{
    read_params(b);
    for (unsigned i = 0; i < b->nparams; i++)
        if (strlen(b->param_names[i]) == len && !strncmp(b->param_names[i], name, len))
            return (int)i;
    return -1;
}

int build_param_index(struct builder *b, CXCursor ref)
{
    if (clang_getCursorKind(ref) != CXCursor_DeclRefExpr)
        return -1;
    CXCursor decl = clang_getCursorReferenced(ref);
    if (clang_getCursorKind(decl) != CXCursor_ParmDecl)
        return -1;
    read_params(b);
    for (unsigned i = 0; i < b->nparams; i++)
        if (clang_equalCursors(b->params[i], decl))
            return (int)i;
    return -1;
}

void build_note_param_store(struct builder *b, CXCursor target)
{
    int i = build_param_index(b, parse_peel(target));
    if (i >= 0 && i < 64) {
        b->params_written |= (uint64_t)1 << i;
        VEC_PUSH(b->param_stores, ((struct param_store){(unsigned)i, b->cur}));
    }
}

/* `value & K` as a whole condition: a bit test. */
static bool bit_test(struct builder *b, CXCursor p, struct cfg_cond *cc, CXCursor *src)
{
    size_t base = b->kids.n;
    if (clang_getCursorKind(p) != CXCursor_BinaryOperator ||
        clang_getCursorBinaryOperatorKind(p) != CXBinaryOperator_And ||
        parse_children(p, &b->kids) != 2)
        return false;
    CXCursor l = b->kids.v[base], r = b->kids.v[base + 1];
    b->kids.n = base;
    if (parse_int_constant(r, &cc->k))
        *src = l;
    else if (parse_int_constant(l, &cc->k))
        *src = r;
    else
        return false;
    cc->op = CMP_AND;
    return true;
}

/* Reads `value OP constant` (either way round) or a bare `value`; the
 * value's cursor in *value. */
static void leaf_test(struct builder *b, CXCursor c, struct cfg_cond *cc, CXCursor *value)
{
    size_t base = b->kids.n;
    CXCursor p = parse_peel(c);
    cc->op = CMP_NE;
    cc->k = 0;
    CXCursor src = p;
    if (clang_getCursorKind(p) == CXCursor_BinaryOperator &&
        compare_op(clang_getCursorBinaryOperatorKind(p), false) != CMP_NONE &&
        parse_children(p, &b->kids) == 2) {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(p);
        CXCursor l = b->kids.v[base], r = b->kids.v[base + 1];
        if (parse_int_constant(r, &cc->k)) {
            src = l;
            cc->op = compare_op(op, false);
        } else if (parse_int_constant(l, &cc->k)) {
            src = r;
            cc->op = compare_op(op, true);
        } else {
            cc->op = CMP_NONE;
        }
        b->kids.n = base;
        long k = cc->k; /* `(mode & LOCK) != 0` is the bit test itself */
        if (cc->op == CMP_NE && k == 0 && !bit_test(b, parse_peel(src), cc, &src))
            cc->k = k;
    } else {
        bit_test(b, p, cc, &src);
    }
    b->kids.n = base;
    *value = src;
    if (cc->op != CMP_NONE)
        build_test_source(b, src, cc);
    if (cc->try_event < 0 && b->last_lock_event >= 0 &&
        clang_equalCursors(c, b->last_lock_call)) /* a rules macro as the condition */
        cc->try_event = b->last_lock_event;
}

/* Keys are by text and, for values rooted at a local, by that variable:
 * two blocks' own `int i` are two values. */
static const char *key_name(struct builder *b, const char *text, int var)
{
    if (var < 0)
        return text;
    char num[16];
    size_t n = strlen(text), k = 0;
    for (unsigned v = (unsigned)var; k == 0 || v; v /= 10)
        num[k++] = (char)('0' + v % 10);
    char *s = arena_alloc(b->a, n + k + 2);
    memcpy(s, text, n);
    s[n] = '#';
    for (size_t i = 0; i < k; i++) /* digits were made backwards */
        s[n + 1 + i] = num[k - 1 - i];
    return s;
}

bool build_maybe_constant(CXCursor value)
{
    CXCursor v = parse_peel(value);
    enum CXCursorKind k = clang_getCursorKind(v);
    if (k == CXCursor_IntegerLiteral || k == CXCursor_CharacterLiteral)
        return true;
    if (k == CXCursor_UnaryOperator || k == CXCursor_BinaryOperator) /* -1, 1 << 2, (x, 0) */
        return true;
    return k == CXCursor_DeclRefExpr &&
           clang_getCursorKind(clang_getCursorReferenced(v)) == CXCursor_EnumConstantDecl;
}

/* A branch value's id; var2: a second variable it reads (`a != b`), or -1. */
static int intern_key2(struct builder *b, const char *text, int var, int var2)
{
    if (var2 >= 0 && var2 < var) { /* `b == a` reads the same two as `a == b` */
        int v = var;
        var = var2;
        var2 = v;
    }
    const char *name = key_name(b, var2 >= 0 ? key_name(b, text, var2) : text, var);
    void *id = strmap_get(&b->keys, name);
    if (!id) {
        VEC_PUSH(b->key_var, var);
        VEC_PUSH(b->key_var2, var2);
        VEC_PUSH(b->key_text, text);
        VEC_PUSH(b->key_cmp, ((struct cfg_key_cmp){.base = -1, .op = CMP_NONE, .next = -1}));
        id = (void *)(uintptr_t)b->key_var.n;
        strmap_put(&b->keys, name, id);
    }
    return (int)(uintptr_t)id - 1;
}

static int intern_key(struct builder *b, const char *text, int var)
{
    return intern_key2(b, text, var, -1);
}

int build_known_key(struct builder *b, CXCursor value)
{
    CXCursor v = parse_peel(value);
    enum CXCursorKind kind = clang_getCursorKind(v);
    if (kind != CXCursor_DeclRefExpr && kind != CXCursor_MemberRefExpr)
        return -1;
    int var;
    const char *text = build_value_path(b, v, &var);
    void *id = text ? strmap_get(&b->keys, key_name(b, text, var)) : NULL;
    return id ? (int)(uintptr_t)id - 1 : -1;
}

/* What a tested expression reads, for its key: the variables (locals and
 * parameters) in it, and whether it may answer differently each time it
 * is evaluated (a call, a store, an element chosen by an index). */
struct key_scan {
    struct builder *b;
    int var, var2, nvars;
    bool unstable;
};

static enum CXChildVisitResult scan_key(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct key_scan *k = data;
    switch (clang_getCursorKind(c)) {
    case CXCursor_CallExpr:
    case CXCursor_ArraySubscriptExpr:
    case CXCursor_CompoundAssignOperator:
    case CXCursor_StmtExpr:
        k->unstable = true;
        return CXChildVisit_Break;
    case CXCursor_BinaryOperator:
        if (clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) {
            k->unstable = true;
            return CXChildVisit_Break;
        }
        break;
    case CXCursor_UnaryOperator: {
        enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
        if (op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
            op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec) {
            k->unstable = true;
            return CXChildVisit_Break;
        }
        break;
    }
    case CXCursor_DeclRefExpr: {
        int v = k->b ? build_var_id(k->b, c, true) : -1;
        const struct var_value *copy = k->b ? build_copy_of(k->b, v) : NULL;
        if (copy)
            v = copy->copy_root;
        if (v >= 0 && v != k->var && v != k->var2) {
            if (k->nvars == 0)
                k->var = v;
            else if (k->nvars == 1)
                k->var2 = v;
            k->nvars++;
        }
        break;
    }
    default:
        break;
    }
    return CXChildVisit_Recurse;
}

/* An expression that is not a plain path (`ret < 0`, `a & MASK`, `flush
 * != qp`): a key only if evaluating it twice gives the same answer until
 * one of its variables is stored to; *var and *var2 are those variables,
 * at most two (-1: none, fields and globals only, which like other fields
 * are assumed stable). */
static bool stable_expression(struct builder *b, CXCursor v, int *var, int *var2)
{
    struct key_scan k = {b, -1, -1, 0, false};
    scan_key(v, v, &k);
    if (!k.unstable)
        clang_visitChildren(v, scan_key, &k);
    *var = k.var;
    *var2 = k.var2;
    return !k.unstable && k.nvars <= 2;
}

/* Whether an expression statement only checks: it stores nothing and
 * calls only functions that never return (`REQUIRE(VALID(z))`, whose
 * failure ends the program). */
struct check_scan {
    struct builder *b;
    bool only_checks;
};

static enum CXChildVisitResult scan_check(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct check_scan *s = data;
    enum CXCursorKind kind = clang_getCursorKind(c);
    if (kind == CXCursor_CallExpr) {
        s->only_checks = build_call_never_returns(s->b, c);
        return s->only_checks ? CXChildVisit_Continue : CXChildVisit_Break;
    }
    struct key_scan k = {NULL, -1, -1, 0, false};
    if (kind != CXCursor_ArraySubscriptExpr)
        scan_key(c, c, &k); /* a store or a statement expression */
    if (k.unstable) {
        s->only_checks = false;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

/* Whether statement c of an accessor's body reads and decides only:
 * returns of expressions that call and store nothing, `if`s on such
 * expressions, and checks (scan_check). */
static bool reads_only(struct builder *b, CXCursor c, unsigned depth)
{
    enum CXCursorKind kind = clang_getCursorKind(c);
    if (kind == CXCursor_NullStmt)
        return true;
    if (depth > 4 || (kind != CXCursor_CompoundStmt && kind != CXCursor_IfStmt &&
                      kind != CXCursor_ReturnStmt && !clang_isExpression(kind)))
        return false;
    if (clang_isExpression(kind)) {
        struct check_scan s = {b, true};
        if (clang_getCursorKind(parse_peel(c)) == CXCursor_CallExpr)
            scan_check(parse_peel(c), c, &s);
        if (s.only_checks)
            clang_visitChildren(c, scan_check, &s);
        return s.only_checks;
    }
    struct cursor_stack st = {0};
    unsigned n = parse_children(c, &st);
    bool ok = true;
    for (unsigned i = 0; i < n && ok; i++) {
        if (kind == CXCursor_CompoundStmt || (kind == CXCursor_IfStmt && i > 0)) {
            ok = reads_only(b, st.v[i], depth + 1);
        } else { /* a returned value or an if's condition */
            struct key_scan k = {NULL, -1, -1, 0, false};
            scan_key(st.v[i], st.v[i], &k);
            if (!k.unstable)
                clang_visitChildren(st.v[i], scan_key, &k);
            ok = !k.unstable;
        }
    }
    free(st.v);
    return ok;
}

/* A call of an accessor of this file, `static inline bool f(struct t *p) {
 * return p->a && p->b; }` or `{ REQUIRE(VALID(p)); if (p->raw != NULL)
 * return true; return false; }`: its body reads and decides, calls and
 * stores nothing (reads_only), so two calls with the same stable arguments
 * answer alike. */
bool build_calls_accessor(struct builder *b, CXCursor call)
{
    CXCursor decl = clang_getCursorReferenced(call);
    if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
        return false;
    const char *name = parse_spelling(b->a, decl);
    uintptr_t known = (uintptr_t)strmap_get(&b->t->accessors, name);
    if (known)
        return known == 1;
    CXCursor def = clang_getCursorDefinition(decl);
    bool ok = false;
    if (!clang_Cursor_isNull(def) && clang_getCursorKind(def) == CXCursor_FunctionDecl) {
        struct cursor_stack st = {0};
        unsigned n = parse_children(def, &st);
        CXCursor body = n ? st.v[n - 1] : clang_getNullCursor();
        ok = !clang_Cursor_isNull(body) && clang_getCursorKind(body) == CXCursor_CompoundStmt &&
             reads_only(b, body, 0);
        free(st.v);
    }
    strmap_put(&b->t->accessors, arena_strdup(b->t->a, name), (void *)(uintptr_t)(ok ? 1 : 2));
    return ok;
}

/* A call of one of the C library's string and memory comparisons, whose
 * answer depends on nothing but its arguments and what they point to:
 * `strcasecmp(action, "start")` tested twice, with action not stored to
 * in between, answers alike (a dispatch that rejects other actions first
 * and then branches on each). */
static bool calls_pure_library(struct builder *b, CXCursor call)
{
    static const char *const pure[] = {"strcmp", "strcasecmp", "strncmp", "strncasecmp",
                                       "memcmp", "strlen", "strnlen", NULL};
    return build_calls_one_of(b, call, pure);
}

/* A call of a function of the project defined in another file (declared
 * outside the system headers, no body here): what it answers is not
 * known, but a path that needs two calls with the same stable arguments
 * to answer differently (`if (is_multiplexed(name)) lock(); ...; if
 * (is_multiplexed(name)) unlock();`) is no path to report on. */
static bool calls_unseen_function(CXCursor call)
{
    CXCursor decl = clang_getCursorReferenced(call);
    if (clang_getCursorKind(decl) != CXCursor_FunctionDecl ||
        !clang_Cursor_isNull(clang_getCursorDefinition(decl)) ||
        clang_Location_isInSystemHeader(clang_getCursorLocation(decl)))
        return false;
    return clang_getCanonicalType(clang_getCursorResultType(decl)).kind != CXType_Void;
}

/* `a != b` and `b == a` test one thing: an equality of two values is
 * named by their paths in sorted order, made positive (*negated for !=);
 * any other test keeps its text. */
static const char *symmetric_text(struct builder *b, CXCursor v, const char *text, bool *negated)
{
    if (clang_getCursorKind(v) != CXCursor_BinaryOperator)
        return text;
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(v);
    size_t base = b->kids.n;
    if ((op != CXBinaryOperator_EQ && op != CXBinaryOperator_NE) ||
        parse_children(v, &b->kids) != 2) {
        b->kids.n = base;
        return text;
    }
    int var;
    const char *l = build_value_path(b, b->kids.v[base], &var);
    const char *r = build_value_path(b, b->kids.v[base + 1], &var);
    b->kids.n = base;
    if (!l || !r || !*l || !*r)
        return text;
    if (strcmp(l, r) > 0) {
        const char *t = l;
        l = r;
        r = t;
    }
    *negated = op == CXBinaryOperator_NE;
    return arena_printf(b->a, "%s == %s", l, r);
}

/* An index that is a constant: its text is the value (index_text in
 * cfg_expr.c evaluates `LOCK_LOG`, `N - 1`). */
static bool constant_index(const char *index)
{
    if (!index || !*index)
        return false;
    for (const char *p = index + (*index == '-'); *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    return true;
}

/* A path with one index, read from the path just built: the key text
 * naming the element, or NULL when the path names another element next
 * time. `locks[LOCK_LOG]` (a constant index) is the same element every
 * time; `s->shards[i].ready` (a field, the index a variable of this
 * function) is the same until that variable is stored to, as the object
 * is until its root is, and the variable goes to *var2. */
static const char *element_key_text(struct builder *b, const char *text, bool field, int *var2)
{
    const char *first = strstr(text, "[]");
    if (!first || strstr(first + 2, "[]") || strchr(first + 2, '[') || !b->path_index_text)
        return NULL;
    if (b->path_index_var[0] < 0)
        return constant_index(b->path_index_text)
                   ? arena_printf(b->a, "%s@%s", text, b->path_index_text)
                   : NULL;
    if (!field || b->path_index_var[1] >= 0)
        return NULL;
    *var2 = b->path_index_var[0];
    return arena_printf(b->a, "%s@%s", text, b->path_index_text);
}

/* A call's text as a key, when its arguments are stable (a variable of
 * the function at most, not stored to between two tests); else NULL. */
static const char *stable_call_text(struct builder *b, CXCursor call, int *var)
{
    struct key_scan k = {b, -1, -1, 0, false};
    size_t base = b->kids.n;
    unsigned na = parse_children(call, &b->kids);
    for (unsigned i = 1; i < na && !k.unstable; i++) { /* the arguments */
        scan_key(b->kids.v[base + i], call, &k);
        if (!k.unstable)
            clang_visitChildren(b->kids.v[base + i], scan_key, &k);
    }
    b->kids.n = base;
    bool expanded;
    *var = k.var;
    if (k.unstable || k.nvars > 1)
        return NULL;
    const char *text = build_written_text(b, call, &expanded);
    return text || !expanded ? text : build_call_structure_text(b, call);
}

const char *build_predicate_call_text(struct builder *b, CXCursor call, int *var)
{
    if (clang_getCursorKind(call) != CXCursor_CallExpr ||
        !(build_calls_accessor(b, call) || calls_pure_library(b, call)))
        return NULL;
    const char *text = stable_call_text(b, call, var);
    return text && !strchr(text, '\n') ? text : NULL;
}

static enum CXChildVisitResult find_store(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (!build_is_store(c))
        return CXChildVisit_Recurse;
    *(bool *)data = true;
    return CXChildVisit_Break;
}

/* The statements of the body of the function a call calls, when this file
 * (or a header) defines it, into *body (the caller frees body->v); 0 when
 * it is not defined here. */
static unsigned called_body(CXCursor call, struct cursor_stack *body)
{
    CXCursor def = clang_getCursorDefinition(clang_getCursorReferenced(call));
    if (clang_Cursor_isNull(def) || clang_getCursorKind(def) != CXCursor_FunctionDecl)
        return 0;
    struct cursor_stack st = {0};
    unsigned n = parse_children(def, &st);
    unsigned nb = n && clang_getCursorKind(st.v[n - 1]) == CXCursor_CompoundStmt
                      ? parse_children(st.v[n - 1], body)
                      : 0;
    free(st.v);
    return nb;
}

/* A getter of this file or of a header: a body of local declarations and
 * one `return EXPR;` at its end, storing nothing but those locals'
 * initial values (`w = derived_of(cm->worker); return w->async;`). */
static bool calls_one_return_getter(CXCursor call)
{
    struct cursor_stack body = {0};
    unsigned nb = called_body(call, &body);
    bool ok = nb && clang_getCursorKind(body.v[nb - 1]) == CXCursor_ReturnStmt;
    for (unsigned i = 0; ok && i + 1 < nb; i++)
        ok = clang_getCursorKind(body.v[i]) == CXCursor_DeclStmt;
    bool stores = false;
    for (unsigned i = 0; ok && !stores && i < nb; i++)
        clang_visitChildren(body.v[i], find_store, &stores);
    free(body.v);
    return ok && !stores;
}

/* `get_ctx(ep)->mode`: a field read through what a call returns, the
 * call an accessor, a one-return getter or another file's function with
 * stable arguments (a
 * macro that takes `get_ctx(ep)` and tests its mode in its lock and in its
 * unlock twin). Two such calls answer alike as the call itself does in a
 * condition, so the field is a key: its path, with the call written out
 * (`get_ctx()` alone would make one key of every argument). */
static const char *through_stable_call(struct builder *b, CXCursor v, const char *path, int *var)
{
    CXCursor c = v;
    for (int depth = 0; depth < 16 && clang_getCursorKind(c) != CXCursor_CallExpr; depth++) {
        size_t base = b->kids.n;
        enum CXCursorKind k = clang_getCursorKind(c);
        unsigned n = k == CXCursor_MemberRefExpr || k == CXCursor_ParenExpr ||
                             k == CXCursor_UnexposedExpr || k == CXCursor_BinaryOperator
                         ? parse_children(c, &b->kids)
                         : 0;
        long konst; /* `get(x)->mode == K`: the side that is no constant */
        bool right = k == CXCursor_BinaryOperator && n == 2 &&
                     parse_int_constant(b->kids.v[base], &konst);
        c = n && (k != CXCursor_BinaryOperator || n == 2) ? parse_peel(b->kids.v[base + right])
                                                          : clang_getNullCursor();
        b->kids.n = base;
        if (clang_Cursor_isNull(c))
            return NULL;
    }
    if (clang_getCursorKind(c) != CXCursor_CallExpr ||
        !(build_calls_accessor(b, c) || calls_unseen_function(c) || calls_one_return_getter(c)))
        return NULL;
    const char *call = stable_call_text(b, c, var);
    return call && !strchr(call, '\n') ? arena_printf(b->a, "%s@%s", path, call) : NULL;
}

/* `(r = f())` tests r, as stored: the local, or v itself when it is no
 * store to a local. */
static CXCursor stored_local(struct builder *b, CXCursor v)
{
    size_t base = b->kids.n;
    if (clang_getCursorKind(v) == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(v) == CXBinaryOperator_Assign &&
        parse_children(v, &b->kids) == 2) {
        CXCursor lhs = parse_peel(b->kids.v[base]);
        if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr && build_var_id(b, lhs, false) >= 0)
            v = lhs;
    }
    b->kids.n = base;
    return v;
}

/* The value a condition tests, as a key shared by every branch on the same
 * value: `x`, `!x`, `x != 0` and `x == 0` all test "x". Calls are not
 * keys: they may answer differently each time, unless they call an
 * accessor with stable arguments. */
static void condition_key(struct builder *b, CXCursor c, struct cfg_cond *cc)
{
    cc->key = -1;
    CXCursor v = parse_peel(c);
    size_t base = b->kids.n;
    if ((cc->op == CMP_EQ || cc->op == CMP_NE) && cc->k == 0 &&
        clang_getCursorKind(v) == CXCursor_BinaryOperator &&
        (clang_getCursorBinaryOperatorKind(v) == CXBinaryOperator_EQ ||
         clang_getCursorBinaryOperatorKind(v) == CXBinaryOperator_NE) &&
        parse_children(v, &b->kids) == 2) {
        long k;
        CXCursor l = b->kids.v[base], r = b->kids.v[base + 1];
        v = parse_int_constant(r, &k) ? parse_peel(l) : parse_peel(r);
        cc->negated = cc->op == CMP_EQ;
    }
    b->kids.n = base;
    v = stored_local(b, v);
    enum CXCursorKind kind = clang_getCursorKind(v);
    bool unseen = kind == CXCursor_CallExpr && cc->try_event < 0 && cc->try_var < 0 &&
                  calls_unseen_function(v);
    if (kind == CXCursor_CallExpr &&
        (build_calls_accessor(b, v) || calls_pure_library(b, v) || unseen)) {
        int var;
        const char *text = stable_call_text(b, v, &var);
        if (text)
            cc->key = intern_key(b, text, var);
        return;
    }
    if (kind == CXCursor_CallExpr || kind == CXCursor_IntegerLiteral)
        return;
    int var, var2 = -1;
    b->path_index_var[0] = b->path_index_var[1] = -1;
    const char *text = build_value_path(b, v, &var);
    if (text && strstr(text, "()")) {
        const char *via = kind == CXCursor_MemberRefExpr || kind == CXCursor_BinaryOperator
                              ? through_stable_call(b, v, text, &var)
                              : NULL;
        if (via)
            cc->key = intern_key(b, via, var);
        return;
    }
    if (!text)
        return;
    if (strchr(text, '[')) { /* another element next time, unless by a variable */
        text = element_key_text(b, text, kind == CXCursor_MemberRefExpr, &var2);
        b->path_index_var[0] = b->path_index_var[1] = -1;
        if (!text)
            return;
        cc->key = intern_key2(b, text, var, var2);
        return;
    }
    if (kind != CXCursor_DeclRefExpr && kind != CXCursor_MemberRefExpr &&
        !stable_expression(b, v, &var, &var2))
        return;
    cc->key = intern_key2(b, symmetric_text(b, v, text, &cc->negated), var, var2);
}

/* The key of a field's or a global's value (`h->next`, `tab[i].head`,
 * `g_list`) as its tests name it, or -1. */
static int stored_value_key(struct builder *b, CXCursor from)
{
    enum CXCursorKind kind = clang_getCursorKind(from);
    CXCursor d = clang_getCursorReferenced(from);
    if (kind != CXCursor_MemberRefExpr &&
        !(kind == CXCursor_DeclRefExpr && clang_getCursorKind(d) == CXCursor_VarDecl &&
          clang_Cursor_hasVarDeclGlobalStorage(d) == 1))
        return -1;
    struct cfg_cond cc = {.op = CMP_NE, .k = 0, .key = -1, .try_event = -1, .try_var = -1,
                          .param = -1};
    condition_key(b, from, &cc);
    return cc.negated ? -1 : cc.key;
}

/* Flags (`locked = 1` where the lock is taken, `if (locked) unlock()`
 * later) correlate like branches on the same value; a local copied from
 * another (`e = e_all;`) is known as that one is, and so is one given a
 * field's value the path tested (`if (!h->next) return; f = h->next;
 * while (f)` enters the loop), as a second test of that field would be. */
void build_flag_fact(struct builder *b, const char *name, int var, CXCursor value,
                     struct cfg_loc loc)
{
    if (var < 0)
        return;
    build_field_fact(b, name, var, value, loc);
    CXCursor from = parse_peel(value);
    int field_key = stored_value_key(b, from);
    if (field_key >= 0) {
        build_event(b, (struct cfg_event){.kind = EV_COPY_FACT,
                                          .lock = (unsigned)intern_key(b, name, var),
                                          .result_var = field_key, .loc = loc});
        return;
    }
    int from_var = clang_getCursorKind(from) == CXCursor_DeclRefExpr ? build_var_id(b, from, false)
                                                                      : -1;
    if (from_var >= 0 && from_var != var) { /* `e = e_all;` */
        build_event(b, (struct cfg_event){
                           .kind = EV_COPY_FACT, .lock = (unsigned)intern_key(b, name, var),
                           .result_var = intern_key(b, parse_spelling(b->a, from), from_var),
                           .loc = loc});
        /* `found = i;` of a counter: a later `if (found < 0)` is "not found" */
        if (build_counts_up(b, clang_getCursorReferenced(from)))
            build_event(b, (struct cfg_event){.kind = EV_FACT,
                                              .lock = (unsigned)intern_key(b, name, var),
                                              .result_var = -1, .loc = loc, .ret = RET_NONNEG});
    }
}

/* The value constant *v has once stored in an object of type t: `unsigned
 * u = -1;` holds UINT_MAX. False when it cannot be said in a long (a
 * negative constant in a 64-bit unsigned). */
static bool stored_value(CXType t, long *v)
{
    static const enum CXTypeKind unsigned_kinds[] = {CXType_Bool, CXType_Char_U, CXType_UChar,
                                                     CXType_UShort, CXType_UInt, CXType_ULong,
                                                     CXType_ULongLong};
    bool is_unsigned = false;
    for (unsigned i = 0; i < sizeof unsigned_kinds / sizeof *unsigned_kinds; i++)
        is_unsigned |= t.kind == unsigned_kinds[i];
    if (!is_unsigned || *v >= 0)
        return true;
    long long size = clang_Type_getSizeOf(t);
    if (size <= 0 || size >= (long long)sizeof(long))
        return false;
    *v &= (1L << (8 * size)) - 1;
    return true;
}

void build_constant_fact(struct builder *b, const char *name, int var, long v, struct cfg_loc loc)
{
    build_event(b, (struct cfg_event){.kind = EV_FACT, .lock = (unsigned)intern_key(b, name, var),
                                      .write = v != 0, .result_var = -1, .loc = loc,
                                      .ret = RET_CONST, .ret_value = v});
}

/* `flags &= ~MAY_MOVE;`, `flags |= LOCKED;`: the bits the store clears
 * or sets are known, and decide later bit tests of them (`if (flags &
 * MAY_MOVE)`) as a stored constant would. */
void build_bits_fact(struct builder *b, CXCursor store, CXCursor target, CXCursor value, int var)
{
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(store);
    long k;
    if ((op != CXBinaryOperator_AndAssign && op != CXBinaryOperator_OrAssign) ||
        !parse_int_constant(value, &k))
        return;
    bool clears = op == CXBinaryOperator_AndAssign;
    build_event(b, (struct cfg_event){.kind = EV_FACT,
                                      .lock = (unsigned)intern_key(b, parse_spelling(b->a, target), var),
                                      .result_var = -1, .loc = parse_cursor_loc(store),
                                      .ret = clears ? RET_BITS_CLEAR : RET_BITS_SET,
                                      .ret_value = clears ? ~k : k});
}

/* A call the rules say always returns one value, as a constant. */
static bool always_returns(struct builder *b, CXCursor value, long *v)
{
    if (clang_getCursorKind(value) != CXCursor_CallExpr)
        return false;
    const struct lock_rule *r = model_function(b->t->model, parse_spelling(b->a, value));
    if (!r || !r->always_returns)
        return false;
    *v = r->always_returns_value;
    return true;
}

void build_field_fact(struct builder *b, const char *name, int var, CXCursor value,
                      struct cfg_loc loc)
{
    long v;
    CXType stored = clang_getCanonicalType(clang_getCursorType(value));
    value = parse_peel(value);
    size_t base = b->kids.n; /* `(unlock(m), 0)`: the value of a comma is its right side */
    if (clang_getCursorKind(value) == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(value) == CXBinaryOperator_Comma &&
        parse_children(value, &b->kids) == 2)
        value = b->kids.v[base + 1];
    b->kids.n = base;
    bool address = clang_getCursorKind(value) == CXCursor_UnaryOperator &&
                   clang_getCursorUnaryOperatorKind(value) == CXUnaryOperator_AddrOf;
    if (!address && !parse_int_constant(value, &v) && !always_returns(b, value, &v))
        return;
    /* `wq = &qhp->wq;`: an object's address is never NULL */
    struct cfg_event ev = {.kind = EV_FACT, .lock = (unsigned)intern_key(b, name, var),
                           .write = address || v != 0, .result_var = -1, .loc = loc};
    ev.ret = !address && stored_value(stored, &v) ? RET_CONST : RET_OTHER;
    ev.ret_value = address ? 0 : v;
    build_event(b, ev);
}

/* The key of value `base` compared with constant k (op a positive form:
 * "st == -1", "n < 4"), kept with its comparison (cfg_key_cmp) so that a
 * constant stored in the value decides it and tests of one value relate
 * (keyrel.h). */
static int compared_key(struct builder *b, int base, enum cfg_cmp op, const char *spelling,
                        long k)
{
    const char *text = b->key_text.v[base];
    int key = intern_key(b, arena_printf(b->a, "%s %s %ld", text, spelling, k), b->key_var.v[base]);
    b->key_cmp.v[key] = (struct cfg_key_cmp){.base = base, .op = op, .k = k, .next = -1};
    return key;
}

/* Whether c is written with a cast of its own (`(uint8_t)x`): it tests
 * another value than the variable under it. Conversions the compiler adds
 * (a char promoted to int) keep the value. */
static bool cast_in(struct builder *b, CXCursor c)
{
    for (;;) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k == CXCursor_CStyleCastExpr)
            return true;
        if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr)
            return false;
        size_t base = b->kids.n;
        unsigned n = parse_children(c, &b->kids);
        CXCursor child = b->kids.v[base];
        b->kids.n = base;
        if (n != 1)
            return false;
        c = child;
    }
}

int build_switch_key(struct builder *b, CXCursor value)
{
    CXCursor v = parse_peel(value);
    enum CXCursorKind kind = clang_getCursorKind(v);
    if ((kind != CXCursor_DeclRefExpr && kind != CXCursor_MemberRefExpr) || cast_in(b, value))
        return -1;
    int var;
    const char *text = build_value_path(b, v, &var);
    if (!text || strstr(text, "()") || strchr(text, '['))
        return -1;
    return intern_key(b, text, var);
}

int build_case_key(struct builder *b, int base, long k)
{
    return compared_key(b, base, CMP_EQ, "==", k);
}

/* `st != -1`, `(st != (-1))` in a macro's body and `-1 == st` test one
 * thing: they share a key named by the value's own key and the comparison
 * made positive (`st == -1`, negated), and a constant stored in st
 * (`st = -1;`) decides it (cfg_key_cmp). A value that is no local or
 * field path keeps the key condition_key gave it. */
static void key_by_compared_value(struct builder *b, CXCursor value, struct cfg_cond *cc)
{
    if (cc->key < 0 || cc->op == CMP_NONE ||
        ((cc->op == CMP_EQ || cc->op == CMP_NE) && cc->k == 0))
        return; /* `st == 0` is keyed by st already */
    value = parse_peel(value);
    enum CXCursorKind kind = clang_getCursorKind(value);
    if (kind != CXCursor_DeclRefExpr && kind != CXCursor_MemberRefExpr)
        return;
    int var;
    const char *text = build_value_path(b, value, &var);
    if (!text || strstr(text, "()") || strchr(text, '['))
        return;
    static const struct { enum cfg_cmp op, positive; bool negated; const char *spelling; } forms[] = {
        {CMP_EQ, CMP_EQ, false, "=="}, {CMP_NE, CMP_EQ, true, "=="},
        {CMP_LT, CMP_LT, false, "<"},  {CMP_GE, CMP_LT, true, "<"},
        {CMP_LE, CMP_LE, false, "<="}, {CMP_GT, CMP_LE, true, "<="},
        {CMP_AND, CMP_AND, false, "&"},
    };
    unsigned f = 0;
    while (f < sizeof forms / sizeof *forms && forms[f].op != cc->op)
        f++;
    if (f == sizeof forms / sizeof *forms)
        return;
    cc->key = compared_key(b, intern_key(b, text, var), forms[f].positive, forms[f].spelling,
                           cc->k);
    cc->negated = forms[f].negated;
}

static void build_leaf(struct builder *b, CXCursor c, unsigned t, unsigned f)
{
    b->last_lock_event = -1;
    build_expr(b, c);
    struct cfg_cond cc = {.loc = parse_cursor_loc(c), .op = CMP_NONE, .try_event = -1,
                          .try_var = -1, .key = -1, .param = -1};
    parse_cursor_offsets(c, &cc.text_begin, &cc.text_end);
    cc.in_macro = build_macro_condition(b, c);
    CXCursor value;
    leaf_test(b, c, &cc, &value);
    condition_key(b, c, &cc);
    if (b->entry_key_text) { /* the first test of a counted loop */
        cc.key = intern_key(b, b->entry_key_text, b->entry_key_var);
        cc.negated = false;
    } else {
        key_by_compared_value(b, value, &cc);
    }
    VEC_PUSH(b->conds, cc);
    int idx = (int)b->conds.n - 1;
    build_edge(b, b->cur, t, EDGE_TRUE, idx);
    build_edge(b, b->cur, f, EDGE_FALSE, idx);
    b->last_lock_event = -1;
}

/* `__builtin_constant_p(x)`: the compiler's answer whether x is a
 * constant; x itself is never evaluated. */
static bool asks_if_constant(CXCursor c)
{
    if (clang_getCursorKind(c) != CXCursor_CallExpr)
        return false;
    CXString name = clang_getCursorSpelling(c);
    bool is = !strcmp(clang_getCString(name), "__builtin_constant_p");
    clang_disposeString(name);
    return is;
}

/* A call, store or statement expression outside the operand of a sizeof
 * or a __builtin_constant_p (which is never evaluated): *(bool *)data
 * set. */
static enum CXChildVisitResult scan_effects(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_UnaryExpr || asks_if_constant(c)) /* sizeof, _Alignof */
        return CXChildVisit_Continue;
    struct key_scan scan = {NULL, -1, -1, 0, false};
    if (k != CXCursor_ArraySubscriptExpr)
        scan_key(c, c, &scan);
    if (scan.unstable) {
        *(bool *)data = true;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

/* Whether c is a constant expression made of operators (`sizeof(x) >
 * sizeof(uint64_t)`, `FLAGS & 4`): no call, store or statement in it,
 * which the evaluation would fold away with their effects. */
static bool operator_constant(CXCursor c, long *v)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_BinaryOperator && k != CXCursor_UnaryOperator)
        return false;
    if (k == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Comma)
        return false;
    bool effects = false;
    scan_effects(c, c, &effects);
    if (!effects)
        clang_visitChildren(c, scan_effects, &effects);
    return !effects && parse_int_constant(c, v);
}

/* `if (setjmp(env))`, or a test of a local set from it (glibc's
 * pthread_cleanup_push tests `__not_first_call`): the non-zero side runs
 * when a longjmp or a cancellation comes back, from some later point whose
 * lock state is not this one's; no finding can stand on a path through
 * it, so only the first return is followed. */
static bool second_return_cond(struct builder *b, CXCursor c, unsigned f)
{
    bool twice = build_returns_twice(b, c);
    if (!twice && clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
        int var = build_var_id(b, c, false);
        twice = var >= 0 && (size_t)var < b->nvalues && b->values[var].from_setjmp;
    }
    if (!twice)
        return false;
    b->returns_twice_seen = true;
    build_expr(b, c);
    build_edge(b, b->cur, f, EDGE_PLAIN, -1);
    build_dead_end(b);
    return true;
}

struct return_scan {
    long value;
    unsigned n;
    bool other; /* a return of anything else, or with no value */
};

static enum CXChildVisitResult scan_return(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct return_scan *r = data;
    if (clang_getCursorKind(c) != CXCursor_ReturnStmt)
        return CXChildVisit_Recurse;
    struct cursor_stack st = {0};
    long v = 0;
    unsigned n = parse_children(c, &st);
    if (n != 1 || !parse_int_constant(st.v[0], &v) || (r->n && v != r->value))
        r->other = true;
    r->value = v;
    r->n++;
    free(st.v);
    return r->other ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* The one constant every return of the called function gives, when its
 * body ends in a return (`static inline unsigned unlock_and_zero(m) {
 * unlock(m); return 0; }`); NULL otherwise. Kept per function name: a
 * condition calls the same few helpers again and again. */
static const long *constant_return(struct builder *b, CXCursor call)
{
    static const long none;
    CXCursor callee = clang_getCursorReferenced(call);
    if (clang_getCursorKind(callee) != CXCursor_FunctionDecl)
        return NULL; /* (a pointer's target is no function of the file) */
    const char *name = parse_spelling(b->a, callee);
    const long *known = strmap_get(&b->t->constant_returns, name);
    if (known)
        return known == &none ? NULL : known;
    struct cursor_stack body = {0};
    unsigned nb = called_body(call, &body);
    struct return_scan r = {0, 0, false};
    for (unsigned i = 0; nb && clang_getCursorKind(body.v[nb - 1]) == CXCursor_ReturnStmt &&
                         i < nb && !r.other;
         i++)
        if (scan_return(body.v[i], body.v[i], &r) == CXChildVisit_Recurse)
            clang_visitChildren(body.v[i], scan_return, &r);
    free(body.v);
    long *value = NULL;
    if (r.n && !r.other) {
        value = arena_alloc(b->t->a, sizeof *value);
        *value = r.value;
    }
    strmap_put(&b->t->constant_returns, arena_strdup(b->t->a, name), value ? value : (void *)&none);
    return value;
}

/* The one value call c gives in a correct program: its rule says so
 * (`pthread_mutex_unlock` returns 0 unless the caller does not hold the
 * mutex), or every return of its body gives that constant. */
static bool call_constant(struct builder *b, CXCursor c, long *v)
{
    const long *body = NULL;
    if (always_returns(b, c, v))
        return true;
    if (clang_getCursorKind(c) == CXCursor_CallExpr && (body = constant_return(b, c)))
        *v = *body;
    return body != NULL;
}

/* `pthread_mutex_unlock(m) != 0`, `unlock(m) == EAGAIN`: a call with a
 * known value compared with a constant. The call is made, and the branch
 * goes where that value sends it; the other side is a path that does not
 * happen (a retry loop around a release does not release twice). */
static bool constant_compare_cond(struct builder *b, CXCursor c, size_t base, unsigned t,
                                  unsigned f)
{
    if (clang_getCursorKind(c) != CXCursor_BinaryOperator || parse_children(c, &b->kids) != 2)
        return false;
    CXCursor l = parse_peel(b->kids.v[base]), r = parse_peel(b->kids.v[base + 1]);
    b->kids.n = base;
    long k, v;
    bool mirrored = parse_int_constant(l, &k);
    CXCursor call = mirrored ? r : l;
    enum cfg_cmp op = compare_op(clang_getCursorBinaryOperatorKind(c), mirrored);
    if (op == CMP_NONE || (!mirrored && !parse_int_constant(r, &k)) || !call_constant(b, call, &v))
        return false;
    build_expr(b, call);
    build_edge(b, b->cur, cfg_cmp_holds(op, v, k) ? t : f, EDGE_PLAIN, -1);
    build_dead_end(b);
    return true;
}

/* A call of a function of this file (or an inline one of a header) whose
 * every return gives one constant, written into a loop condition as
 * `!done || unlock_and_zero(&m)`: the call is made, and the branch goes
 * where that constant sends it. */
static bool constant_call_cond(struct builder *b, CXCursor c, unsigned t, unsigned f)
{
    long value;
    if (!call_constant(b, c, &value))
        return false;
    build_expr(b, c);
    build_edge(b, b->cur, value ? t : f, EDGE_PLAIN, -1);
    build_dead_end(b);
    return true;
}

static bool constant_cond(struct builder *b, CXCursor c, unsigned t, unsigned f)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    long v; /* an enumerator is as constant as a literal: `!(ok ? R_SUCCESS : R_BUSY)`,
             * and so is a test the compiler decides: `sizeof(a) > sizeof(uint64_t)`,
             * `__builtin_constant_p(ERROR)` in an error macro's `if
             * (__builtin_constant_p(elevel) && elevel >= ERROR) unreachable();` */
    if (!operator_constant(c, &v) && !(asks_if_constant(c) && parse_int_constant(c, &v)) &&
        ((k != CXCursor_IntegerLiteral && k != CXCursor_CharacterLiteral &&
          k != CXCursor_DeclRefExpr) ||
         !parse_int_constant(c, &v)))
        return false;
    build_edge(b, b->cur, v ? t : f, EDGE_PLAIN, -1);
    build_dead_end(b);
    return true;
}

/* `(c ? K1 : K2) == K` (a status mapped from a lock call's result and then
 * checked, `RUNTIME_CHECK(isc_mutex_lock(m) == ISC_R_SUCCESS)`): each side
 * of c decides the comparison, so the branch is c's own. False when sel is
 * no conditional with constant arms or k no constant. */
static bool build_selected_constant_cond(struct builder *b, CXCursor sel, CXCursor k,
                                         bool not_equal, unsigned t, unsigned f)
{
    long want, arm[2];
    sel = parse_peel(sel);
    if (clang_getCursorKind(sel) != CXCursor_ConditionalOperator || !parse_int_constant(k, &want))
        return false;
    size_t base = b->kids.n;
    if (parse_children(sel, &b->kids) != 3 || !parse_int_constant(b->kids.v[base + 1], &arm[0]) ||
        !parse_int_constant(b->kids.v[base + 2], &arm[1])) {
        b->kids.n = base;
        return false;
    }
    CXCursor c = b->kids.v[base];
    unsigned side[2] = {build_new_block(b), build_new_block(b)};
    build_cond(b, c, side[0], side[1]);
    for (int i = 0; i < 2; i++) {
        b->cur = side[i];
        bool holds = (arm[i] == want) != not_equal;
        build_edge(b, b->cur, holds ? t : f, EDGE_PLAIN, -1);
        build_dead_end(b);
    }
    b->kids.n = base;
    return true;
}

/* Whether evaluating e again changes nothing and reads only locals and
 * constants: `err`, `!err`, `err == 0`. */
static bool plain_local_test(struct builder *b, CXCursor e)
{
    e = parse_peel(e);
    enum CXCursorKind k = clang_getCursorKind(e);
    if (k == CXCursor_DeclRefExpr) { /* (declared in the statements, it has no id yet) */
        CXCursor d = clang_getCursorReferenced(e);
        enum CXCursorKind dk = clang_getCursorKind(d);
        return dk == CXCursor_ParmDecl ||
               (dk == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(d) != 1);
    }
    if (k == CXCursor_IntegerLiteral)
        return true;
    size_t base = b->kids.n;
    unsigned n = parse_children(e, &b->kids);
    bool plain = false;
    if (k == CXCursor_UnaryOperator && n == 1)
        plain = clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_LNot &&
                plain_local_test(b, b->kids.v[base]);
    else if (k == CXCursor_BinaryOperator && n == 2) {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
        plain = op >= CXBinaryOperator_LT && op <= CXBinaryOperator_NE &&
                plain_local_test(b, b->kids.v[base]) && plain_local_test(b, b->kids.v[base + 1]);
    }
    b->kids.n = base;
    return plain;
}

/* `({ int err = trylock(m); ...; !err; })` as a condition: the
 * statements run, then the branch is on the last one's value, split as
 * any condition (`!err` sends the success of the try-lock to the false
 * side). Only a last value that reads locals plainly is tested again. */
static bool build_statement_cond(struct builder *b, CXCursor c, unsigned t, unsigned f)
{
    size_t base = b->kids.n;
    CXCursor body = parse_children(c, &b->kids) == 1 ? b->kids.v[base] : clang_getNullCursor();
    b->kids.n = base;
    if (clang_Cursor_isNull(body) || clang_getCursorKind(body) != CXCursor_CompoundStmt)
        return false;
    unsigned n = parse_children(body, &b->kids);
    CXCursor last = n ? b->kids.v[base + n - 1] : clang_getNullCursor();
    b->kids.n = base;
    if (clang_Cursor_isNull(last) || !clang_isExpression(clang_getCursorKind(last)) ||
        !plain_local_test(b, last))
        return false;
    build_expr(b, c);
    build_cond(b, last, t, f);
    return true;
}

/* Splits &&, ||, !, ?:, comma, statement expressions and __builtin_expect
 * into branches. */
static bool build_compound_cond(struct builder *b, CXCursor c, size_t base, unsigned t,
                                unsigned f)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_StmtExpr)
        return build_statement_cond(b, c, t, f);
    unsigned n = parse_children(c, &b->kids);
    if (k == CXCursor_UnaryOperator && n == 1 &&
        clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
        build_cond(b, b->kids.v[base], f, t);
        return true;
    }
    if (k == CXCursor_BinaryOperator && n == 2) {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
        CXCursor l = b->kids.v[base], r = b->kids.v[base + 1];
        if (op == CXBinaryOperator_Comma) {
            build_expr(b, l);
            build_cond(b, r, t, f);
            return true;
        }
        bool ne = op == CXBinaryOperator_NE;
        if ((op == CXBinaryOperator_EQ || ne) &&
            (build_selected_constant_cond(b, l, r, ne, t, f) ||
             build_selected_constant_cond(b, r, l, ne, t, f)))
            return true;
        if (op != CXBinaryOperator_LAnd && op != CXBinaryOperator_LOr)
            return false;
        unsigned mid = build_new_block(b);
        if (op == CXBinaryOperator_LAnd)
            build_cond(b, l, mid, f);
        else
            build_cond(b, l, t, mid);
        b->cur = mid;
        build_cond(b, r, t, f);
        return true;
    }
    if (k == CXCursor_ConditionalOperator && n == 3) {
        CXCursor x = b->kids.v[base + 1], y = b->kids.v[base + 2];
        unsigned xb = build_new_block(b), yb = build_new_block(b);
        build_cond(b, b->kids.v[base], xb, yb);
        b->cur = xb;
        build_cond(b, x, t, f);
        b->cur = yb;
        build_cond(b, y, t, f);
        return true;
    }
    if (k == CXCursor_CallExpr && n >= 2) {
        const char *name = parse_spelling(b->a, c);
        if (!strcmp(name, "__builtin_expect") || !strcmp(name, "__builtin_expect_with_probability")) {
            build_cond(b, b->kids.v[base + 1], t, f);
            return true;
        }
    }
    return false;
}

void build_cond(struct builder *b, CXCursor c, unsigned t, unsigned f)
{
    if (++b->depth > b->t->max_depth) {
        build_give_up_unread(b, c, "condition nested too deeply");
        b->depth--;
        return;
    }
    CXCursor p = parse_peel(c);
    size_t base = b->kids.n;
    if (!constant_cond(b, p, t, f) && !second_return_cond(b, p, f) &&
        !constant_call_cond(b, p, t, f) && !constant_compare_cond(b, p, base, t, f) &&
        !build_compound_cond(b, p, base, t, f)) {
        b->kids.n = base;
        build_leaf(b, c, t, f);
    }
    b->kids.n = base;
    b->depth--;
}


void build_cond_keyed(struct builder *b, CXCursor c, unsigned t, unsigned f, const char *text,
                      int var)
{
    b->entry_key_text = text;
    b->entry_key_var = var;
    build_leaf(b, c, t, f);
    b->entry_key_text = NULL;
}

/* The variable `v = E` or `T *v = E` stores into, and E; a null cursor
 * when init is neither. */
static CXCursor cursor_start(struct builder *b, CXCursor init, CXCursor *value)
{
    size_t base = b->kids.n;
    CXCursor var = clang_getNullCursor(), p = parse_peel(init);
    enum CXCursorKind k = clang_getCursorKind(p);
    if (k == CXCursor_DeclStmt && parse_children(p, &b->kids) == 1) {
        CXCursor d = b->kids.v[base];
        if (clang_getCursorKind(d) == CXCursor_VarDecl && parse_children(d, &b->kids) >= 1 &&
            clang_isExpression(clang_getCursorKind(b->kids.v[b->kids.n - 1]))) {
            var = d;
            *value = b->kids.v[b->kids.n - 1];
        }
    } else if (k == CXCursor_BinaryOperator &&
               clang_getCursorBinaryOperatorKind(p) == CXBinaryOperator_Assign &&
               parse_children(p, &b->kids) == 2) {
        CXCursor lhs = parse_peel(b->kids.v[base]);
        if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr) {
            var = clang_getCursorReferenced(lhs);
            *value = b->kids.v[base + 1];
        }
    }
    b->kids.n = base;
    return var;
}

/* The variable a counted loop's init sets to a constant (`i = 0`, `int
 * i = 0`), or a null cursor. */
static CXCursor counter_start(struct builder *b, CXCursor init, long *start)
{
    CXCursor value;
    CXCursor var = cursor_start(b, init, &value);
    return !clang_Cursor_isNull(var) && parse_int_constant(value, start) ? var
                                                                        : clang_getNullCursor();
}

/* Whether cond tests variable v for being nonzero: `v`, `v != NULL`. */
static bool tests_nonzero(struct builder *b, CXCursor cond, CXCursor v)
{
    CXCursor p = parse_peel(cond);
    size_t base = b->kids.n;
    if (clang_getCursorKind(p) == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(p) == CXBinaryOperator_NE &&
        parse_children(p, &b->kids) == 2) {
        long zero;
        CXCursor l = b->kids.v[base], r = b->kids.v[base + 1];
        b->kids.n = base;
        if (!parse_int_constant(r, &zero) || zero != 0)
            return false;
        p = parse_peel(l);
    }
    b->kids.n = base;
    return clang_getCursorKind(p) == CXCursor_DeclRefExpr &&
           clang_equalCursors(clang_getCursorReferenced(p), v);
}

/* The path E of `E` or `E - C` (a variable or a field, C a constant in
 * *minus), or NULL. */
static const char *path_minus_constant(struct builder *b, CXCursor value, long *minus, int *root)
{
    CXCursor v = parse_peel(value);
    *minus = 0;
    size_t base = b->kids.n;
    if (clang_getCursorKind(v) == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(v) == CXBinaryOperator_Sub &&
        parse_children(v, &b->kids) == 2) {
        CXCursor l = b->kids.v[base], r = b->kids.v[base + 1];
        b->kids.n = base;
        if (!parse_int_constant(r, minus))
            return NULL;
        v = parse_peel(l);
    }
    b->kids.n = base;
    enum CXCursorKind k = clang_getCursorKind(v);
    if (k != CXCursor_DeclRefExpr && k != CXCursor_MemberRefExpr)
        return NULL;
    const char *path = build_rooted_path(b, v, root);
    return path && *path && !strstr(path, "()") ? path : NULL;
}

/* `for (it = E; it; it = it->next)` with E a variable or a field (a list's
 * head): the first test is whether E is empty, whatever the cursor. */
static const char *list_entry_key(struct builder *b, CXCursor init, CXCursor cond, int *var)
{
    CXCursor value;
    CXCursor cursor = cursor_start(b, init, &value);
    if (clang_Cursor_isNull(cursor) || !tests_nonzero(b, cond, cursor))
        return NULL;
    long minus;
    int root = -1;
    const char *path = path_minus_constant(b, value, &minus, &root);
    if (!path || minus)
        return NULL;
    *var = root;
    return arena_printf(b->a, "%s != 0", path);
}

/* `for (i = E - C; i >= K; i--)`, the count down that releases in the
 * reverse order what `for (i = 0; i < E; i++)` took: its first test is
 * `E - C >= K`, which is `K + C - 1 < E`, the key of the count up from
 * K + C (`i > K` is `K + C < E`). */
static const char *countdown_entry_key(struct builder *b, CXCursor init, CXCursor cond, int *var)
{
    CXCursor value;
    CXCursor counter = cursor_start(b, init, &value);
    CXCursor p = parse_peel(cond);
    size_t base = b->kids.n;
    if (clang_Cursor_isNull(counter) || clang_getCursorKind(p) != CXCursor_BinaryOperator ||
        parse_children(p, &b->kids) != 2) {
        b->kids.n = base;
        return NULL;
    }
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(p);
    CXCursor l = parse_peel(b->kids.v[base]), r = b->kids.v[base + 1];
    b->kids.n = base;
    long k, minus;
    int root = -1;
    if ((op != CXBinaryOperator_GE && op != CXBinaryOperator_GT) ||
        clang_getCursorKind(l) != CXCursor_DeclRefExpr ||
        !clang_equalCursors(clang_getCursorReferenced(l), counter) || !parse_int_constant(r, &k))
        return NULL;
    const char *bound = path_minus_constant(b, value, &minus, &root);
    if (!bound)
        return NULL;
    *var = root;
    return arena_printf(b->a, "%ld < %s", k + minus - (op == CXBinaryOperator_GE), bound);
}

/* `for (i = C; i op E; ...)` with E a variable or a field: the first test
 * is `C op E`, whatever the loop's variable. Two loops over one range (lock
 * every shard, then unlock every shard) take their first test the same
 * way, so a path that locked in the first and skips the second can be
 * refuted. The same for two walks of one list (list_entry_key). */
const char *build_loop_entry_key(struct builder *b, CXCursor init, CXCursor cond, int *var)
{
    long start;
    if (clang_Cursor_isNull(init) || clang_Cursor_isNull(cond))
        return NULL;
    CXCursor counter = counter_start(b, init, &start);
    if (clang_Cursor_isNull(counter)) {
        const char *down = countdown_entry_key(b, init, cond, var);
        return down ? down : list_entry_key(b, init, cond, var);
    }
    CXCursor p = parse_peel(cond);
    size_t base = b->kids.n;
    if (clang_getCursorKind(p) != CXCursor_BinaryOperator ||
        parse_children(p, &b->kids) != 2) {
        b->kids.n = base;
        return NULL;
    }
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(p);
    CXCursor l = parse_peel(b->kids.v[base]), r = parse_peel(b->kids.v[base + 1]);
    b->kids.n = base;
    static const char *const ops[] = {[CXBinaryOperator_LT] = "<", [CXBinaryOperator_LE] = "<=",
                                      [CXBinaryOperator_GT] = ">", [CXBinaryOperator_GE] = ">=",
                                      [CXBinaryOperator_NE] = "!="};
    enum CXCursorKind rk = clang_getCursorKind(r);
    if ((unsigned)op >= sizeof ops / sizeof ops[0] || !ops[op] ||
        clang_getCursorKind(l) != CXCursor_DeclRefExpr ||
        !clang_equalCursors(clang_getCursorReferenced(l), counter) ||
        (rk != CXCursor_DeclRefExpr && rk != CXCursor_MemberRefExpr))
        return NULL;
    int root = -1;
    const char *bound = build_rooted_path(b, r, &root);
    if (!bound || !*bound)
        return NULL;
    *var = root;
    if (op == CXBinaryOperator_LE) /* `s <= E` is `s - 1 < E`: one key for both */
        return arena_printf(b->a, "%ld < %s", start - 1, bound);
    return arena_printf(b->a, "%ld %s %s", start, ops[op], bound);
}
