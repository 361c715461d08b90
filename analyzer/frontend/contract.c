/* SPDX-License-Identifier: MIT
 * contract: annotations -> lock effects and guards (see contract.h). */
#include "frontend/contract.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "frontend/annot.h"
#include "support/arena.h"
#include "frontend/cfg_build.h"
#include "model/lockexpr.h"

/* Cached "no contract" / "no guard". */
static const struct contract no_contract;
static const struct guard no_guard;

struct params {
    const char **names;
    bool *pointer; /* the parameter is a pointer */
    unsigned n;
};

/* The identifier a lock expression starts from (`q` of `&q->mu`). */
static const char *lock_root(struct arena *a, const char *lock)
{
    const char *root = lock + strspn(lock, "&*( ");
    size_t len = 0;
    while (isalnum((unsigned char)root[len]) || root[len] == '_')
        len++;
    return arena_strndup(a, root, len);
}

/* Is `root` a field of the record that holds `field`? */
static bool sibling_field(struct arena *a, CXCursor field, const char *root)
{
    CXCursor record = clang_getCursorSemanticParent(field);
    struct cursor_stack st = {0};
    unsigned count = parse_children(record, &st);
    bool found = false;
    for (unsigned i = 0; i < count && !found; i++)
        found = clang_getCursorKind(st.v[i]) == CXCursor_FieldDecl &&
                !strcmp(parse_spelling(a, st.v[i]), root);
    free(st.v);
    return found;
}

/* Whether every lock of an annotation read by a macro's name starts from
 * something this build declares: a parameter (names, n of them), a sibling
 * field of the annotated field, or a variable of the file. A build that
 * defines its annotations away may name symbols that exist only for
 * clang's analysis (`REQUIRES(domain_lock_sym)`): no lock of this program. */
static bool names_declared(struct cfg_tu *t, const struct annotation *an, CXCursor decl,
                           const char *const *names, unsigned n)
{
    if (!an->by_name)
        return true;
    cfg_tu_index(t);
    for (unsigned k = 0; k < an->nargs; k++) {
        const char *root = lock_root(t->a, an->args[k]);
        bool found = strmap_get(&t->globals, root) != NULL ||
                     (clang_getCursorKind(decl) == CXCursor_FieldDecl &&
                      sibling_field(t->a, decl, root));
        for (unsigned i = 0; i < n && !found; i++)
            found = names[i] && !strcmp(names[i], root);
        bool success_value = k == 0 && (an->kind == AN_TRY_ACQUIRE ||
                                        an->kind == AN_TRY_ACQUIRE_SHARED);
        if (!found && !success_value)
            return false;
    }
    return true;
}

static struct params params_of(struct arena *a, CXCursor fn)
{
    int n = clang_Cursor_getNumArguments(fn);
    struct params p = {arena_alloc(a, (size_t)(n > 0 ? n : 0) * sizeof(char *) + 1),
                       arena_alloc(a, (size_t)(n > 0 ? n : 0) + 1), n > 0 ? (unsigned)n : 0};
    for (unsigned i = 0; i < p.n; i++) {
        CXCursor arg = clang_Cursor_getArgument(fn, i);
        p.names[i] = parse_spelling(a, arg);
        p.pointer[i] = clang_getCanonicalType(clang_getCursorType(arg)).kind == CXType_Pointer;
    }
    return p;
}

/* The lock object an annotation names: `&lock` is the lock itself (the
 * kernel writes it so), and a pointer parameter `m` names the lock it
 * points to, as in clang's analysis. */
static const char *lock_object(struct arena *a, const char *text, const struct params *p)
{
    while (*text == '&' || *text == ' ')
        text++;
    for (unsigned i = 0; i < p->n; i++)
        if (p->pointer[i] && p->names[i] && !strcmp(p->names[i], text))
            return arena_printf(a, "*%s", text);
    return text;
}

/* "a->mu" with parameter a at index 0 -> "$0->mu". Identifiers after '.'
 * or '->' are field names and stay. */
static const char *parameterise(struct arena *a, const char *text, const struct params *p)
{
    size_t len = strlen(text);
    char *out = arena_alloc(a, len * 4 + 16);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (!isalpha((unsigned char)text[i]) && text[i] != '_') {
            out[o++] = text[i++];
            continue;
        }
        size_t j = i;
        while (j < len && (isalnum((unsigned char)text[j]) || text[j] == '_'))
            j++;
        size_t k = o;
        while (k > 0 && out[k - 1] == ' ')
            k--;
        bool field = (k >= 1 && out[k - 1] == '.') || (k >= 2 && out[k - 1] == '>' && out[k - 2] == '-');
        int param = -1;
        for (unsigned n = 0; n < p->n && !field && param < 0; n++)
            if (p->names[n] && strlen(p->names[n]) == j - i && !strncmp(p->names[n], text + i, j - i))
                param = (int)n;
        if (param >= 0)
            o += (size_t)sprintf(out + o, "$%d", param);
        else {
            memcpy(out + o, text + i, j - i);
            o += j - i;
        }
        i = j;
    }
    out[o] = '\0';
    return out;
}

/* TRY_ACQUIRE's first argument: the value that means success. */
static void try_success(const char *v, struct lock_rule *r)
{
    if (!strcmp(v, "true") || !strcmp(v, "1")) {
        r->success = SUCCESS_NONZERO;
    } else if (!strcmp(v, "false") || !strcmp(v, "0")) {
        r->success = SUCCESS_EQUALS;
        r->success_value = 0;
    } else {
        char *end;
        long n = strtol(v, &end, 0);
        r->success = *end ? SUCCESS_NONZERO : SUCCESS_EQUALS;
        r->success_value = n;
    }
    r->is_try = true;
}

static void add_effect(struct lock_rule *r, enum effect_kind kind, enum lock_mode mode,
                       const char *expr)
{
    if (r->neffects == MODEL_MAX_EFFECTS)
        return;
    struct lock_effect *e = &r->effects[r->neffects++];
    e->kind = kind;
    e->mode = mode;
    e->target.arg = -1;
    e->target.expr = expr;
}

/* What one annotation means for callers and for the body. */
static void apply(struct arena *a, const struct annotation *an, const struct params *p,
                  struct lock_rule *r, struct contract *c)
{
    static const struct {
        enum effect_kind effect;
        enum lock_mode mode;
        bool entry, exit_ok;
    } meaning[AN_COUNT] = {
        [AN_REQUIRES] = {EFFECT_REQUIRE, LOCK_EXCLUSIVE, true, true},
        [AN_REQUIRES_SHARED] = {EFFECT_REQUIRE, LOCK_SHARED, true, true},
        [AN_ACQUIRE] = {EFFECT_ACQUIRE, LOCK_EXCLUSIVE, false, true},
        [AN_ACQUIRE_SHARED] = {EFFECT_ACQUIRE, LOCK_SHARED, false, true},
        [AN_RELEASE] = {EFFECT_RELEASE, LOCK_EXCLUSIVE, true, false},
        [AN_RELEASE_SHARED] = {EFFECT_RELEASE, LOCK_SHARED, true, false},
        [AN_RELEASE_GENERIC] = {EFFECT_RELEASE, LOCK_ANY, true, false},
        [AN_TRY_ACQUIRE] = {EFFECT_ACQUIRE, LOCK_EXCLUSIVE, false, true},
        [AN_TRY_ACQUIRE_SHARED] = {EFFECT_ACQUIRE, LOCK_SHARED, false, true},
        [AN_EXCLUDES] = {EFFECT_EXCLUDE, LOCK_ANY, false, false},
        [AN_ASSERT] = {EFFECT_ASSERT, LOCK_EXCLUSIVE, false, true},
        [AN_ASSERT_SHARED] = {EFFECT_ASSERT, LOCK_SHARED, false, true},
    };
    unsigned first = 0;
    if (an->kind == AN_TRY_ACQUIRE || an->kind == AN_TRY_ACQUIRE_SHARED) {
        if (an->nargs == 1) { /* the kernel's __cond_acquires(lock): non-zero */
            r->success = SUCCESS_NONZERO;
            r->is_try = true;
        } else if (an->nargs) {
            try_success(an->args[0], r);
            first = 1;
        }
    }
    for (unsigned i = first; i < an->nargs; i++) {
        const char *text = lock_object(a, an->args[i], p);
        struct diag d;
        if (!lockexpr_parse(a, text, NULL, 0, &d)) {
            c->problem = arena_printf(a, "cannot read the lock '%s' of %s: %s", text,
                                      an->spelling, d.message);
            c->problem_loc = an->loc;
            c->problem_file = an->file;
            continue;
        }
        text = parameterise(a, text, p); /* by position: names differ between declarations */
        add_effect(r, meaning[an->kind].effect, meaning[an->kind].mode, text);
        if (meaning[an->kind].entry) {
            c->entry = c->entry ? c->entry : arena_alloc(a, 8 * sizeof *c->entry);
            if (c->nentry < 8)
                c->entry[c->nentry++] = (struct held_lock){text, meaning[an->kind].mode};
        }
        if (meaning[an->kind].exit_ok) {
            c->exit_held = c->exit_held ? c->exit_held : arena_alloc(a, 8 * sizeof(char *));
            if (c->nexit_held < 8)
                c->exit_held[c->nexit_held++] = text;
        }
    }
}

/* What a call must hold or must not hold (checked at the call). */
static bool is_requirement(enum annot_kind k)
{
    return k == AN_REQUIRES || k == AN_REQUIRES_SHARED || k == AN_EXCLUDES;
}

/* definition_requires: whether the definition's requirements count (a
 * call written before it sees only the declarations above it, as clang's
 * analysis does; what the function does with locks, it does whatever the
 * call saw). */
static const struct contract *build_contract(struct cfg_tu *t, CXCursor fn,
                                             bool definition_requires)
{
    struct arena *a = t->a;
    /* Attributes merge across declarations, and each names the parameters
     * of the declaration it is written on (clang binds them by position). */
    CXCursor decls[3] = {clang_getCanonicalCursor(fn), clang_getCursorDefinition(fn), fn};
    struct contract *c = arena_alloc(a, sizeof *c);
    c->returns_arg = -1;
    struct lock_rule *r = arena_alloc(a, sizeof *r);
    r->name = parse_spelling(a, fn);
    r->origin = "annotation";
    bool any = false;
    struct strmap seen = {0}; /* "kind:args": the same annotation on two declarations */
    for (int d = 0; d < 3; d++) {
        bool again = false;
        for (int e = 0; e < d; e++)
            again |= clang_equalCursors(decls[e], decls[d]);
        if (clang_Cursor_isNull(decls[d]) || again)
            continue;
        struct params p = params_of(a, decls[d]);
        struct annot_list l = annot_read(a, t->tu, decls[d]);
        for (unsigned i = 0; i < l.n; i++) {
            const char *key = arena_printf(a, "%d:%s", (int)l.v[i].kind,
                                           l.v[i].nargs ? l.v[i].args[0] : "");
            for (unsigned k = 1; k < l.v[i].nargs; k++)
                key = arena_printf(a, "%s,%s", key, l.v[i].args[k]);
            char *w = (char *)key;
            for (const char *rd = key; *rd; rd++) /* "c -> mu" (tokens) is "c->mu" */
                if (*rd != ' ')
                    *w++ = *rd;
            *w = '\0';
            if (strmap_get(&seen, key) || !names_declared(t, &l.v[i], decls[d], p.names, p.n))
                continue;
            if (!definition_requires && is_requirement(l.v[i].kind) &&
                clang_equalCursors(decls[d], decls[1]) && !clang_equalCursors(decls[d], decls[0]) &&
                !clang_equalCursors(decls[d], decls[2]))
                continue;
            strmap_put(&seen, key, (void *)1);
            any = true;
            if (l.v[i].kind == AN_RETURN_CAPABILITY) {
                for (unsigned k = 0; k < p.n && l.v[i].nargs; k++) {
                    const char *x = l.v[i].args[0];
                    while (*x == '&' || *x == '*')
                        x++;
                    if (p.names[k] && !strcmp(p.names[k], x))
                        c->returns_arg = (int)k;
                }
            } else if (l.v[i].kind == AN_NO_ANALYSIS)
                c->no_analysis = true;
            else if (l.v[i].kind == AN_INITIALIZER)
                c->initializer = true;
            else
                apply(a, &l.v[i], &p, r, c);
        }
    }
    strmap_free(&seen);
    if (!any)
        return &no_contract;
    c->rule = r->neffects ? r : NULL;
    return c;
}

const struct contract *contract_of(struct cfg_tu *t, CXCursor fn)
{
    const char *name = parse_spelling(t->a, fn);
    const struct contract *c = strmap_get(&t->contracts, name);
    if (!c) {
        c = build_contract(t, fn, true);
        strmap_put(&t->contracts, name, (void *)c);
    }
    return c == &no_contract ? NULL : c;
}

const struct contract *contract_at(struct cfg_tu *t, CXCursor fn, unsigned use)
{
    CXCursor def = clang_getCursorDefinition(fn);
    if (clang_Cursor_isNull(def) || clang_equalCursors(def, fn) ||
        !parse_in_main_file(def, t->main_file) || parse_cursor_loc(def).offset < use)
        return contract_of(t, fn);
    const char *name = arena_printf(t->a, "%s<", parse_spelling(t->a, fn));
    const struct contract *c = strmap_get(&t->contracts, name);
    if (!c) {
        c = build_contract(t, fn, false);
        strmap_put(&t->contracts, name, (void *)c);
    }
    return c == &no_contract ? NULL : c;
}

/* Is the lock expression's root a field of the record that holds decl? */
static bool names_sibling(struct arena *a, CXCursor field, const char *lock)
{
    return sibling_field(a, field, lock_root(a, lock));
}

/* "struct conn.state" / "conn_t.state" / "global" for rules-file guards. */
static const struct guard *rules_guard(struct cfg_tu *t, CXCursor decl, const char *name)
{
    const struct model *m = t->model;
    if (!m->nguards)
        return NULL;
    const char *key = name;
    if (clang_getCursorKind(decl) == CXCursor_FieldDecl)
        key = arena_printf(t->a, "%s.%s", parse_record_of(t->a, decl), name);
    for (unsigned i = 0; i < m->nguards; i++) {
        if (strcmp(m->guards[i].data, key))
            continue;
        struct guard *g = arena_alloc(t->a, sizeof *g);
        g->lock = m->guards[i].lock;
        g->data = name;
        g->sibling = clang_getCursorKind(decl) == CXCursor_FieldDecl &&
                     names_sibling(t->a, decl, g->lock);
        return g;
    }
    return NULL;
}

static const struct guard *build_guard(struct cfg_tu *t, CXCursor decl)
{
    struct annot_list l = annot_read(t->a, t->tu, decl);
    const char *name = parse_spelling(t->a, decl);
    for (unsigned i = 0; i < l.n; i++) {
        const struct annotation *an = &l.v[i];
        if (an->kind == AN_GUARDED_VAR || an->kind == AN_PT_GUARDED_VAR) {
            struct guard *g = arena_alloc(t->a, sizeof *g);
            *g = (struct guard){.pt = an->kind == AN_PT_GUARDED_VAR, .any = true,
                                .lock = CFG_ANY_LOCK, .data = name};
            return g;
        }
        if ((an->kind != AN_GUARDED_BY && an->kind != AN_PT_GUARDED_BY) || !an->nargs ||
            !names_declared(t, an, decl, NULL, 0))
            continue;
        struct guard *g = arena_alloc(t->a, sizeof *g);
        g->pt = an->kind == AN_PT_GUARDED_BY;
        g->lock = an->args[0];
        g->data = name;
        struct diag d;
        const char *lock = g->lock[0] == '&' ? g->lock + 1 : g->lock;
        if (!lockexpr_parse(t->a, lock, NULL, 0, &d)) {
            g->problem = arena_printf(t->a, "cannot read the lock '%s' of %s on '%s': %s",
                                      g->lock, an->spelling, name, d.message);
            g->problem_loc = an->loc;
            g->problem_file = an->file;
        }
        g->sibling = clang_getCursorKind(decl) == CXCursor_FieldDecl &&
                     names_sibling(t->a, decl, g->lock);
        return g;
    }
    const struct guard *g = rules_guard(t, decl, name);
    return g ? g : &no_guard;
}

/* The answer for this very declaration cursor, without making its USR
 * (a string per access): a small table keyed by clang_hashCursor. */
static const struct guard **seen_slot(struct cfg_tu *t, CXCursor decl)
{
    struct guard_seen *s = &t->guard_seen;
    if (s->count * 2 >= s->cap) {
        struct guard_seen bigger = {0};
        bigger.cap = s->cap ? s->cap * 2 : 256;
        bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
        bigger.values = xcalloc(bigger.cap, sizeof *bigger.values);
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->values[i])
                continue;
            size_t j = clang_hashCursor(s->keys[i]) & (bigger.cap - 1);
            while (bigger.values[j])
                j = (j + 1) & (bigger.cap - 1);
            bigger.keys[j] = s->keys[i];
            bigger.values[j] = s->values[i];
            bigger.count++;
        }
        free(s->keys);
        free(s->values);
        *s = bigger;
    }
    size_t i = clang_hashCursor(decl) & (s->cap - 1);
    while (s->values[i] && !clang_equalCursors(s->keys[i], decl))
        i = (i + 1) & (s->cap - 1);
    s->keys[i] = decl;
    return &s->values[i];
}

const struct guard *guard_of(struct cfg_tu *t, CXCursor decl)
{
    const struct guard **slot = seen_slot(t, decl);
    if (*slot)
        return *slot == &no_guard ? NULL : *slot;
    const char *usr = parse_str(t->a, clang_getCursorUSR(decl));
    if (!*usr) {
        t->guard_seen.count++;
        *slot = &no_guard;
        return NULL;
    }
    const struct guard *g = strmap_get(&t->guards, usr);
    if (!g) {
        g = build_guard(t, decl);
        strmap_put(&t->guards, usr, (void *)g);
    }
    if (!*slot)
        t->guard_seen.count++;
    *slot = g;
    return g == &no_guard ? NULL : g;
}
