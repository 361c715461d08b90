/* SPDX-License-Identifier: MIT
 * Access-path normalisation: the spellings of one lock give one key. */
#include "support/arena.h"
#include "check.h"
#include "model/lockexpr.h"

static const char *lock_of(struct arena *a, const char *pointer_text)
{
    struct diag d;
    const char *p = lockexpr_parse(a, pointer_text, NULL, 0, &d);
    return p ? lockexpr_pointee(a, p) : NULL;
}

static void same_lock_spellings(struct arena *a)
{
    CHECK_STR(lock_of(a, "&a->mu"), "a->mu");
    CHECK_STR(lock_of(a, "&(*a).mu"), "a->mu");
    CHECK_STR(lock_of(a, "&(a->mu)"), "a->mu");
    CHECK_STR(lock_of(a, "(&a->mu)"), "a->mu");
    CHECK_STR(lock_of(a, "(pthread_mutex_t *)&a->mu"), "a->mu");
    CHECK_STR(lock_of(a, "(void*)&(a)->mu"), "a->mu");
    CHECK_STR(lock_of(a, "&g_lock"), "g_lock");
    CHECK_STR(lock_of(a, "m"), "*m");
    CHECK_STR(lock_of(a, "&*m"), "*m");
    CHECK_STR(lock_of(a, "&s.inner.mu"), "s.inner.mu");
    CHECK_STR(lock_of(a, "&p->q->mu"), "p->q->mu");
    CHECK_STR(lock_of(a, "&(*(*p).q).mu"), "p->q->mu");
    CHECK_STR(lock_of(a, "&locks[i]"), "locks[]");
    CHECK_STR(lock_of(a, "&locks[i + 1]"), "locks[]");
    CHECK_STR(lock_of(a, "locks + 0") == NULL ? "rejected" : "parsed", "rejected");
    CHECK_STR(lock_of(a, "&t->b[3].mu"), "t->b[].mu");
    CHECK_STR(lock_of(a, "&(**pp).mu"), "(*pp)->mu");
}

static void constructors(struct arena *a)
{
    CHECK_STR(lockexpr_deref(a, "&x"), "x");
    CHECK_STR(lockexpr_addr(a, "*p"), "p");
    CHECK_STR(lockexpr_member(a, "*p", "f"), "p->f");
    CHECK_STR(lockexpr_member(a, "**pp", "f"), "(*pp)->f");
    CHECK_STR(lockexpr_member(a, "s", "f"), "s.f");
    CHECK_STR(lockexpr_index(a, "*p"), "(*p)[]");
}

static void parameters_and_errors(struct arena *a)
{
    const char *args[] = {"c", "&g"};
    struct diag d;
    CHECK_STR(lockexpr_parse(a, "$0->mu", args, 2, &d), "c->mu");
    CHECK_STR(lockexpr_parse(a, "$1", args, 2, &d), "&g");
    CHECK_STR(lockexpr_parse(a, "big_lock", args, 2, &d), "big_lock");
    CHECK_TRUE(lockexpr_parse(a, "$2->mu", args, 2, &d) == NULL);
    CHECK_TRUE(strstr(d.message, "out of range") != NULL);
    CHECK_TRUE(lockexpr_parse(a, "a->", args, 2, &d) == NULL);
    CHECK_TRUE(d.column == 4);
    CHECK_TRUE(lockexpr_parse(a, "", args, 2, &d) == NULL);
    CHECK_TRUE(lockexpr_parse(a, "a b", args, 2, &d) == NULL);
    char deep[400];
    memset(deep, '(', 300);
    strcpy(deep + 300, "x");
    CHECK_TRUE(lockexpr_parse(a, deep, args, 2, &d) == NULL); /* bounded depth */
}

int main(void)
{
    struct arena *a = arena_new();
    same_lock_spellings(a);
    constructors(a);
    parameters_and_errors(a);
    arena_free(a);
    return check_report("test_lockexpr");
}
