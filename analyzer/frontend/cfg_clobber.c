/* SPDX-License-Identifier: MIT
 * cfg_clobber: what memory a call or a store may change (cfg_clobber in
 * ir/cfg.h). A test of a field (`hw->mac.type == A`) says something of a
 * later test of the same field with another constant only while nothing
 * between them may have written it. A store writes the object its target
 * lies in; a call may write the objects its pointer arguments point
 * into (and every global, which is not assumed: see
 * build_note_call_clobbers).
 *
 * Objects are told apart by the variable they are reached from: a
 * parameter points to an object of its own, and a local struct or array
 * is one. A pointer kept in a field points to another object (`hw->regs`
 * is not hw's memory), counted with the globals; a local or global
 * pointer variable may point anywhere. */
#include "frontend/cfg_build.h"

enum { MAX_STEPS = 64 };

void build_note_clobber(struct builder *b, int var)
{
    if (b->clobbers.n) {
        const struct cfg_clobber *last = &b->clobbers.v[b->clobbers.n - 1];
        if (last->block == b->cur && (last->var == var || last->var == CFG_CLOBBER_ALL))
            return;
    }
    VEC_PUSH(b->clobbers, ((struct cfg_clobber){.block = b->cur, .var = var}));
}

static enum CXTypeKind type_kind(CXCursor e)
{
    return clang_getCanonicalType(clang_getCursorType(e)).kind;
}

static bool is_array(CXCursor e)
{
    enum CXTypeKind k = type_kind(e);
    return k == CXType_ConstantArray || k == CXType_IncompleteArray ||
           k == CXType_VariableArray;
}

static bool is_pointer_like(CXCursor e)
{
    enum CXTypeKind k = type_kind(e);
    return k == CXType_Pointer || k == CXType_BlockPointer || is_array(e);
}

/* The first child of e, or a null cursor; with the second in *second. */
static CXCursor children(struct builder *b, CXCursor e, CXCursor *second)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(e, &b->kids);
    CXCursor first = n ? b->kids.v[base] : clang_getNullCursor();
    *second = n > 1 ? b->kids.v[base + 1] : clang_getNullCursor();
    b->kids.n = base;
    return first;
}

static int pointer_owner(struct builder *b, CXCursor e, unsigned depth);

/* The variable declared by decl: a parameter or a local object keeps its
 * own id; a global is counted with the globals. */
static int variable_owner(struct builder *b, CXCursor ref)
{
    CXCursor decl = clang_getCursorReferenced(ref);
    enum CXCursorKind k = clang_getCursorKind(decl);
    if (k == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(decl) == 1)
        return CFG_CLOBBER_GLOBALS;
    if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
        return CFG_CLOBBER_ALL;
    int var = build_var_id(b, ref, true);
    return var >= 0 ? var : CFG_CLOBBER_ALL;
}

/* The object lvalue e lies in. */
static int lvalue_owner(struct builder *b, CXCursor e, unsigned depth)
{
    e = parse_peel(e);
    enum CXCursorKind k = clang_getCursorKind(e);
    CXCursor second, first = children(b, e, &second);
    if (depth > MAX_STEPS)
        return CFG_CLOBBER_ALL;
    if (k == CXCursor_DeclRefExpr)
        return variable_owner(b, e);
    if (k == CXCursor_MemberRefExpr && !clang_Cursor_isNull(first))
        return is_pointer_like(first) && !is_array(first) ? pointer_owner(b, first, depth + 1)
                                                          : lvalue_owner(b, first, depth + 1);
    if (k == CXCursor_ArraySubscriptExpr && !clang_Cursor_isNull(first))
        return pointer_owner(b, first, depth + 1);
    if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref &&
        !clang_Cursor_isNull(first))
        return pointer_owner(b, first, depth + 1);
    return CFG_CLOBBER_ALL;
}

/* The object pointer value e points into. */
static int pointer_owner(struct builder *b, CXCursor e, unsigned depth)
{
    e = parse_peel(e);
    enum CXCursorKind k = clang_getCursorKind(e);
    if (depth > MAX_STEPS)
        return CFG_CLOBBER_ALL;
    if (is_array(e)) /* decays: the array's own memory */
        return lvalue_owner(b, e, depth + 1);
    CXCursor second, first = children(b, e, &second);
    if (k == CXCursor_DeclRefExpr) {
        CXCursor decl = clang_getCursorReferenced(e);
        return clang_getCursorKind(decl) == CXCursor_ParmDecl ? variable_owner(b, e)
                                                               : CFG_CLOBBER_ALL;
    }
    if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_AddrOf &&
        !clang_Cursor_isNull(first))
        return lvalue_owner(b, first, depth + 1);
    if (k == CXCursor_BinaryOperator && !clang_Cursor_isNull(second)) /* p + n, n + p */
        return pointer_owner(b, is_pointer_like(first) ? first : second, depth + 1);
    if (k == CXCursor_MemberRefExpr || k == CXCursor_ArraySubscriptExpr ||
        (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref))
        return CFG_CLOBBER_GLOBALS; /* a pointer kept in memory: another object */
    return CFG_CLOBBER_ALL;
}

/* A call may write every global too, but a path that holds only if the
 * callee changed a global between two tests of it (a configuration read
 * before a lock and again before a return) is one the analysis cannot
 * stand behind: the globals a call is not given keep what their tests
 * said. Objects the call is given may change. */
void build_note_call_clobbers(struct builder *b, const CXCursor *args, unsigned nargs)
{
    for (unsigned i = 0; i < nargs; i++)
        if (is_pointer_like(args[i]))
            build_note_clobber(b, pointer_owner(b, args[i], 0));
}

void build_note_store_clobbers(struct builder *b, CXCursor target)
{
    build_note_clobber(b, lvalue_owner(b, target, 0));
}
