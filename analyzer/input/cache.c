/* SPDX-License-Identifier: MIT
 * cache: JSON entries with Jansson (see cache.h). */
#include "input/cache.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/arena.h"
#include "support/hash.h"

static bool hash_file(const char *path, uint64_t *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    uint64_t h = HASH_BASIS;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        h = hash_bytes(h, buf, n);
    bool ok = !ferror(f);
    fclose(f);
    *out = h;
    return ok;
}

const char *cache_entry(struct arena *a, const char *dir, const char *path, const char *const *args,
                        int nargs, uint64_t rules_hash)
{
    uint64_t h = HASH_BASIS;
    h = hash_bytes(h, LOCKCHECK_VERSION, strlen(LOCKCHECK_VERSION) + 1);
    h = hash_bytes(h, path, strlen(path) + 1);
    for (int i = 0; i < nargs; i++)
        h = hash_bytes(h, args[i], strlen(args[i]) + 1);
    h = hash_bytes(h, &rules_hash, sizeof rules_hash);
    return arena_printf(a, "%s/%016llx.json", dir, (unsigned long long)h);
}

/* ---- findings <-> JSON ---- */

/* Appends v (which may be NULL: Jansson refuses a string that is not
 * UTF-8) to list; false when it was NULL. An entry that lost a piece is not
 * written at all: a finding or a dependency missing from it would be served
 * as the file's answer. */
static bool push(json_t *list, json_t *v, bool ok)
{
    return json_array_append_new(list, v) == 0 && ok;
}

static json_t *notes_json(const struct finding_note *n, unsigned count)
{
    json_t *list = json_array();
    bool ok = true;
    for (unsigned i = 0; i < count; i++)
        ok = push(list, json_pack("[s, i, i, s]", n[i].file, (int)n[i].line, (int)n[i].column,
                                  n[i].message),
                  ok);
    if (!ok)
        json_decref(list);
    return ok ? list : NULL;
}

static json_t *finding_json(const struct finding *f)
{
    return json_pack("{s:i, s:s, s:i, s:i, s:s?, s:s?, s:s, s:o, s:o, s:i}", "rule", (int)f->rule,
                     "file", f->file, "line", (int)f->line, "column", (int)f->column, "function",
                     f->function, "lock", f->lock, "message", f->message, "path",
                     notes_json(f->path, f->npath), "related", notes_json(f->related, f->nrelated),
                     "function_line", (int)f->function_line);
}

static struct finding_note *notes_from(struct arena *a, json_t *list, unsigned *count)
{
    *count = (unsigned)json_array_size(list);
    struct finding_note *n = arena_alloc(a, (*count + 1) * sizeof *n);
    for (unsigned i = 0; i < *count; i++) {
        const char *file = NULL, *msg = NULL;
        int line = 0, col = 0;
        if (json_unpack(json_array_get(list, i), "[s, i, i, s]", &file, &line, &col, &msg))
            return NULL;
        n[i] = (struct finding_note){arena_strdup(a, file), (unsigned)line, (unsigned)col,
                                     arena_strdup(a, msg)};
    }
    return n;
}

static bool finding_from(struct arena *a, json_t *o, struct finding *f)
{
    int rule = 0, line = 0, col = 0, fline = 0;
    const char *file = NULL, *fn = NULL, *lock = NULL, *msg = NULL;
    json_t *path = NULL, *related = NULL;
    memset(f, 0, sizeof *f);
    if (json_unpack(o, "{s:i, s:s, s:i, s:i, s?s, s?s, s:s, s:o, s:o, s:i}", "rule", &rule, "file",
                    &file, "line", &line, "column", &col, "function", &fn, "lock", &lock,
                    "message", &msg, "path", &path, "related", &related, "function_line", &fline) ||
        rule < 0 || rule >= RULE_COUNT)
        return false;
    *f = (struct finding){(enum rule_id)rule, file, (unsigned)line, (unsigned)col, fn, lock, msg,
                          NULL, 0, NULL, 0, (unsigned)fline, "", false, NULL, NULL};
    f->path = notes_from(a, path, &f->npath);
    f->related = notes_from(a, related, &f->nrelated);
    return f->path && f->related;
}

/* ---- dependencies ---- */

struct deps {
    json_t *list;
    bool ok; /* every dependency is in list */
};

/* Size and modification time: when both are as recorded, the content is
 * taken as unchanged without reading it; otherwise the content hash decides
 * (a file touched but not changed still hits). */
static bool file_stamp(const char *path, json_int_t *size, json_int_t *mtime_ns)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    *size = (json_int_t)st.st_size;
    *mtime_ns = (json_int_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    return true;
}

static void add_dependency(struct deps *d, const char *path)
{
    uint64_t h;
    json_int_t size = 0, mtime = 0;
    if (path && hash_file(path, &h) && file_stamp(path, &size, &mtime)) {
        char hex[17];
        snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
        d->ok = push(d->list, json_pack("[s, s, I, I]", path, hex, size, mtime), d->ok);
    } else {
        d->ok = push(d->list, json_pack("[s, s, I, I]", path ? path : "", "unreadable",
                                        (json_int_t)-1, (json_int_t)-1),
                     d->ok);
    }
}

static bool deps_unchanged(json_t *deps)
{
    size_t i;
    json_t *d;
    if (!json_is_array(deps) || !json_array_size(deps))
        return false;
    json_array_foreach(deps, i, d) {
        const char *path = NULL, *hex = NULL;
        json_int_t size, mtime, now_size, now_mtime;
        uint64_t h;
        char now[17];
        if (json_unpack(d, "[s, s, I, I]", &path, &hex, &size, &mtime) ||
            !file_stamp(path, &now_size, &now_mtime))
            return false;
        if (now_size == size && now_mtime == mtime)
            continue;
        if (!hash_file(path, &h))
            return false;
        snprintf(now, sizeof now, "%016llx", (unsigned long long)h);
        if (strcmp(now, hex))
            return false;
    }
    return true;
}

/* ---- load and store ---- */

static bool load_into(json_t *root, struct collector *into)
{
    json_t *findings = json_object_get(root, "findings"), *errors = json_object_get(root, "errors");
    json_t *sites = json_object_get(root, "functions");
    if (!json_is_array(findings) || !json_is_array(errors) || !json_is_array(sites))
        return false;
    struct arena *a = arena_new();
    struct collector staged; /* all or nothing: a bad entry adds nothing */
    collector_init(&staged);
    bool ok = true;
    size_t i;
    json_t *x;
    json_array_foreach(findings, i, x) {
        struct finding f;
        if (!(ok = finding_from(a, x, &f)))
            break;
        finding_collect(&staged, &f);
    }
    json_array_foreach(errors, i, x) {
        const char *file = NULL, *msg = NULL;
        int line = 0, col = 0;
        if (ok && !(ok = !json_unpack(x, "[s, i, i, s]", &file, &line, &col, &msg)))
            break;
        collector_error(&staged, file, (unsigned)line, (unsigned)col, msg);
    }
    json_array_foreach(sites, i, x) {
        const char *file = NULL, *name = NULL;
        int line = 0;
        if (ok && !(ok = !json_unpack(x, "[s, s, i]", &file, &name, &line)))
            break;
        collector_function(&staged, file, name, (unsigned)line);
    }
    json_t *edges = json_object_get(root, "edges");
    ok = ok && json_is_array(edges);
    json_array_foreach(edges, i, x) {
        struct order_edge e;
        int l = 0, c = 0, hl = 0, hc = 0;
        if (ok && !(ok = !json_unpack(x, "[s, s, s, s, s, s, i, i, i, i]", &e.from, &e.to,
                                      &e.from_lock, &e.to_lock, &e.file, &e.function, &l, &c,
                                      &hl, &hc)))
            break;
        e.line = (unsigned)l;
        e.column = (unsigned)c;
        e.held_line = (unsigned)hl;
        e.held_column = (unsigned)hc;
        collector_order_edge(&staged, &e);
    }
    if (ok) {
        staged.files = 1;
        staged.cached = 1;
        staged.functions = (unsigned long)json_integer_value(json_object_get(root, "nfunctions"));
        collector_merge(into, &staged);
    }
    collector_free(&staged);
    arena_free(a);
    return ok;
}

bool cache_load(const char *entry, struct collector *into)
{
    json_t *root = json_load_file(entry, 0, NULL);
    if (!root)
        return false;
    bool ok = json_is_string(json_object_get(root, "version")) &&
              !strcmp(json_string_value(json_object_get(root, "version")), LOCKCHECK_VERSION) &&
              deps_unchanged(json_object_get(root, "deps")) && load_into(root, into);
    json_decref(root);
    return ok;
}

void cache_store(const char *entry, const char *const *files, unsigned nfiles,
                 const struct collector *local)
{
    struct deps d = {json_array(), true};
    for (unsigned i = 0; i < nfiles; i++)
        add_dependency(&d, files[i]);
    bool ok = d.ok;
    json_t *findings = json_array(), *errors = json_array(), *sites = json_array();
    for (size_t i = 0; i < local->nfindings; i++)
        ok = push(findings, finding_json(&local->findings[i]), ok);
    for (size_t i = 0; i < local->nerrors; i++) {
        const struct input_error *e = &local->errors[i];
        ok = push(errors, json_pack("[s, i, i, s]", e->file, (int)e->line, (int)e->column,
                                    e->message),
                  ok);
    }
    for (size_t i = 0; i < local->nsites; i++)
        ok = push(sites, json_pack("[s, s, i]", local->sites[i].file, local->sites[i].name,
                                   (int)local->sites[i].line),
                  ok);
    json_t *edges = json_array();
    for (size_t i = 0; i < local->nedges; i++) {
        const struct order_edge *e = &local->edges[i];
        ok = push(edges, json_pack("[s, s, s, s, s, s, i, i, i, i]", e->from, e->to, e->from_lock,
                                   e->to_lock, e->file, e->function, (int)e->line, (int)e->column,
                                   (int)e->held_line, (int)e->held_column),
                  ok);
    }
    json_t *root = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:I}", "version", LOCKCHECK_VERSION,
                             "deps", d.list, "findings", findings, "errors", errors, "functions",
                             sites, "edges", edges, "nfunctions", (json_int_t)local->functions);
    if (!ok || !root) { /* a name that is not UTF-8: analysed again on every run */
        json_decref(root);
        return;
    }
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", entry, (long)getpid());
    if (json_dump_file(root, tmp, JSON_COMPACT) == 0 && rename(tmp, entry) == 0) {
        json_decref(root);
        return;
    }
    unlink(tmp);
    json_decref(root);
}
