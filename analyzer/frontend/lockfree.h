/* SPDX-License-Identifier: MIT
 * lockfree: whether a function defined in the file visibly does no lock
 * work. Reference counts and debug hooks are often named like locks
 * (TXN_LOCK bumping txn->refcount); a lock guessed from such a name is
 * wrong when the body it expands to is right there and takes nothing. A
 * body counts as lock-free only when every call in it is a direct call of
 * a function that no rule describes as taking or releasing a lock (one
 * that requires or excludes a lock leaves the holds as they were), whose
 * name has no lock word, that is no atomic builtin, and whose own body in
 * this file (a few levels down) is lock-free too. Inline assembly or a
 * call through a pointer may be a lock nobody described: not lock-free. */
#ifndef LC_LOCKFREE_H
#define LC_LOCKFREE_H

#include <clang-c/Index.h>
#include <stdbool.h>

struct model;

/* Whether the definition `def` (a FunctionDecl with a body, in main_file)
 * does no lock work that the analysis could miss. */
bool lockfree_body(CXCursor def, const struct model *m, CXFile main_file);

/* Whether t points to a complete struct or union that visibly holds no
 * lock: no member (embedded, not through a pointer) of a lock type of the
 * rules, with a lock word in its type name, atomic or volatile, and no
 * member named for a lock or pointing to a lock type. A lock
 * guessed from a name (`obj_lock(o, FLAGS)` on a reference-counted
 * object) is no lock when its object is such a struct. */
bool lockfree_object(CXType t, const struct model *m);

#endif
