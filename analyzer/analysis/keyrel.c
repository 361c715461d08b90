/* SPDX-License-Identifier: MIT
 * keyrel: relations between tests of one value (see keyrel.h). */
#include "analysis/keyrel.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

/* The values one outcome of a test allows: a range [lo, hi], every value
 * but one (`x != 3`), or those with (all) of a mask's bits set or clear. */
enum shape { SHAPE_NONE, SHAPE_RANGE, SHAPE_ALL_BUT, SHAPE_BITS, SHAPE_NO_BITS };

struct allowed {
    enum shape shape;
    long lo, hi; /* SHAPE_RANGE; SHAPE_ALL_BUT: lo; bit shapes: the mask in lo */
};

static bool usable(long k)
{
    return k >= 0 && k <= INT_MAX;
}

/* The plain key tests `x != 0`; a compared one `x op k` (cfg_key_cmp). */
static struct allowed allowed_by(const struct cfg *g, int key, bool truth)
{
    const struct cfg_key_cmp *c = g->key_cmp ? &g->key_cmp[key] : NULL;
    if (!c || c->base < 0)
        return truth ? (struct allowed){SHAPE_ALL_BUT, 0, 0} : (struct allowed){SHAPE_RANGE, 0, 0};
    long k = c->k;
    if (!usable(k))
        return (struct allowed){SHAPE_NONE, 0, 0};
    switch (c->op) {
    case CMP_EQ:
        return truth ? (struct allowed){SHAPE_RANGE, k, k} : (struct allowed){SHAPE_ALL_BUT, k, k};
    case CMP_LT:
        return truth ? (struct allowed){SHAPE_RANGE, LONG_MIN, k - 1}
                     : (struct allowed){SHAPE_RANGE, k, LONG_MAX};
    case CMP_LE:
        return truth ? (struct allowed){SHAPE_RANGE, LONG_MIN, k}
                     : (struct allowed){SHAPE_RANGE, k + 1, LONG_MAX};
    case CMP_AND:
        return (struct allowed){truth ? SHAPE_BITS : SHAPE_NO_BITS, k, k};
    default:
        return (struct allowed){SHAPE_NONE, 0, 0};
    }
}

/* Whether the one value of a one-value range is outside b. */
static bool point_outside(long v, struct allowed b)
{
    switch (b.shape) {
    case SHAPE_RANGE: return v < b.lo || v > b.hi;
    case SHAPE_ALL_BUT: return v == b.lo;
    case SHAPE_BITS: return (v & b.lo) == 0;
    case SHAPE_NO_BITS: return (v & b.lo) != 0;
    default: return false;
    }
}

static bool apart(struct allowed a, struct allowed b)
{
    if (a.shape == SHAPE_NONE || b.shape == SHAPE_NONE)
        return false;
    if (a.shape == SHAPE_RANGE && b.shape == SHAPE_RANGE)
        return a.lo > b.hi || b.lo > a.hi;
    if (a.shape == SHAPE_RANGE && a.lo == a.hi)
        return point_outside(a.lo, b);
    if (b.shape == SHAPE_RANGE && b.lo == b.hi)
        return point_outside(b.lo, a);
    return false;
}

/* Whether the family's value is a variable of the function (its key
 * reads one and is its bare name), not a field or a global. */
bool keyrel_relates(const struct cfg *g, int base)
{
    if (base < 0 || (unsigned)base >= g->nkeys)
        return false; /* no key: a switch on an expression */
    const char *t = g->key_text ? g->key_text[base] : NULL;
    if (!t || !*t || !g->key_var || g->key_var[base] < 0)
        return false;
    for (; *t; t++)
        if (!isalnum((unsigned char)*t) && *t != '_')
            return false;
    return true;
}

/* The object a field's path lies in (cfg_clobber): the variable it starts
 * from, a parameter or a local object (cfg.var_own_object), when no
 * pointer kept in memory is followed on the way (`hw->mac.type`, `s.x`);
 * -1 for a global, or another object reached through such a pointer
 * (`hw->regs->x`); -2 when nothing can be said. */
static int path_owner(const struct cfg *g, int family)
{
    int var = g->key_var ? g->key_var[family] : -2;
    const char *t = g->key_text ? g->key_text[family] : NULL;
    if (var < 0 || !t)
        return -1;
    if (!g->var_own_object || !g->var_own_object[var])
        return -2;
    size_t root = strcspn(t, ".-");
    const char *arrow = strstr(t, "->");
    if (arrow && (arrow != t + root || strstr(arrow + 2, "->")))
        return -1;
    return var;
}

bool keyrel_relates_unchanged(const struct cfg *g, int base)
{
    if (base < 0 || (unsigned)base >= g->nkeys || keyrel_relates(g, base) ||
        path_owner(g, base) == -2)
        return false;
    const char *t = g->key_text ? g->key_text[base] : NULL;
    if (!t || !*t)
        return false;
    for (; *t; t++)
        if (!isalnum((unsigned char)*t) && *t != '_' && *t != '.' && *t != '-' && *t != '>')
            return false;
    return true;
}

bool keyrel_clobbered(const struct cfg *g, int key, int what)
{
    int family = keyrel_family(g, key), owner = path_owner(g, family);
    /* a call given t may also repoint t->peer, and so change t->peer->cnt */
    int root = g->key_var ? g->key_var[family] : -1;
    return what == CFG_CLOBBER_ALL || owner == -2 || (what == CFG_CLOBBER_GLOBALS && owner < 0) ||
           (what >= 0 && what == root);
}

int keyrel_family(const struct cfg *g, int key)
{
    return g->key_cmp && g->key_cmp[key].base >= 0 ? g->key_cmp[key].base : key;
}

/* Whether the two outcomes contradict, for tests whose family passes
 * `relates`. */
static bool disjoint_if(const struct cfg *g, int k1, bool t1, int k2, bool t2,
                        bool (*relates)(const struct cfg *, int))
{
    if (k1 == k2)
        return t1 != t2;
    int family = keyrel_family(g, k1);
    if (family != keyrel_family(g, k2) || !relates(g, family))
        return false;
    return apart(allowed_by(g, k1, t1), allowed_by(g, k2, t2));
}

bool keyrel_disjoint(const struct cfg *g, int k1, bool t1, int k2, bool t2)
{
    return disjoint_if(g, k1, t1, k2, t2, keyrel_relates);
}

bool keyrel_disjoint_unchanged(const struct cfg *g, int k1, bool t1, int k2, bool t2)
{
    return disjoint_if(g, k1, t1, k2, t2, keyrel_relates_unchanged);
}

int keyrel_switch_key(const struct cfg *g, const struct cfg_edge *e)
{
    if ((e->kind != EDGE_CASE && e->kind != EDGE_DEFAULT) || e->cond < 0)
        return -1;
    return g->conds[e->cond].key;
}

int keyrel_case_key(const struct cfg_edge *e)
{
    return e->kind == EDGE_CASE && e->has_value ? e->label_key : -1;
}
