/* SPDX-License-Identifier: MIT
 * jsonpos: finds where a value sits in JSON text, so that errors found after
 * decoding (wrong type, unknown key) can still name a line and column.
 * Jansson keeps no positions for decoded values; this re-scans the text. */
#ifndef LC_JSONPOS_H
#define LC_JSONPOS_H

#include <stdbool.h>
#include <stddef.h>

/* path: dot/bracket form, e.g. "locks[3].mode" ("" is the root value).
 * With at_key, a final key segment locates the key instead of its value.
 * Returns false (and leaves line/column alone) if the path is not found. */
bool jsonpos_find(const char *text, size_t len, const char *path, bool at_key,
                  unsigned *line, unsigned *column);

#endif
