/* SPDX-License-Identifier: MIT
 * arena: bump allocator. Everything made from an arena lives until
 * arena_free(); nothing is freed on its own. xmalloc/xrealloc/xstrdup are
 * the only heap calls elsewhere and exit(3) with one line when memory runs out.
 * LOCKCHECK_FAIL_ALLOC_AT=N (test builds) makes the Nth allocation fail. */
#ifndef LC_ARENA_H
#define LC_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
/* Zeroed, aligned for any type. Never returns NULL. */
void *arena_alloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
size_t arena_bytes(const struct arena *a);

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

#endif
