/* SPDX-License-Identifier: MIT
 * cfg_expr: expressions, conditions and calls -> events and branches.
 * `&&`, `||`, `?:` and `!` become branches even in value context, so a lock
 * call inside them counts only on the paths where it runs. Calls are
 * matched against the model by name (cached per TU); lock arguments become
 * canonical access paths through the lockexpr constructors. */
#include "cfg_build.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "argsplit.h"
#include "annot.h"
#include "contract.h"
#include "lockexpr.h"
#include "lockname.h"

/* What a callee name means; cached per TU because names are unique in C. */
struct callee_info {
    const struct lock_rule *rule;
    bool noreturn;
    bool local; /* defined in this TU: its contract may be inferred */
    bool contract_read;
    const struct contract *contract; /* from its annotations, or NULL */
};

static const char *cursor_path(struct builder *b, CXCursor c, int depth);
static unsigned lock_id(struct builder *b, const char *key, const char *display);

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
        bool arrow = t.kind == CXType_Pointer;
        r = lockexpr_member(b->a, arrow ? lockexpr_deref(b->a, p) : p, field);
    }
    b->kids.n = base;
    return r;
}

/* The text of an expression we do not decompose: its tokens, so that the
 * same expression written twice names the same lock. */
static const char *opaque_path(struct builder *b, CXCursor c)
{
    unsigned begin, end;
    parse_cursor_offsets(c, &begin, &end);
    if (b->t->source && begin < end && end <= b->t->source_len && end - begin < 200)
        return arena_strndup(b->a, b->t->source + begin, end - begin);
    return arena_printf(b->a, "<expr@%u>", begin);
}

/* Remembers a local variable used as an array index in a lock path. */
static void note_index_var(struct builder *b, CXCursor index)
{
    index = parse_peel(index);
    if (clang_getCursorKind(index) != CXCursor_DeclRefExpr)
        return;
    int v = build_var_id(b, index, true);
    if (v < 0 || v == b->path_index_var[0] || v == b->path_index_var[1])
        return;
    b->path_index_var[b->path_index_var[0] < 0 ? 0 : 1] = v;
}

static const char *cursor_path(struct builder *b, CXCursor c, int depth)
{
    if (depth > 64)
        return opaque_path(b, c);
    c = parse_peel(c);
    size_t base = b->kids.n;
    const char *r = NULL;
    switch (clang_getCursorKind(c)) {
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(c);
        if (clang_getCursorKind(d) == CXCursor_VarDecl && !clang_Cursor_hasVarDeclGlobalStorage(d)) {
            b->path_local_root = true;
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
            note_index_var(b, b->kids.v[base + 1]);
        }
        break;
    case CXCursor_CallExpr:
        r = arena_printf(b->a, "%s()", parse_spelling(b->a, c));
        break;
    default:
        break;
    }
    b->kids.n = base;
    return r ? r : opaque_path(b, c);
}

/* "q->mu" for the argument "&q->mu" as written; the canonical path when
 * the argument comes from a macro and has no plain text. */
static const char *display_of(struct builder *b, CXCursor arg, const char *key)
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

/* A lock named through a pointer to it is the lock: `*m` and `m`, where m
 * points to the lock, are one lock (as in clang's analysis, where a
 * pointer-typed lock expression means what it points to; a pointer itself
 * is never a lock). The key kept is the one with the `*`, which is what
 * lock calls produce and what contracts substitute into. */
static unsigned lock_id(struct builder *b, const char *key, const char *display)
{
    key = build_resolve_alias(b, key);
    const char *identity = key;
    while (*identity == '*')
        identity++;
    void *id = strmap_get(&b->lock_ids, identity);
    if (id) {
        struct cfg_lock *l = &b->locks.v[(uintptr_t)id - 1];
        if (key[0] == '*' && l->key[0] != '*')
            l->key = key;
        add_index_vars(b, (unsigned)(uintptr_t)id - 1);
        return (unsigned)(uintptr_t)id - 1;
    }
    struct cfg_lock l = {key, display ? display : key, {-1, -1}, b->path_local_root, NULL,
                         NULL, NULL, 0, 0};
    VEC_PUSH(b->locks, l);
    strmap_put(&b->lock_ids, identity, (void *)(uintptr_t)b->locks.n);
    add_index_vars(b, (unsigned)b->locks.n - 1);
    return (unsigned)b->locks.n - 1;
}

/* Arguments of a call: either cursors (a real call) or texts (a macro). */
struct call_args {
    CXCursor *cursors;
    const char **texts;
    unsigned n;
};

static const char *arg_path(struct builder *b, const struct call_args *args, unsigned i)
{
    if (args->cursors)
        return cursor_path(b, args->cursors[i], 0);
    struct diag d;
    const char *p = lockexpr_parse(b->a, args->texts[i], NULL, 0, &d);
    return p ? p : args->texts[i];
}

/* ACQUIRED_BEFORE(x) / ACQUIRED_AFTER(x) on the lock's declaration, as
 * classes: a sibling field of a struct, or a global. */
static void declared_order(struct builder *b, struct cfg_lock *l, CXCursor decl)
{
    struct annot_list an = annot_read(b->a, b->t->tu, decl);
    const char *prefix = "";
    if (clang_getCursorKind(decl) == CXCursor_FieldDecl)
        prefix = arena_printf(b->a, "%s.", parse_record_of(b->a, decl));
    for (unsigned i = 0; i < an.n; i++) {
        bool before = an.v[i].kind == AN_ACQUIRED_BEFORE;
        if (!before && an.v[i].kind != AN_ACQUIRED_AFTER)
            continue;
        const char **list = arena_alloc(b->a, (an.v[i].nargs + 1) * sizeof *list);
        for (unsigned k = 0; k < an.v[i].nargs; k++) {
            const char *x = an.v[i].args[k];
            while (*x == '&' || *x == '*')
                x++;
            list[k] = arena_printf(b->a, "%s%s", prefix, x);
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

/* The class of the lock object a pointer expression designates:
 * "&a->mu" -> "struct account.mu", "&g_lock" -> "g_lock". */
static const char *class_of_pointer(struct builder *b, CXCursor arg, CXCursor *decl_out)
{
    CXCursor c = parse_peel(arg);
    bool addr = clang_getCursorKind(c) == CXCursor_UnaryOperator &&
                clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf;
    enum CXCursorKind ck = clang_getCursorKind(c);
    /* A pointer field or global that points to the lock stands for it. */
    if (!addr && ck != CXCursor_MemberRefExpr && ck != CXCursor_DeclRefExpr)
        return NULL;
    size_t base = b->kids.n;
    const char *r = NULL;
    if (!addr || parse_children(c, &b->kids) == 1) {
        CXCursor obj = addr ? parse_peel(b->kids.v[base]) : c;
        bool index = clang_getCursorKind(obj) == CXCursor_ArraySubscriptExpr;
        if (index && parse_children(obj, &b->kids) == 2)
            obj = parse_peel(b->kids.v[base + 1]);
        CXCursor decl = clang_getCursorReferenced(obj);
        enum CXCursorKind k = clang_getCursorKind(decl);
        *decl_out = decl;
        if (k == CXCursor_FieldDecl) {
            r = arena_printf(b->a, "%s.%s%s", parse_record_of(b->a, decl),
                             parse_spelling(b->a, decl), index ? "[]" : "");
        } else if (k == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(decl)) {
            r = arena_printf(b->a, "%s%s", parse_spelling(b->a, decl), index ? "[]" : "");
        }
    }
    b->kids.n = base;
    return r;
}

/* "$0->mu" with argument 0 of type struct q * -> "struct q.mu". */
static const char *class_of_expr(struct builder *b, const char *expr, const struct call_args *args)
{
    if (expr[0] != '$' || !args->cursors || expr[1] < '0' || expr[1] > '9')
        return strchr(expr, '$') ? NULL : expr;
    unsigned i = (unsigned)(expr[1] - '0');
    const char *rest = expr + 2;
    if (i >= args->n || strncmp(rest, "->", 2) || strchr(rest + 2, '$'))
        return NULL;
    CXType t = clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(args->cursors[i])));
    if (t.kind == CXType_Invalid)
        return NULL;
    return arena_printf(b->a, "%s.%s", parse_str(b->a, clang_getTypeSpelling(t)), rest + 2);
}

static void set_class(struct builder *b, int id, const struct lock_effect *e,
                      const struct call_args *args)
{
    if (id < 0 || b->locks.v[id].cls)
        return;
    CXCursor decl = clang_getNullCursor();
    if (e->target.arg >= 0)
        b->locks.v[id].cls = args->cursors && (unsigned)e->target.arg < args->n
                                 ? class_of_pointer(b, args->cursors[e->target.arg], &decl)
                                 : NULL;
    else if (e->target.expr[0] == '*' && e->target.expr[1] == '$' && args->cursors &&
             (unsigned)(e->target.expr[2] - '0') < args->n && !e->target.expr[3])
        b->locks.v[id].cls = class_of_pointer(b, args->cursors[e->target.expr[2] - '0'], &decl);
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

/* The lock an effect names at this call, or -1 if the call lacks it. */
static int effect_lock(struct builder *b, const struct lock_effect *e,
                       const struct call_args *args)
{
    b->path_index_var[0] = b->path_index_var[1] = -1;
    b->path_local_root = false;
    if (e->target.arg >= 0) {
        if ((unsigned)e->target.arg >= args->n)
            return -1;
        const char *ptr = arg_path(b, args, (unsigned)e->target.arg);
        const char *key = lockexpr_pointee(b->a, ptr);
        const char *disp = args->cursors ? display_of(b, args->cursors[e->target.arg], key)
                                         : (key[0] == '*' ? key + 1 : key);
        return (int)lock_id(b, key, disp);
    }
    /* Only the arguments the expression names lend it their index
     * variables and their local roots (`g_lock` in a call f(keys[i]) is
     * neither indexed by i nor local). */
    const char **paths = arena_alloc(b->a, (args->n + 1) * sizeof *paths);
    int vars[2] = {-1, -1};
    bool local_root = false;
    for (unsigned i = 0; i < args->n; i++) {
        b->path_index_var[0] = b->path_index_var[1] = -1;
        b->path_local_root = false;
        paths[i] = arg_path(b, args, i);
        if (!expr_names_arg(e->target.expr, i))
            continue;
        local_root |= b->path_local_root;
        for (int k = 0; k < 2; k++)
            if (b->path_index_var[k] >= 0)
                vars[vars[0] < 0 ? 0 : 1] = b->path_index_var[k];
    }
    b->path_index_var[0] = vars[0];
    b->path_index_var[1] = vars[1];
    b->path_local_root = local_root;
    struct diag d;
    const char *key = lockexpr_parse(b->a, e->target.expr, paths, args->n, &d);
    return key ? (int)lock_id(b, key, key) : -1;
}

/* Locks something in the file releases (cfg_tu.released). */
static void note_released(struct cfg_tu *t, const char *key)
{
    key += strspn(key, "*");
    if (!strmap_get(&t->released, key))
        strmap_put(&t->released, arena_strdup(t->a, key), (void *)1);
}

static void emit_rule(struct builder *b, const struct lock_rule *r, const struct call_args *args,
                      struct cfg_loc loc, CXCursor call)
{
    static const enum cfg_event_kind event_kind[] = {
        [EFFECT_ACQUIRE] = EV_ACQUIRE, [EFFECT_RELEASE] = EV_RELEASE,
        [EFFECT_REQUIRE] = EV_REQUIRE, [EFFECT_RELEASE_REACQUIRE] = EV_WAIT,
        [EFFECT_EXCLUDE] = EV_EXCLUDE, [EFFECT_ASSERT] = EV_ASSERT,
    };
    int result_var = b->pending_result_var;
    b->pending_result_var = -1;
    for (unsigned i = 0; i < r->neffects; i++) {
        const struct lock_effect *e = &r->effects[i];
        int lock = effect_lock(b, e, args);
        if (lock < 0)
            continue;
        if (e->kind == EFFECT_ACQUIRE)
            set_class(b, lock, e, args);
        if (e->kind == EFFECT_RELEASE)
            note_released(b->t, b->locks.v[lock].key);
        b->lock_events++;
        struct cfg_event ev = {.kind = event_kind[e->kind], .lock = (unsigned)lock,
                               .mode = e->mode, .rule = r, .result_var = -1, .loc = loc,
                               .callee = r->name};
        if (e->kind == EFFECT_ACQUIRE) {
            ev.result_var = r->success != SUCCESS_ALWAYS ? result_var : -1;
            b->last_lock_event = (int)build_event(b, ev);
            b->last_lock_call = call;
        } else {
            build_event(b, ev);
        }
    }
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
    CXToken *toks = NULL;
    unsigned ntoks = 0;
    clang_tokenize(b->t->tu, clang_getRange(clang_getRangeStart(ext), end), &toks, &ntoks);
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

static struct callee_info *callee(struct builder *b, CXCursor call, const char *name)
{
    struct callee_info *info = strmap_get(&b->t->callee_cache, name);
    if (info)
        return info;
    info = arena_alloc(b->t->a, sizeof *info);
    info->rule = model_function(b->t->model, name);
    info->noreturn = model_is_noreturn(b->t->model, name);
    CXCursor decl = clang_getCursorReferenced(call);
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
    return info;
}

/* The rule a call follows: the callee's own annotations first, then the
 * rules files, then what was inferred from its body. */
static const struct lock_rule *call_rule(struct builder *b, const struct contract *c,
                                         const struct lock_rule *model_rule, const char *name,
                                         CXCursor decl)
{
    if (c && c->rule)
        return c->rule;
    return model_rule ? model_rule : build_inferred_rule(b, decl, name);
}

const struct lock_rule *build_inferred_rule(struct builder *b, CXCursor decl, const char *name)
{
    struct cfg_tu *t = b->t;
    const struct lock_rule *r = strmap_get(&t->summaries, name);
    if (r || !t->infer_external || clang_Cursor_isNull(decl) ||
        strmap_get(&t->external_done, name))
        return r;
    CXCursor def = clang_getCursorDefinition(decl);
    if (clang_Cursor_isNull(def) || clang_getCursorKind(def) != CXCursor_FunctionDecl ||
        parse_in_main_file(def, t->main_file) ||
        clang_Location_isInSystemHeader(clang_getCursorLocation(def)))
        return NULL;
    strmap_put(&t->external_done, arena_strdup(t->a, name), (void *)1); /* also ends recursion */
    return t->infer_external(t, def);
}

int build_inferred_returned_param(struct builder *b, CXCursor decl)
{
    const char *name = parse_spelling(b->a, decl);
    build_inferred_rule(b, decl, name);
    void *v = strmap_get(&b->t->returns_param, name);
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

/* Whether a call stands as a statement of its own (`foo_lock(x);`),
 * its result unused: a guessed lock call whose result is tested
 * (`if (!security_lock(rdp))`) may fail, and which result means success
 * is anybody's guess, so such calls are not guessed at all. */
static bool is_statement(struct builder *b, CXCursor call)
{
    return clang_equalCursors(parse_peel(call), b->statement_expr);
}

/* A project's lock function nobody described (lockname.h): only names
 * no header declares, since a declared function's name is all there is
 * to go on (lock_door(d) is no lock call). */
static const struct lock_rule *guess_call(struct builder *b, CXCursor call, const char *name,
                                          CXCursor *args, unsigned nargs)
{
    if (!strcasestr(name, "lock") || !is_statement(b, call))
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
            kinds[i] = LN_OTHER;
    }
    struct cfg_tu *t = b->t;
    return lockname_guess(t->a, &t->guessed, t->source, t->source_len, name, kinds, nargs);
}

/* What a call to `name` does; args are the argument cursors. */
static void apply_call(struct builder *b, CXCursor call, CXCursor decl, const char *name,
                       CXCursor *args, unsigned nargs, int result_var)
{
    struct callee_info *info = callee(b, call, name);
    b->calls_local |= info->local;
    if (!info->contract_read && !clang_Cursor_isNull(decl)) {
        info->contract = contract_of(b->t, decl); /* once per callee name */
        info->contract_read = true;
    }
    const struct contract *c = info->contract;
    if (c && c->problem)
        build_bad_annotation(b, c->problem, c->problem_loc, c->problem_file, call);
    const struct lock_rule *rule = call_rule(b, c, info->rule, name, decl);
    if (!rule && !b->t->no_guess && implicitly_declared(decl))
        rule = guess_call(b, call, name, args, nargs);
    if (rule && rule->split) {
        long v = 0;
        bool known = rule->split->param < nargs &&
                     parse_int_constant(args[rule->split->param], &v);
        rule = argsplit_pick(rule->split, known, v);
    }
    if (rule && !rule->is_macro) {
        struct call_args ca = {args, NULL, nargs};
        b->pending_result_var = result_var;
        emit_rule(b, rule, &ca, parse_cursor_loc(call), call);
    }
    if (info->noreturn) {
        struct cfg_event ev = {.kind = EV_NORETURN, .loc = parse_cursor_loc(call),
                               .result_var = -1, .callee = name};
        build_event(b, ev);
        build_dead_end(b);
    }
}

void build_call_by_name(struct builder *b, CXCursor fn, const char *name, const char **args,
                        unsigned nargs, struct cfg_loc loc)
{
    const struct contract *c = contract_of(b->t, fn);
    const struct lock_rule *rule = call_rule(b, c, model_function(b->t->model, name), name, fn);
    if (!clang_Cursor_isNull(clang_getCursorDefinition(fn)))
        b->calls_local = true;
    if (!rule)
        return;
    struct call_args ca = {NULL, args, nargs};
    emit_rule(b, rule, &ca, loc, fn);
}

static void build_call(struct builder *b, CXCursor call)
{
    size_t base = b->kids.n;
    unsigned n = parse_children(call, &b->kids);
    int result_var = b->pending_result_var;
    b->pending_result_var = -1;
    for (unsigned i = 0; i < n; i++)
        build_expr(b, b->kids.v[base + i]);
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
    }
    b->kids.n = base;
}

/* LIBCLANG 19: in code with errors (a missing header, an incomplete
 * struct), a call whose arguments did not type-check is kept as a
 * RecoveryExpr, an UnexposedExpr whose first child names the callee. Such
 * code is common in a pre-commit hook without the full build tree, so the
 * call is still matched by the callee's name. */
static bool build_recovered_call(struct builder *b, CXCursor e, size_t base)
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

int build_var_id(struct builder *b, CXCursor ref, bool create)
{
    CXCursor decl = clang_getCursorKind(ref) == CXCursor_VarDecl ? ref
                                                                 : clang_getCursorReferenced(ref);
    if (clang_getCursorKind(decl) != CXCursor_VarDecl || clang_Cursor_hasVarDeclGlobalStorage(decl) == 1)
        return -1;
    char key[32];
    snprintf(key, sizeof key, "%u", parse_cursor_loc(decl).offset);
    void *id = strmap_get(&b->vars, key);
    if (id || !create)
        return id ? (int)(uintptr_t)id - 1 : -1;
    strmap_put(&b->vars, arena_strdup(b->a, key), (void *)(uintptr_t)(++b->nvars));
    return (int)b->nvars - 1;
}

/* `x = call(...)` binds the call's result to local x; any other store to a
 * local forgets what it held. */
static void build_assign(struct builder *b, CXCursor e, size_t base)
{
    CXCursor lhs = parse_peel(b->kids.v[base]), rhs = b->kids.v[base + 1];
    int var = clang_getCursorKind(lhs) == CXCursor_DeclRefExpr ? build_var_id(b, lhs, true) : -1;
    build_note_param_store(b, lhs);
    if (var >= 0) {
        build_mark_fresh(b, var, build_is_alloc_call(b, rhs));
        build_note_alias(b, clang_getCursorReferenced(lhs), rhs, false);
    }
    b->access_mode = ACC_WRITE;
    build_expr(b, b->kids.v[base]);
    b->pending_result_var = var;
    build_expr(b, rhs);
    b->pending_result_var = -1;
    if (var >= 0) {
        struct cfg_event ev = {.kind = EV_KILL_VAR, .lock = (unsigned)var, .result_var = var,
                               .loc = parse_cursor_loc(e)};
        /* The kill comes first in the block order only if nothing bound it. */
        if (!b->events.n || b->events.v[b->events.n - 1].result_var != var ||
            b->events.v[b->events.n - 1].kind != EV_ACQUIRE)
            build_event(b, ev);
        build_flag_fact(b, parse_spelling(b->a, lhs), var, rhs, parse_cursor_loc(e));
        build_note_store(b, var, rhs);
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

static bool is_pointer(CXCursor c)
{
    return clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Pointer;
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
                struct cfg_event ev = {.kind = EV_KILL_VAR, .lock = (unsigned)var,
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
    }
    return true;
}

static void build_short_circuit(struct builder *b, CXCursor e)
{
    unsigned join = build_new_block(b);
    build_cond(b, e, join, join);
    b->cur = join;
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
    build_cond(b, c, tb, fb);
    b->cur = tb;
    build_expr(b, x);
    build_edge(b, b->cur, join, EDGE_PLAIN, -1);
    b->cur = fb;
    build_expr(b, y);
    build_edge(b, b->cur, join, EDGE_PLAIN, -1);
    b->cur = join;
}

void build_expr(struct builder *b, CXCursor e)
{
    if (++b->depth > b->t->max_depth) {
        build_give_up(b, e, "expression nested too deeply");
        b->depth--;
        return;
    }
    if (b->t->nmacros && build_macro_use(b, e, false)) {
        b->depth--;
        return;
    }
    enum CXCursorKind k = clang_getCursorKind(e);
    size_t base = b->kids.n;
    /* Only a call, possibly in parentheses or casts, receives a pending
     * "result goes to variable x". */
    bool wrapper = k == CXCursor_ParenExpr || k == CXCursor_CStyleCastExpr ||
                   k == CXCursor_UnexposedExpr;
    enum access_mode mode = b->access_mode, pt = b->pt_access;
    b->access_mode = ACC_READ;
    b->pt_access = ACC_NONE;
    if (k != CXCursor_CallExpr && !wrapper)
        b->pending_result_var = -1;
    if (k == CXCursor_UnaryExpr) {
        /* sizeof, _Alignof: not evaluated */
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

/* ---- conditions ---- */

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

/* Which tracked value a condition leaf tests: the lock call just evaluated
 * in it, or a local variable. */
static void test_source(struct builder *b, CXCursor src, struct cfg_cond *cc)
{
    src = parse_peel(src);
    size_t base = b->kids.n;
    if (clang_getCursorKind(src) == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(src) == CXBinaryOperator_Assign &&
        parse_children(src, &b->kids) == 2)
        src = parse_peel(b->kids.v[base + 1]);
    b->kids.n = base;
    if (b->last_lock_event >= 0 && clang_equalCursors(src, b->last_lock_call))
        cc->try_event = b->last_lock_event;
    else if (clang_getCursorKind(src) == CXCursor_DeclRefExpr)
        cc->try_var = build_var_id(b, src, false);
    cc->param = build_param_index(b, src);
}

int build_param_index(struct builder *b, CXCursor ref)
{
    if (clang_getCursorKind(ref) != CXCursor_DeclRefExpr)
        return -1;
    CXCursor decl = clang_getCursorReferenced(ref);
    if (clang_getCursorKind(decl) != CXCursor_ParmDecl)
        return -1;
    int n = clang_Cursor_getNumArguments(b->fn);
    for (int i = 0; i < n; i++)
        if (clang_equalCursors(clang_Cursor_getArgument(b->fn, (unsigned)i), decl))
            return i;
    return -1;
}

void build_note_param_store(struct builder *b, CXCursor target)
{
    int i = build_param_index(b, parse_peel(target));
    if (i >= 0 && i < 64)
        b->params_written |= (uint64_t)1 << i;
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

/* Reads `value OP constant` (either way round) or a bare `value`. */
static void leaf_test(struct builder *b, CXCursor c, struct cfg_cond *cc)
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
    } else {
        bit_test(b, p, cc, &src);
    }
    b->kids.n = base;
    if (cc->op != CMP_NONE)
        test_source(b, src, cc);
    if (cc->try_event < 0 && b->last_lock_event >= 0 &&
        clang_equalCursors(c, b->last_lock_call)) /* a rules macro as the condition */
        cc->try_event = b->last_lock_event;
}

static int intern_key(struct builder *b, const char *text, int var)
{
    void *id = strmap_get(&b->keys, text);
    if (!id) {
        VEC_PUSH(b->key_var, var);
        id = (void *)(uintptr_t)b->key_var.n;
        strmap_put(&b->keys, text, id);
    }
    return (int)(uintptr_t)id - 1;
}

int build_known_key(struct builder *b, CXCursor value)
{
    CXCursor v = parse_peel(value);
    enum CXCursorKind kind = clang_getCursorKind(v);
    if (kind != CXCursor_DeclRefExpr && kind != CXCursor_MemberRefExpr)
        return -1;
    bool local_root = b->path_local_root;
    int root_var = b->path_root_var;
    const char *text = build_path(b, v);
    b->path_local_root = local_root;
    b->path_root_var = root_var;
    void *id = text ? strmap_get(&b->keys, text) : NULL;
    return id ? (int)(uintptr_t)id - 1 : -1;
}

/* The value a condition tests, as a key shared by every branch on the same
 * value: `x`, `!x`, `x != 0` and `x == 0` all test "x". Calls are not
 * keys: they may answer differently each time. */
static void condition_key(struct builder *b, CXCursor c, struct cfg_cond *cc)
{
    cc->key = -1;
    CXCursor v = parse_peel(c);
    size_t base = b->kids.n;
    if ((cc->op == CMP_EQ || cc->op == CMP_NE) && cc->k == 0 &&
        clang_getCursorKind(v) == CXCursor_BinaryOperator && parse_children(v, &b->kids) == 2) {
        long k;
        CXCursor l = b->kids.v[base], r = b->kids.v[base + 1];
        v = parse_int_constant(r, &k) ? parse_peel(l) : parse_peel(r);
        cc->negated = cc->op == CMP_EQ;
    }
    b->kids.n = base;
    enum CXCursorKind kind = clang_getCursorKind(v);
    if (kind == CXCursor_CallExpr || kind == CXCursor_IntegerLiteral)
        return;
    b->path_local_root = false;
    b->path_root_var = -1;
    const char *text = build_path(b, v);
    if (!text || strstr(text, "()"))
        return;
    cc->key = intern_key(b, text, b->path_local_root ? b->path_root_var : -1);
}

/* Flags (`locked = 1` where the lock is taken, `if (locked) unlock()`
 * later) correlate like branches on the same value. */
void build_flag_fact(struct builder *b, const char *name, int var, CXCursor value,
                     struct cfg_loc loc)
{
    long v;
    value = parse_peel(value);
    size_t base = b->kids.n; /* `(unlock(m), 0)`: the value of a comma is its right side */
    if (clang_getCursorKind(value) == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(value) == CXBinaryOperator_Comma &&
        parse_children(value, &b->kids) == 2)
        value = b->kids.v[base + 1];
    b->kids.n = base;
    if (var < 0 || !parse_int_constant(value, &v))
        return;
    struct cfg_event ev = {.kind = EV_FACT, .lock = (unsigned)intern_key(b, name, var),
                           .write = v != 0, .result_var = -1, .loc = loc};
    build_event(b, ev);
}

static void build_leaf(struct builder *b, CXCursor c, unsigned t, unsigned f)
{
    b->last_lock_event = -1;
    build_expr(b, c);
    struct cfg_cond cc = {.loc = parse_cursor_loc(c), .op = CMP_NONE, .try_event = -1,
                          .try_var = -1, .key = -1, .param = -1};
    parse_cursor_offsets(c, &cc.text_begin, &cc.text_end);
    leaf_test(b, c, &cc);
    condition_key(b, c, &cc);
    VEC_PUSH(b->conds, cc);
    int idx = (int)b->conds.n - 1;
    build_edge(b, b->cur, t, EDGE_TRUE, idx);
    build_edge(b, b->cur, f, EDGE_FALSE, idx);
    b->last_lock_event = -1;
}

static bool constant_cond(struct builder *b, CXCursor c, unsigned t, unsigned f)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    long v;
    if ((k != CXCursor_IntegerLiteral && k != CXCursor_CharacterLiteral) ||
        !parse_int_constant(c, &v))
        return false;
    build_edge(b, b->cur, v ? t : f, EDGE_PLAIN, -1);
    build_dead_end(b);
    return true;
}

/* Splits &&, ||, !, ?:, comma and __builtin_expect into branches. */
static bool build_compound_cond(struct builder *b, CXCursor c, size_t base, unsigned t,
                                unsigned f)
{
    enum CXCursorKind k = clang_getCursorKind(c);
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
        build_give_up(b, c, "condition nested too deeply");
        b->depth--;
        return;
    }
    CXCursor p = parse_peel(c);
    size_t base = b->kids.n;
    if (!constant_cond(b, p, t, f) && !build_compound_cond(b, p, base, t, f)) {
        b->kids.n = base;
        build_leaf(b, c, t, f);
    }
    b->kids.n = base;
    b->depth--;
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
    const struct macro_use *u = &m[lo];
    if (b->expanding == u)
        return false; /* looking into it: see below */
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
        b->expanding = u;
        if (is_stmt)
            build_stmt(b, c);
        else
            build_expr(b, c);
        b->expanding = saved;
        if (b->lock_events != before)
            return true;
    }
    emit_rule(b, u->rule, &args, u->loc, c);
    return true;
}
