/* SPDX-License-Identifier: MIT
 * doccomment: the comment written just above a function's definition or
 * its first declaration (a header's prototype), read back from the file,
 * and whether it states that the function returns holding a lock
 * (model/docphrase.h). */
#ifndef LC_DOCCOMMENT_H
#define LC_DOCCOMMENT_H

#include <clang-c/Index.h>
#include <stdbool.h>

struct arena;

/* The comment block ending right before the declaration's first token
 * (one blank line may stand between), or NULL. */
const char *doccomment_before(CXTranslationUnit tu, CXCursor decl, struct arena *a);

/* Whether the comment above the definition `fn` or above its first
 * declaration says it returns with a lock held for its caller. */
bool doccomment_returns_holding(CXTranslationUnit tu, CXCursor fn, struct arena *a);

#endif
