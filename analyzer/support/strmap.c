/* SPDX-License-Identifier: MIT
 * strmap: FNV-1a hashing (hash.h), linear probing, load factor at most 1/2. */
#include "support/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "support/hash.h"

static size_t hash(const char *s)
{
    return (size_t)hash_str(HASH_BASIS, s);
}

static size_t slot(const struct strmap *m, const char *key)
{
    size_t i = hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key))
        i = (i + 1) & (m->cap - 1);
    return i;
}

void *strmap_get(const struct strmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    size_t i = slot(m, key);
    return m->keys[i] ? m->values[i] : NULL;
}

static void grow(struct strmap *m)
{
    struct strmap bigger = {0};
    bigger.cap = m->cap ? m->cap * 2 : 16;
    bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
    bigger.values = xcalloc(bigger.cap, sizeof *bigger.values);
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i]) {
            size_t j = slot(&bigger, m->keys[i]);
            bigger.keys[j] = m->keys[i];
            bigger.values[j] = m->values[i];
            bigger.count++;
        }
    }
    strmap_free(m);
    *m = bigger;
}

void *strmap_put(struct strmap *m, const char *key, void *value)
{
    if ((m->count + 1) * 2 > m->cap)
        grow(m);
    size_t i = slot(m, key);
    void *old = m->values[i];
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->count++;
        old = NULL;
    }
    m->values[i] = value;
    return old;
}

void strmap_free(struct strmap *m)
{
    free(m->keys);
    free(m->values);
    m->keys = NULL;
    m->values = NULL;
    m->cap = m->count = 0;
}
