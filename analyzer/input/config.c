/* SPDX-License-Identifier: MIT
 * config: .lockcheck.json (see config.h), checked key by key with
 * positions from jsonpos. */
#include "input/config.h"

#include <fnmatch.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/arena.h"
#include "input/cdb.h"
#include "support/jsonpos.h"

/* The deepest folder holding every one of the named files (each taken
 * as the current directory's when relative), or NULL when there are none
 * or a path cannot be resolved. */
static char *common_folder(const char *const *files, size_t nfiles)
{
    char *common = NULL;
    for (size_t i = 0; i < nfiles; i++) {
        char *abs = realpath(files[i], NULL);
        if (!abs) {
            free(common);
            return NULL;
        }
        char *slash = strrchr(abs, '/');
        if (slash)
            *(slash == abs ? slash + 1 : slash) = '\0';
        if (!common) {
            common = abs;
            continue;
        }
        size_t n = 0;
        while (common[n] && common[n] == abs[n])
            n++;
        /* back to the last whole folder both share */
        if (common[n] || (abs[n] && abs[n] != '/'))
            while (n > 1 && common[n - 1] != '/')
                n--;
        common[n > 1 && common[n - 1] == '/' ? n - 1 : n] = '\0';
        free(abs);
    }
    return common;
}

/* .lockcheck.json in dir or the nearest folder above it; NULL if none. */
static const char *config_find_from(struct arena *a, char *dir)
{
    for (;;) {
        const char *p = arena_printf(a, "%s/.lockcheck.json", strcmp(dir, "/") ? dir : "");
        struct stat st;
        if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
            return p;
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            return NULL;
        *slash = '\0';
    }
}

const char *config_find(struct arena *a, const char *const *files, size_t nfiles,
                        const char *build_dir)
{
    char dir[PATH_MAX];
    char *common = nfiles ? common_folder(files, nfiles) : build_dir ? realpath(build_dir, NULL) : NULL;
    const char *found = NULL;
    bool from_files = common && strlen(common) < sizeof dir;
    if (from_files) {
        strcpy(dir, common);
        found = config_find_from(a, dir);
    }
    free(common);
    if (!from_files && getcwd(dir, sizeof dir))
        found = config_find_from(a, dir);
    return found;
}

struct reader {
    struct arena *a;
    const char *path, *text;
    size_t len;
    struct diag *d;
};

static bool bad(const struct reader *r, const char *at, bool key, const char *msg)
{
    unsigned line = 0, col = 0;
    jsonpos_find(r->text, r->len, at, key, &line, &col);
    return diag_set(r->d, r->path, line, col, "%s", msg);
}

static bool rule_of(const struct reader *r, const char *at, const char *id, enum rule_id *out)
{
    *out = finding_rule_by_id(id);
    if (*out != RULE_COUNT)
        return true;
    char msg[160];
    snprintf(msg, sizeof msg, "unknown rule id '%s' (see lockcheck --list-rules)", id);
    return bad(r, at, false, msg);
}

static bool string_list(const struct reader *r, json_t *root, const char *key,
                        const char ***out, size_t *n)
{
    json_t *v = json_object_get(root, key);
    if (!v)
        return true;
    if (!json_is_array(v))
        return bad(r, key, false, "expected an array of strings");
    *out = arena_alloc(r->a, (json_array_size(v) + 1) * sizeof **out);
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
        if (!json_is_string(e))
            return bad(r, arena_printf(r->a, "%s[%zu]", key, i), false, "expected a string");
        (*out)[(*n)++] = arena_strdup(r->a, json_string_value(e));
    }
    return true;
}

static bool read_severity(const struct reader *r, json_t *root, struct config *cfg)
{
    json_t *v = json_object_get(root, "severity");
    if (!v)
        return true;
    if (!json_is_object(v))
        return bad(r, "severity", false, "expected an object of rule id -> severity");
    const char *id;
    json_t *level;
    json_object_foreach(v, id, level) {
        const char *at = arena_printf(r->a, "severity.%s", id);
        enum rule_id rule;
        if (!rule_of(r, at, id, &rule))
            return false;
        const char *s = json_is_string(level) ? json_string_value(level) : "";
        if (strcmp(s, "error") && strcmp(s, "warning") && strcmp(s, "note"))
            return bad(r, at, false, "severity must be \"error\", \"warning\" or \"note\"");
        cfg->severity[rule] = arena_strdup(r->a, s);
    }
    return true;
}

static bool read_root(const struct reader *r, json_t *root, struct config *cfg)
{
    static const char *const keys[] = {"disable", "severity", "rules_files", "exclude", "comment"};
    if (!json_is_object(root))
        return bad(r, "", false, "a configuration file holds one JSON object");
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        bool known = false;
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
            known |= !strcmp(key, keys[i]);
        if (!known)
            return bad(r, key, true, arena_printf(r->a, "unknown key '%s'", key));
    }
    const char **disable = NULL, **files = NULL;
    size_t ndisable = 0, nfiles = 0;
    if (!string_list(r, root, "disable", &disable, &ndisable) ||
        !string_list(r, root, "rules_files", &files, &nfiles) ||
        !string_list(r, root, "exclude", &cfg->exclude, &cfg->nexclude) ||
        !read_severity(r, root, cfg))
        return false;
    for (size_t i = 0; i < ndisable; i++) {
        enum rule_id rule;
        if (!rule_of(r, arena_printf(r->a, "disable[%zu]", i), disable[i], &rule))
            return false;
        cfg->disabled[rule] = true;
    }
    cfg->rules_files = arena_alloc(r->a, (nfiles + 1) * sizeof *cfg->rules_files);
    for (size_t i = 0; i < nfiles; i++)
        cfg->rules_files[cfg->nrules_files++] = cdb_join(r->a, cfg->dir, files[i]);
    return true;
}

bool config_load(struct arena *a, const char *path, struct config *cfg, struct diag *d)
{
    memset(cfg, 0, sizeof *cfg);
    FILE *f = fopen(path, "rb");
    if (!f)
        return diag_set(d, path, 0, 0, "cannot read the configuration file");
    char *text = xmalloc(1 << 20);
    size_t len = fread(text, 1, (1 << 20) - 1, f);
    fclose(f);
    text[len] = '\0';
    char cwd[PATH_MAX];
    const char *abs = cdb_join(a, getcwd(cwd, sizeof cwd) ? cwd : "/", path);
    cfg->path = arena_strdup(a, path);
    cfg->dir = cdb_join(a, abs, "..");
    struct reader r = {a, path, text, len, d};
    json_error_t err;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    bool ok = root ? read_root(&r, root, cfg)
                   : diag_set(d, path, (unsigned)(err.line > 0 ? err.line : 0),
                              (unsigned)(err.column > 0 ? err.column : 0), "invalid JSON: %s",
                              err.text);
    json_decref(root);
    free(text);
    return ok;
}

bool config_excluded(const struct config *cfg, const char *display, const char *abs_path)
{
    size_t n = cfg->dir ? strlen(cfg->dir) : 0;
    const char *rel = cfg->dir && !strncmp(abs_path, cfg->dir, n) && abs_path[n] == '/'
                          ? abs_path + n + 1
                          : NULL;
    for (size_t i = 0; i < cfg->nexclude; i++)
        if (!fnmatch(cfg->exclude[i], display, 0) || (rel && !fnmatch(cfg->exclude[i], rel, 0)))
            return true;
    return false;
}
