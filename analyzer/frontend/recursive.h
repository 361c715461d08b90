/* SPDX-License-Identifier: MIT
 * recursive: the lock classes a file makes recursive. A mutex initialised
 * with an attribute whose type was set to PTHREAD_MUTEX_RECURSIVE (in the
 * same function), with mtx_init(&m, mtx_plain | mtx_recursive), or with a
 * PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP initialiser lets its holder take
 * it again, and its holder's callers may hold it already. Classes are the
 * field or global ("struct impl.lock", "g_lock"), as for lock order. */
#ifndef LC_RECURSIVE_H
#define LC_RECURSIVE_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stddef.h>

#include "support/strmap.h"

struct arena;

/* Reads the file's initialisations once (only a file whose text names a
 * recursive kind is walked) and says whether class cls is recursive. */
bool recursive_class(struct arena *a, CXTranslationUnit tu, CXFile main_file,
                     const char *source, size_t source_len, struct strmap *classes,
                     bool *scanned, const char *cls);

/* Whether the lock that argument arg points to has a type declared
 * reentrant (clang's reentrant_capability attribute, written directly or
 * through a macro whose name ends in REENTRANT_CAPABILITY: clang before
 * 21 drops the attribute, so it is read from the declaration's head). */
bool recursive_type(CXTranslationUnit tu, CXCursor arg);

#endif
