/* SPDX-License-Identifier: MIT
 * vec: a typed growable array on the heap (xrealloc). The owner calls
 * VEC_FREE. This is the one iteration/container macro family allowed. */
#ifndef LC_VEC_H
#define LC_VEC_H

#include <stdlib.h>
#include "support/arena.h"

#define VEC(T) struct { T *v; size_t n, cap; }

#define VEC_PUSH(vec, item)                                                  \
    do {                                                                     \
        if ((vec).n == (vec).cap) {                                          \
            (vec).cap = (vec).cap ? (vec).cap * 2 : 8;                       \
            (vec).v = xrealloc((vec).v, (vec).cap * sizeof *(vec).v);        \
        }                                                                    \
        (vec).v[(vec).n++] = (item);                                         \
    } while (0)

/* Makes room for one more element in a plain (ptr, n, cap) array. */
#define ARRAY_RESERVE1(ptr, n, cap, first)                                   \
    do {                                                                     \
        if ((n) == (cap)) {                                                  \
            (cap) = (cap) ? (cap) * 2 : (first);                             \
            (ptr) = xrealloc((ptr), (cap) * sizeof *(ptr));                  \
        }                                                                    \
    } while (0)

#define VEC_FREE(vec)                                                        \
    do {                                                                     \
        free((vec).v);                                                       \
        (vec).v = NULL;                                                      \
        (vec).n = (vec).cap = 0;                                             \
    } while (0)

#endif
