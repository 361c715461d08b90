/* SPDX-License-Identifier: MIT
 * rspfile: expands response files in compiler arguments, as the compiler
 * driver does. A word "@FILE" stands for the words FILE holds (split as a
 * shell splits them, quotes and backslashes included); FILE is relative to
 * the directory the compiler runs in, and may name response files of its
 * own. Flags that decide which code is compiled (-D, -I, -include) often
 * live in such files: passing "@FILE" on would analyse other code. */
#ifndef LC_RSPFILE_H
#define LC_RSPFILE_H

#include <stdbool.h>

struct arena;

/* How deep response files may name response files. */
enum { RSP_MAX_DEPTH = 16 };

/* Expands every "@FILE" in words[0..n) into *out (an arena array, *nout
 * words; words that are no response file are kept as they are). dir: the
 * directory relative paths are taken from (NULL: the current one). On a
 * file that cannot be read, or nesting past RSP_MAX_DEPTH (a file that
 * names itself), returns false with what went wrong in err. */
bool rsp_expand(struct arena *a, const char *const *words, unsigned n, const char *dir,
                const char ***out, unsigned *nout, char *err, unsigned errlen);

#endif
