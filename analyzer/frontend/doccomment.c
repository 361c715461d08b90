/* SPDX-License-Identifier: MIT */
#include "frontend/doccomment.h"

#include <ctype.h>
#include <string.h>

#include "frontend/parse.h"
#include "model/docphrase.h"
#include "support/arena.h"

/* Longest comment read: a function's documentation, not a file header. */
enum { COMMENT_MAX = 4096 };

/* Skips back over blanks from `end`; fails past a second blank line. */
static bool skip_blanks_back(const char *text, size_t *end)
{
    unsigned newlines = 0;
    while (*end > 0 && isspace((unsigned char)text[*end - 1])) {
        newlines += text[*end - 1] == '\n';
        (*end)--;
    }
    return newlines <= 2;
}

/* Start of the `//` line comment that ends at `end` (its line's start),
 * or `end` itself when the line is not one. */
static size_t line_comment_start(const char *text, size_t end)
{
    size_t line = end;
    while (line > 0 && text[line - 1] != '\n')
        line--;
    size_t s = line;
    while (s < end && (text[s] == ' ' || text[s] == '\t'))
        s++;
    return s + 1 < end && text[s] == '/' && text[s + 1] == '/' ? line : end;
}

/* The comment that ends at `end`: a block comment, or consecutive `//`
 * lines. Returns its start, or `end` when there is none. */
static size_t comment_start(const char *text, size_t end)
{
    if (end >= 4 && text[end - 1] == '/' && text[end - 2] == '*') {
        for (size_t s = end - 3; s >= 1 && end - s < COMMENT_MAX; s--)
            if (text[s - 1] == '/' && text[s] == '*')
                return s - 1;
        return end;
    }
    size_t start = end;
    for (;;) {
        size_t s = line_comment_start(text, start);
        if (s == start || end - s > COMMENT_MAX)
            return start;
        start = s;
        /* go on with the line above if it is a `//` line too */
        if (start == 0 || line_comment_start(text, start - 1) == start - 1)
            return start;
        start--;
    }
}

const char *doccomment_before(CXTranslationUnit tu, CXCursor decl, struct arena *a)
{
    CXSourceLocation at = clang_getRangeStart(clang_getCursorExtent(decl));
    CXFile file = NULL;
    unsigned offset = 0;
    clang_getExpansionLocation(at, &file, NULL, NULL, &offset);
    size_t len = 0;
    const char *text = file ? clang_getFileContents(tu, file, &len) : NULL;
    if (!text || offset > len)
        return NULL;
    size_t end = offset;
    if (!skip_blanks_back(text, &end))
        return NULL;
    size_t start = comment_start(text, end);
    return start < end ? arena_strndup(a, text + start, end - start) : NULL;
}

bool doccomment_returns_holding(CXTranslationUnit tu, CXCursor fn, struct arena *a)
{
    const char *name = parse_spelling(a, fn);
    if (docphrase_returns_holding(doccomment_before(tu, fn, a), name))
        return true;
    CXCursor first = clang_getCanonicalCursor(fn);
    return !clang_equalCursors(first, fn) &&
           docphrase_returns_holding(doccomment_before(tu, first, a), name);
}
