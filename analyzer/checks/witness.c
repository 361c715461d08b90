/* SPDX-License-Identifier: MIT
 * witness: backward BFS for the path of a finding (see witness.h). */
#include "checks/witness.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "analysis/refute.h"
#include "model/lockexpr.h"

static bool is_origin(const struct cfg_event *ev, uint8_t want)
{
    if (want & LS_HELD)
        return ev->kind == EV_ACQUIRE || ev->kind == EV_WAIT || ev->kind == EV_ASSERT;
    if (want & LS_RELEASED) /* released, or a try that failed */
        return ev->kind == EV_RELEASE ||
               (ev->kind == EV_ACQUIRE && ev->rule && ev->rule->success != SUCCESS_ALWAYS);
    return false;
}

/* A wait changes the state only from released to held. A lock left
 * unknown (handed to unseen code) ends the search: no state before it
 * says what it is after. */
static bool touches(const struct cfg_event *ev, unsigned lock, uint8_t want)
{
    if (ev->lock != lock)
        return false;
    return ev->kind == EV_ACQUIRE || ev->kind == EV_RELEASE || ev->kind == EV_ASSERT ||
           ev->kind == EV_FORGET || (ev->kind == EV_WAIT && (want & LS_HELD));
}

/* Looks back from event `upto` (exclusive) in block b for the event that
 * set the wanted state. Returns 1 found (*origin set), 0 not in this
 * block (keep searching predecessors), -1 a dead end. */
static int scan_block(const struct check_ctx *c, unsigned b, unsigned upto, unsigned lock,
                      uint8_t want, int *origin)
{
    const struct cfg_block *blk = &c->g->blocks[b];
    for (unsigned i = upto; i-- > blk->first_event;) {
        const struct cfg_event *ev = &c->g->events[i];
        if (!touches(ev, lock, want))
            continue;
        if (!is_origin(ev, want))
            return -1;
        *origin = (int)i;
        return 1;
    }
    if (b == c->g->entry && (want & LS_UNTOUCHED)) {
        *origin = -1;
        return 1;
    }
    return 0;
}

static void reconstruct(const struct check_ctx *c, unsigned found, unsigned start,
                        const unsigned *parent_edge, struct witness *w)
{
    unsigned n = 0;
    for (unsigned b = found; b != start; b = c->g->succ[parent_edge[b]].to)
        n++;
    w->edges = arena_alloc(c->a, (n + 1) * sizeof *w->edges);
    w->nedges = 0;
    for (unsigned b = found; b != start; b = c->g->succ[parent_edge[b]].to)
        w->edges[w->nedges++] = &c->g->succ[parent_edge[b]];
}

bool witness_find(const struct check_ctx *c, unsigned block, unsigned event, unsigned lock,
                  uint8_t want, struct witness *w)
{
    const struct cfg *g = c->g;
    w->origin_event = -1;
    w->edges = NULL;
    w->nedges = 0;
    int origin;
    int r = scan_block(c, block, event, lock, want, &origin);
    if (r != 0) {
        w->origin_event = r > 0 ? origin : -1;
        return r > 0;
    }
    unsigned *parent_edge = xmalloc((g->nblocks + 1) * sizeof *parent_edge);
    unsigned *queue = xmalloc((g->nblocks + 1) * sizeof *queue);
    bool *seen = xcalloc(g->nblocks + 1, sizeof *seen);
    unsigned head = 0, tail = 0;
    queue[tail++] = block;
    seen[block] = true;
    bool found = false;
    while (head < tail && !found) {
        unsigned b = queue[head++];
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = 0; i < blk->npred && !found; i++) {
            unsigned ei = g->pred[blk->first_pred + i];
            const struct cfg_edge *e = &g->succ[ei];
            if (seen[e->from] || !c->r->reached[e->from] ||
                !(lockset_edge_bits(g, &c->r->out[e->from], e, lock) & want))
                continue;
            seen[e->from] = true;
            parent_edge[e->from] = ei;
            const struct cfg_block *pb = &g->blocks[e->from];
            r = scan_block(c, e->from, pb->first_event + pb->nevents, lock, want, &origin);
            if (r > 0) {
                found = true;
                w->origin_event = origin;
                reconstruct(c, e->from, block, parent_edge, w);
            } else if (r == 0) {
                queue[tail++] = e->from;
            }
        }
    }
    free(parent_edge);
    free(queue);
    free(seen);
    return found;
}

static const char *branch_note(const struct check_ctx *c, const struct cfg_edge *e)
{
    const struct cfg_cond *cond = &c->g->conds[e->cond];
    const char *text = cfg_cond_text(c->a, c->g, cond, 80);
    const char *quoted = text ? arena_printf(c->a, " '%s'", text) : "";
    if (cond->in_macro && strlen(cond->in_macro) <= 80) {
        /* name the condition, then the macro whose expansion wrote it */
        size_t name = text ? strcspn(text, "( ") : 0;
        quoted = name ? arena_printf(c->a, " '%s' in the expansion of macro '%.*s'",
                                     cond->in_macro, (int)name, text)
                      : arena_printf(c->a, " '%s' in a macro expansion", cond->in_macro);
        text = quoted;
    }
    switch (e->kind) {
    case EDGE_TRUE:
        return arena_printf(c->a, "taking the true branch of%s", text ? quoted : " this condition");
    case EDGE_FALSE:
        return arena_printf(c->a, "taking the false branch of%s", text ? quoted : " this condition");
    case EDGE_CASE:
        return arena_printf(c->a, "entering a case of the switch on%s", text ? quoted : " this value");
    default:
        return arena_printf(c->a, "taking the default of the switch on%s",
                            text ? quoted : " this value");
    }
}

unsigned witness_notes(const struct check_ctx *c, const struct witness *w, unsigned lock,
                       uint8_t want, struct finding_note *out)
{
    unsigned n = 0;
    const char *name = c->g->locks[lock].display;
    if (w->origin_event >= 0) {
        const struct cfg_event *ev = &c->g->events[w->origin_event];
        const char *what = want & LS_HELD ? "acquired"
                           : ev->kind == EV_ACQUIRE ? "not acquired: the attempt fails"
                                                    : "released";
        out[n++] = (struct finding_note){c->file, ev->loc.line, ev->loc.column,
                                         arena_printf(c->a, "'%s' %s here", name, what)};
    } else {
        out[n++] = (struct finding_note){
            c->file, c->g->loc.line, c->g->loc.column,
            arena_printf(c->a, "'%s' is not acquired on this path from the start of '%s'", name,
                         c->g->function)};
    }
    for (unsigned i = 0; i < w->nedges; i++) {
        const struct cfg_edge *e = w->edges[i];
        if (e->cond < 0 || e->kind == EDGE_PLAIN)
            continue;
        const struct cfg_cond *cond = &c->g->conds[e->cond];
        out[n++] = (struct finding_note){c->file, cond->loc.line, cond->loc.column,
                                         branch_note(c, e)};
    }
    return n;
}

/* The block that holds event ev. */
static unsigned block_of(const struct cfg *g, unsigned ev)
{
    for (unsigned b = 0; b < g->nblocks; b++)
        if (ev >= g->blocks[b].first_event && ev < g->blocks[b].first_event + g->blocks[b].nevents)
            return b;
    return g->entry;
}

/* A shortest path of edges from the entry to block `to`, in the arena;
 * its length in *n (0 when `to` is the entry or cannot be reached). */
static const struct cfg_edge **path_from_entry(const struct check_ctx *c, unsigned to,
                                               unsigned *n)
{
    const struct cfg *g = c->g;
    int *via = xmalloc((g->nblocks + 1) * sizeof *via); /* edge into the block */
    bool *seen = xcalloc(g->nblocks + 1, sizeof *seen);
    unsigned *queue = xmalloc((g->nblocks + 1) * sizeof *queue), head = 0, tail = 0;
    queue[tail++] = g->entry;
    seen[g->entry] = true;
    via[g->entry] = -1;
    while (head < tail && !seen[to]) {
        const struct cfg_block *blk = &g->blocks[queue[head++]];
        for (unsigned i = blk->first_succ; i < blk->first_succ + blk->nsucc; i++)
            if (!seen[g->succ[i].to]) {
                seen[g->succ[i].to] = true;
                via[g->succ[i].to] = (int)i;
                queue[tail++] = g->succ[i].to;
            }
    }
    *n = 0;
    for (unsigned b = to; seen[to] && b != g->entry; b = g->succ[via[b]].from)
        (*n)++;
    const struct cfg_edge **v = arena_alloc(c->a, (*n + 1) * sizeof *v);
    unsigned k = *n;
    for (unsigned b = to; seen[to] && b != g->entry; b = g->succ[via[b]].from)
        v[--k] = &g->succ[via[b]];
    free(via);
    free(seen);
    free(queue);
    return v;
}

/* A witness found without the search's proof (the function is too large
 * for it) is still no witness when, led to its start from the entry, it
 * goes through both sides of one test (`if (p) { lock(&p->mu); ... }
 * ... if (p) unlock(&p->mu);` with the first test before the acquire). */
static bool unproven_witness_holds(const struct check_ctx *c, unsigned block, unsigned event,
                                   unsigned lock, const struct witness *w)
{
    unsigned start = w->origin_event >= 0 ? block_of(c->g, (unsigned)w->origin_event)
                     : w->nedges                ? w->edges[0]->from
                                                : block;
    unsigned np;
    const struct cfg_edge **prefix = path_from_entry(c, start, &np);
    const struct cfg_edge **all = arena_alloc(c->a, (np + w->nedges + 1) * sizeof *all);
    memcpy(all, prefix, np * sizeof *all);
    if (w->nedges)
        memcpy(all + np, w->edges, w->nedges * sizeof *all);
    return refute_path_holds(c->g, block, event, lock, all, np + w->nedges);
}

/* How far a branch's other side is followed to its release. */
enum { SIBLING_REACH = 16 };

static bool releases_in(const struct cfg *g, unsigned b, unsigned lock)
{
    const struct cfg_block *blk = &g->blocks[b];
    for (unsigned i = blk->first_event; i < blk->first_event + blk->nevents; i++)
        if (g->events[i].kind == EV_RELEASE && g->events[i].lock == lock)
            return true;
    return false;
}

/* From `from`, through blocks off the path (a few), whether the path is
 * met again; with `stop_at_release`, not past a release of the lock. The
 * path's blocks met are marked `join`. -1: the side is too large, or
 * leaves the function. */
static int side_meets_path(const struct cfg *g, unsigned from, unsigned lock,
                           bool stop_at_release, const unsigned char *on_path,
                           unsigned char *join, unsigned char *released)
{
    unsigned todo[SIBLING_REACH], seen[SIBLING_REACH], ntodo = 0, nseen = 0;
    bool meets = false;
    todo[ntodo++] = from;
    while (ntodo) {
        unsigned b = todo[--ntodo];
        if (cfg_block_among(seen, nseen, b))
            continue;
        if (nseen == SIBLING_REACH)
            return -1;
        seen[nseen++] = b;
        if (stop_at_release && releases_in(g, b, lock))
            continue;
        const struct cfg_block *blk = &g->blocks[b];
        for (unsigned i = blk->first_event; released && i < blk->first_event + blk->nevents; i++)
            if (g->events[i].kind == EV_RELEASE)
                released[g->events[i].lock] = 1;
        if (!blk->nsucc)
            return -1;
        for (unsigned i = 0; i < blk->nsucc; i++) {
            unsigned to = g->succ[blk->first_succ + i].to;
            if (on_path[to]) {
                join[to] = 1;
                meets = true;
            } else if (ntodo < SIBLING_REACH) {
                todo[ntodo++] = to;
            } else {
                return -1;
            }
        }
    }
    return meets;
}

/* Whether block b gives unseen code an object that holds one of the
 * locks marked in `released`. */
static bool hands_owner_to_unseen(const struct cfg *g, unsigned b, const unsigned char *released)
{
    for (unsigned i = 0; i < g->nunseen_args; i++) {
        if (g->unseen_args[i].block != b)
            continue;
        for (unsigned l = 0; l < g->nlocks; l++)
            if (released[l] && lockexpr_inside(g->locks[l].key, g->unseen_args[i].path))
                return true;
    }
    return false;
}

/* `if (--o->refs == 0) o_free(o); else { unlock(&o->mu); unlock(&list); }`:
 * the path keeps the lock only by taking a branch whose other side, a
 * small one that comes back to the path, releases it on every way
 * through, while its own side, before the two meet, gives a function of
 * another file the object that holds a lock the other side releases (the
 * object's end, which releases what its caller held). What that call did
 * to the locks the other side releases is unseen: nothing is reported on
 * them. */
static bool skips_release_through_unseen_call(const struct check_ctx *c, const struct witness *w,
                                              unsigned lock)
{
    const struct cfg *g = c->g;
    unsigned char *on_path = calloc(2 * (g->nblocks + 1) + g->nlocks + 1, 1);
    unsigned char *join = on_path + g->nblocks + 1, *released = join + g->nblocks + 1;
    for (unsigned i = 0; i < w->nedges; i++)
        on_path[w->edges[i]->from] = on_path[w->edges[i]->to] = 1;
    bool skips = false;
    for (unsigned i = 0; i < w->nedges && !skips; i++) {
        const struct cfg_block *x = &g->blocks[w->edges[i]->from];
        if (x->nsucc != 2)
            continue;
        const struct cfg_edge *e0 = &g->succ[x->first_succ];
        unsigned other = e0->to == w->edges[i]->to ? e0[1].to : e0->to;
        memset(join, 0, g->nblocks + 1 + g->nlocks + 1);
        if (on_path[other] || side_meets_path(g, other, lock, true, on_path, join, NULL) != 0 ||
            side_meets_path(g, other, lock, false, on_path, join, released) != 1)
            continue;
        for (unsigned j = i; j < w->nedges && j < i + SIBLING_REACH && !join[w->edges[j]->to]; j++)
            skips |= hands_owner_to_unseen(g, w->edges[j]->to, released);
    }
    free(on_path);
    return skips;
}

int witness_path(const struct check_ctx *c, unsigned block, unsigned event, unsigned lock,
                 uint8_t want, const char *last, struct finding_note **out)
{
    struct witness w = {-1, NULL, 0};
    struct refute_path p;
    switch (refute_search(c->a, c->g, block, event, lock, want, &p)) {
    case REFUTE_INFEASIBLE:
    case REFUTE_UNPROVEN:
        return -1;
    case REFUTE_FEASIBLE:
        w = (struct witness){p.origin_event, p.edges, p.nedges};
        break;
    case REFUTE_UNKNOWN:
        /* no path to show, or one that contradicts itself: nothing stands */
        if (!witness_find(c, block, event, lock, want, &w) ||
            !unproven_witness_holds(c, block, event, lock, &w))
            return -1;
        break;
    }
    if ((want & LS_HELD) && skips_release_through_unseen_call(c, &w, lock))
        return -1;
    *out = arena_alloc(c->a, (w.nedges + 2) * sizeof **out);
    unsigned n = witness_notes(c, &w, lock, want, *out);
    const struct cfg_event *ev = &c->g->events[event];
    (*out)[n++] = (struct finding_note){c->file, ev->loc.line, ev->loc.column, last};
    return (int)n;
}
