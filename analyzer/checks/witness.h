/* SPDX-License-Identifier: MIT
 * witness: the path story of a finding. Given a point in the CFG and a lock
 * state that is possible there (held, released, untouched), finds the
 * shortest path from where that state began (the acquire, the release, the
 * function entry) to the point, by a backward breadth-first search over
 * blocks whose solved state allows it. Linear in the CFG per finding. */
#ifndef LC_WITNESS_H
#define LC_WITNESS_H

#include "checks/checks.h"

struct witness {
    int origin_event;   /* the acquire or release that began it; -1: entry */
    const struct cfg_edge **edges; /* forward order, arena array */
    unsigned nedges;
};

/* want: LS_HELD, LS_RELEASED or LS_UNTOUCHED. Returns false if no path was
 * found (then w is empty and origin_event -1). */
bool witness_find(const struct check_ctx *c, unsigned block, unsigned event, unsigned lock,
                  uint8_t want, struct witness *w);

/* Appends the notes of a witness (origin, then every branch taken) to a
 * note array of capacity at least 1 + nedges; returns how many. */
unsigned witness_notes(const struct check_ctx *c, const struct witness *w, unsigned lock,
                       uint8_t want, struct finding_note *out);

/* The whole story for a lock in state `want` at (block, event): the notes
 * of a consistent path (refute.h), then a note `last` at the event itself,
 * in an arena array put in *out. Returns how many notes, or -1 when every
 * path there contradicts itself: then there is no finding to report. */
int witness_path(const struct check_ctx *c, unsigned block, unsigned event, unsigned lock,
                 uint8_t want, const char *last, struct finding_note **out);

#endif
