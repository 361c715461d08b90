/* SPDX-License-Identifier: MIT
 * hash: 64-bit FNV-1a, the one hash of the tool (string maps, cache keys,
 * finding fingerprints, visited sets). Fingerprints and cache file names
 * are built from it, so changing it changes what baselines and caches
 * match: do not. */
#ifndef LC_HASH_H
#define LC_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_BASIS 1469598103934665603ull
#define HASH_PRIME 1099511628211ull

static inline uint64_t hash_bytes(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * HASH_PRIME;
    return h;
}

/* A NUL-terminated string, without its terminator. */
static inline uint64_t hash_str(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * HASH_PRIME;
    return h;
}

/* One whole word in one step (for records of integers). */
static inline uint64_t hash_word(uint64_t h, uint64_t w)
{
    return (h ^ w) * HASH_PRIME;
}

#endif
