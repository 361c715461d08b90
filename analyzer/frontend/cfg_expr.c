/* SPDX-License-Identifier: MIT
 * cfg_expr: expressions -> events, and the access paths that name locks.
 * `&&`, `||`, `?:` and `!` become branches even in value context, so a lock
 * call inside them counts only on the paths where it runs (cfg_cond.c);
 * calls go to cfg_call.c. Paths are built with the lockexpr constructors;
 * stores to locals and guarded data become events here. */
#include "frontend/cfg_build.h"

#include <stdint.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "support/arena.h"
#include "model/lockexpr.h"

static const char *cursor_path(struct builder *b, CXCursor c, int depth);
static unsigned lock_id(struct builder *b, const char *key, const char *display);

struct first_field {
    CXCursor field;
    bool found;
};

static enum CXVisitorResult take_first_field(CXCursor field, CXClientData data)
{
    struct first_field *f = data;
    f->field = field;
    f->found = true;
    return CXVisit_Break;
}

/* The members of a union share its storage, so every path into one names
 * the union itself: a mutex-or-spinlock union chosen at run time is one
 * lock whichever member a function takes or releases. A member of an
 * anonymous union, reached as a member of the enclosing struct, is named
 * by the union's first member. Returns NULL for a member of a struct. */
static const char *union_member_path(struct builder *b, CXCursor member, const char *obj)
{
    CXCursor field = clang_getCursorReferenced(member);
    if (clang_getCursorKind(field) != CXCursor_FieldDecl)
        return NULL;
    CXCursor u = clang_getCursorSemanticParent(field);
    if (clang_getCursorKind(u) != CXCursor_UnionDecl)
        return NULL;
    if (!clang_Cursor_isAnonymous(u))
        return obj;
    struct first_field f = {.found = false};
    clang_Type_visitFields(clang_getCursorType(u), take_first_field, &f);
    return f.found ? lockexpr_member(b->a, obj, parse_spelling(b->a, f.field)) : NULL;
}

static const char *member_path(struct builder *b, CXCursor c, int depth)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(c, &b->kids);
    const char *field = parse_spelling(b->a, c);
    const char *r;
    if (n == 0) {
        r = field; /* implicit member of an anonymous aggregate */
    } else {
        CXCursor obj = b->kids.v[base];
        const char *p = cursor_path(b, obj, depth + 1);
        CXType t = clang_getCanonicalType(clang_getCursorType(obj));
        if (t.kind == CXType_Pointer)
            p = lockexpr_deref(b->a, p);
        r = union_member_path(b, c, p);
        if (!r)
            r = lockexpr_member(b->a, p, field);
    }
    b->kids.n = base;
    return r;
}

/* An expression written as a macro's argument (`assert(!(flags & R))`)
 * has no extent of its own in the file: where it is spelled, when that is
 * after the macro's name in the same file (an argument, not the macro's
 * definition, whose text names the macro's parameters). */
static void macro_argument_offsets(CXCursor c, unsigned *begin, unsigned *end)
{
    CXSourceRange r = clang_getCursorExtent(c);
    CXFile ef = NULL, bf = NULL, endf = NULL;
    unsigned use = 0, sb = 0, se = 0;
    clang_getExpansionLocation(clang_getRangeStart(r), &ef, NULL, NULL, &use);
    clang_getSpellingLocation(clang_getRangeStart(r), &bf, NULL, NULL, &sb);
    clang_getSpellingLocation(clang_getRangeEnd(r), &endf, NULL, NULL, &se);
    if (ef && bf && endf && clang_File_isEqual(ef, bf) && clang_File_isEqual(bf, endf) &&
        sb > use && se > sb) {
        *begin = sb;
        *end = se;
    }
}

/* Whether src[begin, end) has as many ')' as '(' and never closes one
 * first: the text of one argument, not an argument and a piece of the
 * macro's call around it (an expression ending in a macro's body). */
static bool balanced(const char *src, unsigned begin, unsigned end)
{
    int depth = 0;
    for (unsigned i = begin; i < end && depth >= 0; i++)
        depth += (src[i] == '(') - (src[i] == ')');
    return depth == 0;
}

/* Whether c is spelled somewhere else than where it is expanded: in a
 * macro's definition or argument. */
static bool from_macro(CXCursor c)
{
    CXSourceLocation l = clang_getRangeStart(clang_getCursorExtent(c));
    CXFile ef = NULL, sf = NULL;
    unsigned eo = 0, so = 0;
    clang_getExpansionLocation(l, &ef, NULL, NULL, &eo);
    clang_getSpellingLocation(l, &sf, NULL, NULL, &so);
    return !ef || !sf || !clang_File_isEqual(ef, sf) || eo != so;
}

static const char *structure_text(struct builder *b, CXCursor c, int depth);

/* Operators with their operands, fully parenthesised so that two
 * different trees never print alike; NULL for anything else. */
static const char *operator_text(struct builder *b, CXCursor c, int depth)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    size_t base = b->kids.n;
    unsigned n = parse_children(c, &b->kids);
    const char *r = NULL;
    if (k == CXCursor_BinaryOperator && n == 2) {
        const char *l = structure_text(b, b->kids.v[base], depth + 1);
        const char *rt = l ? structure_text(b, b->kids.v[base + 1], depth + 1) : NULL;
        CXString op = clang_getBinaryOperatorKindSpelling(clang_getCursorBinaryOperatorKind(c));
        if (rt)
            r = arena_printf(b->a, "(%s %s %s)", l, clang_getCString(op), rt);
        clang_disposeString(op);
    } else if (k == CXCursor_UnaryOperator && n == 1) {
        const char *x = structure_text(b, b->kids.v[base], depth + 1);
        CXString op = clang_getUnaryOperatorKindSpelling(clang_getCursorUnaryOperatorKind(c));
        if (x)
            r = arena_printf(b->a, "(%s%s)", clang_getCString(op), x);
        clang_disposeString(op);
    }
    b->kids.n = base;
    return r;
}

/* An expression of a macro's definition has no text of its own: the file
 * shows the macro's use, the same for every expression in its body, so
 * `(cd->flags & SAFE) == 0` and `!cd->busy` of one MAYBE_LOCK(cd) would
 * share a name. Its structure names it instead; NULL if it has a part
 * that cannot be written out. */
static const char *structure_text(struct builder *b, CXCursor c, int depth)
{
    c = parse_peel(c);
    long v;
    if (depth > 16)
        return NULL;
    switch (clang_getCursorKind(c)) {
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral:
        return parse_int_constant(c, &v) ? arena_printf(b->a, "%ld", v) : NULL;
    case CXCursor_DeclRefExpr:
        if (parse_int_constant(c, &v)) /* an enumerator */
            return arena_printf(b->a, "%ld", v);
        /* fall through */
    case CXCursor_MemberRefExpr:
    case CXCursor_ArraySubscriptExpr:
    case CXCursor_CallExpr:
        return cursor_path(b, c, depth + 1);
    case CXCursor_BinaryOperator:
    case CXCursor_UnaryOperator:
        return operator_text(b, c, depth);
    default:
        return NULL;
    }
}

/* A call of a macro's definition, written out from its structure:
 * `run_in_daemon(8)` for either use of `in_daemon()` that expands to
 * it. The callee by name and each argument by its structure; NULL if an
 * argument cannot be written out. */
const char *build_call_structure_text(struct builder *b, CXCursor call)
{
    CXCursor callee = clang_getCursorReferenced(call);
    if (clang_getCursorKind(call) != CXCursor_CallExpr || clang_Cursor_isNull(callee))
        return NULL;
    const char *text = arena_printf(b->a, "%s(", parse_spelling(b->a, callee));
    int n = clang_Cursor_getNumArguments(call);
    for (int i = 0; i < n; i++) {
        const char *arg = structure_text(b, clang_Cursor_getArgument(call, (unsigned)i), 0);
        if (!arg)
            return NULL;
        text = arena_printf(b->a, "%s%s%s", text, i ? ", " : "", arg);
    }
    return arena_printf(b->a, "%s)", text);
}

/* text[0..n) with every run of white space (a line break and the next
 * line's indentation) made one space: an expression written over two
 * lines names what it names on one (`lock(c ? &a :\n &b)` and the same
 * unlock indented otherwise are one lock), and reads on one line. */
static const char *one_line(struct builder *b, const char *text, size_t n)
{
    char *out = arena_alloc(b->a, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        bool space = text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';
        if (!space)
            out[k++] = text[i];
        else if (k && out[k - 1] != ' ')
            out[k++] = ' ';
    }
    while (k && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return out;
}

const char *build_written_text(struct builder *b, CXCursor c, bool *expanded)
{
    unsigned begin, end, arg_begin = 0, arg_end = 0;
    parse_cursor_offsets(c, &begin, &end);
    *expanded = from_macro(c);
    if (begin >= end || *expanded)
        macro_argument_offsets(c, &arg_begin, &arg_end);
    if (arg_begin < arg_end && b->t->source && arg_end <= b->t->source_len &&
        balanced(b->t->source, arg_begin, arg_end))
        begin = arg_begin, end = arg_end;
    else if (*expanded)
        return NULL;
    if (b->t->source && begin < end && end <= b->t->source_len && end - begin < 200)
        return one_line(b, b->t->source + begin, end - begin);
    return NULL;
}

/* The text of an expression we do not decompose: its tokens, so that the
 * same expression written twice names the same lock. */
static const char *opaque_path(struct builder *b, CXCursor c)
{
    bool expanded;
    const char *text = build_written_text(b, c, &expanded);
    if (text)
        return text;
    unsigned begin, end;
    parse_cursor_offsets(c, &begin, &end);
    if (expanded) {
        text = structure_text(b, c, 0);
        if (text)
            return text;
        unsigned spelled = 0; /* this expression of this use of the macro */
        clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(c)), NULL, NULL,
                                  NULL, &spelled);
        return arena_printf(b->a, "<expr@%u:%u>", begin, spelled);
    }
    return arena_printf(b->a, "<expr@%u>", begin);
}

static void add_index_var(struct builder *b, int v)
{
    if (v < 0 || v == b->path_index_var[0] || v == b->path_index_var[1])
        return;
    b->path_index_var[b->path_index_var[0] < 0 ? 0 : 1] = v;
}

static enum CXChildVisitResult index_vars(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr)
        add_index_var(data, build_var_id(data, c, true));
    return CXChildVisit_Recurse;
}

/* `to_ctx(context)`: a call of an accessor of the file (build_calls_accessor)
 * whose arguments are plain paths names one object, as a field path does:
 * `ctx = to_ctx(context)` and a later `to_ctx(context)->lock` meet. NULL
 * for any other call (named "f()", never equal to another). */
static const char *accessor_path(struct builder *b, CXCursor call, int depth)
{
    int nargs = clang_Cursor_getNumArguments(call);
    if (nargs < 1 || nargs > 4 || depth > 8 || !build_calls_accessor(b, call))
        return NULL;
    const char *r = arena_printf(b->a, "%s(", parse_spelling(b->a, call));
    for (int i = 0; i < nargs; i++) {
        CXCursor arg = parse_peel(clang_Cursor_getArgument(call, (unsigned)i));
        enum CXCursorKind k = clang_getCursorKind(arg), named = clang_getCursorKind(
                                                            clang_getCursorReferenced(arg));
        /* (in code with errors, a field of an unknown struct names nothing) */
        if (!(k == CXCursor_DeclRefExpr &&
              (named == CXCursor_VarDecl || named == CXCursor_ParmDecl)) &&
            !(k == CXCursor_MemberRefExpr && named == CXCursor_FieldDecl))
            return NULL;
        const char *p = cursor_path(b, arg, depth + 1);
        if (!p || strstr(p, "()") || strchr(p, '['))
            return NULL;
        r = arena_printf(b->a, "%s%s%s", r, i ? ", " : "", p);
    }
    return arena_printf(b->a, "%s)", r);
}

/* An index expression as its structure, not its source text, which a
 * macro expansion would replace with the macro's call. */
static const char *index_text(struct builder *b, CXCursor c, int depth)
{
    c = parse_peel(c);
    long k;
    if (parse_int_constant(c, &k))
        return arena_printf(b->a, "%ld", k);
    enum CXCursorKind kind = clang_getCursorKind(c);
    if (kind == CXCursor_DeclRefExpr)
        return parse_spelling(b->a, c);
    if (kind == CXCursor_MemberRefExpr)
        return cursor_path(b, c, depth + 1);
    size_t base = b->kids.n;
    unsigned n = depth < 16 ? parse_children(c, &b->kids) : 0;
    const char *r = NULL;
    if (kind == CXCursor_BinaryOperator && n == 2)
        r = arena_printf(b->a, "(%s %d %s)", index_text(b, b->kids.v[base], depth + 1),
                         (int)clang_getCursorBinaryOperatorKind(c),
                         index_text(b, b->kids.v[base + 1], depth + 1));
    else if (kind == CXCursor_UnaryOperator && n == 1)
        r = arena_printf(b->a, "(%d %s)", (int)clang_getCursorUnaryOperatorKind(c),
                         index_text(b, b->kids.v[base], depth + 1));
    b->kids.n = base;
    return r ? r : opaque_path(b, c);
}

/* Remembers what an array index in a lock path reads: the variables in it
 * (a store to one names another element) and its text (`a[i]` and
 * `a[n | i]` are two locks unless shown equal). */
static void note_index(struct builder *b, CXCursor index)
{
    index = parse_peel(index);
    if (clang_getCursorKind(index) == CXCursor_DeclRefExpr)
        add_index_var(b, build_var_id(b, index, true));
    else
        clang_visitChildren(index, index_vars, b);
    const char *text = index_text(b, index, 0);
    b->path_index_text = b->path_index_text
                             ? arena_printf(b->a, "%s,%s", b->path_index_text, text)
                             : text;
}

static const char *without_spaces(struct arena *a, const char *text, size_t len)
{
    char *out = arena_alloc(a, len + 1), *o = out;
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)text[i]))
            *o++ = text[i];
    *o = '\0';
    return out;
}

/* The same for a lock path written in a macro's argument text
 * (`LOCK(&ctx->pt[n])`): the variables named inside its brackets, by name
 * where the function has exactly one of that name, and the bracket text. */
void build_note_index_text(struct builder *b, const char *text)
{
    b->path_index_var[0] = b->path_index_var[1] = -1;
    b->path_index_text = NULL;
    for (const char *open = strchr(text, '['); open; open = strchr(open + 1, '[')) {
        const char *close = strchr(open, ']');
        if (!close)
            return;
        for (const char *p = open + 1; p < close;) {
            if (!isalpha((unsigned char)*p) && *p != '_') {
                p++;
                continue;
            }
            size_t n = 0;
            while (p + n < close && (isalnum((unsigned char)p[n]) || p[n] == '_'))
                n++;
            add_index_var(b, build_var_named(b, p, n));
            p += n;
        }
        /* as the index reads in the tree: `pt[ n ]` in a macro's text is
         * `pt[n]` written plainly */
        const char *inside = without_spaces(b->a, open + 1, (size_t)(close - open - 1));
        b->path_index_text = b->path_index_text
                                 ? arena_printf(b->a, "%s,%s", b->path_index_text, inside)
                                 : inside;
    }
}

/* How deep a base struct may be embedded (GObject-style classes: an
 * instance's first member is its parent's instance, and so on). */
enum { BASE_DEPTH = 8 };

/* `(struct base *)obj` where obj points to a struct whose first member is
 * (or begins with) a struct base: the address of that member
 * (`&obj->element.object`). Without it, `((GstObject *)sel)->lock`, the
 * base object's lock, and `sel->lock`, a field of sel's own, had one
 * name. inner is c with parentheses and casts peeled; NULL when c is no
 * such cast. */
static const char *upcast_path(struct builder *b, CXCursor c, CXCursor inner, int depth)
{
    if (clang_equalCursors(inner, c))
        return NULL;
    CXType to = clang_getCanonicalType(clang_getCursorType(c));
    CXType from = clang_getCanonicalType(clang_getCursorType(inner));
    if (to.kind != CXType_Pointer || from.kind != CXType_Pointer)
        return NULL;
    CXType base = clang_getCanonicalType(clang_getPointeeType(to));
    CXType t = clang_getCanonicalType(clang_getPointeeType(from));
    if (base.kind != CXType_Record || t.kind != CXType_Record || clang_equalTypes(base, t))
        return NULL;
    const char *names[BASE_DEPTH];
    unsigned n = 0;
    while (n < BASE_DEPTH && t.kind == CXType_Record && !clang_equalTypes(t, base)) {
        struct first_field f = {.found = false};
        clang_Type_visitFields(t, take_first_field, &f);
        if (!f.found)
            return NULL;
        names[n++] = parse_spelling(b->a, f.field);
        t = clang_getCanonicalType(clang_getCursorType(f.field));
    }
    if (!n || !clang_equalTypes(t, base))
        return NULL;
    const char *obj = lockexpr_deref(b->a, cursor_path(b, inner, depth + 1));
    for (unsigned i = 0; i < n; i++)
        obj = lockexpr_member(b->a, obj, names[i]);
    return lockexpr_addr(b->a, obj);
}

/* A pointer, or an array decayed to one. */
static bool pointer_valued(CXCursor e)
{
    return clang_getCanonicalType(clang_getCursorType(e)).kind == CXType_Pointer;
}

/* `locks + i`, `(pthread_rwlock_t *)db->mtxs + i`: the address of element
 * i, as `&locks[i]` is. Any other arithmetic names no path. */
static const char *offset_path(struct builder *b, CXCursor c, size_t base, int depth)
{
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
    if ((op != CXBinaryOperator_Add && op != CXBinaryOperator_Sub) ||
        parse_children(c, &b->kids) != 2)
        return NULL;
    CXCursor x = b->kids.v[base], y = b->kids.v[base + 1];
    bool x_ptr = pointer_valued(x), y_ptr = pointer_valued(y);
    if (x_ptr == y_ptr || (op == CXBinaryOperator_Sub && !x_ptr))
        return NULL;
    CXCursor pointer = x_ptr ? x : y, index = x_ptr ? y : x;
    const char *elements = cursor_path(b, pointer, depth + 1);
    note_index(b, index);
    return lockexpr_addr(b->a, lockexpr_index(b->a, elements));
}

static const char *cursor_path(struct builder *b, CXCursor c, int depth)
{
    if (depth > 64)
        return opaque_path(b, c);
    if (depth == 0)
        b->path_index_text = NULL; /* each path names its own element */
    CXCursor peeled = parse_peel(c);
    const char *up = upcast_path(b, c, peeled, depth);
    if (up)
        return up;
    c = peeled;
    size_t base = b->kids.n;
    const char *r = NULL;
    switch (clang_getCursorKind(c)) {
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(c);
        if (clang_getCursorKind(d) == CXCursor_VarDecl && !clang_Cursor_hasVarDeclGlobalStorage(d)) {
            b->path_local_root = true;
            b->path_root_var = build_var_id(b, d, true);
            const struct var_value *copy = build_copy_of(b, b->path_root_var);
            if (copy) { /* the field it copies, from where that field is reached */
                b->path_root_var = copy->copy_root;
                r = copy->copy_of;
                break;
            }
        } else if (clang_getCursorKind(d) == CXCursor_ParmDecl) {
            /* a variable of this function (stores forget what was known of
             * it), but its objects are the caller's: not a local root */
            b->path_root_var = build_var_id(b, d, true);
        }
        r = parse_spelling(b->a, c);
        break;
    }
    case CXCursor_MemberRefExpr:
        r = member_path(b, c, depth);
        break;
    case CXCursor_UnaryOperator:
        if (parse_children(c, &b->kids) == 1) {
            enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
            const char *inner = cursor_path(b, b->kids.v[base], depth + 1);
            if (op == CXUnaryOperator_AddrOf)
                r = lockexpr_addr(b->a, inner);
            else if (op == CXUnaryOperator_Deref)
                r = lockexpr_deref(b->a, inner);
        }
        break;
    case CXCursor_ArraySubscriptExpr:
        if (parse_children(c, &b->kids) == 2) {
            r = lockexpr_index(b->a, cursor_path(b, b->kids.v[base], depth + 1));
            note_index(b, b->kids.v[base + 1]);
        }
        break;
    case CXCursor_BinaryOperator:
        r = offset_path(b, c, base, depth);
        break;
    case CXCursor_CallExpr:
        r = accessor_path(b, c, depth);
        if (!r) { /* `get_data(store, n)->lock`: another object once n changes */
            r = arena_printf(b->a, "%s()", parse_spelling(b->a, c));
            clang_visitChildren(c, index_vars, b);
        }
        break;
    default:
        break;
    }
    b->kids.n = base;
    return r ? r : opaque_path(b, c);
}

/* "q->mu" for the argument "&q->mu" as written; the canonical path when
 * the argument comes from a macro and has no plain text. */
const char *build_display_of(struct builder *b, CXCursor arg, const char *key)
{
    unsigned begin, end;
    parse_cursor_offsets(arg, &begin, &end);
    const char *src = b->t->source;
    CXSourceLocation l = clang_getCursorLocation(arg);
    if (!src || begin >= end || end > b->t->source_len || end - begin > 120 ||
        clang_Location_isFromMainFile(l) == 0)
        return key[0] == '*' ? key + 1 : key;
    while (begin < end && (src[begin] == '&' || src[begin] == ' '))
        begin++;
    while (end - begin > 2 && src[begin] == '(' && src[end - 1] == ')' &&
           !memchr(src + begin + 1, '(', end - begin - 2))
        begin++, end--; /* "(&x)" and "&(x)" read as "x" */
    while (begin < end && src[begin] == '&')
        begin++;
    return arena_strndup(b->a, src + begin, end - begin);
}

static void add_index_vars(struct builder *b, unsigned id)
{
    struct cfg_lock *l = &b->locks.v[id];
    for (int i = 0; i < 2; i++) {
        int v = b->path_index_var[i];
        if (v >= 0 && l->index_var[0] != v && l->index_var[1] != v)
            l->index_var[l->index_var[0] < 0 ? 0 : 1] = v;
    }
    b->path_index_var[0] = b->path_index_var[1] = -1;
}

unsigned build_lock_id(struct builder *b, const char *key, const char *display)
{
    return lock_id(b, key, display);
}

const char *build_path(struct builder *b, CXCursor c)
{
    return cursor_path(b, c, 0);
}

static const char *rooted_path(struct builder *b, CXCursor c, int *root_var, bool params)
{
    bool local_root = b->path_local_root;
    int saved = b->path_root_var;
    b->path_local_root = false;
    b->path_root_var = -1;
    const char *text = cursor_path(b, c, 0);
    *root_var = b->path_local_root || params ? b->path_root_var : -1;
    b->path_local_root = local_root;
    b->path_root_var = saved;
    return text;
}

const char *build_rooted_path(struct builder *b, CXCursor c, int *root_var)
{
    return rooted_path(b, c, root_var, false);
}

const char *build_value_path(struct builder *b, CXCursor c, int *var)
{
    return rooted_path(b, c, var, true);
}

/* A lock named through a pointer to it is the lock: `*m` and `m`, where m
 * points to the lock, are one lock (as in clang's analysis, where a
 * pointer-typed lock expression means what it points to; a pointer itself
 * is never a lock). The key kept is the one with the `*`, which is what
 * lock calls produce and what contracts substitute into. */
/* The identifier a path starts from ("*(&p->mu)" -> p). */
/* A resolved key's identity among the function's locks: `*m` and `m` are
 * one lock, and held state is per element (the class "a[].mu" is the key,
 * for contracts and lock order; the element's indexes its identity). */
static const char *lock_identity(struct builder *b, const char *key)
{
    const char *identity = key + strspn(key, "*");
    if (b->path_index_text && strstr(key, "[]"))
        identity = arena_printf(b->a, "%s@%s", identity, b->path_index_text);
    return identity;
}

int build_find_lock(struct builder *b, const char *key)
{
    void *id = strmap_get(&b->lock_ids, lock_identity(b, build_resolve_alias(b, key)));
    return id ? (int)(uintptr_t)id - 1 : -1;
}

static unsigned lock_id(struct builder *b, const char *key, const char *display)
{
    size_t len;
    const char *root = build_path_root(key, &len);
    const char *written_root = arena_strndup(b->a, root, len);
    key = build_resolve_alias(b, key);
    const char *identity = lock_identity(b, key);
    const char *index_text = strstr(key, "[]") ? b->path_index_text : NULL;
    b->path_index_text = NULL;
    void *id = strmap_get(&b->lock_ids, identity);
    if (id) {
        struct cfg_lock *l = &b->locks.v[(uintptr_t)id - 1];
        if (key[0] == '*' && l->key[0] != '*')
            l->key = key;
        add_index_vars(b, (unsigned)(uintptr_t)id - 1);
        return (unsigned)(uintptr_t)id - 1;
    }
    struct cfg_lock l = {.key = key,
                         .display = display ? display : key,
                         .index_var = {-1, -1},
                         .local_root = b->path_local_root,
                         .next_element = -1,
                         .root_var = -1,
                         .root_name = written_root,
                         .index_text = index_text};
    VEC_PUSH(b->locks, l);
    strmap_put(&b->lock_ids, identity, (void *)(uintptr_t)b->locks.n);
    add_index_vars(b, (unsigned)b->locks.n - 1);
    return (unsigned)b->locks.n - 1;
}

int build_var_id(struct builder *b, CXCursor ref, bool create)
{
    CXCursor decl = clang_getCursorKind(ref) == CXCursor_VarDecl ? ref
                                                                 : clang_getCursorReferenced(ref);
    /* Parameters are locals too: a store to one forgets what was known. */
    enum CXCursorKind kind = clang_getCursorKind(decl);
    if ((kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl) ||
        (kind == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(decl) == 1))
        return -1;
    /* Two variables one macro use declares (`for (unsigned i_ = 0; ...)
     * for (unsigned j_ = 0; ...)`) share the place of the use: where each
     * is spelled tells them apart. */
    char key[48];
    unsigned spelled = 0;
    clang_getSpellingLocation(clang_getCursorLocation(decl), NULL, NULL, NULL, &spelled);
    snprintf(key, sizeof key, "%u.%u", parse_cursor_loc(decl).offset, spelled);
    void *id = strmap_get(&b->vars, key);
    if (id || !create)
        return id ? (int)(uintptr_t)id - 1 : -1;
    int var = build_add_var(b, key, parse_spelling(b->a, decl));
    b->var_own.v[var] = kind == CXCursor_ParmDecl ||
                        clang_getCanonicalType(clang_getCursorType(decl)).kind != CXType_Pointer;
    return var;
}

int build_add_var(struct builder *b, const char *key, const char *name)
{
    strmap_put(&b->vars, arena_strdup(b->a, key), (void *)(uintptr_t)(++b->nvars));
    VEC_PUSH(b->var_names, name);
    VEC_PUSH(b->var_own, false);
    return (int)b->nvars - 1;
}

/* The variable a field path like `rp.locked` or `c->locked` is reached
 * from (a local or a parameter), or -1; its text in *text. The same as the
 * key a test of that field gets, so that the store and the test meet. */
static int field_root(struct builder *b, CXCursor lhs, const char **text)
{
    /* `*has_lock = true;`: an out-parameter that tells the caller */
    bool deref = clang_getCursorKind(lhs) == CXCursor_UnaryOperator &&
                 clang_getCursorUnaryOperatorKind(lhs) == CXUnaryOperator_Deref;
    if (clang_getCursorKind(lhs) != CXCursor_MemberRefExpr && !deref)
        return -1;
    int var;
    *text = build_value_path(b, lhs, &var);
    return var;
}

/* `rp.locked = 1;`, `c->locked = 1;` or `*has_lock = true;`: a lock flag
 * like a local's. Like branch values, fields are assumed not to change
 * behind the function's back between two tests; a field of a local
 * struct is forgotten when the struct is overwritten. */
static void field_flag(struct builder *b, CXCursor lhs, CXCursor rhs, struct cfg_loc loc)
{
    if (!build_maybe_constant(rhs)) /* most stores are not flags: stay cheap */
        return;
    const char *text = NULL;
    int var = field_root(b, lhs, &text);
    if (text && !strstr(text, "()") && !strchr(text, '['))
        build_field_fact(b, text, var, rhs, loc);
}

/* `frame.field = v` on a cleanup variable of an open scope. */
static void frame_store(struct builder *b, CXCursor lhs, CXCursor rhs)
{
    if (!b->cleanups.n || clang_getCursorKind(lhs) != CXCursor_MemberRefExpr)
        return;
    size_t base = b->kids.n;
    CXCursor obj = parse_children(lhs, &b->kids) ? parse_peel(b->kids.v[base]) : lhs;
    b->kids.n = base;
    if (clang_getCursorKind(obj) == CXCursor_DeclRefExpr &&
        clang_getCursorKind(clang_getCursorReferenced(obj)) == CXCursor_VarDecl)
        build_note_cleanup_store(b, parse_spelling(b->a, obj), parse_peel(rhs));
}

/* The tests built since condition `first` choose a value the code uses
 * (the condition of `c ? x : y`), not a branch of its own. */
static void mark_value_tests(struct builder *b, size_t first)
{
    for (size_t i = first; i < b->conds.n; i++)
        b->conds.v[i].selects_value = true;
}

/* `var = test ? x : y`, built as the two sides of the test, each storing
 * its own value in local var (named name): a later test of var takes the
 * side that ran, and with it what the test decided about a lock. arms:
 * the two values, or NULL for the test's own truth (1, then 0). */
static void store_by_test(struct builder *b, CXCursor test, const char *name, int var,
                          const CXCursor *arms, struct cfg_loc loc)
{
    unsigned side[2] = {build_new_block(b), build_new_block(b)}, join = build_new_block(b);
    size_t first = b->conds.n;
    build_cond(b, test, side[0], side[1]);
    mark_value_tests(b, first);
    for (unsigned i = 0; i < 2; i++) {
        b->cur = side[i];
        build_event(b, (struct cfg_event){.kind = EV_KILL_VAR, .lock = (unsigned)var,
                                          .result_var = var, .loc = loc});
        if (arms)
            build_flag_fact(b, name, var, arms[i], loc);
        else
            build_constant_fact(b, name, var, i == 0, loc);
        build_edge(b, b->cur, join, EDGE_PLAIN, -1);
    }
    b->cur = join;
}

/* The try-lock call a test reads: `trylock(m) == 0`, `!trylock(m)`, `0 !=
 * trylock(m)`; a null cursor when there is none (the call's rule, from
 * the lock-API model, says the lock is taken only on some results). */
static CXCursor tested_try_call(struct builder *b, CXCursor test)
{
    CXCursor t = parse_peel(test), call = clang_getNullCursor();
    size_t base = b->kids.n;
    enum CXCursorKind k = clang_getCursorKind(t);
    long c;
    if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(t) == CXUnaryOperator_LNot &&
        parse_children(t, &b->kids) == 1) {
        call = parse_peel(b->kids.v[base]);
    } else if (k == CXCursor_BinaryOperator && parse_children(t, &b->kids) == 2) {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(t);
        bool compares = op >= CXBinaryOperator_LT && op <= CXBinaryOperator_NE;
        CXCursor l = b->kids.v[base], r = b->kids.v[base + 1];
        if (compares && parse_int_constant(r, &c))
            call = parse_peel(l);
        else if (compares && parse_int_constant(l, &c))
            call = parse_peel(r);
    }
    b->kids.n = base;
    if (clang_getCursorKind(call) != CXCursor_CallExpr)
        return clang_getNullCursor();
    CXCursor fn = clang_getCursorReferenced(call);
    const struct lock_rule *rule =
        clang_getCursorKind(fn) == CXCursor_FunctionDecl
            ? model_function(b->t->model, parse_spelling(b->a, fn))
            : NULL;
    return rule && rule->success != SUCCESS_ALWAYS ? call : clang_getNullCursor();
}

/* `ok = trylock(m) == 0;`, `ok = !trylock(m);`: a try-lock's test kept
 * in local var, read later (`if (ok) unlock(m);`). Built as `ok = test ?
 * 1 : 0`: each side of the test stores its truth, so a later test of ok
 * takes the side the lock took. False (nothing built) for other values. */
bool build_assign_tested_try(struct builder *b, const char *name, int var, CXCursor rhs,
                             struct cfg_loc loc)
{
    if (var < 0 || clang_Cursor_isNull(tested_try_call(b, rhs)))
        return false;
    store_by_test(b, rhs, name, var, NULL, loc);
    return true;
}

/* `r = lock(m) == 0 ? OK : ERR;`: each arm stores its own constant in
 * local var, so a later test of r (`if (r != OK)`) takes the branch of the
 * arm that ran, and with it whether the lock was taken. False (nothing
 * built) when rhs is no conditional with constant arms. */
bool build_assign_selected_constant(struct builder *b, const char *name, int var, CXCursor rhs,
                                    struct cfg_loc loc)
{
    CXCursor sel = parse_peel(rhs);
    long arm;
    size_t base = b->kids.n;
    if (clang_getCursorKind(sel) != CXCursor_ConditionalOperator ||
        parse_children(sel, &b->kids) != 3 || !parse_int_constant(b->kids.v[base + 1], &arm) ||
        !parse_int_constant(b->kids.v[base + 2], &arm)) {
        b->kids.n = base;
        return false;
    }
    CXCursor test = b->kids.v[base], arms[2] = {b->kids.v[base + 1], b->kids.v[base + 2]};
    b->kids.n = base;
    store_by_test(b, test, name, var, arms, loc);
    return true;
}

static void note_constant_store(struct builder *b, CXCursor lhs, CXCursor rhs)
{
    long v;
    if (!build_maybe_constant(rhs) || !parse_int_constant(rhs, &v))
        return;
    b->last_store.path = build_path(b, lhs);
    b->last_store.value = v;
    b->last_store.block = b->cur;
    b->last_store.events = b->events.n;
}

/* Whether the call just built bound its result to var: its acquire (or
 * a release that tells) is its last event, or comes before the effects
 * that bind nothing (`rv = get_locked(h, &ctx)` also excludes the lookup
 * lock the helper held for a while). */
static bool bound_to(const struct builder *b, int var)
{
    for (size_t i = b->events.n; i-- > 0;) {
        const struct cfg_event *ev = &b->events.v[i];
        if (ev->kind == EV_EXCLUDE || ev->kind == EV_REQUIRE || ev->kind == EV_FORGET)
            continue;
        return (ev->kind == EV_ACQUIRE || ev->kind == EV_RELEASE) && ev->result_var == var;
    }
    return false;
}

void build_kill_unless_bound(struct builder *b, int var, struct cfg_loc loc)
{
    bool set_in_arms = b->result_set_in_arms;
    b->result_set_in_arms = false;
    if (var < 0 || set_in_arms || bound_to(b, var))
        return;
    build_event(b, (struct cfg_event){.kind = EV_KILL_VAR, .lock = (unsigned)var,
                                      .result_var = var, .loc = loc});
}

/* `x = call(...)` binds the call's result to local x; any other store to a
 * local forgets what it held. */
static bool names_global(CXCursor e)
{
    e = parse_peel(e);
    if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
        return false;
    CXCursor target = clang_getCursorReferenced(e);
    return clang_getCursorKind(target) == CXCursor_VarDecl &&
           clang_Cursor_hasVarDeclGlobalStorage(target) == 1;
}

/* A lock call's result stored in a field, through a pointer or in a
 * global (`s->rc = trylock(&s->mu); if (s->rc) return;`, `*err =
 * trywrlock(l); if (*err == EBUSY) wrlock(l);`) is bound to that place as
 * it would be to a local: the place gets a variable of its own, named by
 * its path, which a later test of the same path reads. Like field flags,
 * a place is assumed not to change behind the function's back; a store to
 * it, or to the local its path starts from, forgets it. */
int build_place_var(struct builder *b, CXCursor lvalue, bool create)
{
    if (!create && !b->places.n)
        return -1; /* the common case: no result was ever stored so */
    lvalue = parse_peel(lvalue);
    enum CXCursorKind k = clang_getCursorKind(lvalue);
    bool deref = k == CXCursor_UnaryOperator &&
                 clang_getCursorUnaryOperatorKind(lvalue) == CXUnaryOperator_Deref;
    bool global = names_global(lvalue);
    if (k != CXCursor_MemberRefExpr && !deref && !global)
        return -1;
    int root = -1;
    const char *text = global ? parse_spelling(b->a, lvalue) : build_value_path(b, lvalue, &root);
    if (!text || strstr(text, "()") || strchr(text, '['))
        return -1;
    const char *key = arena_printf(b->a, "@%s", text);
    void *id = strmap_get(&b->vars, key);
    if (id || !create)
        return id ? (int)(uintptr_t)id - 1 : -1;
    int var = build_add_var(b, key, text);
    VEC_PUSH(b->places, ((struct place){var, global ? -1 : root}));
    return var;
}

void build_forget_places_of(struct builder *b, int root, struct cfg_loc loc)
{
    for (size_t i = 0; root >= 0 && i < b->places.n; i++)
        if (b->places.v[i].root == root)
            build_event(b, (struct cfg_event){.kind = EV_KILL_VAR,
                                              .lock = (unsigned)b->places.v[i].var,
                                              .result_var = b->places.v[i].var, .loc = loc});
}

/* Whether a store to lvalue `lhs` lands in memory that outlives the call:
 * a global, a field or element reached through a pointer or of a global
 * (`base->current`, `g_table[i]`, `*slot`), not a local's own. */
static bool lands_outside(struct builder *b, CXCursor lhs)
{
    enum CXCursorKind k = clang_getCursorKind(lhs);
    if (k == CXCursor_DeclRefExpr)
        return names_global(lhs);
    if (k == CXCursor_UnaryOperator)
        return clang_getCursorUnaryOperatorKind(lhs) == CXUnaryOperator_Deref;
    if (k != CXCursor_MemberRefExpr && k != CXCursor_ArraySubscriptExpr)
        return false;
    size_t base = b->kids.n;
    bool outside = false;
    if (parse_children(lhs, &b->kids) >= 1) {
        CXCursor of = b->kids.v[base];
        outside = pointer_valued(of) || names_global(of) ||
                  lands_outside(b, parse_peel(of));
    }
    b->kids.n = base;
    return outside;
}

/* `base->current = cmd;`, `g_last = obj;`: a local's or parameter's
 * pointer stored into memory that is not this function's own. */
static void note_published(struct builder *b, CXCursor lhs, CXCursor rhs)
{
    rhs = parse_peel(rhs);
    if (clang_getCursorKind(rhs) != CXCursor_DeclRefExpr || !pointer_valued(rhs))
        return;
    CXCursor var = clang_getCursorReferenced(rhs);
    enum CXCursorKind vk = clang_getCursorKind(var);
    bool own = vk == CXCursor_ParmDecl ||
               (vk == CXCursor_VarDecl && !clang_Cursor_hasVarDeclGlobalStorage(var));
    if (own && lands_outside(b, lhs))
        VEC_PUSH(b->published, ((struct publish){parse_spelling(b->a, rhs), b->cur}));
}

/* Whether e's value may come straight from a call (`trylock(m)`,
 * `(int)f()`, `rd ? tryrdlock(l) : trywrlock(l)`). */
static bool returns_call(CXCursor e)
{
    enum CXCursorKind k = clang_getCursorKind(parse_peel(e));
    return k == CXCursor_CallExpr || k == CXCursor_ConditionalOperator;
}

static void build_assign(struct builder *b, CXCursor e, size_t base)
{
    CXCursor lhs = parse_peel(b->kids.v[base]), rhs = b->kids.v[base + 1];
    int var = clang_getCursorKind(lhs) == CXCursor_DeclRefExpr ? build_var_id(b, lhs, true) : -1;
    int place = var < 0 ? build_place_var(b, lhs, returns_call(rhs)) : -1;
    build_note_param_store(b, lhs);
    if (var >= 0) {
        build_forget_places_of(b, var, parse_cursor_loc(e));
        build_mark_fresh(b, var, build_is_alloc_call(b, rhs));
        build_note_alias(b, clang_getCursorReferenced(lhs), rhs, false);
        build_note_variable_copy(b, clang_getCursorReferenced(lhs), rhs);
    }
    b->access_mode = ACC_WRITE;
    build_expr(b, b->kids.v[base]);
    if (var >= 0 && (build_assign_selected_constant(b, parse_spelling(b->a, lhs), var, rhs,
                                                    parse_cursor_loc(e)) ||
                     build_assign_tested_try(b, parse_spelling(b->a, lhs), var, rhs,
                                             parse_cursor_loc(e)))) {
        build_note_store(b, var, rhs);
        return;
    }
    b->pending_result_var = var >= 0 ? var : place;
    b->result_set_in_arms = false;
    b->in_callee = var >= 0 && build_is_function_pointer(clang_getCursorType(lhs));
    build_expr(b, rhs);
    b->in_callee = false;
    b->pending_result_var = -1;
    build_kill_unless_bound(b, var >= 0 ? var : place, parse_cursor_loc(e));
    if (var >= 0) {
        build_flag_fact(b, parse_spelling(b->a, lhs), var, rhs, parse_cursor_loc(e));
        build_note_store(b, var, rhs);
    } else {
        note_published(b, lhs, rhs);
        build_note_store_clobbers(b, lhs);
        field_flag(b, lhs, rhs, parse_cursor_loc(e));
        frame_store(b, lhs, rhs);
        note_constant_store(b, lhs, rhs);
    }
}

/* Builds child i of the node at `base` with the given uses. */
static void build_child(struct builder *b, size_t base, unsigned i, enum access_mode mode,
                        enum access_mode pt)
{
    b->access_mode = mode;
    b->pt_access = pt;
    build_expr(b, b->kids.v[base + i]);
}

/* A pointer operand, but not an array that decays to one: an element of
 * an array (`tbl[i]`, `&pools[i]`) is part of the array itself. */
static bool is_pointer(CXCursor c)
{
    if (clang_getCanonicalType(clang_getCursorType(c)).kind != CXType_Pointer)
        return false;
    enum CXTypeKind k = clang_getCanonicalType(clang_getCursorType(parse_peel(c))).kind;
    return k != CXType_ConstantArray && k != CXType_IncompleteArray &&
           k != CXType_VariableArray && k != CXType_DependentSizedArray;
}

/* Operands that are never evaluated read nothing: a constant expression
 * (`__builtin_types_compatible_p(typeof(a), ...)`, the ARRAY_SIZE idiom),
 * the unselected side of `__builtin_choose_expr`, the controlling operand
 * of `_Generic`. LIBCLANG 19: the first two are UnexposedExpr with several
 * children (an implicit cast has one). Returns true when handled. */
static bool build_unevaluated(struct builder *b, CXCursor e, enum CXCursorKind k, size_t base)
{
    if (k == CXCursor_GenericSelectionExpr) {
        unsigned n = parse_children(e, &b->kids);
        for (unsigned i = 1; i < n; i++)
            build_expr(b, b->kids.v[base + i]);
        return true;
    }
    if (k != CXCursor_UnexposedExpr)
        return false;
    unsigned n = parse_children(e, &b->kids);
    if (n < 2) {
        b->kids.n = base;
        return false;
    }
    CXEvalResult r = clang_getCursorType(e).kind == CXType_Void ? NULL : clang_Cursor_Evaluate(e);
    bool constant = r && clang_EvalResult_getKind(r) == CXEval_Int;
    if (r)
        clang_EvalResult_dispose(r);
    long cond;
    if (constant) /* folded: nothing in it runs */
        return true;
    if (n >= 3 && parse_int_constant(b->kids.v[base], &cond)) { /* __builtin_choose_expr */
        build_expr(b, b->kids.v[base + (cond ? n - 2 : n - 1)]);
        return true;
    }
    b->kids.n = base;
    return false;
}

/* Fields, variables, `*p`, `a[i]` and `&x`: records the accesses to
 * guarded data and passes the right use down to the operand. Returns
 * false for other expressions. */
static bool build_data_use(struct builder *b, CXCursor e, enum CXCursorKind k,
                           enum access_mode mode, enum access_mode pt, size_t base)
{
    if (k == CXCursor_MemberRefExpr || k == CXCursor_DeclRefExpr) {
        build_access(b, e, mode, false);
        if (pt != ACC_NONE)
            build_access(b, e, pt, true);
        unsigned n = k == CXCursor_MemberRefExpr ? parse_children(e, &b->kids) : 0;
        if (n) /* p->f uses what p points to; s.f is part of s */
            build_child(b, base, 0, is_pointer(b->kids.v[base]) ? ACC_READ : mode,
                        is_pointer(b->kids.v[base]) ? mode : ACC_NONE);
        return true;
    }
    if (k == CXCursor_ArraySubscriptExpr) {
        if (parse_children(e, &b->kids) != 2)
            return false;
        bool ptr = is_pointer(b->kids.v[base]);
        build_child(b, base, 0, ptr ? ACC_READ : mode, ptr ? mode : ACC_NONE);
        build_child(b, base, 1, ACC_READ, ACC_NONE);
        return true;
    }
    if (k != CXCursor_UnaryOperator)
        return false;
    enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(e);
    if (op != CXUnaryOperator_AddrOf && op != CXUnaryOperator_Deref)
        return false;
    if (parse_children(e, &b->kids) != 1)
        return false;
    if (op == CXUnaryOperator_AddrOf) { /* taking the address is no access */
        CXCursor target = parse_peel(b->kids.v[base]);
        if (clang_getCursorKind(target) == CXCursor_DeclRefExpr) { /* &rc: anything may be stored */
            int var = build_var_id(b, target, false);
            build_note_store(b, var, clang_getNullCursor());
            build_note_param_store(b, target);
            if (var >= 0) { /* and what was known of it (`ce = NULL; get(&ce);`) is gone */
                struct cfg_event ev = {.kind = EV_KILL_VAR, .lock = (unsigned)var, .write = true,
                                       .result_var = var, .loc = parse_cursor_loc(e)};
                build_event(b, ev);
            }
        }
        build_child(b, base, 0, ACC_NONE, ACC_NONE);
        return true;
    }
    /* *&x (through casts, as WRITE_ONCE-style macros write) is x itself. */
    CXCursor inner = parse_peel(b->kids.v[base]);
    size_t ibase = b->kids.n;
    if (clang_getCursorKind(inner) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(inner) == CXUnaryOperator_AddrOf &&
        parse_children(inner, &b->kids) == 1) {
        build_child(b, ibase, 0, mode, ACC_NONE);
        b->kids.n = ibase;
        return true;
    }
    b->kids.n = ibase;
    build_child(b, base, 0, ACC_READ, mode);
    return true;
}

/* The path of a field or a global (`r->readers`, `g_users`) that code
 * running in several threads may count, or NULL. */
static const char *shared_count_path(struct builder *b, CXCursor target)
{
    target = parse_peel(target);
    if (clang_getCursorKind(target) != CXCursor_MemberRefExpr && !names_global(target))
        return NULL;
    int root;
    const char *text = build_value_path(b, target, &root);
    return text && !strstr(text, "()") ? text : NULL;
}

/* x++, --x, x += n on a local: build the operand, then forget what the
 * variable meant (a try result, an array index of a lock path). */
static bool is_local_update(struct builder *b, CXCursor e, enum CXCursorKind k, size_t *base)
{
    bool update = false;
    if (k == CXCursor_UnaryOperator) {
        enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(e);
        update = op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
                 op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec;
    } else if (k == CXCursor_CompoundAssignOperator) {
        update = true;
    }
    if (!update)
        return false;
    unsigned n = parse_children(e, &b->kids);
    for (unsigned i = 0; i < n; i++) {
        b->access_mode = i == 0 ? ACC_WRITE : ACC_READ;
        build_expr(b, b->kids.v[*base + i]);
    }
    CXCursor target = n ? parse_peel(b->kids.v[*base]) : clang_getNullCursor();
    build_note_param_store(b, target);
    int var = n && clang_getCursorKind(target) == CXCursor_DeclRefExpr
                  ? build_var_id(b, target, true)
                  : -1;
    if (var >= 0) {
        struct cfg_event ev = {.kind = EV_KILL_VAR, .lock = (unsigned)var, .result_var = var,
                               .loc = parse_cursor_loc(e)};
        build_event(b, ev);
        build_note_store(b, var, clang_getNullCursor());
        if (k == CXCursor_CompoundAssignOperator && n == 2)
            build_bits_fact(b, e, target, b->kids.v[*base + 1], var);
    } else if (n) {
        build_note_store_clobbers(b, target);
        const char *count = shared_count_path(b, target);
        if (count)
            strmap_put(&b->counted, count, (void *)1);
    }
    return true;
}

bool build_tests_count(struct builder *b, CXCursor c)
{
    c = parse_peel(c);
    size_t base = b->kids.n;
    if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot &&
        parse_children(c, &b->kids) == 1)
        c = parse_peel(b->kids.v[base]);
    b->kids.n = base;
    long k;
    if (clang_getCursorKind(c) == CXCursor_BinaryOperator && parse_children(c, &b->kids) == 2) {
        CXCursor l = b->kids.v[base], r = b->kids.v[base + 1];
        c = parse_int_constant(r, &k) ? parse_peel(l) : parse_int_constant(l, &k) ? parse_peel(r)
                                                                                    : c;
    }
    b->kids.n = base;
    /* `++x`, `x--`: the unary stores */
    bool stepped = clang_getCursorKind(c) == CXCursor_UnaryOperator && build_is_store(c) &&
                   parse_children(c, &b->kids) == 1;
    CXCursor operand = stepped ? parse_peel(b->kids.v[base]) : c;
    b->kids.n = base;
    const char *path = shared_count_path(b, operand);
    return path && (stepped || strmap_get(&b->counted, path));
}

static void build_short_circuit(struct builder *b, CXCursor e)
{
    unsigned join = build_new_block(b);
    build_cond(b, e, join, join);
    b->cur = join;
}

/* One value arm of `c ? x : y` whose value goes to variable result_var
 * (or -1): a lock call there binds its result to it, and an arm that
 * binds nothing overwrites it. */
static void build_arm(struct builder *b, CXCursor arm, int result_var)
{
    size_t before = b->events.n;
    b->pending_result_var = result_var;
    b->result_set_in_arms = false;
    build_expr(b, arm);
    b->pending_result_var = -1;
    /* an arm that is itself `c2 ? lock2(m) : ERR` set the value in its own
     * arms (a status chosen over several kinds of lock) */
    bool nested = b->result_set_in_arms;
    b->result_set_in_arms = false;
    if (result_var < 0)
        return;
    bool bound = nested || (b->events.n > before &&
                            b->events.v[b->events.n - 1].kind == EV_ACQUIRE &&
                            b->events.v[b->events.n - 1].result_var == result_var);
    if (!bound) {
        struct cfg_event ev = {.kind = EV_KILL_VAR, .lock = (unsigned)result_var,
                               .result_var = result_var, .loc = parse_cursor_loc(arm)};
        build_event(b, ev);
    }
}

static void build_conditional(struct builder *b, CXCursor e, size_t base, unsigned n)
{
    if (n != 3) { /* GNU x ?: y */
        for (unsigned i = 0; i < n; i++)
            build_expr(b, b->kids.v[base + i]);
        return;
    }
    CXCursor c = b->kids.v[base], x = b->kids.v[base + 1], y = b->kids.v[base + 2];
    unsigned tb = build_new_block(b), fb = build_new_block(b), join = build_new_block(b);
    (void)e;
    /* A status dropped (`lock(m) == 0 ? OK : ERR;`) or handed straight to
     * a call (`check(lock(m) == 0 ? OK : ERR)`) is acted on by the callee,
     * if at all; this function goes on either way, so its test is no
     * branch the code uses (failjoin.h). */
    bool unused = b->conditional_not_used;
    b->conditional_not_used = false;
    /* `rv = c ? lock(m) : OK;`: the arm's call gives rv its value, as
     * `rv = lock(m);` would; the other arm overwrites rv as any store. */
    int result_var = b->pending_result_var;
    b->pending_result_var = -1;
    size_t first = b->conds.n;
    build_cond(b, c, tb, fb);
    if (!unused)
        mark_value_tests(b, first);
    b->cur = tb;
    build_arm(b, x, result_var);
    build_edge(b, b->cur, join, EDGE_PLAIN, -1);
    b->cur = fb;
    build_arm(b, y, result_var);
    build_edge(b, b->cur, join, EDGE_PLAIN, -1);
    b->cur = join;
    b->result_set_in_arms = result_var >= 0;
}

bool build_is_function_pointer(CXType t)
{
    t = clang_getCanonicalType(t);
    if (t.kind != CXType_Pointer)
        return false;
    enum CXTypeKind k = clang_getCanonicalType(clang_getPointeeType(t)).kind;
    return k == CXType_FunctionProto || k == CXType_FunctionNoProto;
}

/* A function of this file named, not called: its address goes somewhere
 * (cfg.handoffs). */
static void note_handoff(struct builder *b, CXCursor ref)
{
    CXCursor fn = clang_getCursorReferenced(ref);
    if (clang_getCursorKind(fn) != CXCursor_FunctionDecl)
        return;
    CXCursor def = clang_getCursorDefinition(fn);
    if (clang_Cursor_isNull(def) || !parse_in_main_file(def, b->t->main_file))
        return;
    const char *name = parse_spelling(b->a, fn);
    for (size_t i = 0; i < b->handoffs.n; i++)
        if (!strcmp(b->handoffs.v[i], name))
            return;
    VEC_PUSH(b->handoffs, name);
}

void build_expr(struct builder *b, CXCursor e)
{
    if (++b->depth > b->t->max_depth) {
        build_give_up_unread(b, e, "expression nested too deeply");
        b->depth--;
        return;
    }
    if (b->t->nmacros && build_macro_use(b, e, false)) {
        b->depth--;
        return;
    }
    enum CXCursorKind k = clang_getCursorKind(e);
    size_t base = b->kids.n;
    if (k == CXCursor_DeclRefExpr && !b->in_callee)
        note_handoff(b, e);
    /* Only a call, possibly in parentheses or casts, receives a pending
     * "result goes to variable x". */
    bool wrapper = k == CXCursor_ParenExpr || k == CXCursor_CStyleCastExpr ||
                   k == CXCursor_UnexposedExpr;
    enum access_mode mode = b->access_mode, pt = b->pt_access;
    b->access_mode = ACC_READ;
    b->pt_access = ACC_NONE;
    if (k != CXCursor_CallExpr && k != CXCursor_ConditionalOperator && !wrapper)
        b->pending_result_var = -1;
    if (k == CXCursor_UnaryExpr) {
        /* sizeof, _Alignof: not evaluated */
    } else if (build_unevaluated(b, e, k, base)) {
        /* constant, or only the selected operand evaluated */
    } else if (build_data_use(b, e, k, mode, pt, base)) {
        /* a field, variable, dereference or element: accesses recorded */
    } else if (k == CXCursor_CallExpr) {
        build_call(b, e);
    } else if (k == CXCursor_StmtExpr) {
        unsigned n = parse_children(e, &b->kids);
        for (unsigned i = 0; i < n; i++)
            build_stmt(b, b->kids.v[base + i]);
    } else if (k == CXCursor_BinaryOperator &&
               (clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_LAnd ||
                clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_LOr)) {
        build_short_circuit(b, e);
    } else if (k == CXCursor_BinaryOperator &&
               clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Assign &&
               parse_children(e, &b->kids) == 2) {
        build_assign(b, e, base);
    } else if (k == CXCursor_UnexposedExpr && build_recovered_call(b, e, base)) {
        /* a call kept by error recovery */
    } else if (is_local_update(b, e, k, &base)) {
        /* handled: children built, kill event emitted */
    } else if (k == CXCursor_ConditionalOperator) {
        build_conditional(b, e, base, parse_children(e, &b->kids));
    } else if (k == CXCursor_CStyleCastExpr && parse_children(e, &b->kids) > 1) {
        /* `(typeof(x) *)&x`: the type's expression is not evaluated */
        b->kids.n = base;
        CXCursor operand;
        if (parse_cast_operand(e, &operand)) {
            b->access_mode = mode;
            b->pt_access = pt;
            build_expr(b, operand);
        }
    } else {
        int keep = b->pending_result_var; /* casts and parens pass it on */
        unsigned n = parse_children(e, &b->kids);
        for (unsigned i = 0; i < n; i++) {
            b->pending_result_var = n == 1 && wrapper ? keep : -1;
            if (n == 1 && wrapper) {
                b->access_mode = mode;
                b->pt_access = pt;
            }
            build_expr(b, b->kids.v[base + i]);
        }
        b->pending_result_var = -1;
    }
    b->kids.n = base;
    b->depth--;
}
