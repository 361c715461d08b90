/* SPDX-License-Identifier: MIT
 * rules: JSON rules files -> struct model. Every check names the JSON path
 * of the offending value; jsonpos turns that into a line and column. */
#include "model/rules.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/arena.h"
#include "support/hash.h"
#include "support/fileio.h"
#include "support/output.h"
#include "support/jsonpos.h"
#include "model/lockexpr.h"

/* What one load is working on; `text` is kept for error positions. */
struct loader {
    struct arena *a;
    struct model *m;
    const char *file, *text;
    size_t len;
    struct diag *d;
    struct strmap seen; /* names defined in this file */
};

static bool bad(struct loader *ld, const char *path, bool at_key, const char *fmt,
                const char *detail)
{
    unsigned line = 0, column = 0;
    jsonpos_find(ld->text, ld->len, path, at_key, &line, &column);
    char msg[512];
    snprintf(msg, sizeof msg, fmt, detail);
    return diag_set(ld->d, ld->file, line, column, "%s", msg);
}

static const char *origin(struct loader *ld, const char *path)
{
    unsigned line = 0, column = 0;
    jsonpos_find(ld->text, ld->len, path, false, &line, &column);
    return arena_printf(ld->a, "%s:%u:%u", ld->file, line, column);
}

static bool check_keys(struct loader *ld, json_t *obj, const char *path,
                       const char *const *allowed)
{
    const char *key;
    json_t *value;
    json_object_foreach(obj, key, value) {
        bool ok = false;
        for (const char *const *k = allowed; *k && !ok; k++)
            ok = !strcmp(*k, key);
        if (!ok) {
            char p[256];
            snprintf(p, sizeof p, "%s%s%s", path, *path ? "." : "", key);
            return bad(ld, p, true, "unknown key '%s'", key);
        }
    }
    return true;
}

/* "acquires": 0 or "acquires": "$0->mu" */
static bool read_target(struct loader *ld, json_t *v, const char *path,
                        struct lock_target *t)
{
    if (json_is_integer(v)) {
        json_int_t n = json_integer_value(v);
        if (n < 0 || n > 64)
            return bad(ld, path, false, "argument index must be between 0 and 64%s", "");
        t->arg = (int)n;
        t->expr = NULL;
        return true;
    }
    if (json_is_string(v)) {
        static const char *const dummy[65] = {
            "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12",
            "a13", "a14", "a15", "a16", "a17", "a18", "a19", "a20", "a21", "a22", "a23",
            "a24", "a25", "a26", "a27", "a28", "a29", "a30", "a31", "a32"};
        struct diag pd;
        if (!lockexpr_parse(ld->a, json_string_value(v), dummy, 33, &pd))
            return bad(ld, path, false, "%s", pd.message);
        t->arg = -1;
        t->expr = arena_strdup(ld->a, json_string_value(v));
        return true;
    }
    return bad(ld, path, false,
               "expected an argument index (integer) or a lock expression (string)%s", "");
}

static bool read_mode(struct loader *ld, json_t *entry, const char *path,
                      enum lock_mode dflt, enum lock_mode *mode)
{
    json_t *v = json_object_get(entry, "mode");
    *mode = dflt;
    if (!v)
        return true;
    char p[256];
    snprintf(p, sizeof p, "%s.mode", path);
    const char *s = json_is_string(v) ? json_string_value(v) : "";
    if (!strcmp(s, "exclusive"))
        *mode = LOCK_EXCLUSIVE;
    else if (!strcmp(s, "shared"))
        *mode = LOCK_SHARED;
    else
        return bad(ld, p, false, "mode must be \"exclusive\" or \"shared\"%s", "");
    return true;
}

/* succeeds_when / fails_unless: an integer, "nonzero" or "nonnegative". */
static bool read_success(struct loader *ld, json_t *entry, const char *path,
                         struct lock_rule *r)
{
    json_t *when = json_object_get(entry, "succeeds_when");
    json_t *unless = json_object_get(entry, "fails_unless");
    if (when && unless)
        return bad(ld, path, false, "give succeeds_when or fails_unless, not both%s", "");
    json_t *v = when ? when : unless;
    if (!v)
        return true;
    char p[256];
    snprintf(p, sizeof p, "%s.%s", path, when ? "succeeds_when" : "fails_unless");
    r->is_try = when != NULL;
    if (json_is_integer(v)) {
        r->success = SUCCESS_EQUALS;
        r->success_value = (long)json_integer_value(v);
    } else if (json_is_string(v) && !strcmp(json_string_value(v), "nonzero")) {
        r->success = SUCCESS_NONZERO;
    } else if (json_is_string(v) && !strcmp(json_string_value(v), "nonnegative")) {
        r->success = SUCCESS_NONNEGATIVE;
    } else if (json_is_object(v) && json_object_size(v) == 1 &&
               json_is_integer(json_object_get(v, "not"))) {
        r->success = SUCCESS_NOT_EQUALS;
        r->success_value = (long)json_integer_value(json_object_get(v, "not"));
    } else {
        return bad(ld, p, false,
                   "expected an integer, \"nonzero\", \"nonnegative\" or {\"not\": integer}%s", "");
    }
    return true;
}

static bool read_effects(struct loader *ld, json_t *entry, const char *path,
                         struct lock_rule *r)
{
    static const struct { const char *key; enum effect_kind kind; } names[] = {
        {"acquires", EFFECT_ACQUIRE},
        {"releases", EFFECT_RELEASE},
        {"requires", EFFECT_REQUIRE},
        {"releases_and_reacquires", EFFECT_RELEASE_REACQUIRE},
        {"excludes", EFFECT_EXCLUDE},
        {"forgets", EFFECT_FORGET},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        json_t *v = json_object_get(entry, names[i].key);
        if (!v)
            continue;
        char p[256];
        snprintf(p, sizeof p, "%s.%s", path, names[i].key);
        struct lock_effect *e = &r->effects[r->neffects++];
        e->kind = names[i].kind;
        if (!read_target(ld, v, p, &e->target))
            return false;
        enum lock_mode dflt = e->kind == EFFECT_ACQUIRE ? LOCK_EXCLUSIVE : LOCK_ANY;
        if (!read_mode(ld, entry, path, dflt, &e->mode))
            return false;
    }
    if (r->neffects == 0)
        return bad(ld, path, false,
                   "a lock entry needs acquires, releases, requires, "
                   "releases_and_reacquires or excludes%s", "");
    return true;
}

static bool read_name(struct loader *ld, json_t *entry, const char *path, struct lock_rule *r)
{
    json_t *fn = json_object_get(entry, "function");
    json_t *macro = json_object_get(entry, "macro");
    if (fn && macro)
        return bad(ld, path, false, "a lock entry names a function or a macro, not both%s", "");
    if (!fn && !macro)
        return bad(ld, path, false, "a lock entry needs \"function\" or \"macro\"%s", "");
    json_t *v = fn ? fn : macro;
    char p[256];
    snprintf(p, sizeof p, "%s.%s", path, fn ? "function" : "macro");
    if (!json_is_string(v) || !json_string_length(v))
        return bad(ld, p, false, "expected a non-empty name%s", "");
    r->name = arena_strdup(ld->a, json_string_value(v));
    r->is_macro = macro != NULL;
    const char *key = arena_printf(ld->a, "%c%s", r->is_macro ? 'm' : 'f', r->name);
    if (strmap_get(&ld->seen, key))
        return bad(ld, p, false, "'%s' is described twice in this file", r->name);
    strmap_put(&ld->seen, key, r);
    return true;
}

static bool read_lock(struct loader *ld, json_t *entry, size_t index)
{
    static const char *const keys[] = {
        "function", "macro", "acquires", "releases", "requires", "releases_and_reacquires",
        "excludes", "forgets", "mode", "succeeds_when", "fails_unless", "recursive",
        "always_returns", "if_held", "comment", NULL};
    char path[64];
    snprintf(path, sizeof path, "locks[%zu]", index);
    if (!json_is_object(entry))
        return bad(ld, path, false, "expected an object%s", "");
    if (!check_keys(ld, entry, path, keys))
        return false;
    struct lock_rule *r = arena_alloc(ld->a, sizeof *r);
    if (!read_name(ld, entry, path, r) || !read_effects(ld, entry, path, r) ||
        !read_success(ld, entry, path, r))
        return false;
    json_t *rec = json_object_get(entry, "recursive");
    if (rec && !json_is_boolean(rec))
        return bad(ld, arena_printf(ld->a, "%s.recursive", path), false,
                   "expected true or false%s", "");
    r->recursive = json_is_true(rec);
    json_t *if_held = json_object_get(entry, "if_held");
    if (if_held && (!json_is_boolean(if_held) || !json_object_get(entry, "releases")))
        return bad(ld, arena_printf(ld->a, "%s.if_held", path), false,
                   "expected true or false, beside \"releases\"%s", "");
    r->release_if_held = json_is_true(if_held);
    json_t *always = json_object_get(entry, "always_returns");
    if (always && !json_is_integer(always))
        return bad(ld, arena_printf(ld->a, "%s.always_returns", path), false,
                   "expected an integer%s", "");
    r->always_returns = always != NULL;
    r->always_returns_value = always ? (long)json_integer_value(always) : 0;
    r->origin = origin(ld, path);
    strmap_put(r->is_macro ? &ld->m->macros : &ld->m->functions, r->name, r);
    return true;
}

static bool read_name_list(struct loader *ld, json_t *root, const char *key, struct strmap *into)
{
    json_t *list = json_object_get(root, key);
    if (!list)
        return true;
    if (!json_is_array(list))
        return bad(ld, key, false, "expected an array of names%s", "");
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        if (!json_is_string(v) || !json_string_length(v))
            return bad(ld, arena_printf(ld->a, "%s[%zu]", key, i), false,
                       "expected a non-empty string%s", "");
        strmap_put(into, arena_strdup(ld->a, json_string_value(v)), (void *)1);
    }
    return true;
}

static bool read_guards(struct loader *ld, json_t *root)
{
    static const char *const keys[] = {"data", "lock", "comment", NULL};
    json_t *list = json_object_get(root, "guards");
    if (!list)
        return true;
    if (!json_is_array(list))
        return bad(ld, "guards", false, "expected an array%s", "");
    size_t i;
    json_t *g;
    json_array_foreach(list, i, g) {
        const char *path = arena_printf(ld->a, "guards[%zu]", i);
        if (!json_is_object(g))
            return bad(ld, path, false, "expected an object%s", "");
        if (!check_keys(ld, g, path, keys))
            return false;
        json_t *data = json_object_get(g, "data"), *lock = json_object_get(g, "lock");
        if (!json_is_string(data) || !json_is_string(lock))
            return bad(ld, path, false, "a guard needs string \"data\" and \"lock\"%s", "");
        struct model *m = ld->m;
        if (m->nguards == m->guards_cap) {
            m->guards_cap = m->guards_cap ? m->guards_cap * 2 : 8;
            m->guards = xrealloc(m->guards, m->guards_cap * sizeof *m->guards);
        }
        m->guards[m->nguards++] = (struct guard_rule){
            arena_strdup(ld->a, json_string_value(data)),
            arena_strdup(ld->a, json_string_value(lock)), origin(ld, path)};
    }
    return true;
}

static bool read_root(struct loader *ld, json_t *root)
{
    static const char *const keys[] = {"name",       "description",   "locks",
                                       "noreturn",   "lock_types",    "guards",
                                       "fork_handlers", "untracked",  "thread_exits",
                                       "comment",    NULL};
    if (!json_is_object(root))
        return bad(ld, "", false, "a rules file holds one JSON object%s", "");
    if (!check_keys(ld, root, "", keys))
        return false;
    json_t *name = json_object_get(root, "name");
    if (name && !json_is_string(name))
        return bad(ld, "name", false, "expected a string%s", "");
    json_t *locks = json_object_get(root, "locks");
    if (locks && !json_is_array(locks))
        return bad(ld, "locks", false, "expected an array of lock entries%s", "");
    size_t i;
    json_t *entry;
    json_array_foreach(locks, i, entry) {
        if (!read_lock(ld, entry, i))
            return false;
    }
    return read_name_list(ld, root, "noreturn", &ld->m->noreturn) &&
           read_name_list(ld, root, "fork_handlers", &ld->m->fork_registrars) &&
           read_name_list(ld, root, "lock_types", &ld->m->lock_types) &&
           read_name_list(ld, root, "untracked", &ld->m->untracked) &&
           read_name_list(ld, root, "thread_exits", &ld->m->thread_exits) && read_guards(ld, root);
}

bool rules_load_text(struct arena *a, struct model *m, const char *name, const char *text,
                     size_t len, struct diag *d)
{
    json_error_t err;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    if (!root)
        return diag_set(d, name, (unsigned)(err.line > 0 ? err.line : 0),
                        (unsigned)(err.column > 0 ? err.column : 0), "invalid JSON: %s",
                        err.text);
    struct loader ld = {a, m, arena_strdup(a, name), text, len, d, {0}};
    m->hash = hash_bytes(m->hash ? m->hash : HASH_BASIS, text, len);
    bool ok = read_root(&ld, root);
    json_decref(root);
    strmap_free(&ld.seen);
    if (ok)
        m->nrulesets++;
    return ok;
}

static bool load_file(struct arena *a, struct model *m, const char *path, struct diag *d)
{
    size_t len;
    char *text = fileio_read_all(path, &len);
    if (!text)
        return diag_set(d, path, 0, 0, "cannot read rules file: %s", strerror(errno));
    bool ok = rules_load_text(a, m, path, text, len, d);
    free(text);
    return ok;
}

static int compare_names(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static bool load_dir(struct arena *a, struct model *m, const char *path, struct diag *d)
{
    DIR *dir = opendir(path);
    if (!dir)
        return diag_set(d, path, 0, 0, "cannot open rules folder: %s", strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".json") || e->d_name[0] == '.')
            continue;
        if (n == cap)
            names = xrealloc(names, (cap = cap ? cap * 2 : 16) * sizeof *names);
        names[n++] = arena_printf(a, "%s/%s", path, e->d_name);
    }
    closedir(dir);
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++)
        ok = load_file(a, m, names[i], d);
    free(names);
    return ok;
}

static int cmp_rule_names(const void *x, const void *y)
{
    return strcmp((*(const struct lock_rule *const *)x)->name,
                  (*(const struct lock_rule *const *)y)->name);
}

static json_t *rule_json(const struct lock_rule *r)
{
    static const char *const keys[] = {
        [EFFECT_ACQUIRE] = "acquires", [EFFECT_RELEASE] = "releases",
        [EFFECT_REQUIRE] = "requires", [EFFECT_RELEASE_REACQUIRE] = "releases_and_reacquires",
        [EFFECT_EXCLUDE] = "excludes", [EFFECT_ASSERT] = NULL, [EFFECT_FORGET] = "forgets"};
    json_t *o = json_object();
    json_object_set_new(o, r->is_macro ? "macro" : "function", json_string(r->name));
    for (unsigned i = 0; i < r->neffects; i++) {
        const struct lock_effect *e = &r->effects[i];
        if (!keys[e->kind] || json_object_get(o, keys[e->kind]))
            continue; /* one target per kind in the file format */
        json_object_set_new(o, keys[e->kind], e->target.expr ? json_string(e->target.expr)
                                                             : json_integer(e->target.arg));
        if (e->kind == EFFECT_ACQUIRE && e->mode == LOCK_SHARED)
            json_object_set_new(o, "mode", json_string("shared"));
    }
    if (r->recursive)
        json_object_set_new(o, "recursive", json_true());
    if (r->release_if_held && json_object_get(o, "releases"))
        json_object_set_new(o, "if_held", json_true());
    if (r->success != SUCCESS_ALWAYS)
        json_object_set_new(o, r->is_try ? "succeeds_when" : "fails_unless",
                            r->success == SUCCESS_NONZERO       ? json_string("nonzero")
                            : r->success == SUCCESS_NONNEGATIVE ? json_string("nonnegative")
                            : r->success == SUCCESS_NOT_EQUALS
                                ? json_pack("{s:I}", "not", (json_int_t)r->success_value)
                                : json_integer(r->success_value));
    return o;
}

bool rules_write(const char *path, const struct strmap *rules, struct diag *d)
{
    const struct lock_rule **v = xcalloc(rules->count + 1, sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < rules->cap; i++)
        if (rules->keys[i] && rules->values[i] &&
            ((const struct lock_rule *)rules->values[i])->neffects) /* LIMIT: not splits */
            v[n++] = rules->values[i];
    if (n)
        qsort(v, n, sizeof *v, cmp_rule_names);
    json_t *locks = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(locks, rule_json(v[i]));
    free(v);
    json_t *doc = json_pack("{s:s, s:s, s:o}", "name", "summaries", "description",
                            "lock contracts inferred by lockcheck from the functions' code",
                            "locks", locks);
    bool ok = output_json(path, doc, "the summaries", d);
    json_decref(doc);
    return ok;
}

bool rules_load_path(struct arena *a, struct model *m, const char *path, struct diag *d)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return diag_set(d, path, 0, 0, "cannot read rules: %s", strerror(errno));
    return S_ISDIR(st.st_mode) ? load_dir(a, m, path, d) : load_file(a, m, path, d);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *rules_default_dir(struct arena *a)
{
    const char *env = getenv("LOCKCHECK_RULES_DIR");
    if (env && *env)
        return arena_strdup(a, env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            /* <prefix>/bin/lockcheck -> <prefix>/share/lockcheck/rules */
            const char *installed = arena_printf(a, "%s/../%s", exe, LOCKCHECK_INSTALL_RULES_DIR);
            if (is_dir(installed))
                return installed;
        }
    }
    return is_dir(LOCKCHECK_SOURCE_RULES_DIR) ? LOCKCHECK_SOURCE_RULES_DIR : NULL;
}
