/* SPDX-License-Identifier: MIT */
#include "frontend/lockfree.h"

#include <string.h>

#include "frontend/parse.h"
#include "model/lockname.h"
#include "model/model.h"

/* Bodies of helpers are followed this deep; deeper is "may lock". */
enum { LOCKFREE_DEPTH = 3 };

struct lockfree_scan {
    const struct model *model;
    CXFile main_file;
    unsigned depth;
    bool lock_free;
};

static bool is_atomic_builtin(const char *name)
{
    return strncmp(name, "__atomic", 8) == 0 || strncmp(name, "__sync", 6) == 0 ||
           strncmp(name, "atomic_", 7) == 0 || strncmp(name, "__c11_atomic", 12) == 0;
}

/* Whether a described function may leave a lock held or released: one
 * that only requires or excludes a lock (takes and drops its own inside)
 * leaves the holds as they were. */
static bool changes_holds(const struct lock_rule *r)
{
    if (!r)
        return false;
    if (r->split || r->is_try || r->returns_lock)
        return true;
    for (unsigned i = 0; i < r->neffects; i++)
        if (r->effects[i].kind != EFFECT_REQUIRE && r->effects[i].kind != EFFECT_EXCLUDE)
            return true;
    return false;
}

static bool scan_body(CXCursor def, const struct model *m, CXFile main_file, unsigned depth);

/* Whether one direct call may take or release a lock. */
static bool call_may_lock(CXCursor call, struct lockfree_scan *s)
{
    CXCursor decl = clang_getCursorReferenced(call);
    if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
        return true; /* through a pointer: anything */
    CXString spelling = clang_getCursorSpelling(decl);
    const char *name = clang_getCString(spelling);
    bool may = !name || lockname_has_lock_word(name) || is_atomic_builtin(name) ||
               changes_holds(model_function(s->model, name));
    clang_disposeString(spelling);
    if (may)
        return true;
    CXCursor def = clang_getCursorDefinition(decl);
    if (clang_Cursor_isNull(def) || !parse_in_main_file(def, s->main_file))
        return false; /* a library call with no lock word and no rule */
    return s->depth >= LOCKFREE_DEPTH ||
           !scan_body(def, s->model, s->main_file, s->depth + 1);
}

static enum CXChildVisitResult visit_call(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct lockfree_scan *s = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_GCCAsmStmt || k == CXCursor_MSAsmStmt ||
        (k == CXCursor_CallExpr && call_may_lock(c, s))) {
        s->lock_free = false;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

static bool scan_body(CXCursor def, const struct model *m, CXFile main_file, unsigned depth)
{
    struct lockfree_scan s = {m, main_file, depth, true};
    clang_visitChildren(def, visit_call, &s);
    return s.lock_free;
}

bool lockfree_body(CXCursor def, const struct model *m, CXFile main_file)
{
    return scan_body(def, m, main_file, 0);
}
