/* SPDX-License-Identifier: MIT
 * cdb: compile database loading (see cdb.h). */
#include "input/cdb.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/gccdirs.h"
#include "input/outflags.h"
#include "input/rspfile.h"
#include "support/arena.h"
#include "support/fileio.h"
#include "support/jsonpos.h"
#include "support/strmap.h"

void job_list_push(struct job_list *l, struct job j)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = j;
}

void job_list_free(struct job_list *l)
{
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

const char **cdb_split_command(struct arena *a, const char *cmd, unsigned *n)
{
    size_t len = strlen(cmd);
    const char **words = arena_alloc(a, (len / 2 + 2) * sizeof *words);
    char *buf = arena_alloc(a, len + 1);
    *n = 0;
    const char *p = cmd;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p)
            break;
        char *w = buf;
        char quote = 0;
        while (*p && (quote || (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r'))) {
            if (!quote && (*p == '\'' || *p == '"')) {
                quote = *p++;
            } else if (quote && *p == quote) {
                quote = 0;
                p++;
            } else if (*p == '\\' && quote != '\'' && p[1]) {
                *w++ = p[1];
                p += 2;
            } else {
                *w++ = *p++;
            }
        }
        *w++ = '\0';
        words[(*n)++] = buf;
        buf = w;
    }
    return words;
}

const char *cdb_join(struct arena *a, const char *dir, const char *path)
{
    const char *full = path[0] == '/' || !dir ? path : arena_printf(a, "%s/%s", dir, path);
    /* Fold "." and ".." so that the same file always has one name. */
    char *out = arena_alloc(a, strlen(full) + 2);
    size_t n = 0;
    for (const char *p = full; *p;) {
        const char *seg = p;
        size_t len = strcspn(p, "/");
        p += len;
        while (*p == '/')
            p++;
        if (len == 0 || (len == 1 && seg[0] == '.'))
            continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
            continue;
        }
        out[n++] = '/';
        memcpy(out + n, seg, len);
        n += len;
    }
    if (full[0] != '/' && n) {
        memmove(out, out + 1, n - 1);
        n--;
    }
    out[n] = '\0';
    return n ? out : "/";
}

const char *cdb_display_path(struct arena *a, const char *abs_path)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return abs_path;
    size_t n = strlen(cwd);
    if (!strncmp(abs_path, cwd, n) && abs_path[n] == '/')
        return arena_strdup(a, abs_path + n + 1);
    return abs_path;
}

static bool is_c_source(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && (!strcmp(dot, ".c") || !strcmp(dot, ".i"));
}

/* Drops the compiler, -c, -o FILE and the source file; keeps the rest
 * but what writes files (outflags.h). */
static void filter_args(struct arena *a, const char *const *words, unsigned n, const char *file,
                        const char *abs, struct job *j)
{
    /* j->directory is set before this is called. */
    words = outflags_strip(a, words, n, &n);
    j->args = arena_alloc(a, (n + 3) * sizeof *j->args);
    j->nargs = 0;
    for (unsigned i = 1; i < n; i++) {
        const char *w = words[i];
        if (!strcmp(w, "-c") || !strcmp(w, file) || !strcmp(w, abs) || !strcmp(w, "--"))
            continue;
        if (w[0] != '-' && !strcmp(cdb_join(a, j->directory, w), abs))
            continue; /* the source spelled relative to the directory (bear) */
        if (!strcmp(w, "-o")) {
            i++;
            continue;
        }
        if (!strncmp(w, "-o", 2))
            continue;
        j->args[j->nargs++] = w;
    }
    /* <omp.h> and the like: searched only for a file that needs them */
    j->gcc_dir = n && gcc_is_gcc(words[0]) ? gcc_include_dir(words[0]) : NULL;
}

static bool bad_entry(const char *name, const char *text, size_t len, size_t i,
                      const char *key, const char *what, struct diag *d)
{
    unsigned line = 0, col = 0;
    char path[64];
    snprintf(path, sizeof path, "[%zu]%s%s", i, key ? "." : "", key ? key : "");
    if (!jsonpos_find(text, len, path, false, &line, &col)) {
        snprintf(path, sizeof path, "[%zu]", i); /* a missing key: name the entry */
        jsonpos_find(text, len, path, false, &line, &col);
    }
    return diag_set(d, name, line, col, "compile database entry %zu: %s", i, what);
}

static bool read_entry(struct arena *a, const char *name, const char *text, size_t len,
                       size_t i, json_t *e, struct job *j, struct diag *d)
{
    if (!json_is_object(e))
        return bad_entry(name, text, len, i, NULL, "expected an object", d);
    json_t *dir = json_object_get(e, "directory"), *file = json_object_get(e, "file");
    json_t *args = json_object_get(e, "arguments"), *cmd = json_object_get(e, "command");
    if (!json_is_string(dir))
        return bad_entry(name, text, len, i, "directory", "needs a \"directory\" string", d);
    if (!json_is_string(file))
        return bad_entry(name, text, len, i, "file", "needs a \"file\" string", d);
    const char *dirs = json_string_value(dir), *files = json_string_value(file);
    /* A relative directory is taken relative to the database's folder. */
    j->directory = cdb_join(a, dirs[0] == '/' ? NULL : cdb_join(a, name, ".."), dirs);
    j->path = cdb_join(a, j->directory, files);
    j->display = cdb_display_path(a, j->path);
    const char **words;
    unsigned n = 0;
    if (json_is_array(args)) {
        words = arena_alloc(a, (json_array_size(args) + 1) * sizeof *words);
        size_t k;
        json_t *w;
        json_array_foreach(args, k, w) {
            if (!json_is_string(w))
                return bad_entry(name, text, len, i, "arguments", "arguments must be strings", d);
            words[n++] = arena_strdup(a, json_string_value(w));
        }
    } else if (json_is_string(cmd)) {
        words = cdb_split_command(a, json_string_value(cmd), &n);
    } else {
        return bad_entry(name, text, len, i, NULL, "needs \"arguments\" (array) or \"command\" (string)", d);
    }
    const char **expanded;
    unsigned nexpanded;
    char why[1200];
    if (!rsp_expand(a, words, n, j->directory, &expanded, &nexpanded, why, sizeof why))
        return bad_entry(name, text, len, i, json_is_array(args) ? "arguments" : "command", why, d);
    filter_args(a, expanded, nexpanded, files, j->path, j);
    return true;
}

bool cdb_load_text(struct arena *a, const char *name, const char *text, size_t len,
                   struct job_list *out, struct diag *d)
{
    json_error_t err;
    json_t *root = json_loadb(text, len, 0, &err);
    if (!root)
        return diag_set(d, name, (unsigned)(err.line > 0 ? err.line : 0),
                        (unsigned)(err.column > 0 ? err.column : 0), "invalid JSON: %s", err.text);
    bool ok = true;
    if (!json_is_array(root))
        ok = diag_set(d, name, 1, 1, "a compile database is a JSON array of entries");
    struct strmap seen = {0};
    size_t i;
    json_t *e;
    if (ok) {
        json_array_foreach(root, i, e) {
            struct job j = {0};
            if (!read_entry(a, name, text, len, i, e, &j, d)) {
                /* reported in its place; the other entries are analysed */
                struct job bad = {.path = name, .display = cdb_display_path(a, name),
                                  .error = arena_strdup(a, d->message),
                                  .error_line = d->line, .error_column = d->column};
                job_list_push(out, bad);
                continue;
            }
            if (!is_c_source(j.path) || strmap_get(&seen, j.path))
                continue;
            strmap_put(&seen, j.path, (void *)1);
            job_list_push(out, j);
        }
    }
    strmap_free(&seen);
    json_decref(root);
    return ok;
}

static char *read_all(const char *path, size_t *len, struct diag *d)
{
    char *text = fileio_read_all(path, len);
    if (!text)
        diag_set(d, path, 0, 0, "cannot read compile database: %s", strerror(errno));
    return text;
}

static bool keep_only(struct arena *a, struct job_list *l, const char *const *only, size_t nonly,
                      const char *db, struct diag *d)
{
    struct job_list kept = {0};
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        cwd[0] = '\0';
    for (size_t k = 0; k < nonly; k++) {
        if (!is_c_source(only[k])) { /* a C++ entry of a mixed project */
            fprintf(stderr, "%s: skipped: lockcheck analyses C only\n", only[k]);
            continue;
        }
        const char *want = cdb_join(a, cwd, only[k]);
        size_t i = 0;
        while (i < l->n && (l->v[i].error || strcmp(l->v[i].path, want)))
            i++;
        if (i == l->n) {
            job_list_free(&kept);
            return diag_set(d, only[k], 0, 0, "not in the compile database %s", db);
        }
        l->v[i].display = only[k];
        job_list_push(&kept, l->v[i]);
    }
    job_list_free(l);
    *l = kept;
    return true;
}

bool cdb_load(struct arena *a, const char *build_dir, const char *const *only, size_t nonly,
              struct job_list *out, struct diag *d)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return diag_set(d, build_dir, 0, 0, "cannot find the current directory");
    /* -p names the build folder, or (as several tools accept) the
     * database file itself */
    const char *given = cdb_join(a, cwd, build_dir);
    struct stat st;
    bool file = stat(given, &st) == 0 && S_ISREG(st.st_mode);
    const char *db = file ? given : cdb_join(a, given, "compile_commands.json");
    size_t len = 0;
    char *text = read_all(db, &len, d);
    if (!text)
        return false;
    const char *shown = cdb_display_path(a, db);
    size_t before = out->n;
    bool ok = cdb_load_text(a, db, text, len, out, d);
    free(text);
    if (!ok)
        snprintf(d->file, sizeof d->file, "%s", shown);
    if (ok && out->n == before)
        return diag_set(d, shown, 0, 0, "nothing to analyse: the compile database lists no C source");
    return ok && (!nonly || keep_only(a, out, only, nonly, shown, d));
}

/* LPT: the biggest files first, each to the least loaded shard, so shards
 * take about equally long; ties by path keep it deterministic. */
struct sized {
    size_t index;
    long long size;
    const char *path;
};

static int by_size(const void *x, const void *y)
{
    const struct sized *a = x, *b = y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return strcmp(a->path, b->path);
}

void job_list_keep_shard(struct job_list *l, unsigned nshards, unsigned shard)
{
    size_t n = l->n;
    struct sized *v = xcalloc(n + 1, sizeof *v);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        v[i] = (struct sized){i, stat(l->v[i].path, &st) == 0 ? (long long)st.st_size : 0,
                              l->v[i].path};
    }
    qsort(v, n, sizeof *v, by_size);
    long long *load = xcalloc(nshards, sizeof *load);
    bool *mine = xcalloc(n + 1, sizeof *mine);
    for (size_t i = 0; i < n; i++) {
        unsigned best = 0;
        for (unsigned k = 1; k < nshards; k++)
            if (load[k] < load[best])
                best = k;
        load[best] += v[i].size + 1;
        mine[v[i].index] = best + 1 == shard;
    }
    size_t j = 0;
    for (size_t i = 0; i < n; i++)
        if (mine[i])
            l->v[j++] = l->v[i];
    l->n = j;
    free(v);
    free(load);
    free(mine);
}
