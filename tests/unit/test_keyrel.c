/* SPDX-License-Identifier: MIT
 * Unit tests of keyrel: which outcomes of tests of one value contradict.
 * Keys of one hand-made graph: X tests local x itself (x != 0), the
 * others compare x with constants; Y tests another local y. F tests a
 * field, F_EQ_3 compares it with 3: tests of a field relate to other
 * tests only while nothing that may write it runs between them. */
#include <limits.h>

#include "analysis/keyrel.h"
#include "check.h"

enum { X, X_EQ_3, X_LE_0, X_LT_2, X_EQ_MINUS_1, X_EQ_UINT_MAX, Y, X_AND_4, F, F_EQ_3, G, L,
       R, NKEYS };

static struct cfg_key_cmp cmp[NKEYS] = {
    [X] = {.base = -1, .op = CMP_NONE, .next = -1},
    [X_EQ_3] = {.base = X, .op = CMP_EQ, .k = 3, .next = -1},
    [X_LE_0] = {.base = X, .op = CMP_LE, .k = 0, .next = -1},
    [X_LT_2] = {.base = X, .op = CMP_LT, .k = 2, .next = -1},
    [X_EQ_MINUS_1] = {.base = X, .op = CMP_EQ, .k = -1, .next = -1},
    [X_EQ_UINT_MAX] = {.base = X, .op = CMP_EQ, .k = 4294967295L, .next = -1},
    [Y] = {.base = -1, .op = CMP_NONE, .next = -1},
    [X_AND_4] = {.base = X, .op = CMP_AND, .k = 4, .next = -1},
    [F] = {.base = -1, .op = CMP_NONE, .next = -1},
    [F_EQ_3] = {.base = F, .op = CMP_EQ, .k = 3, .next = -1},
    [G] = {.base = -1, .op = CMP_NONE, .next = -1},
    [L] = {.base = -1, .op = CMP_NONE, .next = -1},
    [R] = {.base = -1, .op = CMP_NONE, .next = -1},
};
/* G: a global's field; L: a field through local pointer p; R: a field of
 * the object a pointer kept in t points to */
static const char *text[NKEYS] = {[X] = "x", [Y] = "y", [F] = "t->cnt", [G] = "g_cfg.mode",
                                  [L] = "p->cnt", [R] = "t->peer->cnt"};
static int var[NKEYS] = {[X] = 0, [Y] = 1, [F] = 2, [G] = -1, [L] = 3, [R] = 2};
/* x, y and the parameter t own what they reach; p is a local pointer */
static bool own[4] = {true, true, true, false};

int main(void)
{
    struct cfg g = {.key_cmp = cmp, .nkeys = NKEYS, .key_text = text, .key_var = var,
                    .var_own_object = own};
    /* `x > 0` (x <= 0 false) and `!x` */
    CHECK_TRUE(keyrel_disjoint(&g, X_LE_0, false, X, false));
    CHECK_TRUE(!keyrel_disjoint(&g, X_LE_0, false, X, true));
    /* `x == 3` and `x < 2`; `x == 3` and `x <= 0` false agree */
    CHECK_TRUE(keyrel_disjoint(&g, X_EQ_3, true, X_LT_2, true));
    CHECK_TRUE(!keyrel_disjoint(&g, X_EQ_3, true, X_LE_0, false));
    /* `x == 3` and `!x`; `x != 3` says nothing of x < 2 */
    CHECK_TRUE(keyrel_disjoint(&g, X, false, X_EQ_3, true));
    CHECK_TRUE(!keyrel_disjoint(&g, X_EQ_3, false, X_LT_2, true));
    /* a bit test against a known value: 3 has no bit 4 */
    CHECK_TRUE(keyrel_disjoint(&g, X_EQ_3, true, X_AND_4, true));
    CHECK_TRUE(!keyrel_disjoint(&g, X_EQ_3, true, X_AND_4, false));
    /* -1 and UINT_MAX may be the same bits: neither relates */
    CHECK_TRUE(!keyrel_disjoint(&g, X_EQ_MINUS_1, true, X_EQ_UINT_MAX, true));
    CHECK_TRUE(!keyrel_disjoint(&g, X_EQ_MINUS_1, true, X_LE_0, false));
    /* tests of two values never contradict; one key's two sides do */
    CHECK_TRUE(!keyrel_disjoint(&g, X_EQ_3, true, Y, false));
    CHECK_TRUE(keyrel_disjoint(&g, Y, true, Y, false));
    CHECK_TRUE(keyrel_family(&g, X_LT_2) == X && keyrel_family(&g, Y) == Y);
    /* a field may change between two tests with different constants */
    CHECK_TRUE(!keyrel_disjoint(&g, F_EQ_3, true, F, false));
    CHECK_TRUE(keyrel_disjoint(&g, F_EQ_3, true, F_EQ_3, false));
    /* ... but relates while nothing that may write it runs between */
    CHECK_TRUE(keyrel_disjoint_unchanged(&g, F_EQ_3, true, F, false));
    CHECK_TRUE(keyrel_relates_unchanged(&g, F) && keyrel_relates_unchanged(&g, G) &&
               keyrel_relates_unchanged(&g, R) && !keyrel_relates_unchanged(&g, L) &&
               !keyrel_relates_unchanged(&g, X));
    /* t's field changes with t's object; a global's, with any call's */
    CHECK_TRUE(keyrel_clobbered(&g, F_EQ_3, 2) && !keyrel_clobbered(&g, F_EQ_3, 0));
    CHECK_TRUE(!keyrel_clobbered(&g, F, CFG_CLOBBER_GLOBALS) && keyrel_clobbered(&g, F, CFG_CLOBBER_ALL));
    CHECK_TRUE(keyrel_clobbered(&g, G, CFG_CLOBBER_GLOBALS) && !keyrel_clobbered(&g, G, 2));
    /* what t->peer points to is another object, counted with the globals;
     * and a call given t may repoint t->peer */
    CHECK_TRUE(keyrel_clobbered(&g, R, CFG_CLOBBER_GLOBALS) && keyrel_clobbered(&g, R, 2) &&
               !keyrel_clobbered(&g, R, 0));
    /* a switch on an expression has no key to relate */
    CHECK_TRUE(keyrel_relates(&g, X) && !keyrel_relates(&g, F) && !keyrel_relates(&g, -1));
    return check_failures != 0;
}
