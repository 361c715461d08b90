/* SPDX-License-Identifier: MIT
 * model: lookups over the tables rules.c fills. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

const struct lock_rule *model_function(const struct model *m, const char *name)
{
    return strmap_get(&m->functions, name);
}

const struct lock_rule *model_macro(const struct model *m, const char *name)
{
    return strmap_get(&m->macros, name);
}

bool model_is_noreturn(const struct model *m, const char *name)
{
    return strmap_get(&m->noreturn, name) != NULL || model_ends_thread(m, name);
}

bool model_same_target(const struct lock_target *x, const struct lock_target *y)
{
    if (x->arg != y->arg || !x->expr != !y->expr)
        return false;
    return !x->expr || !strcmp(x->expr, y->expr);
}

bool model_ends_thread(const struct model *m, const char *name)
{
    return strmap_get(&m->thread_exits, name) != NULL;
}

bool model_is_untracked(const struct model *m, const char *name)
{
    return strmap_get(&m->untracked, name) != NULL;
}

bool model_registers_fork_handler(const struct model *m, const char *name)
{
    return strmap_get(&m->fork_registrars, name) != NULL;
}

bool model_has_macros(const struct model *m)
{
    return m->macros.count > 0;
}

void model_free(struct model *m)
{
    strmap_free(&m->functions);
    strmap_free(&m->macros);
    strmap_free(&m->noreturn);
    strmap_free(&m->fork_registrars);
    strmap_free(&m->lock_types);
    strmap_free(&m->untracked);
    strmap_free(&m->thread_exits);
    free(m->guards);
}
