/* SPDX-License-Identifier: MIT
 * annot: reads lock annotations off declarations, however they are
 * spelled: lockcheck.h's annotate("lockcheck:...") strings, clang's
 * thread-safety attributes written directly, as C23 [[clang::...]], or
 * through macros one or more levels deep (abseil, FreeBSD __guarded_by,
 * QEMU TSA_*, the Linux kernel's __must_hold/__acquires/...), including
 * macros that expand to nothing where the attribute never reaches the AST.
 * Found from the declaration's own tokens first, then from its attribute
 * cursors. Results live in the arena. */
#ifndef LC_ANNOT_H
#define LC_ANNOT_H

#include <clang-c/Index.h>

#include "ir/cfg.h"

struct arena;

enum annot_kind {
    AN_GUARDED_BY,
    AN_PT_GUARDED_BY,
    AN_GUARDED_VAR,    /* guarded by whichever lock: some lock must be held */
    AN_PT_GUARDED_VAR, /* the same for what it points to */
    AN_REQUIRES,
    AN_REQUIRES_SHARED,
    AN_ACQUIRE,
    AN_ACQUIRE_SHARED,
    AN_RELEASE,
    AN_RELEASE_SHARED,
    AN_RELEASE_GENERIC,
    AN_TRY_ACQUIRE,
    AN_TRY_ACQUIRE_SHARED,
    AN_EXCLUDES,
    AN_CAPABILITY,
    AN_ACQUIRED_BEFORE,
    AN_ACQUIRED_AFTER,
    AN_ASSERT,
    AN_ASSERT_SHARED,
    AN_RETURN_CAPABILITY,
    AN_NO_ANALYSIS,
    AN_INITIALIZER,
    AN_COUNT
};

struct annotation {
    enum annot_kind kind;
    const char **args; /* argument texts, as written */
    unsigned nargs;
    struct cfg_loc loc;
    const char *spelling; /* the name as written, for messages */
    CXFile file;          /* where it is written */
    /* read by its name from a project macro the build defines away: its
     * locks may name what this build does not declare (a symbol that
     * exists only for clang's analysis) */
    bool by_name;
};

struct annot_list {
    struct annotation *v;
    unsigned n;
};

/* Every lock annotation on a field, variable or function declaration. */
struct annot_list annot_read(struct arena *a, CXTranslationUnit tu, CXCursor decl);
const char *annot_kind_name(enum annot_kind k);

#endif
