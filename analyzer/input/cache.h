/* SPDX-License-Identifier: MIT
 * cache: results of a translation unit kept between runs (--cache DIR),
 * for pre-commit hooks that see the same files again and again. An entry
 * is keyed by the file, its compiler arguments, the rules and lockcheck's
 * version, and lists every file the TU read with a hash of its content:
 * it is used only if they all still match. Entries are written atomically
 * (temporary file, then rename), so concurrent runs never see half of
 * one; an entry that cannot be read is ignored, never trusted. */
#ifndef LC_CACHE_H
#define LC_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "model/finding.h"

struct arena;

/* The entry's file name for this TU (in the arena). */
const char *cache_entry(struct arena *a, const char *dir, const char *path, const char *const *args,
                        int nargs, uint64_t rules_hash);
/* Adds the cached results to `into` and returns true, if the entry exists
 * and every file it depends on is unchanged. */
bool cache_load(const char *entry, struct collector *into);
/* Writes the TU's results (`local` holds only this TU's) with the files
 * it read (all of them, the file itself too). Failures are silent: the cache is an optimisation. */
void cache_store(const char *entry, const char *const *files, unsigned nfiles,
                 const struct collector *local);

#endif
