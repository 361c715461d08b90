/* SPDX-License-Identifier: MIT
 * Rules loader: the shipped rules load; every case under
 * tests/rules/invalid/<case>/ fails with exactly the message in its
 * expected-error file ("LINE:COLUMN: message"). */
#include <dirent.h>
#include <stdlib.h>

#include "support/arena.h"
#include "check.h"
#include "model/rules.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = xmalloc(1 << 20);
    *len = fread(buf, 1, (1 << 20) - 1, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static void shipped_rules_load(const char *rules_dir)
{
    struct arena *a = arena_new();
    struct model m = {0};
    struct diag d;
    bool ok = rules_load_path(a, &m, rules_dir, &d);
    if (!ok)
        diag_print(stderr, &d);
    CHECK_TRUE(ok);
    const struct lock_rule *r = model_function(&m, "pthread_mutex_trylock");
    CHECK_TRUE(r && r->is_try && r->success == SUCCESS_EQUALS && r->success_value == 0);
    r = model_function(&m, "mutex_lock_interruptible");
    CHECK_TRUE(r && !r->is_try && r->success == SUCCESS_EQUALS);
    r = model_function(&m, "EnterCriticalSection");
    CHECK_TRUE(r && r->recursive);
    r = model_function(&m, "pthread_cond_wait");
    CHECK_TRUE(r && r->neffects == 2);
    CHECK_TRUE(model_is_noreturn(&m, "abort") && model_is_noreturn(&m, "pthread_exit"));
    model_free(&m);
    arena_free(a);
}

static void one_invalid_case(const char *dir, const char *name)
{
    char path[4096];
    size_t len, elen;
    snprintf(path, sizeof path, "%s/%s/rules.json", dir, name);
    char *text = slurp(path, &len);
    snprintf(path, sizeof path, "%s/%s/expected-error", dir, name);
    char *expected = slurp(path, &elen);
    CHECK_TRUE(text && expected);
    if (text && expected) {
        expected[strcspn(expected, "\n")] = '\0';
        struct arena *a = arena_new();
        struct model m = {0};
        struct diag d;
        bool ok = rules_load_text(a, &m, "rules.json", text, len, &d);
        char got[2200];
        snprintf(got, sizeof got, "%u:%u: %s", d.line, d.column, d.message);
        CHECK_TRUE(!ok);
        if (!ok)
            CHECK_STR(got, expected);
        model_free(&m);
        arena_free(a);
    }
    free(text);
    free(expected);
}

static void invalid_cases(const char *dir)
{
    DIR *d = opendir(dir);
    CHECK_TRUE(d != NULL);
    if (!d)
        return;
    int cases = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        one_invalid_case(dir, e->d_name);
        cases++;
    }
    closedir(d);
    CHECK_TRUE(cases >= 8);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_rules RULES_DIR INVALID_CASES_DIR\n");
        return 2;
    }
    shipped_rules_load(argv[1]);
    invalid_cases(argv[2]);
    return check_report("test_rules");
}
