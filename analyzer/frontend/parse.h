/* SPDX-License-Identifier: MIT
 * parse: the libclang border. Small helpers that turn cursors, strings and
 * locations into our own types at once, so that CXString never leaves this
 * file. The translation unit itself is created and disposed by driver.c. */
#ifndef LC_PARSE_H
#define LC_PARSE_H

#include <clang-c/Index.h>
#include <stdbool.h>

#include "ir/cfg.h"

struct arena;

/* Copies the string into the arena and disposes it. */
const char *parse_str(struct arena *a, CXString s);
/* Spelling of a cursor (function name of a CallExpr, name of a decl). */
const char *parse_spelling(struct arena *a, CXCursor c);
/* The type of the struct or union a field belongs to, as written
 * ("struct conn", "conn_t"): the first half of a "struct conn.state" key. */
const char *parse_record_of(struct arena *a, CXCursor field);
/* Expansion location of a source location: for code from a macro, where
 * the macro was used. *file may be NULL. */
struct cfg_loc parse_location(CXSourceLocation loc, CXFile *file);
struct cfg_loc parse_cursor_loc(CXCursor c);
/* File offsets of a cursor's extent (expansion locations). */
void parse_cursor_offsets(CXCursor c, unsigned *begin, unsigned *end);
/* True if the cursor was written in (or expanded into) the main file. */
bool parse_in_main_file(CXCursor c, CXFile main_file);
/* The text from begin to end as written in the file where they are used:
 * a declaration that begins with a macro (`#define local static`) begins
 * at the macro's use, not in its definition, which would take in every
 * token between the two. The range as given when the ends are in two
 * files. */
CXSourceRange parse_file_range(CXTranslationUnit tu, CXSourceLocation begin, CXSourceLocation end);

/* Children of c pushed onto a caller-owned cursor stack; returns how many. */
struct cursor_stack {
    CXCursor *v;
    size_t n, cap;
};
unsigned parse_children(CXCursor c, struct cursor_stack *st);
/* The class of the lock object a pointer expression designates:
 * "&a->mu" -> "struct account.mu", "&g_lock" -> "g_lock"; NULL when it
 * is neither a field nor a global. kids is scratch space. */
const char *parse_lock_class(struct arena *a, struct cursor_stack *kids, CXCursor arg,
                             CXCursor *decl_out);

/* Skips ParenExpr, casts and implicit (unexposed) single-child wrappers. */
CXCursor parse_peel(CXCursor c);
/* The operand of a cast: its last child (a type written `typeof(expr)`
 * shows that unevaluated expression before it). */
bool parse_cast_operand(CXCursor cast, CXCursor *operand);
/* Integer value of a constant expression; false if it is not one. */
bool parse_int_constant(CXCursor c, long *value);
/* Whether the spelling of type t, or of a type it names through its
 * typedefs (`sr_cond_t` -> `struct {...}`: the typedef's name is the one
 * that speaks), satisfies `is`. */
bool parse_type_named(CXType t, bool (*is)(const char *spelling, const void *ctx),
                      const void *ctx);

/* What a pointer type points to, as written (`pthread_mutex_t`, not its
 * union), seen through typedefs of the pointer; an invalid type if t is
 * no pointer. */
CXType parse_pointee(CXType t);

/* Every file the TU read (the main file and each header), as paths a
 * process in any folder can open: a name libclang gives relative to the
 * compile entry's working directory `dir` (from a relative -I) is joined
 * to it. `dir` may be NULL (then names are kept as given). */
const char **parse_included_files(struct arena *a, CXTranslationUnit tu, const char *dir,
                                  unsigned *n);

#endif
