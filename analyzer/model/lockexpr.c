/* SPDX-License-Identifier: MIT
 * lockexpr: canonical access path constructors and a small recursive-descent
 * parser for access expressions in text. Recursion depth is bounded by
 * MAX_DEPTH so hostile input cannot exhaust the stack. */
#include "model/lockexpr.h"

#include <ctype.h>
#include <string.h>

#include "support/arena.h"

enum { MAX_DEPTH = 64 };

static bool has_prefix_op(const char *s)
{
    return s[0] == '*' || s[0] == '&';
}

static const char *paren_if_prefix(struct arena *a, const char *s)
{
    return has_prefix_op(s) ? arena_printf(a, "(%s)", s) : s;
}

const char *lockexpr_addr(struct arena *a, const char *obj)
{
    if (obj[0] == '*')
        return obj + 1; /* &*p is p */
    return arena_printf(a, "&%s", obj);
}

const char *lockexpr_deref(struct arena *a, const char *ptr)
{
    if (ptr[0] == '&')
        return ptr + 1; /* *&x is x */
    return arena_printf(a, "*%s", ptr);
}

const char *lockexpr_member(struct arena *a, const char *obj, const char *field)
{
    if (obj[0] == '*') /* (*p).f is p->f */
        return arena_printf(a, "%s->%s", paren_if_prefix(a, obj + 1), field);
    return arena_printf(a, "%s.%s", paren_if_prefix(a, obj), field);
}

const char *lockexpr_index(struct arena *a, const char *base)
{
    return arena_printf(a, "%s[]", paren_if_prefix(a, base));
}

/* ---- text parser ---- */

struct parser {
    struct arena *a;
    const char *text, *p;
    const char *const *args;
    size_t nargs;
    struct diag *d;
    bool failed;
    int depth;
};

static const char *fail(struct parser *ps, const char *what)
{
    if (!ps->failed)
        diag_set(ps->d, NULL, 1, (unsigned)(ps->p - ps->text) + 1,
                 "%s in lock expression '%s'", what, ps->text);
    ps->failed = true;
    return NULL;
}

static void skip_space(struct parser *ps)
{
    while (isspace((unsigned char)*ps->p))
        ps->p++;
}

static bool eat(struct parser *ps, const char *tok)
{
    skip_space(ps);
    size_t n = strlen(tok);
    if (strncmp(ps->p, tok, n))
        return false;
    ps->p += n;
    return true;
}

static const char *identifier(struct parser *ps)
{
    skip_space(ps);
    const char *start = ps->p;
    if (!isalpha((unsigned char)*ps->p) && *ps->p != '_')
        return NULL;
    while (isalnum((unsigned char)*ps->p) || *ps->p == '_')
        ps->p++;
    return arena_strndup(ps->a, start, (size_t)(ps->p - start));
}

static const char *unary(struct parser *ps);

/* A parenthesised type name: "(struct s *)", "(void*)", "(pthread_mutex_t *)".
 * One bare identifier "(m)" is taken as a parenthesised expression. */
static bool skip_cast(struct parser *ps)
{
    const char *save = ps->p;
    if (!eat(ps, "("))
        return false;
    int words = 0, stars = 0;
    for (;;) {
        skip_space(ps);
        if (identifier(ps)) {
            words++;
        } else if (*ps->p == '*' && words > 0) { /* "(*p)" is no cast */
            ps->p++;
            stars++;
        } else {
            break;
        }
    }
    if ((words >= 2 || (words == 1 && stars > 0)) && eat(ps, ")"))
        return true;
    ps->p = save;
    return false;
}

static const char *primary(struct parser *ps)
{
    skip_space(ps);
    if (*ps->p == '$') {
        ps->p++;
        if (!isdigit((unsigned char)*ps->p))
            return fail(ps, "expected an argument number after '$'");
        size_t n = 0;
        while (isdigit((unsigned char)*ps->p) && n < 1000)
            n = n * 10 + (size_t)(*ps->p++ - '0');
        if (n >= ps->nargs)
            return fail(ps, "argument number out of range");
        return ps->args[n];
    }
    if (eat(ps, "(")) {
        const char *inner = unary(ps);
        if (!inner || !eat(ps, ")"))
            return fail(ps, "expected ')'");
        return inner;
    }
    const char *id = identifier(ps);
    return id ? id : fail(ps, "expected a name");
}

static bool skip_brackets(struct parser *ps)
{
    int depth = 1;
    while (*ps->p && depth) {
        if (*ps->p == '[')
            depth++;
        else if (*ps->p == ']')
            depth--;
        ps->p++;
    }
    return depth == 0;
}

static const char *postfix(struct parser *ps)
{
    const char *e = primary(ps);
    while (e) {
        if (eat(ps, "->")) {
            const char *f = identifier(ps);
            if (!f)
                return fail(ps, "expected a field name after '->'");
            e = lockexpr_member(ps->a, lockexpr_deref(ps->a, e), f);
        } else if (eat(ps, ".")) {
            const char *f = identifier(ps);
            if (!f)
                return fail(ps, "expected a field name after '.'");
            e = lockexpr_member(ps->a, e, f);
        } else if (eat(ps, "[")) {
            if (!skip_brackets(ps))
                return fail(ps, "expected ']'");
            e = lockexpr_index(ps->a, e);
        } else {
            break;
        }
    }
    return e;
}

static const char *unary(struct parser *ps)
{
    if (++ps->depth > MAX_DEPTH)
        return fail(ps, "expression nested too deeply");
    const char *r;
    if (eat(ps, "&")) {
        r = unary(ps);
        r = r ? lockexpr_addr(ps->a, r) : NULL;
    } else if (eat(ps, "*")) {
        r = unary(ps);
        r = r ? lockexpr_deref(ps->a, r) : NULL;
    } else if (skip_cast(ps)) {
        r = unary(ps);
    } else {
        r = postfix(ps);
    }
    ps->depth--;
    return r;
}

const char *lockexpr_parse(struct arena *a, const char *text, const char *const *args,
                           size_t nargs, struct diag *d)
{
    struct parser ps = {a, text, text, args, nargs, d, false, 0};
    const char *r = unary(&ps);
    skip_space(&ps);
    if (r && *ps.p)
        return fail(&ps, "unexpected text");
    return ps.failed ? NULL : r;
}
