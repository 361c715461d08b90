/* SPDX-License-Identifier: MIT
 * cfg_dump: a developer's view of a CFG (LOCKCHECK_DUMP_CFG=1 in the
 * environment): blocks, their events and edges, on stderr. */
#include <stdio.h>

#include "ir/cfg_dump.h"

static const char *const kinds[] = {"acquire", "release", "require", "wait", "exclude",
                                    "assert", "access", "observe", "fact", "copy-fact", "kill-var", "exit",
                                    "noreturn", "forget"};

void cfg_dump(FILE *out, const struct cfg *g)
{
    fprintf(out, "function %s: %u blocks, %u locks", g->function, g->nblocks, g->nlocks);
    if (g->returns_param >= 0)
        fprintf(out, ", returns parameter %d", g->returns_param);
    if (g->returns_lock)
        fprintf(out, ", returns %s", g->returns_lock);
    fputc('\n', out);
    for (unsigned l = 0; l < g->nlocks; l++)
        fprintf(out, "  L%u: %s (%s)%s%s\n", l, g->locks[l].key, g->locks[l].display,
                g->locks[l].index_text ? " index " : "",
                g->locks[l].index_text ? g->locks[l].index_text : "");
    for (unsigned b = 0; b < g->nblocks; b++) {
        const struct cfg_block *blk = &g->blocks[b];
        fprintf(out, "  B%u:", b);
        for (unsigned i = 0; i < blk->nevents; i++) {
            const struct cfg_event *ev = &g->events[blk->first_event + i];
            unsigned k = (unsigned)ev->kind;
            fprintf(out, " %s", k < sizeof kinds / sizeof kinds[0] ? kinds[k] : "?");
            if (ev->kind <= EV_ACCESS)
                fprintf(out, "(L%u)", ev->lock);
            else if (ev->kind == EV_FORGET) /* with the line: what forgot it */
                fprintf(out, "(L%u@%u)", ev->lock, ev->loc.line);
            if (ev->kind <= EV_ASSERT && ev->callee && ev->rule && ev->rule->origin)
                fprintf(out, "{%s: %s}", ev->callee, ev->rule->origin);
            if (ev->kind <= EV_ASSERT && ev->result_var >= 0) /* bound to a variable */
                fprintf(out, "=>v%d", ev->result_var);
            else if (ev->kind == EV_FACT && ev->ret == RET_NONNEG)
                fprintf(out, "(%u>=0)", ev->lock);
            else if (ev->kind == EV_FACT && !cfg_fact_knows_value(ev))
                fprintf(out, "(%u%s%#lx)", ev->lock, ev->ret == RET_BITS_SET ? "|=" : "&=~",
                        ev->ret_value);
            else if (ev->kind == EV_FACT)
                fprintf(out, "(%u=%d)", ev->lock, ev->write);
            else if (ev->kind == EV_COPY_FACT)
                fprintf(out, "(%u=k%d)", ev->lock, ev->result_var);
            else if (ev->kind == EV_KILL_VAR) /* with the line: which store it was */
                fprintf(out, "(%u%s@%u)", ev->lock, ev->write ? "&" : "", ev->loc.line);
        }
        fprintf(out, " ->");
        for (unsigned i = 0; i < blk->nsucc; i++) {
            const struct cfg_edge *e = &g->succ[blk->first_succ + i];
            const char *k = e->kind == EDGE_TRUE ? "T" : e->kind == EDGE_FALSE ? "F" : "";
            int key = e->cond >= 0 ? g->conds[e->cond].key : -1;
            fprintf(out, " B%u%s", e->to, k);
            if (key >= 0)
                fprintf(out, "[k%d:%s]", key, g->key_text[key]);
            if (e->cond >= 0 && (g->conds[e->cond].try_event >= 0 || g->conds[e->cond].try_var >= 0))
                fprintf(out, "[result of %s%d]", g->conds[e->cond].try_event >= 0 ? "event " : "var ",
                        g->conds[e->cond].try_event >= 0 ? g->conds[e->cond].try_event
                                                         : g->conds[e->cond].try_var);
            if (e->cond >= 0 && g->conds[e->cond].param >= 0)
                fprintf(out, "[$%d%s]", g->conds[e->cond].param,
                        e->kind == EDGE_CASE && e->has_value ? "=case" : "");
        }
        fputc('\n', out);
    }
}
