/* SPDX-License-Identifier: MIT */
#include "frontend/lockfree.h"

#include <string.h>

#include "frontend/parse.h"
#include "model/lockname.h"
#include "model/model.h"
#include "support/strmap.h"

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

/* Records are followed this deep through embedded members. */
enum { OBJECT_DEPTH = 4 };

static bool type_may_be_lock(CXType t, const struct model *m, unsigned depth);

/* Whether the type's spelling, at any level of its typedefs, is a lock
 * type of the rules (`pthread_mutex_t`, `GMutex`, `struct mutex`), or a
 * name with a lock word (`spinlock_t`, `struct qlock`). */
static bool lock_spelling(const char *name, const void *ctx)
{
    const struct model *m = ctx;
    return strmap_get(&m->lock_types, name) || lockname_has_lock_word(name);
}

static bool named_as_lock(CXType t, const struct model *m)
{
    return parse_type_named(t, lock_spelling, m);
}

struct field_scan {
    const struct model *model;
    unsigned depth;
    bool may_lock;
};

/* A member named for a lock (`mutex`, `lock`, `spin_lock`), or a pointer
 * to a lock type (`DBusRMutex *mutex`, `pthread_mutex_t *mu`). */
static bool field_names_lock(CXCursor field, const struct model *m)
{
    CXString sp = clang_getCursorSpelling(field);
    const char *name = clang_getCString(sp);
    bool lock = name && (lockname_has_lock_word(name) || strcasestr(name, "mutex"));
    clang_disposeString(sp);
    CXType t = clang_getCursorType(field);
    return lock || named_as_lock(parse_pointee(t), m);
}

static enum CXVisitorResult visit_field(CXCursor field, CXClientData data)
{
    struct field_scan *s = data;
    if (field_names_lock(field, s->model) ||
        type_may_be_lock(clang_getCursorType(field), s->model, s->depth + 1)) {
        s->may_lock = true;
        return CXVisit_Break;
    }
    return CXVisit_Continue;
}

/* A lock type by name, an atomic or volatile word (a spin lock of its
 * own), an incomplete type, or a record that embeds one of those. */
static bool type_may_be_lock(CXType t, const struct model *m, unsigned depth)
{
    if (depth > OBJECT_DEPTH || named_as_lock(t, m) || clang_isVolatileQualifiedType(t))
        return true;
    CXType c = clang_getCanonicalType(t);
    if (c.kind == CXType_Atomic || clang_isVolatileQualifiedType(c))
        return true;
    if (c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray)
        return type_may_be_lock(clang_getArrayElementType(c), m, depth + 1);
    if (c.kind != CXType_Record)
        return false; /* a number or a pointer: a lock's word is volatile or atomic */
    if (clang_Type_getSizeOf(c) < 0)
        return true; /* incomplete: what it holds is not known */
    struct field_scan s = {m, depth, false};
    clang_Type_visitFields(c, visit_field, &s);
    return s.may_lock;
}

bool lockfree_object(CXType t, const struct model *m)
{
    CXType pointee = parse_pointee(t);
    return pointee.kind != CXType_Invalid &&
           clang_getCanonicalType(pointee).kind == CXType_Record &&
           !type_may_be_lock(pointee, m, 0);
}
