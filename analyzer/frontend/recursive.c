/* SPDX-License-Identifier: MIT
 * recursive: lock classes made recursive by their initialisation (see
 * recursive.h). */
#include "frontend/recursive.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "frontend/parse.h"

struct scan {
    struct arena *a;
    CXTranslationUnit tu;
    struct strmap *classes;
    struct strmap attrs; /* offsets of attribute variables set recursive */
    struct cursor_stack kids;
};

/* Whether one of the tokens of c's extent contains word. */
static bool tokens_mention(CXTranslationUnit tu, CXCursor c, const char *word)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(tu, clang_getCursorExtent(c), &toks, &n);
    bool found = false;
    for (unsigned i = 0; i < n && !found; i++) {
        CXString sp = clang_getTokenSpelling(tu, toks[i]);
        const char *t = clang_getCString(sp);
        found = t && strstr(t, word) != NULL;
        clang_disposeString(sp);
    }
    clang_disposeTokens(tu, toks, n);
    return found;
}

/* The variable an argument names, through `&`: its offset as a key. */
static const char *variable_key(struct scan *s, CXCursor arg)
{
    CXCursor c = parse_peel(arg);
    size_t base = s->kids.n;
    if (clang_getCursorKind(c) == CXCursor_UnaryOperator && parse_children(c, &s->kids) == 1)
        c = parse_peel(s->kids.v[base]);
    s->kids.n = base;
    CXCursor decl = clang_getCursorReferenced(c);
    if (clang_getCursorKind(decl) != CXCursor_VarDecl)
        return NULL;
    return arena_printf(s->a, "%u", parse_cursor_loc(decl).offset);
}

static void add_class(struct scan *s, CXCursor lock_arg)
{
    CXCursor decl;
    const char *cls = parse_lock_class(s->a, &s->kids, lock_arg, &decl);
    if (cls)
        strmap_put(s->classes, cls, (void *)1);
}

static void on_call(struct scan *s, CXCursor call)
{
    if (clang_Cursor_getNumArguments(call) != 2)
        return;
    const char *name = parse_spelling(s->a, call);
    CXCursor a0 = clang_Cursor_getArgument(call, 0), a1 = clang_Cursor_getArgument(call, 1);
    if (!strcmp(name, "pthread_mutexattr_settype") && tokens_mention(s->tu, a1, "RECURSIVE")) {
        const char *key = variable_key(s, a0);
        if (key)
            strmap_put(&s->attrs, key, (void *)1);
    } else if (!strcmp(name, "pthread_mutex_init")) {
        const char *key = variable_key(s, a1);
        if (key && strmap_get(&s->attrs, key))
            add_class(s, a0);
    } else if (!strcmp(name, "mtx_init") && tokens_mention(s->tu, a1, "mtx_recursive")) {
        add_class(s, a0);
    }
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_CallExpr)
        on_call(data, c);
    return CXChildVisit_Recurse;
}

/* `static pthread_mutex_t m = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;` */
static void on_global(struct scan *s, CXCursor var)
{
    if (!tokens_mention(s->tu, var, "RECURSIVE_MUTEX_INITIALIZER"))
        return;
    strmap_put(s->classes, parse_spelling(s->a, var), (void *)1);
}

static void scan_file(struct arena *a, CXTranslationUnit tu, CXFile main_file,
                      struct strmap *classes)
{
    struct scan s = {.a = a, .tu = tu, .classes = classes};
    struct cursor_stack top = {0};
    unsigned n = parse_children(clang_getTranslationUnitCursor(tu), &top);
    for (unsigned i = 0; i < n; i++) {
        CXCursor c = top.v[i];
        if (!parse_in_main_file(c, main_file))
            continue;
        if (clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c))
            clang_visitChildren(c, visit, &s);
        else if (clang_getCursorKind(c) == CXCursor_VarDecl)
            on_global(&s, c);
    }
    free(top.v);
    free(s.kids.v);
    strmap_free(&s.attrs);
}

bool recursive_class(struct arena *a, CXTranslationUnit tu, CXFile main_file,
                     const char *source, size_t source_len, struct strmap *classes,
                     bool *scanned, const char *cls)
{
    if (!*scanned) {
        *scanned = true;
        if (source && (memmem(source, source_len, "RECURSIVE", 9) ||
                       memmem(source, source_len, "mtx_recursive", 13)))
            scan_file(a, tu, main_file, classes);
    }
    return cls && strmap_get(classes, cls) != NULL;
}

/* Whether a token of the range names the reentrant attribute. */
static bool range_says_reentrant(CXTranslationUnit tu, CXSourceRange r)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(tu, r, &toks, &n);
    bool found = false;
    for (unsigned i = 0; i < n && !found; i++) {
        if (clang_getTokenKind(toks[i]) != CXToken_Identifier)
            continue;
        CXString sp = clang_getTokenSpelling(tu, toks[i]);
        const char *t = clang_getCString(sp);
        size_t len = t ? strlen(t) : 0, suffix = strlen("REENTRANT_CAPABILITY");
        found = t && (strstr(t, "reentrant_capability") ||
                      (len >= suffix && !strcmp(t + len - suffix, "REENTRANT_CAPABILITY")));
        clang_disposeString(sp);
    }
    clang_disposeTokens(tu, toks, n);
    return found;
}

/* The head of a record declaration, `struct ATTRS name`: from its first
 * token to its name (an unnamed record has no head to read). Only the
 * head is tokenised, so a large system type costs a few tokens. */
static bool record_head_reentrant(CXTranslationUnit tu, CXCursor rec)
{
    CXString name = clang_getCursorSpelling(rec);
    bool named = clang_getCString(name) && *clang_getCString(name) &&
                 !clang_Cursor_isAnonymous(rec);
    clang_disposeString(name);
    if (!named)
        return false;
    CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(rec));
    CXSourceLocation at = clang_getCursorLocation(rec);
    CXFile f1, f2;
    unsigned o1, o2;
    clang_getFileLocation(start, &f1, NULL, NULL, &o1);
    clang_getFileLocation(at, &f2, NULL, NULL, &o2);
    if (!f1 || !clang_File_isEqual(f1, f2) || o2 <= o1)
        return false;
    return range_says_reentrant(tu, clang_getRange(start, at));
}

bool recursive_type(CXTranslationUnit tu, CXCursor arg)
{
    if (clang_Cursor_isNull(arg))
        return false;
    CXType t = clang_getCanonicalType(clang_getCursorType(arg));
    if (t.kind != CXType_Pointer)
        return false;
    CXType pointee = clang_getCanonicalType(clang_getPointeeType(t));
    CXCursor rec = clang_getTypeDeclaration(pointee);
    enum CXCursorKind k = clang_getCursorKind(rec);
    if (k != CXCursor_StructDecl && k != CXCursor_UnionDecl)
        return false;
    /* every declaration of the record may carry it; the definition at least */
    CXCursor def = clang_getCursorDefinition(rec);
    return record_head_reentrant(tu, rec) ||
           (!clang_Cursor_isNull(def) && record_head_reentrant(tu, def));
}
