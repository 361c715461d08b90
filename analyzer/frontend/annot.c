/* SPDX-License-Identifier: MIT
 * annot: annotation spellings -> struct annotation (see annot.h). */
#include "frontend/annot.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "support/strbuf.h"
#include "frontend/parse.h"

/* Every spelling we know, attribute or macro, and what it means. Names
 * that take no arguments are marked. */
static const struct spelling {
    const char *name;
    enum annot_kind kind;
} spellings[] = {
    /* clang attribute names (current and legacy) */
    {"guarded_by", AN_GUARDED_BY}, {"pt_guarded_by", AN_PT_GUARDED_BY},
    {"guarded_var", AN_GUARDED_VAR}, {"pt_guarded_var", AN_PT_GUARDED_VAR},
    {"requires_capability", AN_REQUIRES}, {"exclusive_locks_required", AN_REQUIRES},
    {"requires_shared_capability", AN_REQUIRES_SHARED}, {"shared_locks_required", AN_REQUIRES_SHARED},
    {"acquire_capability", AN_ACQUIRE}, {"exclusive_lock_function", AN_ACQUIRE},
    {"acquire_shared_capability", AN_ACQUIRE_SHARED}, {"shared_lock_function", AN_ACQUIRE_SHARED},
    {"release_capability", AN_RELEASE}, {"unlock_function", AN_RELEASE_GENERIC},
    {"release_shared_capability", AN_RELEASE_SHARED},
    {"release_generic_capability", AN_RELEASE_GENERIC},
    {"try_acquire_capability", AN_TRY_ACQUIRE}, {"exclusive_trylock_function", AN_TRY_ACQUIRE},
    {"try_acquire_shared_capability", AN_TRY_ACQUIRE_SHARED},
    {"shared_trylock_function", AN_TRY_ACQUIRE_SHARED},
    {"locks_excluded", AN_EXCLUDES}, {"capability", AN_CAPABILITY}, {"lockable", AN_CAPABILITY},
    {"shared_capability", AN_CAPABILITY},
    {"acquired_before", AN_ACQUIRED_BEFORE}, {"acquired_after", AN_ACQUIRED_AFTER},
    {"assert_capability", AN_ASSERT}, {"assert_exclusive_lock", AN_ASSERT},
    {"assert_shared_capability", AN_ASSERT_SHARED}, {"assert_shared_lock", AN_ASSERT_SHARED},
    {"lock_returned", AN_RETURN_CAPABILITY},
    {"no_thread_safety_analysis", AN_NO_ANALYSIS},
    /* lockcheck.h and the common macro vocabularies (abseil, clang docs) */
    {"GUARDED_BY", AN_GUARDED_BY}, {"PT_GUARDED_BY", AN_PT_GUARDED_BY},
    {"GUARDED_VAR", AN_GUARDED_VAR}, {"PT_GUARDED_VAR", AN_PT_GUARDED_VAR},
    {"REQUIRES", AN_REQUIRES}, {"REQUIRES_SHARED", AN_REQUIRES_SHARED},
    {"ACQUIRE", AN_ACQUIRE}, {"ACQUIRE_SHARED", AN_ACQUIRE_SHARED},
    {"RELEASE", AN_RELEASE}, {"RELEASE_SHARED", AN_RELEASE_SHARED},
    {"RELEASE_GENERIC", AN_RELEASE_GENERIC}, {"TRY_ACQUIRE", AN_TRY_ACQUIRE},
    {"TRY_ACQUIRE_SHARED", AN_TRY_ACQUIRE_SHARED}, {"EXCLUDES", AN_EXCLUDES},
    {"ACQUIRED_BEFORE", AN_ACQUIRED_BEFORE}, {"ACQUIRED_AFTER", AN_ACQUIRED_AFTER},
    {"ASSERT_CAPABILITY", AN_ASSERT}, {"ASSERT_SHARED_CAPABILITY", AN_ASSERT_SHARED},
    {"RETURN_CAPABILITY", AN_RETURN_CAPABILITY},
    {"NO_THREAD_SAFETY_ANALYSIS", AN_NO_ANALYSIS},
    {"EXCLUSIVE_LOCKS_REQUIRED", AN_REQUIRES}, {"SHARED_LOCKS_REQUIRED", AN_REQUIRES_SHARED},
    {"LOCKS_EXCLUDED", AN_EXCLUDES}, {"EXCLUSIVE_LOCK_FUNCTION", AN_ACQUIRE},
    {"SHARED_LOCK_FUNCTION", AN_ACQUIRE_SHARED}, {"UNLOCK_FUNCTION", AN_RELEASE_GENERIC},
    {"EXCLUSIVE_TRYLOCK_FUNCTION", AN_TRY_ACQUIRE}, {"SHARED_TRYLOCK_FUNCTION", AN_TRY_ACQUIRE_SHARED},
    {"ABSL_GUARDED_BY", AN_GUARDED_BY}, {"ABSL_PT_GUARDED_BY", AN_PT_GUARDED_BY},
    {"ABSL_EXCLUSIVE_LOCKS_REQUIRED", AN_REQUIRES}, {"ABSL_SHARED_LOCKS_REQUIRED", AN_REQUIRES_SHARED},
    {"ABSL_LOCKS_EXCLUDED", AN_EXCLUDES}, {"ABSL_EXCLUSIVE_LOCK_FUNCTION", AN_ACQUIRE},
    {"ABSL_UNLOCK_FUNCTION", AN_RELEASE_GENERIC},
    {"ABSL_NO_THREAD_SAFETY_ANALYSIS", AN_NO_ANALYSIS},
    /* lockcheck.h extras */
    {"LOCKCHECK_INITIALIZER", AN_INITIALIZER}, {"LOCKCHECK_DESTRUCTOR", AN_INITIALIZER},
    /* FreeBSD <sys/cdefs.h> */
    {"__guarded_by", AN_GUARDED_BY}, {"__pt_guarded_by", AN_PT_GUARDED_BY},
    {"__requires_exclusive", AN_REQUIRES}, {"__requires_shared", AN_REQUIRES_SHARED},
    {"__requires_unlocked", AN_EXCLUDES}, {"__locks_exclusive", AN_ACQUIRE},
    {"__locks_shared", AN_ACQUIRE_SHARED}, {"__unlocks", AN_RELEASE_GENERIC},
    {"__trylocks_exclusive", AN_TRY_ACQUIRE}, {"__trylocks_shared", AN_TRY_ACQUIRE_SHARED},
    {"__asserts_exclusive", AN_ASSERT}, {"__asserts_shared", AN_ASSERT_SHARED},
    {"__no_lock_analysis", AN_NO_ANALYSIS}, {"__lockable", AN_CAPABILITY},
    /* QEMU include/qemu/clang-tsa.h */
    {"TSA_GUARDED_BY", AN_GUARDED_BY}, {"TSA_PT_GUARDED_BY", AN_PT_GUARDED_BY},
    {"TSA_REQUIRES", AN_REQUIRES}, {"TSA_REQUIRES_SHARED", AN_REQUIRES_SHARED},
    {"TSA_ACQUIRE", AN_ACQUIRE}, {"TSA_ACQUIRE_SHARED", AN_ACQUIRE_SHARED},
    {"TSA_RELEASE", AN_RELEASE}, {"TSA_RELEASE_SHARED", AN_RELEASE_SHARED},
    {"TSA_EXCLUDES", AN_EXCLUDES}, {"TSA_ASSERT", AN_ASSERT},
    {"TSA_ASSERT_SHARED", AN_ASSERT_SHARED}, {"TSA_NO_TSA", AN_NO_ANALYSIS},
    {"TSA_CAPABILITY", AN_CAPABILITY},
    /* Linux kernel: sparse's context annotations and context analysis */
    {"__must_hold", AN_REQUIRES}, {"__must_hold_shared", AN_REQUIRES_SHARED},
    {"__acquires", AN_ACQUIRE}, {"__acquires_shared", AN_ACQUIRE_SHARED},
    {"__releases", AN_RELEASE}, {"__releases_shared", AN_RELEASE_SHARED},
    {"__cond_acquires", AN_TRY_ACQUIRE}, {"__cond_acquires_shared", AN_TRY_ACQUIRE_SHARED},
    {"__must_not_hold", AN_EXCLUDES}, {"__no_context_analysis", AN_NO_ANALYSIS},
};

/* The lockcheck:KIND strings of lockcheck.h's annotate form. */
static const char *const kind_names[AN_COUNT] = {
    [AN_GUARDED_BY] = "guarded_by", [AN_PT_GUARDED_BY] = "pt_guarded_by",
    [AN_GUARDED_VAR] = "guarded_var", [AN_PT_GUARDED_VAR] = "pt_guarded_var",
    [AN_REQUIRES] = "requires", [AN_REQUIRES_SHARED] = "requires_shared",
    [AN_ACQUIRE] = "acquire", [AN_ACQUIRE_SHARED] = "acquire_shared",
    [AN_RELEASE] = "release", [AN_RELEASE_SHARED] = "release_shared",
    [AN_RELEASE_GENERIC] = "release_generic", [AN_TRY_ACQUIRE] = "try_acquire",
    [AN_TRY_ACQUIRE_SHARED] = "try_acquire_shared", [AN_EXCLUDES] = "excludes",
    [AN_CAPABILITY] = "capability", [AN_ACQUIRED_BEFORE] = "acquired_before",
    [AN_ACQUIRED_AFTER] = "acquired_after", [AN_ASSERT] = "assert_capability",
    [AN_ASSERT_SHARED] = "assert_shared_capability",
    [AN_RETURN_CAPABILITY] = "return_capability",
    [AN_NO_ANALYSIS] = "no_thread_safety_analysis", [AN_INITIALIZER] = "initializer",
};

const char *annot_kind_name(enum annot_kind k)
{
    return kind_names[k];
}

static bool lookup(const char *name, enum annot_kind *kind)
{
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        if (!strcmp(spellings[i].name, name)) {
            *kind = spellings[i].kind;
            return true;
        }
    }
    return false;
}

/* The thread-safety vocabulary a project's own macros end in (SDL_ACQUIRE,
 * FOO_EXCLUSIVE_LOCKS_REQUIRED): the uppercase spellings above. */
static bool vocabulary_word(const char *word, enum annot_kind *kind)
{
    for (const char *p = word; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            return false;
    return lookup(word, kind) || (!strcmp(word, "CAPABILITY") && (*kind = AN_CAPABILITY, true));
}

/* "PREFIX_WORD" where WORD is the longest vocabulary word the name ends
 * in and PREFIX is uppercase: a project's name for a thread-safety macro. */
static bool lookup_by_suffix(const char *name, enum annot_kind *kind)
{
    for (const char *p = name; *p; p++) {
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return false;
    }
    for (const char *p = strchr(name, '_'); p && p[1]; p = strchr(p + 1, '_')) {
        static const char *const not_locks[] = {"SCOPED_CAPABILITY", "SCOPED_LOCKABLE", NULL};
        for (unsigned i = 0; not_locks[i]; i++)
            if (!strcmp(p + 1, not_locks[i]))
                return false;
        if (p > name && vocabulary_word(p + 1, kind))
            return true;
    }
    return false;
}

static bool token_is(CXTranslationUnit tu, CXToken t, const char *what);

/* Whether the macro whose use is the token at loc is a thread-safety macro
 * by its text: it expands to nothing (a build that does not ask for
 * clang's analysis, where the attribute never reaches the syntax tree), or
 * its body names one of clang's thread-safety attributes, perhaps through
 * a wrapper that the build defines away in turn (SDL_ACQUIRE(x) is
 * `SDL_THREAD_ANNOTATION_ATTRIBUTE__(acquire_capability(x))`). */
static bool is_lock_macro(CXTranslationUnit tu, CXSourceLocation loc)
{
    CXCursor use = clang_getCursor(tu, loc);
    if (clang_getCursorKind(use) != CXCursor_MacroExpansion)
        return false;
    CXCursor def = clang_getCursorReferenced(use);
    if (clang_getCursorKind(def) != CXCursor_MacroDefinition)
        return false;
    CXToken *t = NULL;
    unsigned n = 0;
    clang_tokenize(tu, clang_getCursorExtent(def), &t, &n);
    unsigned body = 1; /* the first token after the name and its parameters */
    if (clang_Cursor_isMacroFunctionLike(def)) {
        while (body < n && !token_is(tu, t[body], ")"))
            body++;
        body++;
    }
    bool names_attribute = body >= n;
    for (unsigned i = body; i < n && !names_attribute; i++) {
        CXString sp = clang_getTokenSpelling(tu, t[i]);
        const char *word = clang_getCString(sp);
        enum annot_kind kind;
        names_attribute = word && word[0] >= 'a' && word[0] <= 'z' && lookup(word, &kind);
        clang_disposeString(sp);
    }
    clang_disposeTokens(tu, t, n);
    return names_attribute;
}

static bool takes_no_args(enum annot_kind k)
{
    return k == AN_NO_ANALYSIS || k == AN_INITIALIZER || k == AN_GUARDED_VAR ||
           k == AN_PT_GUARDED_VAR;
}

struct collect {
    struct arena *a;
    struct annotation *v;
    unsigned n, cap;
    bool seen[AN_COUNT];
};

static void add(struct collect *c, struct annotation an)
{
    if (c->n == c->cap) {
        unsigned cap = c->cap ? c->cap * 2 : 4;
        struct annotation *v = arena_alloc(c->a, cap * sizeof *v);
        if (c->n)
            memcpy(v, c->v, c->n * sizeof *v);
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = an;
    c->seen[an.kind] = true;
}

/* Splits "a->mu, b" at top-level commas into trimmed argument texts. */
static void split_args(struct arena *a, const char *text, size_t len, struct annotation *an)
{
    const char **args = arena_alloc(a, (len / 2 + 2) * sizeof *args);
    unsigned n = 0;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        char ch = i < len ? text[i] : ',';
        if (ch == '(' || ch == '[')
            depth++;
        else if (ch == ')' || ch == ']')
            depth--;
        if (ch != ',' || depth > 0)
            continue;
        size_t b = start, e = i;
        while (b < e && (text[b] == ' ' || text[b] == '"'))
            b++;
        while (e > b && (text[e - 1] == ' ' || text[e - 1] == '"'))
            e--;
        if (e > b)
            args[n++] = arena_strndup(a, text + b, e - b);
        start = i + 1;
    }
    an->args = args;
    an->nargs = n;
}

/* Tokens of [begin, end) as text with one space between tokens. */
static const char *join_tokens(struct arena *a, CXTranslationUnit tu, CXToken *t, unsigned b,
                               unsigned e)
{
    struct strbuf out = {0};
    bool prev_word = false;
    for (unsigned i = b; i < e; i++) {
        CXString s = clang_getTokenSpelling(tu, t[i]);
        const char *str = clang_getCString(s);
        bool word = clang_getTokenKind(t[i]) != CXToken_Punctuation;
        if (out.len && word && prev_word)
            strbuf_putc(&out, ' '); /* "a->mu", but "struct s" */
        prev_word = word;
        strbuf_puts(&out, str ? str : "");
        clang_disposeString(s);
    }
    const char *text = arena_strdup(a, strbuf_str(&out));
    strbuf_free(&out);
    return text;
}

static bool token_is(CXTranslationUnit tu, CXToken t, const char *what)
{
    CXString s = clang_getTokenSpelling(tu, t);
    const char *str = clang_getCString(s);
    bool r = str && !strcmp(str, what);
    clang_disposeString(s);
    return r;
}

/* Finds "NAME ( args )" among the declaration's own tokens. */
static void scan_tokens(struct collect *c, CXTranslationUnit tu, CXSourceRange range)
{
    CXToken *t = NULL;
    unsigned n = 0;
    clang_tokenize(tu, range, &t, &n);
    int braces = 0; /* a struct defined inside a declaration has its own fields */
    for (unsigned i = 0; i < n; i++) {
        if (clang_getTokenKind(t[i]) == CXToken_Punctuation) {
            braces += token_is(tu, t[i], "{") - token_is(tu, t[i], "}");
            continue;
        }
        if (braces > 0 || clang_getTokenKind(t[i]) != CXToken_Identifier)
            continue;
        CXString s = clang_getTokenSpelling(tu, t[i]);
        enum annot_kind kind;
        const char *name = clang_getCString(s);
        bool exact = name && lookup(name, &kind);
        bool known = exact || (name && lookup_by_suffix(name, &kind) &&
                               is_lock_macro(tu, clang_getTokenLocation(tu, t[i])));
        const char *spelled = known ? arena_strdup(c->a, name) : NULL;
        clang_disposeString(s);
        if (!known)
            continue;
        struct annotation an = {kind, NULL, 0, {0, 0, 0}, spelled, NULL, !exact};
        an.loc = parse_location(clang_getTokenLocation(tu, t[i]), &an.file);
        if (i + 1 < n && token_is(tu, t[i + 1], "(")) {
            unsigned depth = 0, j = i + 1;
            for (; j < n; j++) {
                if (token_is(tu, t[j], "("))
                    depth++;
                else if (token_is(tu, t[j], ")") && --depth == 0)
                    break;
            }
            const char *args = join_tokens(c->a, tu, t, i + 2, j < n ? j : n);
            split_args(c->a, args, strlen(args), &an);
            i = j;
        } else if (!takes_no_args(kind)) {
            continue;
        }
        add(c, an);
    }
    clang_disposeTokens(tu, t, n);
}

static CXSourceRange widen(CXTranslationUnit tu, CXSourceRange r);

/* annotate("lockcheck:KIND:ARGS") */
static void read_annotate(struct collect *c, CXCursor attr)
{
    const char *s = parse_spelling(c->a, attr);
    if (strncmp(s, "lockcheck:", 10))
        return;
    s += 10;
    const char *colon = strchr(s, ':');
    if (!colon)
        return;
    for (int k = 0; k < AN_COUNT; k++) {
        if (strlen(kind_names[k]) != (size_t)(colon - s) || strncmp(kind_names[k], s, (size_t)(colon - s)))
            continue;
        if (c->seen[k])
            return; /* already read from the tokens */
        struct annotation an = {(enum annot_kind)k, NULL, 0, {0, 0, 0}, kind_names[k], NULL, false};
        an.loc = parse_location(clang_getCursorLocation(attr), &an.file);
        split_args(c->a, colon + 1, strlen(colon + 1), &an);
        add(c, an);
        return;
    }
}

/* An attribute clang exposes without arguments: its name is the token at
 * its spelling location (inside a macro definition, maybe); its
 * arguments are those of the outermost macro use, or of the attribute. */
static void read_unexposed(struct collect *c, CXTranslationUnit tu, CXCursor attr, CXCursor decl)
{
    CXFile file;
    unsigned line, col;
    clang_getSpellingLocation(clang_getCursorLocation(attr), &file, &line, &col, NULL);
    if (!file)
        return;
    CXToken *tok = clang_getToken(tu, clang_getLocation(tu, file, line, col));
    if (!tok)
        return;
    CXString s = clang_getTokenSpelling(tu, *tok);
    enum annot_kind kind;
    bool known = clang_getCString(s) && lookup(clang_getCString(s), &kind);
    clang_disposeString(s);
    clang_disposeTokens(tu, tok, 1);
    if (!known || c->seen[kind])
        return;
    /* The macro use (or the attribute itself) starts at the expansion
     * location: tokenize from there to the end of the declaration. */
    CXFile efile;
    unsigned eoff;
    clang_getExpansionLocation(clang_getCursorLocation(attr), &efile, NULL, NULL, &eoff);
    CXSourceRange decl_range = widen(tu, clang_getCursorExtent(decl));
    CXSourceRange from_use = clang_getRange(clang_getLocationForOffset(tu, efile, eoff),
                                            clang_getRangeEnd(decl_range));
    CXToken *t = NULL;
    unsigned n = 0;
    clang_tokenize(tu, from_use, &t, &n);
    unsigned open = 0;
    while (open < n && !token_is(tu, t[open], "("))
        open++;
    unsigned depth = 0, close = open;
    for (; close < n; close++) {
        if (token_is(tu, t[close], "("))
            depth++;
        else if (token_is(tu, t[close], ")") && --depth == 0)
            break;
    }
    struct annotation an = {kind, NULL, 0, {0, 0, 0}, kind_names[kind], NULL, false};
    an.loc = parse_location(clang_getCursorLocation(attr), &an.file);
    if (open < n) {
        const char *args = join_tokens(c->a, tu, t, open + 1, close < n ? close : n);
        split_args(c->a, args, strlen(args), &an);
    }
    clang_disposeTokens(tu, t, n);
    if (an.nargs || takes_no_args(kind))
        add(c, an);
}

static enum CXChildVisitResult visit_attr(CXCursor child, CXCursor parent, CXClientData data)
{
    void **ctx = data;
    struct collect *c = ctx[0];
    CXTranslationUnit tu = ctx[1];
    enum CXCursorKind k = clang_getCursorKind(child);
    if (k == CXCursor_AnnotateAttr)
        read_annotate(c, child);
    else if (clang_isAttribute(k))
        read_unexposed(c, tu, child, parent);
    return CXChildVisit_Continue;
}

/* Offsets in the file that holds the declaration (expansion locations). */
static bool file_offsets(CXSourceRange r, CXFile *file, unsigned *begin, unsigned *end)
{
    CXFile f2 = NULL;
    clang_getExpansionLocation(clang_getRangeStart(r), file, NULL, NULL, begin);
    clang_getExpansionLocation(clang_getRangeEnd(r), &f2, NULL, NULL, end);
    return *file && f2 && clang_File_isEqual(*file, f2) && *begin <= *end;
}

/* LIBCLANG 19: a declaration's extent stops at its declarator, so
 * annotations written after it (`int n GUARDED_BY(mu);`, a prototype's
 * `__must_hold(x);`, macros that expand to nothing) and C23 attributes in
 * front of it are outside. Widen the range over the file's text: back over
 * a `[[...]]`, forward to the `;`, `,`, `{` or `=` that ends the
 * declarator, skipping parentheses. */
static CXSourceRange widen(CXTranslationUnit tu, CXSourceRange r)
{
    CXFile file;
    unsigned begin, end;
    if (!file_offsets(r, &file, &begin, &end))
        return r;
    size_t len = 0;
    const char *text = clang_getFileContents(tu, file, &len);
    if (!text || end > len)
        return r;
    unsigned b = begin;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\n'))
        b--;
    if (b >= 2 && text[b - 1] == ']' && text[b - 2] == ']') {
        unsigned k = b - 2;
        while (k >= 2 && !(text[k - 1] == '[' && text[k - 2] == '['))
            k--;
        if (k >= 2)
            begin = k - 2;
    }
    int depth = 0;
    unsigned e = end;
    for (; e < len; e++) {
        char ch = text[e];
        if (ch == '(')
            depth++;
        else if (ch == ')')
            depth--;
        else if (depth <= 0 && (ch == ';' || ch == ',' || ch == '{' || ch == '=' || ch == '}'))
            break;
    }
    return clang_getRange(clang_getLocationForOffset(tu, file, begin),
                          clang_getLocationForOffset(tu, file, e));
}

/* A function's head (up to its body) or a whole field/variable. */
static CXSourceRange head_range(CXTranslationUnit tu, CXCursor decl)
{
    CXSourceRange ext = clang_getCursorExtent(decl);
    struct cursor_stack st = {0};
    unsigned n = parse_children(decl, &st);
    bool body = false;
    for (unsigned i = 0; i < n; i++) {
        if (clang_getCursorKind(st.v[i]) == CXCursor_CompoundStmt) {
            ext = clang_getRange(clang_getRangeStart(ext),
                                 clang_getRangeStart(clang_getCursorExtent(st.v[i])));
            body = true;
        }
    }
    free(st.v);
    /* other macros defined between a head's first macro and its use
     * (`#define RELEASE(ptr) ...`) are not the function's */
    return body ? parse_file_range(tu, clang_getRangeStart(ext), clang_getRangeEnd(ext))
                : widen(tu, ext);
}

struct annot_list annot_read(struct arena *a, CXTranslationUnit tu, CXCursor decl)
{
    struct collect c = {a, NULL, 0, 0, {false}};
    /* System headers (the C library, POSIX) carry no lock annotations here;
     * reading every libc declaration a file calls would cost more than the
     * rest of the analysis. */
    if (clang_Location_isInSystemHeader(clang_getCursorLocation(decl)))
        return (struct annot_list){NULL, 0};
    scan_tokens(&c, tu, head_range(tu, decl));
    void *ctx[2] = {&c, tu};
    clang_visitChildren(decl, visit_attr, ctx);
    return (struct annot_list){c.v, c.n};
}
