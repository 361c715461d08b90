/* SPDX-License-Identifier: MIT
 * parse: libclang helpers (see parse.h). */
#include "frontend/parse.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

const char *parse_str(struct arena *a, CXString s)
{
    const char *c = clang_getCString(s);
    const char *copy = arena_strdup(a, c ? c : "");
    clang_disposeString(s);
    return copy;
}

const char *parse_record_of(struct arena *a, CXCursor field)
{
    CXType record = clang_getCursorType(clang_getCursorSemanticParent(field));
    return parse_str(a, clang_getTypeSpelling(record));
}

const char *parse_spelling(struct arena *a, CXCursor c)
{
    return parse_str(a, clang_getCursorSpelling(c));
}

struct cfg_loc parse_location(CXSourceLocation loc, CXFile *file)
{
    struct cfg_loc r = {0, 0, 0};
    CXFile f = NULL;
    clang_getExpansionLocation(loc, &f, &r.line, &r.column, &r.offset);
    if (file)
        *file = f;
    return r;
}

struct cfg_loc parse_cursor_loc(CXCursor c)
{
    return parse_location(clang_getCursorLocation(c), NULL);
}

void parse_cursor_offsets(CXCursor c, unsigned *begin, unsigned *end)
{
    CXSourceRange r = clang_getCursorExtent(c);
    *begin = parse_location(clang_getRangeStart(r), NULL).offset;
    *end = parse_location(clang_getRangeEnd(r), NULL).offset;
}

CXSourceRange parse_file_range(CXTranslationUnit tu, CXSourceLocation begin, CXSourceLocation end)
{
    CXFile fb = NULL, fe = NULL;
    unsigned ob = 0, oe = 0;
    clang_getExpansionLocation(begin, &fb, NULL, NULL, &ob);
    clang_getExpansionLocation(end, &fe, NULL, NULL, &oe);
    if (!fb || !fe || !clang_File_isEqual(fb, fe) || ob > oe)
        return clang_getRange(begin, end);
    return clang_getRange(clang_getLocationForOffset(tu, fb, ob),
                          clang_getLocationForOffset(tu, fb, oe));
}

bool parse_in_main_file(CXCursor c, CXFile main_file)
{
    CXFile f = NULL;
    parse_location(clang_getCursorLocation(c), &f);
    return f && clang_File_isEqual(f, main_file);
}

static enum CXChildVisitResult push_child(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct cursor_stack *st = data;
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 256;
        st->v = xrealloc(st->v, st->cap * sizeof *st->v);
    }
    st->v[st->n++] = c;
    return CXChildVisit_Continue;
}

unsigned parse_children(CXCursor c, struct cursor_stack *st)
{
    size_t before = st->n;
    clang_visitChildren(c, push_child, st);
    return (unsigned)(st->n - before);
}

struct first_two {
    CXCursor first;
    unsigned n;
};

static enum CXChildVisitResult count_two(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct first_two *ft = data;
    /* the type of `(pthread_mutex_t *) p`, or the parameters of
     * `(void (*)(void *)) f`: not an operand */
    if (clang_isReference(clang_getCursorKind(c)) || clang_isDeclaration(clang_getCursorKind(c)))
        return CXChildVisit_Continue;
    if (ft->n++ == 0)
        ft->first = c;
    return ft->n < 2 ? CXChildVisit_Continue : CXChildVisit_Break;
}

/* Called for every peel: no heap, and it stops at the second child. */
static bool single_child(CXCursor c, CXCursor *child)
{
    struct first_two ft = {clang_getNullCursor(), 0};
    clang_visitChildren(c, count_two, &ft);
    if (ft.n == 1)
        *child = ft.first;
    return ft.n == 1;
}

static enum CXChildVisitResult keep_last(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (!clang_isReference(clang_getCursorKind(c)) && !clang_isDeclaration(clang_getCursorKind(c)))
        *(CXCursor *)data = c;
    return CXChildVisit_Continue;
}

bool parse_cast_operand(CXCursor cast, CXCursor *operand)
{
    CXCursor last = clang_getNullCursor();
    clang_visitChildren(cast, keep_last, &last);
    if (clang_Cursor_isNull(last))
        return false;
    *operand = last;
    return true;
}

/* Raw range comparison: no expansion-location lookups (this runs for
 * every implicit cast). */
static bool same_extent(CXCursor a, CXCursor b)
{
    return clang_equalRanges(clang_getCursorExtent(a), clang_getCursorExtent(b)) != 0;
}

CXCursor parse_peel(CXCursor c)
{
    for (;;) {
        enum CXCursorKind k = clang_getCursorKind(c);
        CXCursor child;
        if (k != CXCursor_ParenExpr && k != CXCursor_CStyleCastExpr &&
            k != CXCursor_UnexposedExpr)
            return c;
        /* a cast to a type written with typeof(expr) shows that
         * expression first: its operand is the last child */
        if (!single_child(c, &child) &&
            (k != CXCursor_CStyleCastExpr || !parse_cast_operand(c, &child)))
            return c;
        if (k == CXCursor_UnexposedExpr && !same_extent(c, child))
            return c; /* LIBCLANG 19: a RecoveryExpr (code with errors), not a cast */
        c = child;
    }
}

bool parse_int_constant(CXCursor c, long *value)
{
    c = parse_peel(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_IntegerLiteral && k != CXCursor_CharacterLiteral &&
        k != CXCursor_DeclRefExpr && k != CXCursor_UnaryOperator &&
        k != CXCursor_BinaryOperator)
        return false;
    if (k == CXCursor_DeclRefExpr &&
        clang_getCursorKind(clang_getCursorReferenced(c)) != CXCursor_EnumConstantDecl)
        return false;
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (!r)
        return false;
    bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok)
        *value = (long)clang_EvalResult_getAsLongLong(r);
    clang_EvalResult_dispose(r);
    return ok;
}

struct inclusions {
    struct arena *a;
    const char *dir;
    const char **v;
    unsigned n, cap;
};

static void visit_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth,
                            CXClientData data)
{
    (void)stack;
    (void)depth;
    struct inclusions *in = data;
    const char *name = parse_str(in->a, clang_getFileName(file));
    if (in->dir && name[0] != '/')
        name = arena_printf(in->a, "%s/%s", in->dir, name);
    if (in->n == in->cap) {
        unsigned cap = in->cap ? in->cap * 2 : 64;
        const char **v = arena_alloc(in->a, cap * sizeof *v);
        if (in->n)
            memcpy(v, in->v, in->n * sizeof *v);
        in->v = v;
        in->cap = cap;
    }
    in->v[in->n++] = name;
}

const char **parse_included_files(struct arena *a, CXTranslationUnit tu, const char *dir,
                                  unsigned *n)
{
    struct inclusions in = {.a = a, .dir = dir};
    clang_getInclusions(tu, visit_inclusion, &in);
    *n = in.n;
    return in.v;
}

/* The class of the lock object a pointer expression designates:
 * "&a->mu" -> "struct account.mu", "&g_lock" -> "g_lock". */
const char *parse_lock_class(struct arena *a, struct cursor_stack *kids, CXCursor arg,
                             CXCursor *decl_out)
{
    CXCursor c = parse_peel(arg);
    bool addr = clang_getCursorKind(c) == CXCursor_UnaryOperator &&
                clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf;
    enum CXCursorKind ck = clang_getCursorKind(c);
    /* A pointer field or global that points to the lock stands for it. */
    if (!addr && ck != CXCursor_MemberRefExpr && ck != CXCursor_DeclRefExpr)
        return NULL;
    size_t base = kids->n;
    const char *r = NULL;
    if (!addr || parse_children(c, kids) == 1) {
        CXCursor obj = addr ? parse_peel(kids->v[base]) : c;
        bool index = clang_getCursorKind(obj) == CXCursor_ArraySubscriptExpr;
        if (index && parse_children(obj, kids) == 2)
            obj = parse_peel(kids->v[base + 1]);
        CXCursor decl = clang_getCursorReferenced(obj);
        enum CXCursorKind k = clang_getCursorKind(decl);
        *decl_out = decl;
        if (k == CXCursor_FieldDecl) {
            r = arena_printf(a, "%s.%s%s", parse_record_of(a, decl),
                             parse_spelling(a, decl), index ? "[]" : "");
        } else if (k == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(decl)) {
            r = arena_printf(a, "%s%s", parse_spelling(a, decl), index ? "[]" : "");
        }
    }
    kids->n = base;
    return r;
}

bool parse_type_named(CXType t, bool (*is)(const char *spelling, const void *ctx),
                      const void *ctx)
{
    for (unsigned depth = 0; depth < 8 && t.kind != CXType_Invalid; depth++) {
        CXString sp = clang_getTypeSpelling(clang_getUnqualifiedType(t));
        const char *name = clang_getCString(sp);
        bool yes = name && is(name, ctx);
        clang_disposeString(sp);
        if (yes)
            return true;
        if (t.kind == CXType_Elaborated)
            t = clang_Type_getNamedType(t);
        else if (t.kind == CXType_Typedef)
            t = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(t));
        else
            return false;
    }
    return false;
}

CXType parse_pointee(CXType t)
{
    for (unsigned i = 0; i < 8 && t.kind != CXType_Pointer; i++) {
        if (t.kind == CXType_Elaborated)
            t = clang_Type_getNamedType(t);
        else if (t.kind == CXType_Typedef)
            t = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(t));
        else
            break;
    }
    if (t.kind == CXType_Pointer)
        return clang_getPointeeType(t);
    CXType invalid = {.kind = CXType_Invalid};
    return invalid;
}
