/* SPDX-License-Identifier: MIT
 * condwait: undescribed condition waits (see condwait.h). */
#include "frontend/condwait.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "frontend/parse.h"
#include "support/arena.h"
#include "model/lockname.h"
#include "model/model.h"

static bool lock_spelling(const char *s, const void *ctx)
{
    const struct model *m = ctx;
    return strmap_get(&m->lock_types, s) || lockname_has_lock_word(s) ||
           lockname_has_word(s, (const char *const[]){"mutex", "mtx", NULL});
}

static bool cond_spelling(const char *s, const void *ctx)
{
    (void)ctx;
    return lockname_has_word(s, (const char *const[]){"cond", "condvar", "cnd", NULL});
}

const struct lock_rule *condwait_rule(struct arena *a, const struct model *m, const char *name,
                                      const CXCursor *args, unsigned nargs)
{
    if (!strcasestr(name, "wait"))
        return NULL;
    int lock = -1;
    bool cond = false;
    for (unsigned i = 0; i < nargs; i++) {
        CXType t = parse_pointee(clang_getCursorType(args[i]));
        if (t.kind == CXType_Invalid)
            continue;
        if (parse_type_named(t, cond_spelling, NULL)) {
            cond = true;
        } else if (parse_type_named(t, lock_spelling, m)) {
            if (lock >= 0)
                return NULL; /* two locks: which one it waits with is not known */
            lock = (int)i;
        }
    }
    if (!cond || lock < 0)
        return NULL;
    struct lock_rule *r = arena_alloc(a, sizeof *r);
    r->name = arena_strdup(a, name);
    r->origin = "a condition wait, by its name and argument types";
    r->effects[0] = (struct lock_effect){EFFECT_REQUIRE, LOCK_ANY, {lock, NULL}};
    r->effects[1] = (struct lock_effect){EFFECT_RELEASE_REACQUIRE, LOCK_ANY, {lock, NULL}};
    r->neffects = 2;
    return r;
}
