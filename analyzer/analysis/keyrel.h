/* SPDX-License-Identifier: MIT
 * keyrel: what tests of one value say about each other. `x`, `x == 3`,
 * `x < 5` and `case 3:` of `switch (x)` all test x: they form one family,
 * the value's own key and the keys comparing it with constants
 * (cfg_key_cmp). Two outcomes of tests of one family contradict when no
 * value satisfies both (`x == 3` true and `x < 2` true; `case 3:` taken
 * and, later, `case 4:`). Only constants from 0 to INT_MAX take part: the
 * same bits may be -1 in one test and UINT_MAX in another. The tests of a
 * variable (a local or a parameter, whose every store the graph shows)
 * always relate across keys. A field's or a global's relate only while
 * nothing that may write it runs between them (ir/cfg.h, cfg_clobber): a
 * field compared with 3 and later with 0 may well change in between
 * (`cnt == 3`, a call given the object clears it, `cnt == 0`). No
 * libclang. */
#ifndef LC_KEYREL_H
#define LC_KEYREL_H

#include <stdbool.h>

#include "ir/cfg.h"

/* The family a key belongs to: the key of the value it compares, or the
 * key itself. */
int keyrel_family(const struct cfg *g, int key);

/* Whether no value gives key k1 outcome t1 and key k2 outcome t2: one
 * key's two outcomes, or two tests of one variable. False when it cannot
 * be said. */
bool keyrel_disjoint(const struct cfg *g, int k1, bool t1, int k2, bool t2);

/* Whether tests of the family's value relate across keys (a variable's
 * do, a field's do not): if not, only its repeated tests say anything. */
bool keyrel_relates(const struct cfg *g, int family);

/* Whether the family's value is a field or a global read through a plain
 * path (`c->state`, `hw->mac.type`, `g_mode`; no call, no index): its
 * tests relate across keys while nothing that may change it runs between
 * them (no call, no store to memory, no lock taken or released). */
bool keyrel_relates_unchanged(const struct cfg *g, int family);

/* Whether a call or a store that clobbers `what` (a variable's object or
 * CFG_CLOBBER_*, ir/cfg.h) may change the value key tests. */
bool keyrel_clobbered(const struct cfg *g, int key, int what);

/* keyrel_disjoint for two tests of such a value with nothing that may
 * change it between them. */
bool keyrel_disjoint_unchanged(const struct cfg *g, int k1, bool t1, int k2, bool t2);

/* The key of `value == K` for edge e, a `case K:` of a switch on a keyed
 * value (cfg_edge.label_key, found when the graph was built); -1 for any
 * other edge. */
int keyrel_case_key(const struct cfg_edge *e);

/* The value's key when e leaves a switch on a keyed value (any of its
 * cases or its default), else -1. */
int keyrel_switch_key(const struct cfg *g, const struct cfg_edge *e);

#endif
