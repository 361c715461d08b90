/* SPDX-License-Identifier: MIT
 * lockexpr: canonical access paths that name locks and guarded data.
 * "&a->mu", "&(*a).mu" and "&(a->mu)" all name the object "a->mu"; casts
 * and parentheses vanish; every array index becomes "[]" (a lock class).
 * A canonical path is itself a C expression: a prefix '*' or '&' always
 * applies to the whole rest of the string. All strings live in the arena.
 * This module does not include libclang: cfg_expr.c builds paths from
 * cursors with the same four constructors; lockexpr_parse reads text
 * (rules files, macro arguments, annotations). */
#ifndef LC_LOCKEXPR_H
#define LC_LOCKEXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "support/diag.h"

struct arena;

/* Constructors: each takes canonical paths and returns a canonical path. */
const char *lockexpr_addr(struct arena *a, const char *obj);     /* &obj */
const char *lockexpr_deref(struct arena *a, const char *ptr);    /* *ptr */
const char *lockexpr_member(struct arena *a, const char *obj, const char *field); /* obj.field */
const char *lockexpr_index(struct arena *a, const char *base);   /* base[i] */

/* Parses a C access expression ("&(*c).mu", "$0->mu", "(void *)m") into a
 * canonical path. "$N" is replaced by args[N] (canonical paths). Returns
 * NULL and fills *d (column = 1-based offset in text) on a syntax error or
 * a $N with N >= nargs. */
const char *lockexpr_parse(struct arena *a, const char *text, const char *const *args,
                           size_t nargs, struct diag *d);

/* Whether lock key `key` names something inside object `obj` (`obj.mu`,
 * `obj->inner.mu`), the object's own leading `*`s aside. */
static inline bool lockexpr_inside(const char *key, const char *obj)
{
    size_t n = strlen(obj);
    key += strspn(key, "*");
    return !strncmp(key, obj, n) && (key[n] == '.' || !strncmp(key + n, "->", 2));
}

/* The lock object a lock call's pointer argument designates. */
static inline const char *lockexpr_pointee(struct arena *a, const char *ptr)
{
    return lockexpr_deref(a, ptr);
}

#endif
