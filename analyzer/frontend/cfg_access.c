/* SPDX-License-Identifier: MIT
 * cfg_access: guarded data in expressions. Every read or write of a field
 * or variable that a lock guards becomes an EV_ACCESS event naming the
 * lock of that very object (the sibling field `mu` of `a->balance` is
 * `a->mu`). Taking an address is not an access; writing through `.` writes
 * the enclosing object too; data guarded through a pointer is accessed
 * when the pointer is dereferenced.
 *
 * Objects not yet shared: an object declared in this function, or one
 * whose pointer came straight from an allocator here, is being set up;
 * nobody else can see it, so its accesses are not checked. LIMIT: the
 * object stays "fresh" even after it escapes. */
#include <string.h>

#include "support/arena.h"
#include "frontend/cfg_build.h"
#include "frontend/contract.h"
#include "model/lockexpr.h"

void build_bad_annotation(struct builder *b, const char *problem, struct cfg_loc at, CXFile file,
                          CXCursor use)
{
    for (size_t i = 0; i < b->problems.n; i++)
        if (b->problems.v[i].message == problem)
            return;
    bool here = file && b->t->main_file && clang_File_isEqual(file, b->t->main_file);
    struct cfg_problem p = {problem, here ? at : parse_cursor_loc(use), here};
    VEC_PUSH(b->problems, p);
}

/* What is known of local var's stores, grown on first need. */
static struct var_value *value_of(struct builder *b, int var)
{
    if ((size_t)var >= b->nvalues) {
        size_t n = (size_t)var + 16;
        b->values = xrealloc(b->values, n * sizeof *b->values);
        memset(b->values + b->nvalues, 0, (n - b->nvalues) * sizeof *b->values);
        b->nvalues = n;
    }
    return &b->values[var];
}

void build_note_store(struct builder *b, int var, CXCursor value)
{
    if (var < 0)
        return;
    struct var_value *v = value_of(b, var);
    bool known = !clang_Cursor_isNull(value);
    v->copy_of = NULL;
    v->from_setjmp = known && build_returns_twice(b, value);
    long k = 0;
    bool constant = known && parse_int_constant(value, &k);
    if (!constant || (v->set && v->value != k))
        v->varied = true;
    if (!constant || (k != 0 && k != 1))
        v->not_flag = true;
    CXCursor peeled = known ? parse_peel(value) : value;
    if (!constant && (!known || clang_getCursorKind(peeled) != CXCursor_CallExpr))
        v->data = true;
    v->set = true;
    v->value = k;
    /* `locknum = i;`: i's value lives on in another variable */
    int source = known && clang_getCursorKind(peeled) == CXCursor_DeclRefExpr
                     ? build_var_id(b, peeled, false)
                     : -1;
    if (source >= 0 && source != var)
        value_of(b, source)->copied = true;
}

void build_note_copy(struct builder *b, int var, CXCursor decl, CXCursor init)
{
    enum CXTypeKind t = clang_getCanonicalType(clang_getCursorType(decl)).kind;
    CXCursor v = parse_peel(init);
    if (var < 0 || (size_t)var >= b->nvalues || t == CXType_Pointer || t == CXType_Record ||
        t == CXType_ConstantArray)
        return;
    int root;
    const char *path = clang_getCursorKind(v) == CXCursor_MemberRefExpr
                           ? build_value_path(b, v, &root)
                           : build_predicate_call_text(b, v, &root);
    /* a copy stored again somewhere (`finished = true;` on one branch,
     * perhaps after a `goto retry;` back above the test) is a value of
     * its own: which store a test sees is not known while lowering */
    if (path && !strstr(path, "()") && !strchr(path, '[') &&
        build_local_stores(b, decl) <= 1) {
        b->values[var].copy_of = path;
        b->values[var].copy_root = root;
        b->has_copies = true;
    }
}

const struct var_value *build_copy_of(const struct builder *b, int var)
{
    return var >= 0 && (size_t)var < b->nvalues && b->values[var].copy_of ? &b->values[var]
                                                                           : NULL;
}

void build_mark_fresh(struct builder *b, int var, bool fresh)
{
    if (var < 0)
        return;
    while (b->fresh.n <= (size_t)var)
        VEC_PUSH(b->fresh, false);
    b->fresh.v[var] = fresh;
}

static bool is_fresh(const struct builder *b, int var)
{
    return var >= 0 && (size_t)var < b->fresh.n && b->fresh.v[var];
}

bool build_is_alloc_call(struct builder *b, CXCursor e)
{
    e = parse_peel(e);
    if (clang_getCursorKind(e) != CXCursor_CallExpr)
        return false;
    const char *name = parse_spelling(b->a, e);
    return strstr(name, "alloc") || strstr(name, "_new") || strstr(name, "create") ||
           !strncmp(name, "new_", 4);
}

/* The object that holds the field c names: "*a" for a->f, "s" for s.f. */
static const char *holder_path(struct builder *b, CXCursor member)
{
    size_t base = b->kids.n;
    const char *r = NULL;
    if (parse_children(member, &b->kids)) {
        CXCursor obj = b->kids.v[base];
        const char *p = build_path(b, obj);
        CXType t = clang_getCanonicalType(clang_getCursorType(obj));
        r = t.kind == CXType_Pointer ? lockexpr_deref(b->a, p) : p;
    }
    b->kids.n = base;
    return r;
}

static const char *data_text(struct builder *b, CXCursor c, const char *fallback)
{
    unsigned begin, end;
    parse_cursor_offsets(c, &begin, &end);
    const char *src = b->t->source;
    if (src && begin < end && end <= b->t->source_len && end - begin <= 80 &&
        clang_Location_isFromMainFile(clang_getCursorLocation(c)) && !memchr(src + begin, '\n', end - begin))
        return arena_strndup(b->a, src + begin, end - begin);
    return fallback;
}

/* --infer-guards: an access to data nobody said is guarded, with what
 * would name a sibling lock of the same object. Lock objects themselves,
 * and objects of this function not yet shared, are not data. */
static bool const_type(CXType t)
{
    t = clang_getCanonicalType(t);
    for (int depth = 0; depth < 8; depth++) {
        if (clang_isConstQualifiedType(t))
            return true;
        if (t.kind != CXType_ConstantArray && t.kind != CXType_IncompleteArray)
            return false;
        t = clang_getCanonicalType(clang_getArrayElementType(t));
    }
    return false;
}

/* Data that cannot change needs no lock to be read: a const variable or
 * member, or a member or element of a const object reached without
 * leaving it through a pointer (`methods[1].flags` in a `static const
 * struct m methods[]`). A read through a pointer to const (`ctx->n` with
 * `const struct ctx *ctx`) may see writes made through other pointers. */
static bool read_only(struct builder *b, CXCursor access, CXCursor decl)
{
    if (const_type(clang_getCursorType(decl)))
        return true;
    CXCursor e = parse_peel(access);
    for (int depth = 0; depth < 16; depth++) {
        enum CXCursorKind k = clang_getCursorKind(e);
        if (k == CXCursor_DeclRefExpr)
            return const_type(clang_getCursorType(clang_getCursorReferenced(e)));
        if (k != CXCursor_MemberRefExpr && k != CXCursor_ArraySubscriptExpr)
            return false;
        size_t base = b->kids.n;
        unsigned n = parse_children(e, &b->kids);
        CXCursor inner = n ? parse_peel(b->kids.v[base]) : clang_getNullCursor();
        b->kids.n = base;
        if (!n || clang_getCanonicalType(clang_getCursorType(inner)).kind == CXType_Pointer)
            return false; /* through a pointer: another object */
        e = inner;
    }
    return false;
}

static void observe(struct builder *b, CXCursor c, CXCursor decl, enum CXCursorKind dk,
                    enum access_mode mode)
{
    const char *type = parse_str(b->a, clang_getTypeSpelling(clang_getCursorType(decl)));
    if (strmap_get(&b->t->model->lock_types, type) || read_only(b, c, decl))
        return; /* the lock itself, or data nobody can change */
    const char *cls, *prefix = NULL;
    b->path_local_root = false;
    b->path_root_var = -1;
    if (dk == CXCursor_FieldDecl) {
        const char *holder = holder_path(b, c);
        if (!holder || (b->path_local_root && (is_fresh(b, b->path_root_var) || b->path_root_var < 0)))
            return;
        cls = arena_printf(b->a, "%s.%s", parse_record_of(b->a, decl),
                           parse_spelling(b->a, decl));
        prefix = lockexpr_member(b->a, holder, "");
    } else {
        cls = parse_spelling(b->a, decl);
    }
    struct cfg_event ev = {.kind = EV_OBSERVE, .lock = 0, .result_var = -1,
                           .loc = parse_cursor_loc(c), .data = cls, .callee = prefix,
                           .text = data_text(b, c, parse_spelling(b->a, decl)),
                           .write = mode == ACC_WRITE};
    build_event(b, ev);
}

void build_access(struct builder *b, CXCursor c, enum access_mode mode, bool pointee)
{
    if (mode == ACC_NONE || b->no_access_checks)
        return;
    CXCursor decl = clang_getCursorReferenced(c);
    enum CXCursorKind dk = clang_getCursorKind(decl);
    if (dk != CXCursor_FieldDecl && (dk != CXCursor_VarDecl || !clang_Cursor_hasVarDeclGlobalStorage(decl)))
        return;
    const struct guard *g = guard_of(b->t, decl);
    if (g && g->problem) {
        build_bad_annotation(b, g->problem, g->problem_loc, g->problem_file, c);
        return;
    }
    if (!g && !pointee && b->t->observe) {
        observe(b, c, decl, dk, mode);
        return;
    }
    if (!g || g->pt != pointee)
        return;
    b->path_local_root = false;
    b->path_root_var = -1;
    const char *holder = dk == CXCursor_FieldDecl ? holder_path(b, c) : NULL;
    /* a sibling lock, or GUARDED_VAR's "some lock" of a field, needs the object */
    if (!holder && (g->sibling || (g->any && dk == CXCursor_FieldDecl)))
        return;
    if (b->path_local_root && (is_fresh(b, b->path_root_var) || b->path_root_var < 0))
        return; /* an object of this function, not yet shared */
    const char *args[1] = {holder};
    struct diag d;
    /* `&tx_lock` (the kernel's spelling) names the lock tx_lock itself. */
    const char *lock = g->lock[0] == '&' ? g->lock + 1 : g->lock;
    /* GUARDED_VAR names no lock of its own: only that one must be held */
    const char *key = g->any       ? CFG_ANY_LOCK
                      : g->sibling ? lockexpr_parse(b->a, arena_printf(b->a, "$0.%s", lock), args, 1, &d)
                                   : lockexpr_parse(b->a, lock, NULL, 0, &d);
    if (!g->sibling) { /* a lock of its own: the data's indexes do not name it */
        b->path_index_var[0] = b->path_index_var[1] = -1;
        b->path_index_text = NULL;
    }
    if (!key)
        return;
    const char *text = data_text(b, c, g->data);
    struct cfg_event ev = {.kind = EV_ACCESS,
                           .lock = build_lock_id(b, key, g->any ? "any lock" : key),
                           .result_var = -1, .loc = parse_cursor_loc(c),
                           .data = pointee ? arena_printf(b->a, "*%s", text) : text,
                           .write = mode == ACC_WRITE, .passed = b->passing};
    build_event(b, ev);
}

void build_passed_pointers(struct builder *b, CXCursor *args, unsigned nargs)
{
    if (!b->t->pointer_passing)
        return;
    for (unsigned i = 0; i < nargs; i++) {
        CXCursor a = parse_peel(args[i]);
        enum CXCursorKind k = clang_getCursorKind(a);
        bool pointee = true;
        size_t base = b->kids.n;
        if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(a) == CXUnaryOperator_AddrOf &&
            parse_children(a, &b->kids) == 1) {
            a = parse_peel(b->kids.v[base]);
            k = clang_getCursorKind(a);
            pointee = false;
        }
        b->kids.n = base;
        if (k != CXCursor_DeclRefExpr && k != CXCursor_MemberRefExpr)
            continue;
        if (pointee && clang_getCanonicalType(clang_getCursorType(a)).kind != CXType_Pointer)
            continue;
        b->passing = true;
        build_access(b, a, ACC_READ, pointee);
        b->passing = false;
    }
}
