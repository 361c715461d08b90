/* SPDX-License-Identifier: MIT
 * strmap: open-addressing hash map from string keys to pointers. Keys are
 * borrowed (they must outlive the map: arena strings); the table itself is
 * on the heap and freed by strmap_free. */
#ifndef LC_STRMAP_H
#define LC_STRMAP_H

#include <stddef.h>

struct strmap {
    const char **keys;
    void **values;
    size_t cap, count;
};

void *strmap_get(const struct strmap *m, const char *key);
/* Sets key to value; returns the previous value or NULL. */
void *strmap_put(struct strmap *m, const char *key, void *value);
void strmap_free(struct strmap *m);

#endif
