/* SPDX-License-Identifier: MIT
 * cfg_call: calls and rules macros -> lock events. A call's rule comes from
 * the callee's annotations, the rules files, its inferred contract (this
 * file's functions, a header's inline functions on first use, by argument
 * value), or, for undescribed lock/unlock pairs, its name (lockname.h).
 * Lock arguments become canonical access paths; noreturn calls end the
 * path. */
#include "frontend/cfg_build.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontend/annot.h"
#include "support/arena.h"
#include "analysis/argsplit.h"
#include "frontend/condwait.h"
#include "frontend/contract.h"
#include "frontend/lockfree.h"
#include "frontend/recursive.h"
#include "model/lockexpr.h"
#include "model/lockname.h"

/* What a callee name means; cached per TU because names are unique in C. */
struct callee_info {
    const struct lock_rule *rule;
    bool noreturn;
    bool local; /* defined in this TU: its contract may be inferred */
    enum { BODY_UNREAD, BODY_LOCK_FREE, BODY_MAY_LOCK } body; /* lockfree.h */
    bool contract_read;
    const struct contract *contract;        /* from every declaration's annotations */
    const struct contract *contract_before; /* as calls above the definition see it */
    unsigned defined_at;                    /* the definition's offset, or 0 */
};

/* Arguments of a call: either cursors (a real call) or texts (a macro). */
struct call_args {
    CXCursor *cursors;
    const char **texts;
    unsigned n;
};

static const char *arg_path(struct builder *b, const struct call_args *args, unsigned i)
{
    if (args->cursors)
        return build_path(b, args->cursors[i]);
    struct diag d;
    const char *p = lockexpr_parse(b->a, args->texts[i], NULL, 0, &d);
    build_note_index_text(b, args->texts[i]);
    return p ? p : args->texts[i];
}

/* ACQUIRED_BEFORE(x) / ACQUIRED_AFTER(x) on the lock's declaration, as
 * classes: a sibling field of a struct, or a global. */
static CXType member_type(CXType t, const char *name, size_t len);

/* Whether record type t has a member whose name is the first word of
 * path (`mu_` of "mu_", "bar.other_mu"). */
static bool record_has_member(CXType t, const char *path)
{
    size_t len = strcspn(path, ".-[ ");
    return len && clang_getCanonicalType(member_type(t, path, len)).kind != CXType_Invalid;
}

/* The class prefix ("struct Foo.") a field's order annotation names its
 * locks in: the field's own record, or, for a name that is none of its
 * members, the record it is nested in that has it (`ACQUIRED_AFTER(mu_)`
 * on a field of struct Bar declared inside struct Foo, naming Foo's mu_,
 * as clang resolves it). */
static const char *order_prefix(struct builder *b, CXCursor field, const char *name)
{
    CXCursor rec = clang_getCursorSemanticParent(field);
    for (CXCursor r = rec; clang_getCursorKind(r) == CXCursor_StructDecl ||
                           clang_getCursorKind(r) == CXCursor_UnionDecl;
         r = clang_getCursorLexicalParent(r)) { /* (C hoists a nested record's scope) */
        if (record_has_member(clang_getCursorType(r), name))
            return arena_printf(b->a, "%s.", parse_str(b->a, clang_getTypeSpelling(clang_getCursorType(r))));
    }
    return arena_printf(b->a, "%s.", parse_record_of(b->a, field));
}

static void declared_order(struct builder *b, struct cfg_lock *l, CXCursor decl)
{
    struct annot_list an = annot_read(b->a, b->t->tu, decl);
    bool field = clang_getCursorKind(decl) == CXCursor_FieldDecl;
    for (unsigned i = 0; i < an.n; i++) {
        bool before = an.v[i].kind == AN_ACQUIRED_BEFORE;
        if (!before && an.v[i].kind != AN_ACQUIRED_AFTER)
            continue;
        const char **list = arena_alloc(b->a, (an.v[i].nargs + 1) * sizeof *list);
        for (unsigned k = 0; k < an.v[i].nargs; k++) {
            const char *x = an.v[i].args[k];
            while (*x == '&' || *x == '*')
                x++;
            list[k] = arena_printf(b->a, "%s%s", field ? order_prefix(b, decl, x) : "", x);
        }
        if (before) {
            l->precedes = list;
            l->nprecedes = an.v[i].nargs;
        } else {
            l->follows = list;
            l->nfollows = an.v[i].nargs;
        }
    }
}

static const char *class_of_pointer(struct builder *b, CXCursor arg, CXCursor *decl_out)
{
    return parse_lock_class(b->a, &b->kids, arg, decl_out);
}

struct field_find {
    const char *name;
    size_t len;
    CXType type;
};

static enum CXVisitorResult find_field(CXCursor c, CXClientData data)
{
    struct field_find *f = data;
    CXString s = clang_getCursorSpelling(c);
    const char *n = clang_getCString(s);
    bool match = n && strlen(n) == f->len && !strncmp(n, f->name, f->len);
    clang_disposeString(s);
    if (!match)
        return CXVisit_Continue;
    f->type = clang_getCursorType(c);
    return CXVisit_Break;
}

/* The type of member `name` (len bytes) of record type t; Invalid when
 * t has no such member. */
static CXType member_type(CXType t, const char *name, size_t len)
{
    struct field_find f = {name, len, {.kind = CXType_Invalid}};
    t = clang_getCanonicalType(t);
    if (t.kind == CXType_Record)
        clang_Type_visitFields(t, find_field, &f);
    return f.type;
}

/* "$0->mu" with argument 0 of type struct q * -> "struct q.mu"; and
 * through members to the record that holds the lock: "$0.owner->mu" with
 * argument 0 a struct whose member owner is a struct q * -> "struct q.mu". */
static const char *class_of_expr(struct builder *b, const char *expr, const struct call_args *args)
{
    if (expr[0] != '$' || !args->cursors || expr[1] < '0' || expr[1] > '9')
        return strchr(expr, '$') ? NULL : expr;
    unsigned i = (unsigned)(expr[1] - '0');
    const char *rest = expr + 2;
    if (i >= args->n || strchr(rest, '$'))
        return NULL;
    CXType t = clang_getCanonicalType(clang_getCursorType(args->cursors[i]));
    for (;;) {
        bool arrow = !strncmp(rest, "->", 2);
        if (!arrow && rest[0] != '.')
            return NULL;
        rest += arrow ? 2 : 1;
        if (arrow)
            t = clang_getCanonicalType(clang_getPointeeType(t));
        size_t len = strspn(rest, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
        if (t.kind != CXType_Record || !len)
            return NULL;
        if (!rest[len])
            return arena_printf(b->a, "%s.%s", parse_str(b->a, clang_getTypeSpelling(t)), rest);
        t = clang_getCanonicalType(member_type(t, rest, len));
        rest += len;
    }
}

/* The argument whose pointee an effect names (`mu` of ACQUIRE(mu) is
 * "*$0"), or -1 when it names something else. */
static int pointer_argument(const struct lock_effect *e)
{
    if (e->target.arg >= 0)
        return e->target.arg;
    const char *x = e->target.expr;
    if (x[0] == '*' && x[1] == '$' && x[2] >= '0' && x[2] <= '9' && !x[3])
        return x[2] - '0';
    return -1;
}

static void set_class(struct builder *b, int id, const struct lock_effect *e,
                      const struct call_args *args)
{
    if (id < 0 || b->locks.v[id].cls)
        return;
    CXCursor decl = clang_getNullCursor();
    int arg = pointer_argument(e);
    if (arg >= 0)
        b->locks.v[id].cls = args->cursors && (unsigned)arg < args->n
                                 ? class_of_pointer(b, args->cursors[arg], &decl)
                                 : NULL;
    else
        b->locks.v[id].cls = class_of_expr(b, e->target.expr, args);
    if (b->locks.v[id].cls && !clang_Cursor_isNull(decl))
        declared_order(b, &b->locks.v[id], decl);
}

/* Whether a rules expression ("$0->mu") names argument i. */
static bool expr_names_arg(const char *expr, unsigned i)
{
    for (const char *p = strchr(expr, '$'); p; p = strchr(p + 1, '$')) {
        char *end;
        unsigned long n = strtoul(p + 1, &end, 10);
        if (end != p + 1 && n == i)
            return true;
    }
    return false;
}

/* A null pointer constant as an argument (`lock_it(NULL)`, `f(0)`): no
 * object, so no lock may be named after it. */
static bool null_argument(const struct call_args *args, unsigned i)
{
    long k;
    if (args->cursors)
        return parse_int_constant(args->cursors[i], &k) && k == 0;
    const char *t = args->texts ? args->texts[i] : NULL;
    return t && (!strcmp(t, "NULL") || !strcmp(t, "0") || !strcmp(t, "( ( void * ) 0 )"));
}

/* The lock an effect names at this call, or -1 if the call lacks it (or
 * names it through a null pointer: the callee's lock of nothing). */
static int effect_lock(struct builder *b, const struct lock_effect *e,
                       const struct call_args *args)
{
    b->path_index_var[0] = b->path_index_var[1] = -1;
    b->path_index_text = NULL;
    b->path_local_root = false;
    if (e->target.arg >= 0) {
        if ((unsigned)e->target.arg >= args->n || null_argument(args, (unsigned)e->target.arg))
            return -1;
        const char *ptr = arg_path(b, args, (unsigned)e->target.arg);
        const char *key = lockexpr_pointee(b->a, ptr);
        const char *disp = args->cursors ? build_display_of(b, args->cursors[e->target.arg], key)
                                         : (key[0] == '*' ? key + 1 : key);
        return (int)build_lock_id(b, key, disp);
    }
    /* Only the arguments the expression names lend it their index
     * variables and their local roots (`g_lock` in a call f(keys[i]) is
     * neither indexed by i nor local); but an array element the callee
     * picked with its arguments (`item_lock(hv)` takes `item_locks[hv &
     * mask]`) is the one those arguments' variables name. */
    bool element = strstr(e->target.expr, "[]") != NULL;
    const char **paths = arena_alloc(b->a, (args->n + 1) * sizeof *paths);
    int vars[2] = {-1, -1};
    bool local_root = false;
    const char *index_text = NULL;
    for (unsigned i = 0; i < args->n; i++) {
        b->path_index_var[0] = b->path_index_var[1] = -1;
        b->path_index_text = NULL;
        b->path_local_root = false;
        paths[i] = arg_path(b, args, i);
        bool named = expr_names_arg(e->target.expr, i);
        if (!element && !named)
            continue;
        if (named && null_argument(args, i))
            return -1;
        if (!element && b->path_index_text)
            index_text = b->path_index_text;
        local_root |= b->path_local_root;
        for (int k = 0; k < 2; k++)
            if (b->path_index_var[k] >= 0)
                vars[vars[0] < 0 ? 0 : 1] = b->path_index_var[k];
    }
    b->path_index_var[0] = vars[0];
    b->path_index_var[1] = vars[1];
    /* the element the argument names; one per class where the callee
     * picks it from its arguments */
    b->path_index_text = index_text;
    b->path_local_root = local_root;
    struct diag d;
    const char *key = lockexpr_parse(b->a, e->target.expr, paths, args->n, &d);
    return key ? (int)build_lock_id(b, key, key) : -1;
}

/* Locks something in the file releases (cfg_tu.released). */
static void note_released(struct cfg_tu *t, const char *key)
{
    key += strspn(key, "*");
    if (!strmap_get(&t->released, key))
        strmap_put(&t->released, arena_strdup(t->a, key), (void *)1);
}

/* The rule as it applies to this lock: a plain lock API's rule, for a lock
 * this file initialises as recursive or whose type is declared reentrant,
 * lets its holder take it again. */
static const struct lock_rule *recursive_rule(struct builder *b, const struct lock_rule *r,
                                              const struct lock_effect *e,
                                              const struct call_args *args, unsigned lock)
{
    struct cfg_tu *t = b->t;
    if (r->recursive)
        return r;
    int arg = pointer_argument(e);
    bool by_type = arg >= 0 && args->cursors && (unsigned)arg < args->n &&
                   recursive_type(t->tu, args->cursors[arg]);
    if (!by_type && !recursive_class(t->a, t->tu, t->main_file, t->source, t->source_len,
                                     &t->recursive, &t->recursive_read, b->locks.v[lock].cls))
        return r;
    struct lock_rule *copy = arena_alloc(t->a, sizeof *copy); /* lives with the graph */
    *copy = *r;
    copy->recursive = true;
    return copy;
}

static void forget_locks_inside(struct builder *b, const char *obj, struct cfg_loc loc);

/* What a lock call guessed from its name leaves unknown when it may fail
 * (a try-lock, a lock whose result is tested): the lock it names and the
 * locks named so far inside the object it names (`chan_trylock(c)` for
 * `c->m`, taken before through another macro). */
static void forget_guessed(struct builder *b, const struct lock_rule *r, unsigned lock,
                           struct cfg_loc loc)
{
    build_event(b, (struct cfg_event){.kind = EV_FORGET, .lock = lock, .result_var = -1,
                                      .loc = loc});
    const char *key = b->locks.v[lock].key;
    if (r->origin == lockname_origin && key[0] == '*')
        forget_locks_inside(b, key + 1, loc);
}

struct scalar_search {
    const char *name;
    bool number; /* the local of that name is a number */
};

static enum CXChildVisitResult find_local(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct scalar_search *s = data;
    if (clang_getCursorKind(c) != CXCursor_VarDecl)
        return CXChildVisit_Recurse;
    CXString sp = clang_getCursorSpelling(c);
    bool same = !strcmp(clang_getCString(sp), s->name);
    clang_disposeString(sp);
    if (!same)
        return CXChildVisit_Continue;
    CXType t = clang_getCursorType(c);
    enum CXTypeKind k = clang_getCanonicalType(t).kind;
    bool number = (k >= CXType_Bool && k <= CXType_LongDouble) || k == CXType_Enum;
    s->number = number && !clang_isVolatileQualifiedType(t) &&
                clang_Cursor_hasVarDeclGlobalStorage(c) != 1;
    return CXChildVisit_Break;
}

/* Whether the lock is a local number itself (`LOCK(s, ref, &prev_state)`
 * guessed to lock prev_state, where the macro hands back a state in it):
 * a local scalar is this thread's alone, and no lock of anyone's. Asked
 * of guessed locks only: the function is searched for the declaration,
 * once per name. */
static bool local_scalar(struct builder *b, unsigned lock)
{
    const char *key = b->locks.v[lock].key;
    key += strspn(key, "*&");
    for (const char *p = key; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            return false; /* a path, not a variable */
    uintptr_t known = (uintptr_t)strmap_get(&b->scalar_locals, key);
    if (!known) {
        struct scalar_search s = {key, false};
        clang_visitChildren(b->fn, find_local, &s);
        known = 1 + s.number;
        strmap_put(&b->scalar_locals, arena_strdup(b->a, key), (void *)known);
    }
    return known == 2;
}

static void emit_rule(struct builder *b, const struct lock_rule *r, const struct call_args *args,
                      struct cfg_loc loc, CXCursor call)
{
    static const enum cfg_event_kind event_kind[] = {
        [EFFECT_ACQUIRE] = EV_ACQUIRE, [EFFECT_RELEASE] = EV_RELEASE,
        [EFFECT_REQUIRE] = EV_REQUIRE, [EFFECT_RELEASE_REACQUIRE] = EV_WAIT,
        [EFFECT_EXCLUDE] = EV_EXCLUDE, [EFFECT_ASSERT] = EV_ASSERT,
        [EFFECT_FORGET] = EV_FORGET,
    };
    int result_var = b->pending_result_var;
    b->pending_result_var = -1;
    bool first_bound = false;
    for (unsigned i = 0; i < r->neffects; i++) {
        const struct lock_effect *e = &r->effects[i];
        int lock = effect_lock(b, e, args);
        if (lock < 0 || (r->origin == lockname_origin && local_scalar(b, (unsigned)lock)))
            continue;
        if (e->kind == EFFECT_ACQUIRE || e->kind == EFFECT_RELEASE)
            set_class(b, lock, e, args);
        const struct lock_rule *rule = recursive_rule(b, r, e, args, (unsigned)lock);
        if (e->kind == EFFECT_RELEASE)
            note_released(b->t, b->locks.v[lock].key);
        /* leaving a lock unknown is no lock call, and neither is a
         * precondition (a lock implementation that takes its own inner
         * mutex excludes it): a macro's own rule still says what it does */
        b->lock_events += e->kind != EFFECT_FORGET && e->kind != EFFECT_EXCLUDE &&
                          e->kind != EFFECT_REQUIRE;
        struct cfg_event ev = {.kind = event_kind[e->kind], .lock = (unsigned)lock,
                               .mode = e->mode, .rule = rule, .result_var = -1, .loc = loc,
                               .callee = r->name};
        /* a result that tells whether it happened binds the lock's state:
         * a try-lock, or a release done only on some of the callee's exits */
        if (e->kind == EFFECT_ACQUIRE || (e->kind == EFFECT_RELEASE && r->success != SUCCESS_ALWAYS)) {
            ev.result_var = r->success != SUCCESS_ALWAYS ? result_var : -1;
            unsigned idx = build_event(b, ev);
            /* a test of the call stands for all its locks: the first */
            if (!first_bound)
                b->last_lock_event = (int)idx;
            first_bound = true;
            b->last_lock_call = call;
        } else if (e->kind == EFFECT_FORGET) {
            forget_guessed(b, r, (unsigned)lock, loc);
        } else {
            build_event(b, ev);
        }
    }
}

static enum CXChildVisitResult find_return(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(c) != CXCursor_ReturnStmt)
        return CXChildVisit_Recurse;
    *(bool *)data = true;
    return CXChildVisit_Break;
}

/* A function of this file with no `return` whose body's last statement
 * calls one that never returns (`void die(int rc) { cleanup(); exit(rc);
 * }`): control reaches its end only through that call, so it never
 * returns either, though nothing declares it so. */
static bool body_never_returns(struct builder *b, CXCursor decl)
{
    CXCursor def = clang_getCursorDefinition(decl);
    size_t base = b->kids.n;
    unsigned n = clang_Cursor_isNull(def) ? 0 : parse_children(def, &b->kids);
    CXCursor body = n ? b->kids.v[base + n - 1] : clang_getNullCursor();
    b->kids.n = base;
    if (clang_Cursor_isNull(body) || clang_getCursorKind(body) != CXCursor_CompoundStmt)
        return false;
    n = parse_children(body, &b->kids);
    CXCursor last = n ? parse_peel(b->kids.v[base + n - 1]) : clang_getNullCursor();
    b->kids.n = base;
    if (clang_Cursor_isNull(last) || clang_getCursorKind(last) != CXCursor_CallExpr ||
        !build_call_never_returns(b, last))
        return false;
    bool returns = false; /* (the whole body is read only for such a last call) */
    clang_visitChildren(body, find_return, &returns);
    return !returns;
}

/* `noreturn void f(void);` through <stdnoreturn.h>: the declaration's
 * range starts inside that macro's expansion, whose tokens are not read
 * back; the word written there says so. */
static bool first_word_says_noreturn(struct builder *b, CXSourceLocation start)
{
    CXFile f = NULL;
    unsigned off = 0;
    clang_getExpansionLocation(start, &f, NULL, NULL, &off);
    size_t len = 0;
    const char *text = f ? clang_getFileContents(b->t->tu, f, &len) : NULL;
    if (!text || off > len)
        return false;
    size_t begin = off, end = off;
    while (end < len && (isalnum((unsigned char)text[end]) || text[end] == '_'))
        end++;
    char word[32];
    if (end - begin >= sizeof word || end == begin)
        return false;
    memcpy(word, text + begin, end - begin);
    word[end - begin] = '\0';
    return strcasestr(word, "noreturn") != NULL;
}

/* _Noreturn, noreturn (stdnoreturn.h), __attribute__((noreturn)),
 * __noreturn macros: any token of the declaration's head that mentions
 * noreturn, or a type spelling that carries the attribute. */
static bool decl_is_noreturn(struct builder *b, CXCursor decl)
{
    CXSourceRange ext = clang_getCursorExtent(decl);
    CXSourceLocation end = clang_getRangeEnd(ext);
    size_t base = b->kids.n;
    unsigned n = parse_children(decl, &b->kids);
    for (unsigned i = 0; i < n; i++)
        if (clang_getCursorKind(b->kids.v[base + i]) == CXCursor_CompoundStmt)
            end = clang_getRangeStart(clang_getCursorExtent(b->kids.v[base + i]));
    b->kids.n = base;
    if (first_word_says_noreturn(b, clang_getRangeStart(ext)))
        return true;
    CXToken *toks = NULL;
    unsigned ntoks = 0;
    clang_tokenize(b->t->tu, parse_file_range(b->t->tu, clang_getRangeStart(ext), end), &toks,
                   &ntoks);
    bool found = false;
    for (unsigned i = 0; i < ntoks && !found; i++) {
        CXString sp = clang_getTokenSpelling(b->t->tu, toks[i]);
        const char *t = clang_getCString(sp);
        found = t && strcasestr(t, "noreturn") != NULL;
        clang_disposeString(sp);
    }
    clang_disposeTokens(b->t->tu, toks, ntoks);
    if (!found) {
        CXString ts = clang_getTypeSpelling(clang_getCursorType(decl));
        const char *t = clang_getCString(ts);
        found = t && strstr(t, "noreturn") != NULL;
        clang_disposeString(ts);
    }
    return found;
}

/* What is known of the function a call names; decl is its declaration as
 * the call site found it (`(fail)(...)`, a name in parentheses so that no
 * macro of that name expands, is a direct call too), or a null cursor. */
static struct callee_info *callee(struct builder *b, CXCursor call, const char *name,
                                  CXCursor decl)
{
    struct callee_info *info = strmap_get(&b->t->callee_cache, name);
    if (info)
        return info;
    info = arena_alloc(b->t->a, sizeof *info);
    info->rule = model_function(b->t->model, name);
    info->noreturn = model_is_noreturn(b->t->model, name);
    if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
        decl = clang_getCursorReferenced(call);
    if (clang_getCursorKind(decl) != CXCursor_FunctionDecl && clang_getCursorKind(call) == CXCursor_UnexposedExpr) {
        size_t base = b->kids.n;
        if (parse_children(call, &b->kids))
            decl = clang_getCursorReferenced(b->kids.v[base]);
        b->kids.n = base;
    }
    info->local = clang_getCursorKind(decl) == CXCursor_FunctionDecl &&
                  !clang_Cursor_isNull(clang_getCursorDefinition(decl));
    if (!info->noreturn && clang_getCursorKind(decl) == CXCursor_FunctionDecl)
        info->noreturn = decl_is_noreturn(b, decl) ||
                         decl_is_noreturn(b, clang_getCanonicalCursor(decl));
    strmap_put(&b->t->callee_cache, arena_strdup(b->t->a, name), info);
    /* (cached first: a body that calls itself last is read once) */
    if (!info->noreturn && info->local)
        info->noreturn = body_never_returns(b, decl);
    return info;
}

bool build_returns_twice(struct builder *b, CXCursor c)
{
    static const char *const names[] = {"setjmp", "_setjmp", "__setjmp", "sigsetjmp",
                                        "__sigsetjmp", NULL};
    c = parse_peel(c);
    return clang_getCursorKind(c) == CXCursor_CallExpr && build_calls_one_of(b, c, names);
}

bool build_calls_one_of(struct builder *b, CXCursor call, const char *const *names)
{
    CXCursor decl = clang_getCursorReferenced(call);
    if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
        return false;
    const char *name = parse_spelling(b->a, decl);
    for (unsigned i = 0; names[i]; i++)
        if (!strcmp(name, names[i]))
            return true;
    return false;
}

bool build_call_never_returns(struct builder *b, CXCursor call)
{
    CXCursor decl = clang_getCursorReferenced(call);
    if (clang_getCursorKind(decl) != CXCursor_FunctionDecl) {
        size_t base = b->kids.n; /* `(fail)(...)` */
        if (parse_children(call, &b->kids))
            decl = clang_getCursorReferenced(parse_peel(b->kids.v[base]));
        b->kids.n = base;
    }
    if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
        return false;
    return callee(b, call, parse_spelling(b->a, decl), decl)->noreturn;
}

/* The rule a call follows: the callee's own annotations first, then the
 * rules files, then what was inferred from its body. */
static bool defined_here(struct builder *b, CXCursor decl)
{
    if (clang_Cursor_isNull(decl))
        return false;
    CXCursor def = clang_getCursorDefinition(decl);
    return !clang_Cursor_isNull(def) && parse_in_main_file(def, b->t->main_file);
}

static const struct lock_rule *call_rule(struct builder *b, const struct contract *c,
                                         const struct lock_rule *model_rule, const char *name,
                                         CXCursor decl)
{
    if (c && c->rule)
        return c->rule;
    /* A contract another pass inferred (--cross-tu) for a function this
     * file defines knew less than inferring it here does now: this file's
     * callees' contracts are all known by then. */
    if (model_rule && model_rule->inferred && defined_here(b, decl))
        model_rule = NULL;
    /* A function this file defines under the name of a lock API of the
     * rules is the project's own, not the library's the rules describe:
     * its body says what it does (`static void read_lock(tree *all, FILE
     * *in, int id)` reads a lock's record; `spin_unlock(session, &t->lock)`
     * releases its second argument, not its first). */
    if (model_rule && !model_rule->inferred && !model_rule->is_macro && defined_here(b, decl))
        model_rule = NULL;
    return model_rule ? model_rule : build_inferred_rule(b, decl, name);
}

/* A call looked for a contract that was not there (yet): if one is
 * inferred later, the caller must be analysed again (cfg_tu.missed). */
static void note_missed(struct cfg_tu *t, const char *name)
{
    if (!strmap_get(&t->missed, name))
        strmap_put(&t->missed, arena_strdup(t->a, name), (void *)1);
}

/* Whether a header function's text names something lock-like: a function
 * or macro of the rules, a function already inferred to touch a lock, or
 * a name with a "lock" or "locker" word in it (a scoped locker's helpers,
 * `G_DEFINE_AUTOPTR_CLEANUP_FUNC(GMutexLocker, g_mutex_locker_free)`,
 * whose text is the macro's use). Headers are full of
 * small inline functions (accessors, string helpers) whose analysis would
 * cost more than the file's own; a wrapper of a wrapper that names no lock
 * is missed. */
static bool mentions_locks(struct cfg_tu *t, CXCursor def, int depth);

/* A word naming a function of the TU defined outside the system headers
 * whose own text names something lock-like: the glue functions a macro
 * defines around another (`G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(T, t_cleanup)`,
 * t_cleanup's body unlocking) reach a lock through it. */
static bool names_lock_function(struct cfg_tu *t, const char *word, int depth)
{
    if (depth >= 2)
        return false;
    uintptr_t known = (uintptr_t)strmap_get(&t->functions_naming_lock, word);
    if (known)
        return known == 2;
    cfg_tu_index(t);
    CXCursor *decl = strmap_get(&t->functions_by_name, word);
    CXCursor def = decl ? clang_getCursorDefinition(*decl) : clang_getNullCursor();
    bool names = !clang_Cursor_isNull(def) &&
                 !clang_Location_isInSystemHeader(clang_getCursorLocation(def)) &&
                 mentions_locks(t, def, depth + 1);
    if (decl) /* per function, not per mention */
        strmap_put(&t->functions_naming_lock, arena_strdup(t->a, word), (void *)(uintptr_t)(1 + names));
    return names;
}

static bool mentions_locks(struct cfg_tu *t, CXCursor def, int depth)
{
    CXFile file;
    unsigned begin, end;
    CXSourceRange r = clang_getCursorExtent(def);
    CXFile end_file;
    clang_getExpansionLocation(clang_getRangeStart(r), &file, NULL, NULL, &begin);
    clang_getExpansionLocation(clang_getRangeEnd(r), &end_file, NULL, NULL, &end);
    if (!file || !clang_File_isEqual(file, end_file))
        return false;
    size_t len = 0;
    const char *text = file ? clang_getFileContents(t->tu, file, &len) : NULL;
    if (!text || end > len || begin >= end)
        return false;
    for (unsigned i = begin; i < end;) {
        if (!isalpha((unsigned char)text[i]) && text[i] != '_') {
            i++;
            continue;
        }
        unsigned j = i;
        while (j < end && (isalnum((unsigned char)text[j]) || text[j] == '_'))
            j++;
        char word[128];
        size_t n = j - i < sizeof word - 1 ? j - i : sizeof word - 1;
        memcpy(word, text + i, n);
        word[n] = '\0';
        static const char *const locker[] = {"locker", NULL};
        if (lockname_has_lock_word(word) || lockname_has_word(word, locker) ||
            model_function(t->model, word) || model_macro(t->model, word) ||
            strmap_get(&t->summaries, word) || names_lock_function(t, word, depth))
            return true;
        i = j;
    }
    return false;
}

const struct lock_rule *build_inferred_rule(struct builder *b, CXCursor decl, const char *name)
{
    struct cfg_tu *t = b->t;
    const struct lock_rule *r = strmap_get(&t->summaries, name);
    if (r)
        return r;
    note_missed(t, name);
    if (!t->infer_external || clang_Cursor_isNull(decl) || strmap_get(&t->external_done, name))
        return NULL;
    CXCursor def = clang_getCursorDefinition(decl);
    if (clang_Cursor_isNull(def) || clang_getCursorKind(def) != CXCursor_FunctionDecl ||
        parse_in_main_file(def, t->main_file) ||
        clang_Location_isInSystemHeader(clang_getCursorLocation(def)))
        return NULL;
    strmap_put(&t->external_done, arena_strdup(t->a, name), (void *)1); /* also ends recursion */
    return mentions_locks(t, def, 0) ? t->infer_external(t, def) : NULL;
}

const char *build_inferred_returned_lock(struct builder *b, CXCursor decl)
{
    if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
        return NULL;
    const char *name = parse_spelling(b->a, decl);
    const struct lock_rule *r = model_function(b->t->model, name); /* --cross-tu */
    if (!r)
        r = build_inferred_rule(b, decl, name);
    return r ? r->returns_lock : NULL; /* no rule yet: build_inferred_rule noted the miss */
}

int build_inferred_returned_param(struct builder *b, CXCursor decl)
{
    const char *name = parse_spelling(b->a, decl);
    build_inferred_rule(b, decl, name);
    void *v = strmap_get(&b->t->returns_param, name);
    if (!v)
        note_missed(b->t, name);
    return v ? (int)(uintptr_t)v - 1 : -1;
}

/* A call to a function no header declared (C89's implicit declaration,
 * an error clang recovers from): in practice a macro of a header the
 * analysis cannot see. The declaration clang makes up at the first such
 * call has a location but no extent of its own. */
static bool implicitly_declared(CXCursor decl)
{
    if (clang_Cursor_isNull(decl) || clang_getCursorKind(decl) != CXCursor_FunctionDecl)
        return false;
    unsigned line = 0;
    clang_getSpellingLocation(clang_getRangeEnd(clang_getCursorExtent(decl)), NULL, &line, NULL,
                              NULL);
    return line == 0;
}

/* A project's own lock function, declared in one of its headers and
 * written in another file (`void wget_thread_mutex_lock(wget_thread_mutex
 * m);`, `void tr_lockLock(tr_lock *l);`): it returns nothing, so it cannot
 * fail, and lockname still asks for its unlock twin in this file. A
 * system header's functions are the rules files' to describe, and one
 * whose body is here is analysed as it is. */
static bool declared_void_elsewhere(CXCursor decl)
{
    if (clang_Cursor_isNull(decl) || clang_getCursorKind(decl) != CXCursor_FunctionDecl ||
        !clang_Cursor_isNull(clang_getCursorDefinition(decl)) ||
        clang_Location_isInSystemHeader(clang_getCursorLocation(decl)))
        return false;
    CXType ret = clang_getCanonicalType(clang_getCursorResultType(decl));
    return ret.kind == CXType_Void;
}

/* Both halves of the pair are such functions: a void unlock whose lock
 * returns a status (`if (stats_lock()) ... stats_unlock();`) is no pair
 * the names can vouch for. (The name is looked at first: most calls have
 * no lock word, and need no look-up of their declarations.) */
static bool declared_void_pair(struct builder *b, CXCursor decl, const char *name)
{
    const char *twin = lockname_twin(b->a, name);
    if (!twin || !declared_void_elsewhere(decl))
        return false;
    cfg_tu_index(b->t);
    const CXCursor *other = strmap_get(&b->t->functions_by_name, twin);
    return other && declared_void_elsewhere(*other);
}

/* Whether a call stands as a statement of its own (`foo_lock(x);`),
 * its result unused: a guessed lock call whose result is tested
 * (`if (!security_lock(rdp))`) may fail, and which result means success
 * is anybody's guess, so such calls are not guessed at all. */
static bool is_statement(struct builder *b, CXCursor call)
{
    return !clang_Cursor_isNull(b->statement_expr) &&
           clang_equalCursors(parse_peel(call), parse_peel(b->statement_expr));
}

/* An argument's own short text in the main file, or NULL when it is not
 * at hand. */
static const char *argument_text(struct builder *b, CXCursor arg)
{
    unsigned begin, end;
    parse_cursor_offsets(arg, &begin, &end);
    if (!b->t->source || begin >= end || end > b->t->source_len || end - begin > 64)
        return NULL;
    return arena_strndup(b->a, b->t->source + begin, end - begin);
}

/* What an argument's own text says it is (`__func__` is the caller's
 * name, a constant), LN_OTHER when the text is not at hand. */
static enum lockname_arg argument_text_kind(struct builder *b, CXCursor arg)
{
    const char *text = argument_text(b, arg);
    return text ? lockname_classify_text(text) : LN_OTHER;
}

/* A project's lock function nobody described (lockname.h): a name no
 * header declares, or a void pair of a project's header whose bodies are
 * in other files (declared_void_pair). A declared function with a result
 * is only a name (`int lock_door(d)` may fail, and says how). */
static const struct lock_rule *guess_call(struct builder *b, CXCursor call, const char *name,
                                          CXCursor *args, unsigned nargs)
{
    if (!lockname_has_lock_word(name) || !is_statement(b, call) ||
        model_is_untracked(b->t->model, name))
        return NULL;
    enum lockname_arg *kinds = arena_alloc(b->a, (nargs + 1) * sizeof *kinds);
    for (unsigned i = 0; i < nargs; i++) {
        CXCursor v = parse_peel(args[i]);
        long k;
        enum CXCursorKind kind = clang_getCursorKind(v);
        if (kind == CXCursor_UnaryOperator &&
            clang_getCursorUnaryOperatorKind(v) == CXUnaryOperator_AddrOf)
            kinds[i] = LN_ADDRESS;
        else if (kind == CXCursor_StringLiteral || parse_int_constant(v, &k))
            kinds[i] = LN_CONSTANT;
        else
            kinds[i] = argument_text_kind(b, v);
    }
    struct cfg_tu *t = b->t;
    return lockname_guess(t->a, &t->guessed, t->source, t->source_len, name, kinds, nargs);
}

static void forget_lock_as(struct builder *b, size_t lock, struct cfg_loc loc, bool ends)
{
    struct cfg_event ev = {.kind = EV_FORGET, .lock = (unsigned)lock, .result_var = -1,
                           .loc = loc, .ends_lock = ends};
    build_event(b, ev);
}

static void forget_lock(struct builder *b, size_t lock, struct cfg_loc loc)
{
    forget_lock_as(b, lock, loc, false);
}

/* The locks named so far that are members of `obj` (`obj.mutex`,
 * `obj.inner->mu`): a function given obj's address reaches them. */
static void forget_locks_inside(struct builder *b, const char *obj, struct cfg_loc loc)
{
    obj = build_resolve_alias(b, obj);
    size_t n = strlen(obj);
    for (size_t l = 0; l < b->locks.n; l++) {
        const char *key = b->locks.v[l].key;
        if (!strncmp(key, obj, n) && (key[n] == '.' || !strncmp(key + n, "->", 2)))
            forget_lock(b, l, loc);
    }
}

/* A lock of this function whose address goes to a function of another file
 * nothing describes (`cleanup_handler(&s->mu)`, a helper that may unlock
 * it): what that code did to it is unknown, and no finding may stand on
 * its state afterwards. Only locks the function already names. */
static void forget_lock_argument(struct builder *b, const char *path, struct cfg_loc loc,
                                 bool ends)
{
    const struct alias *al = build_alias_of(b, path);
    /* a lock's own address (`&s->mu`, a local set to it, or a pointer
     * through which the lock was taken) */
    int id = build_find_lock(b, lockexpr_pointee(b->a, path));
    if (id >= 0) {
        forget_lock_as(b, (size_t)id, loc, ends);
        return;
    }
    /* or the address of an object that holds locks (`&v->lock`) */
    const char *addr = path[0] == '&' ? path : al && al->path && al->path[0] == '&' ? al->path
                                                                               : NULL;
    if (addr)
        forget_locks_inside(b, lockexpr_pointee(b->a, addr), loc);
}

/* The objects a call of unseen code is given (cfg_unseen_arg): an
 * argument's access path, an address `&o->inner` as the object o->inner. */
static void note_unseen_objects(struct builder *b, CXCursor *args, unsigned nargs)
{
    for (unsigned i = 0; i < nargs; i++) {
        const char *path = build_path(b, args[i]);
        if (!path || strpbrk(path, "()<"))
            continue;
        path = build_resolve_alias(b, path + (path[0] == '&')); /* as lock keys are */
        VEC_PUSH(b->unseen_args, ((struct cfg_unseen_arg){(unsigned)b->cur, path}));
    }
}

/* The arguments a call hands to the callee's own parameters: a variadic
 * function's extra arguments are read through its format (`log("%p %s",
 * lock, #lock)` prints the lock's address), never locked or unlocked. */
static unsigned handed_arguments(CXCursor decl, unsigned nargs)
{
    CXType t = clang_getCursorType(decl);
    int declared = clang_Cursor_getNumArguments(decl);
    if (clang_isFunctionTypeVariadic(t) && declared >= 0 && (unsigned)declared < nargs)
        return (unsigned)declared;
    return nargs;
}

/* Named to end a lock's life (`pthread_mutex_destroy`, `lock_fini`):
 * given the lock's own address, it leaves no lock to hold. */
static bool names_lock_end(const char *name)
{
    static const char *const words[] = {"destroy", "fini", "finalize", "dispose", "dealloc",
                                        "deinit", "uninit", NULL};
    return name && lockname_has_word(name, words);
}

static void forget_lock_arguments(struct builder *b, CXCursor *args, unsigned nargs,
                                  struct cfg_loc loc, const char *callee)
{
    bool ends = names_lock_end(callee);
    for (unsigned i = 0; i < nargs; i++) {
        const char *path = build_path(b, args[i]);
        if (path)
            forget_lock_argument(b, path, loc, ends);
    }
}

/* "unlock" in a name, any case (`_dbus_pending_call_unref_and_unlock`). */
static bool names_unlock(const char *name)
{
    for (const char *p = name; *p; p++)
        if (strncasecmp(p, "unlock", 6) == 0)
            return true;
    return false;
}

/* Whether the function so far gives back `lock` itself somewhere. */
static bool released_before(const struct builder *b, unsigned lock)
{
    for (size_t i = 0; i < b->events.n; i++)
        if (b->events.v[i].kind == EV_RELEASE && b->events.v[i].lock == lock)
            return true;
    return false;
}

/* An undescribed function of another file whose name says it locks or
 * unlocks (`x_unref_and_unlock(pending)`), or ends the object's life: the
 * locks this function names inside an object it is given are in an
 * unknown state afterwards. One that does
 * something "and unlocks" (`x_unref_and_unlock(pending)`) given an object
 * but none of those locks drops the lock its caller holds, reached some
 * other way (`pending->connection`): every lock named so far is unknown.
 * A plain unlock given a handle (`item_unlock(hold)`) or nothing
 * (`STATS_UNLOCK()`) drops a lock of its own, not one of ours. At an
 * object's end (own_only) only the locks inside the object itself, and
 * not those this function gives back itself, are forgotten. */
static void forget_object_locks(struct builder *b, const char *name, CXCursor *args,
                                unsigned nargs, struct cfg_loc loc, bool own_only)
{
    size_t forgotten = 0, objects = 0;
    for (unsigned i = 0; i < nargs; i++) {
        const char *path = build_path(b, args[i]);
        size_t n = path ? strlen(path) : 0;
        if (!n || path[0] == '&' || strpbrk(path, "()<"))
            continue;
        objects += clang_getCanonicalType(clang_getCursorType(args[i])).kind == CXType_Pointer;
        for (size_t l = 0; l < b->locks.n; l++) {
            if (!lockexpr_inside(b->locks.v[l].key, path))
                continue;
            const char *key = b->locks.v[l].key + strspn(b->locks.v[l].key, "*");
            /* (an object's end is not that of the objects it points to; and
             * a lock this function gives back itself is its own to manage) */
            if (own_only && (strstr(key + n + (key[n] == '.' ? 1 : 2), "->") ||
                             released_before(b, (unsigned)l)))
                continue;
            forget_lock(b, l, loc);
            forgotten++;
        }
    }
    bool then_unlocks = strcasestr(name, "and_unlock") || strcasestr(name, "andunlock");
    for (size_t l = 0; then_unlocks && objects && !forgotten && l < b->locks.n; l++)
        forget_lock(b, l, loc);
}

/* Named as a function that ends an object's life (`req_release(cc)`,
 * `conn_free(c)`, `obj_unref(o)`, `ctx_destroy(x)`): the locks inside the
 * object it is given go with the object, released or destroyed there,
 * which another file's body does not show. ("put" is left out: queues and
 * tables are put into under their own lock. The C library's free() only
 * frees: its callers leave it out.) */
static bool names_an_end(const char *name)
{
    static const char *const words[] = {"free", "destroy", "release", "unref", "fini",
                                        "finalize", "dispose", "delete", "cleanup", "dealloc",
                                        NULL};
    return lockname_has_word(name, words);
}

/* Whether a call returns a pointer of the type one of its arguments has:
 * `struct peer *peer_ref(const char *who, struct peer *p)`. */
static bool returns_argument_type(CXCursor call, CXCursor *args, unsigned nargs)
{
    CXType r = clang_getCanonicalType(clang_getCursorType(call));
    if (r.kind != CXType_Pointer)
        return false;
    for (unsigned i = 0; i < nargs; i++)
        if (clang_equalTypes(r, clang_getCanonicalType(clang_getCursorType(parse_peel(args[i])))))
            return true;
    return false;
}

/* Whether the callee's body, in this file, visibly does no lock work; read
 * once per callee. */
static bool body_lock_free(struct builder *b, struct callee_info *info, CXCursor decl)
{
    if (!info->local || clang_Cursor_isNull(decl))
        return false;
    if (info->body == BODY_UNREAD) {
        CXCursor def = clang_getCursorDefinition(decl);
        bool free = parse_in_main_file(def, b->t->main_file) &&
                    lockfree_body(def, b->t->model, b->t->main_file);
        info->body = free ? BODY_LOCK_FREE : BODY_MAY_LOCK;
    }
    return info->body == BODY_LOCK_FREE;
}

/* Whether the call's pointer arguments all point to structs that visibly
 * hold no lock (and there is one). For a callee defined in another file,
 * whose body cannot be read. */
static bool objects_lock_free(const struct builder *b, CXCursor *args, unsigned nargs)
{
    unsigned objects = 0;
    for (unsigned i = 0; i < nargs; i++) {
        CXType t = clang_getCursorType(parse_peel(args[i]));
        if (clang_getCanonicalType(t).kind != CXType_Pointer)
            continue;
        if (!lockfree_object(t, b->t->model))
            return false;
        objects++;
    }
    return objects > 0;
}

/* What a call to `name` does; args are the argument cursors. */
/* `lock(&logger); pid = fork(); if (pid == 0) return 1; ... unlock();`:
 * a lock held across fork() is the parent's to release; the child owns a
 * copy it may keep (a pre-fork server holds the logger's lock so that no
 * thread is inside it at the fork, and the child never logs through it).
 * What either process does with it after the fork is not judged: the
 * locks whose last event so far is an acquire are forgotten there. A
 * project's own `*_fork` returning the pid forks as well. */
static void forget_held_across_fork(struct builder *b, CXCursor decl, const char *name,
                                    struct cfg_loc loc)
{
    size_t n = strlen(name);
    bool wrapper = n > 5 && !strcmp(name + n - 5, "_fork"); /* `pid = server_fork(name);` */
    if ((strcmp(name, "fork") && !wrapper) || clang_Cursor_isNull(decl) ||
        clang_getCanonicalType(clang_getCursorResultType(decl)).kind == CXType_Void)
        return;
    for (size_t lock = 0; lock < b->locks.n; lock++) {
        for (size_t i = b->events.n; i-- > 0;) {
            const struct cfg_event *ev = &b->events.v[i];
            if (ev->lock != lock || (ev->kind != EV_ACQUIRE && ev->kind != EV_RELEASE &&
                                     ev->kind != EV_FORGET))
                continue;
            if (ev->kind == EV_ACQUIRE)
                forget_lock(b, lock, loc);
            break;
        }
    }
}

/* `__builtin_expect(c, 0)` (what `likely`/`unlikely` expand to) and
 * `__builtin_constant_p(x)` only pass a value on: no memory changes. */
static bool is_value_hint(const char *name)
{
    return !strncmp(name, "__builtin_expect", 16) || !strcmp(name, "__builtin_constant_p");
}

/* The callee's annotations as a call at offset `use` sees them (contract_at):
 * read once per callee name, for the calls above its definition and for
 * the others. */
static const struct contract *call_contract(struct builder *b, struct callee_info *info,
                                            CXCursor decl, unsigned use)
{
    if (clang_Cursor_isNull(decl))
        return NULL;
    if (!info->contract_read) {
        info->contract_read = true;
        info->contract = contract_of(b->t, decl);
        info->contract_before = contract_at(b->t, clang_getCanonicalCursor(decl), 0);
        CXCursor def = clang_getCursorDefinition(decl);
        info->defined_at = clang_Cursor_isNull(def) ? 0 : parse_cursor_loc(def).offset;
    }
    return use < info->defined_at ? info->contract_before : info->contract;
}

/* `NOTIFY(FATAL, "pthread lock");`, `log_msg(LOG_FATAL, fmt, ...)`: a
 * printf-style reporter (variadic), called as a statement, given a
 * constant severity spelled as fatal or panic, ends the program, as
 * syslog-like APIs do by convention. The paths on from it are not real. */
static bool fatal_report(struct builder *b, CXCursor call, CXCursor decl, CXCursor *args,
                         unsigned nargs)
{
    if (clang_Cursor_isNull(decl) || clang_isFunctionTypeVariadic(clang_getCursorType(decl)) != 1 ||
        !is_statement(b, call))
        return false;
    for (unsigned i = 0; i < nargs; i++) {
        long v;
        const char *text = parse_int_constant(args[i], &v) ? argument_text(b, args[i]) : NULL;
        if (!text)
            continue;
        bool identifier = isalpha((unsigned char)text[0]) || text[0] == '_';
        for (const char *p = text; identifier && *p; p++)
            identifier = isalnum((unsigned char)*p) || *p == '_';
        if (identifier && lockname_has_word(text, (const char *const[]){"fatal", "panic", NULL}))
            return true;
    }
    return false;
}

/* `if (pthread_mutex_trylock(&m) != 0) GC_lock();`: on the failure side
 * of a tested try-lock, a call nobody described whose name says it takes
 * a lock (not unlock, not another try) is the slow path of the same
 * acquisition: it blocks until it has the lock the try wanted. */
static bool build_slow_path(struct builder *b, const char *name, struct cfg_loc loc)
{
    if (b->failed_try_event < 0 || !lockname_has_lock_word(name) || names_unlock(name) ||
        lockname_has_word(name, (const char *const[]){"try", NULL}))
        return false;
    const struct cfg_event *tried = &b->events.v[b->failed_try_event];
    struct lock_rule *r = arena_alloc(b->a, sizeof *r);
    *r = *tried->rule;
    r->name = name;
    r->is_try = false;
    r->success = SUCCESS_ALWAYS;
    r->origin = "the slow path of a failed try-lock";
    struct cfg_event ev = {.kind = EV_ACQUIRE, .lock = tried->lock, .mode = tried->mode,
                           .rule = r, .result_var = -1, .loc = loc, .callee = name};
    build_event(b, ev);
    b->lock_events++;
    b->failed_try_event = -1;
    return true;
}

/* `pthread_atfork(fork_prepare, fork_parent, fork_child)`: notes the
 * prepare handler (cfg_tu_prepares_fork). */
static void note_fork_handler(struct builder *b, const char *name, CXCursor *args, unsigned nargs)
{
    if (!nargs || !model_registers_fork_handler(b->t->model, name))
        return;
    CXCursor fn = clang_getCursorReferenced(parse_peel(args[0]));
    if (clang_getCursorKind(fn) == CXCursor_FunctionDecl)
        strmap_put(&b->t->fork_prepare, parse_spelling(b->t->a, fn), (void *)1);
}

static void apply_call(struct builder *b, CXCursor call, CXCursor decl, const char *name,
                       CXCursor *args, unsigned nargs, int result_var)
{
    note_fork_handler(b, name, args, nargs);
    forget_held_across_fork(b, decl, name, parse_cursor_loc(call));
    build_passed_pointers(b, args, nargs);
    struct callee_info *info = callee(b, call, name, decl);
    b->calls_local |= info->local;
    const struct contract *c = call_contract(b, info, decl, parse_cursor_loc(call).offset);
    if (c && c->problem)
        build_bad_annotation(b, c->problem, c->problem_loc, c->problem_file, call);
    const struct lock_rule *rule = call_rule(b, c, info->rule, name, decl);
    /* a reference count named like a lock returns what it was given, is
     * a body of this file that visibly takes no lock, or is given objects
     * that hold none */
    if (b->expanding && (returns_argument_type(call, args, nargs) || body_lock_free(b, info, decl) ||
                         (!rule && !info->local && objects_lock_free(b, args, nargs))))
        b->expansion_answered = true;
    if (!rule && !b->t->no_guess &&
        (implicitly_declared(decl) || declared_void_pair(b, decl, name)))
        rule = guess_call(b, call, name, args, nargs);
    if (!rule && !b->t->no_guess && !clang_Cursor_isNull(decl) &&
        clang_Cursor_isNull(clang_getCursorDefinition(decl)))
        rule = condwait_rule(b->a, b->t->model, name, args, nargs);
    while (rule && rule->split) { /* a split may be split again on another argument */
        long v = 0;
        bool known = rule->split->param < nargs &&
                     parse_int_constant(args[rule->split->param], &v);
        /* an argument that is no constant: what it does is not known */
        rule = known ? argsplit_pick(rule->split, known, v) : argsplit_unknown(b->a, rule);
    }
    if (!rule && !info->noreturn && !b->t->no_guess && build_slow_path(b, name, parse_cursor_loc(call)))
        return;
    if (!rule && !is_value_hint(name))
        build_note_call_clobbers(b, args, nargs);
    if (rule && !rule->is_macro) {
        struct call_args ca = {args, NULL, nargs};
        b->pending_result_var = result_var;
        emit_rule(b, rule, &ca, parse_cursor_loc(call), call);
    } else if (!rule && !info->noreturn && !b->expanding && !clang_Cursor_isNull(decl) &&
               clang_Cursor_isNull(clang_getCursorDefinition(decl))) {
        /* (inside a lock macro's expansion, the macro's rule says it) */
        forget_lock_arguments(b, args, handed_arguments(decl, nargs), parse_cursor_loc(call),
                              name);
        if (!clang_Location_isInSystemHeader(clang_getCursorLocation(decl)))
            note_unseen_objects(b, args, nargs);
        /* one named to take a lock (`get_global_wrlock(h)`) may take the
         * object's own, which a later release here then gives back */
        bool lock_named = (names_unlock(name) || lockname_has_lock_word(name)) &&
                          !model_is_untracked(b->t->model, name);
        bool ends_object = !lock_named && names_an_end(name) &&
                           !clang_Location_isInSystemHeader(clang_getCursorLocation(decl));
        if (lock_named || ends_object)
            forget_object_locks(b, name, args, nargs, parse_cursor_loc(call), ends_object);
    }
    if (info->noreturn || fatal_report(b, call, decl, args, nargs)) {
        bool handlers = b->returns_twice_seen || b->cleanups.n;
        struct cfg_event ev = {.kind = EV_NORETURN, .loc = parse_cursor_loc(call),
                               .result_var = -1, .callee = name,
                               .ends_thread = !handlers && model_ends_thread(b->t->model, name)};
        build_event(b, ev);
        build_dead_end(b);
    }
}

void build_call_by_name(struct builder *b, CXCursor fn, const char *name, const char **args,
                        unsigned nargs, struct cfg_loc loc)
{
    const struct contract *c = contract_of(b->t, fn);
    const struct lock_rule *rule = call_rule(b, c, model_function(b->t->model, name), name, fn);
    bool defined = !clang_Cursor_isNull(clang_getCursorDefinition(fn));
    b->calls_local |= defined;
    /* a scope's cleanup of another file (`cleanup_unlock(&_lock)` for a
     * variable that points to the lock) may release what it is given, or
     * what the variable points to */
    for (unsigned i = 0; !rule && !defined && i < nargs; i++) {
        forget_lock_argument(b, args[i], loc, false);
        forget_lock_argument(b, lockexpr_pointee(b->a, args[i]), loc, false);
    }
    if (!rule)
        return;
    struct call_args ca = {NULL, args, nargs};
    emit_rule(b, rule, &ca, loc, fn);
}

void build_call_handler(struct builder *b, CXCursor handler, CXCursor arg, int run,
                        struct cfg_loc loc)
{
    CXCursor args[1] = {arg};
    if (run)
        build_note_clobber(b, CFG_CLOBBER_ALL);
    if (run < 0) {
        forget_lock_arguments(b, args, 1, loc, NULL);
        return;
    }
    if (!run)
        return;
    const char *name = parse_spelling(b->a, handler);
    bool defined = !clang_Cursor_isNull(clang_getCursorDefinition(handler));
    const struct lock_rule *rule =
        call_rule(b, contract_of(b->t, handler), model_function(b->t->model, name), name, handler);
    b->calls_local |= defined;
    if (rule && !rule->split && !rule->is_macro) {
        struct call_args ca = {args, NULL, 1};
        emit_rule(b, rule, &ca, loc, arg);
    } else if (!rule && !defined) {
        forget_lock_arguments(b, args, 1, loc, NULL);
    }
}

/* A call through a local function pointer set once to a function of the
 * file (`void (*routine)(void *) = cleanup; ... routine(arg);`, as
 * pthread_cleanup_pop(1) runs its handler): a call of that function. */
static const char *pointer_target(struct builder *b, CXCursor callee_ref, CXCursor *decl)
{
    CXCursor var = clang_getCursorReferenced(callee_ref);
    if (clang_getCursorKind(var) != CXCursor_VarDecl)
        return NULL;
    const struct alias *al = build_alias_of_decl(b, var);
    if (!al || !al->path || !*al->path || al->local_root)
        return NULL;
    const char *target = al->path + (al->path[0] == '&'); /* `= &handler` */
    for (const char *p = target; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            return NULL; /* a plain function name only */
    cfg_tu_index(b->t);
    const CXCursor *fn = strmap_get(&b->t->functions_by_name, target);
    if (!fn)
        return NULL;
    *decl = *fn;
    return target;
}

/* `extern __attribute__((noreturn)) void (*fatal)(const char *, ...);`:
 * a call through a pointer whose function type never returns. LIBCLANG
 * has no query for it; the type's spelling carries the attribute. */
static bool points_to_noreturn(CXCursor callee)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(callee));
    if (t.kind == CXType_Pointer)
        t = clang_getCanonicalType(clang_getPointeeType(t));
    if (t.kind != CXType_FunctionProto && t.kind != CXType_FunctionNoProto)
        return false;
    CXString s = clang_getTypeSpelling(t);
    bool noreturn = strstr(clang_getCString(s), "__attribute__((noreturn))") != NULL;
    clang_disposeString(s);
    return noreturn;
}

void build_call(struct builder *b, CXCursor call)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(call, &b->kids);
    int result_var = b->pending_result_var;
    b->pending_result_var = -1;
    for (unsigned i = 0; i < n; i++) {
        b->conditional_not_used =
            i > 0 && clang_getCursorKind(parse_peel(b->kids.v[base + i])) ==
                         CXCursor_ConditionalOperator;
        b->in_callee = i == 0;
        build_expr(b, b->kids.v[base + i]);
        b->in_callee = false;
        b->conditional_not_used = false;
    }
    CXCursor ref = clang_getCursorReferenced(call);
    CXCursor callee_ref = n ? parse_peel(b->kids.v[base]) : clang_getNullCursor();
    int nargs = clang_Cursor_getNumArguments(call);
    const char *name = NULL;
    CXCursor decl = clang_getNullCursor();
    if (clang_getCursorKind(ref) == CXCursor_FunctionDecl) {
        name = parse_spelling(b->a, call);
        decl = ref;
    } else if (clang_getCursorKind(callee_ref) == CXCursor_DeclRefExpr &&
               clang_getCursorKind(clang_getCursorReferenced(callee_ref)) ==
                   CXCursor_FunctionDecl) {
        name = parse_spelling(b->a, callee_ref);
        decl = clang_getCursorReferenced(callee_ref);
    } else if (clang_getCursorKind(callee_ref) == CXCursor_DeclRefExpr) {
        name = pointer_target(b, callee_ref, &decl);
    }
    if (name) {
        /* LIBCLANG 19: a call whose arguments have errors has a dependent
         * type, no callee declaration and no argument count; its children
         * (callee, then arguments) still say what it is. */
        unsigned count = nargs >= 0 ? (unsigned)nargs : (n ? n - 1 : 0);
        CXCursor *args = arena_alloc(b->a, (count + 1) * sizeof *args);
        for (unsigned i = 0; i < count; i++)
            args[i] = nargs >= 0 ? clang_Cursor_getArgument(call, i) : b->kids.v[base + 1 + i];
        apply_call(b, call, decl, name, args, count, result_var);
    } else {
        build_note_clobber(b, CFG_CLOBBER_ALL); /* through a pointer: any function */
    }
    bool ended = b->events.n && b->events.v[b->events.n - 1].kind == EV_NORETURN;
    if (!ended && !clang_Cursor_isNull(callee_ref) && points_to_noreturn(callee_ref)) {
        build_event(b, (struct cfg_event){.kind = EV_NORETURN, .loc = parse_cursor_loc(call),
                                          .result_var = -1, .callee = name});
        build_dead_end(b);
    }
    b->kids.n = base;
}

/* LIBCLANG 19: in code with errors (a missing header, an incomplete
 * struct), a call whose arguments did not type-check is kept as a
 * RecoveryExpr, an UnexposedExpr whose first child names the callee. Such
 * code is common in a pre-commit hook without the full build tree, so the
 * call is still matched by the callee's name. */
bool build_recovered_call(struct builder *b, CXCursor e, size_t base)
{
    unsigned n = parse_children(e, &b->kids);
    CXCursor callee_ref = n >= 2 ? b->kids.v[base] : clang_getNullCursor();
    unsigned cb = 0, ce = 0, fb = 1, fe = 0;
    if (clang_getCursorKind(callee_ref) == CXCursor_DeclRefExpr &&
        clang_getCursorKind(clang_getCursorReferenced(callee_ref)) == CXCursor_FunctionDecl) {
        parse_cursor_offsets(e, &cb, &ce);
        parse_cursor_offsets(callee_ref, &fb, &fe);
    }
    if (cb != fb || ce <= fe) {
        b->kids.n = base;
        return false;
    }
    int result_var = b->pending_result_var;
    b->pending_result_var = -1;
    CXCursor *args = arena_alloc(b->a, n * sizeof *args);
    for (unsigned i = 1; i < n; i++) {
        args[i - 1] = b->kids.v[base + i];
        build_expr(b, b->kids.v[base + i]);
    }
    apply_call(b, e, clang_getCursorReferenced(callee_ref), parse_spelling(b->a, callee_ref),
               args, n - 1, result_var);
    return true;
}

/* ---- rules macros ---- */

/* Only these can be a whole macro use; checking the rest would cost an
 * extent and two expansion lookups per cursor for nothing. */
static bool may_be_macro_use(enum CXCursorKind k)
{
    return k == CXCursor_CallExpr || k == CXCursor_DoStmt || k == CXCursor_ParenExpr ||
           k == CXCursor_StmtExpr || k == CXCursor_UnexposedExpr || k == CXCursor_CStyleCastExpr ||
           k == CXCursor_CompoundStmt || k == CXCursor_IfStmt || k == CXCursor_BinaryOperator ||
           k == CXCursor_ConditionalOperator || k == CXCursor_UnaryOperator;
}

/* Whether lock calls of the use's expansion are built already: a part of
 * it met again (the value `!err` of a statement-expression macro, tested
 * after its statements were built) is no use of its own. */
static bool expansion_took_locks(const struct builder *b, const struct macro_use *u)
{
    for (size_t i = b->events.n; i-- > 0;) {
        const struct cfg_event *ev = &b->events.v[i];
        if ((ev->kind == EV_ACQUIRE || ev->kind == EV_RELEASE) && ev->loc.offset == u->begin)
            return true;
    }
    return false;
}

bool build_macro_use(struct builder *b, CXCursor c, bool is_stmt)
{
    if (!may_be_macro_use(clang_getCursorKind(c)))
        return false;
    unsigned begin, end;
    parse_cursor_offsets(c, &begin, &end);
    const struct macro_use *m = b->t->macros;
    unsigned lo = 0, hi = b->t->nmacros;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (m[mid].begin < begin)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == b->t->nmacros || m[lo].begin != begin || end > m[lo].end)
        return false;
    /* The uses are the main file's: a header's inline function (built for
     * its contract) has offsets of its own file, which may fall on one. */
    CXFile file = NULL;
    parse_location(clang_getCursorLocation(c), &file);
    if (!file || !clang_File_isEqual(file, b->t->main_file))
        return false;
    const struct macro_use *u = &m[lo];
    if (b->expanding == u)
        return false; /* looking into it: see below */
    /* A guessed lock macro whose result is tested may fail, and which
     * result means success is anybody's guess: not guessed (as calls), and
     * the lock's state is unknown from there. */
    if (u->rule && u->rule->origin == lockname_origin && !is_stmt && !is_statement(b, c)) {
        /* its expansion first: a known lock call in it says what it does */
        const struct macro_use *saved = b->expanding;
        unsigned before = b->lock_events;
        bool answered = b->expansion_answered;
        b->expanding = u;
        b->expansion_answered = false;
        build_expr(b, c);
        b->expanding = saved;
        bool known = b->expansion_answered;
        b->expansion_answered = answered;
        if (b->lock_events != before || known || expansion_took_locks(b, u))
            return true;
        struct call_args texts = {NULL, u->args, u->nargs};
        for (unsigned i = 0; i < u->rule->neffects; i++) {
            int lock = effect_lock(b, &u->rule->effects[i], &texts);
            if (lock >= 0)
                forget_guessed(b, u->rule, (unsigned)lock, u->loc);
        }
        return true;
    }
    struct call_args args = {NULL, u->args, u->nargs};
    if (u->from_function) {
        /* A macro named like a lock function: kernel headers make
         * spin_lock_irqsave a macro over an unlisted call, while a
         * user-space project may alias mutex_trylock to
         * pthread_mutex_trylock, whose rule must win. So look into the
         * expansion first and apply the name's rule only if nothing in it
         * was a known lock call. */
        const struct macro_use *saved = b->expanding;
        unsigned before = b->lock_events;
        bool answered = b->expansion_answered;
        b->expanding = u;
        b->expansion_answered = false;
        if (is_stmt)
            build_stmt(b, c);
        else
            build_expr(b, c);
        b->expanding = saved;
        bool known = b->expansion_answered && u->rule->origin == lockname_origin;
        b->expansion_answered = answered;
        if (b->lock_events != before || known)
            return true;
    }
    emit_rule(b, u->rule, &args, u->loc, c);
    return true;
}
