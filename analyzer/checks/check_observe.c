/* SPDX-License-Identifier: MIT
 * check_observe: --infer-guards. At every access to data no annotation
 * guards, records which sibling locks of the same object (or which global
 * locks, for a global) are held there on every path. guardinfer.c turns
 * the run's observations into findings for the outliers. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "support/arena.h"
#include "checks/checks.h"

struct observe_ctx {
    const struct check_ctx *c;
};

/* The sibling name in `key` if it is prefix + identifier, else NULL. */
static const char *sibling(const char *key, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(key, prefix, n))
        return NULL;
    for (const char *p = key + n; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            return NULL;
    return key[n] ? key + n : NULL;
}

static void on_state(void *ctx, unsigned block, unsigned event, const struct ls_state *s)
{
    (void)block;
    const struct check_ctx *c = ((struct observe_ctx *)ctx)->c;
    const struct cfg_event *ev = &c->g->events[event];
    if (ev->kind != EV_OBSERVE)
        return;
    char held[512] = "";
    size_t len = 0;
    for (unsigned i = 0; i < s->n; i++) {
        uint8_t bits = s->e[i].bits;
        if (!(bits & LS_HELD) || (bits & ~LS_HELD))
            continue;
        const char *key = c->g->locks[s->e[i].lock].key;
        while (*key == '*')
            key++;
        /* Without a holder only plain global names count: the empty prefix. */
        const char *name = sibling(key, ev->callee ? ev->callee : "");
        if (name && len + strlen(name) + 2 < sizeof held)
            len += (size_t)snprintf(held + len, sizeof held - len, "%s%s", len ? "," : "", name);
    }
    struct observation o = {ev->data, held, c->file, c->g->function, ev->text, ev->loc.line,
                            ev->loc.column, ev->write};
    c->observe(c->emit_ctx, &o);
}

void check_observe(const struct check_ctx *c)
{
    if (!c->observe || c->g->no_analysis || c->r->gave_up)
        return;
    struct observe_ctx oc = {c};
    struct ls_hooks hooks = {&oc, NULL, NULL, on_state, NULL};
    for (unsigned b = 0; b < c->g->nblocks; b++)
        lockset_replay(c->a, c->g, c->r, b, &hooks);
}
