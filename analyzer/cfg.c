/* SPDX-License-Identifier: MIT
 * cfg: helpers over the plain CFG data (no libclang here). */
#include "cfg.h"

#include <string.h>

#include "arena.h"

const char *cfg_cond_text(struct arena *a, const struct cfg *g, const struct cfg_cond *c,
                          unsigned max)
{
    if (!g->source || c->text_end <= c->text_begin || c->text_end > g->source_len)
        return NULL;
    unsigned n = c->text_end - c->text_begin;
    const char *s = g->source + c->text_begin;
    if (memchr(s, '\n', n) || n > max)
        return NULL; /* long or multi-line conditions are named by position only */
    return arena_strndup(a, s, n);
}
