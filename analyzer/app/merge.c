/* SPDX-License-Identifier: MIT
 * merge: shard reports -> one report (see merge.h). */
#include "app/merge.h"

#include <jansson.h>
#include <string.h>

#include "support/arena.h"
#include "support/textenc.h"
#include "support/vec.h"

bool merge_is_sarif(const char *file)
{
    json_t *root = json_load_file(file, 0, NULL);
    bool sarif = root && json_object_get(root, "runs");
    json_decref(root);
    return sarif;
}

/* A file name as the report wrote it (textenc.h: exact even when it is
 * not UTF-8), in the arena; "" when absent. */
static const char *name_of(struct arena *a, json_t *o, const char *key)
{
    char *name = textenc_get_name(o, key);
    const char *kept = arena_strdup(a, name ? name : "");
    free(name);
    return kept;
}

static struct finding_note *notes(struct arena *a, json_t *list, unsigned *n)
{
    *n = (unsigned)json_array_size(list);
    struct finding_note *v = arena_alloc(a, (*n + 1) * sizeof *v);
    for (unsigned i = 0; i < *n; i++) {
        const char *note = "";
        json_int_t line = 0, col = 0;
        json_t *o = json_array_get(list, i);
        json_unpack(o, "{s?I, s?I, s?s}", "line", &line, "column", &col, "note", &note);
        v[i] = (struct finding_note){name_of(a, o, "file"), (unsigned)line, (unsigned)col,
                                     arena_strdup(a, note)};
    }
    return v;
}

static bool read_finding(struct arena *a, json_t *o, struct finding *f)
{
    const char *rule = NULL, *file = NULL, *fn = NULL, *msg = NULL;
    json_t *lock = NULL; /* null in a note that concerns no lock */
    json_int_t line = 0, col = 0;
    int suppressed = 0;
    if (json_unpack(o, "{s:s, s:s, s:I, s:I, s?s, s?o, s:s, s?b}", "rule", &rule, "file", &file,
                    "line", &line, "column", &col, "function", &fn, "lock", &lock, "message", &msg,
                    "suppressed", &suppressed) ||
        (lock && !json_is_string(lock) && !json_is_null(lock)))
        return false;
    enum rule_id r = finding_rule_by_id(rule);
    if (r == RULE_COUNT)
        return false;
    file = name_of(a, o, "file");
    *f = (struct finding){r,    file, (unsigned)line, (unsigned)col, fn, json_string_value(lock),
                          msg,  NULL, 0, NULL, 0, 0, "", suppressed != 0, NULL, NULL};
    f->path = notes(a, json_object_get(o, "path"), &f->npath);
    f->related = notes(a, json_object_get(o, "related"), &f->nrelated);
    return true;
}

static bool merge_one(struct arena *a, const char *file, struct collector *c, struct diag *d)
{
    json_error_t err;
    json_t *root = json_load_file(file, 0, &err);
    if (!root)
        return diag_set(d, file, (unsigned)(err.line > 0 ? err.line : 0),
                        (unsigned)(err.column > 0 ? err.column : 0), "invalid JSON: %s", err.text);
    json_t *findings = json_object_get(root, "findings"), *errors = json_object_get(root, "errors");
    bool ok = json_is_array(findings) && json_is_array(errors);
    size_t i;
    json_t *x;
    json_array_foreach(findings, i, x) {
        struct finding f;
        if (!(ok = ok && read_finding(a, x, &f)))
            break;
        finding_collect(c, &f);
    }
    json_array_foreach(errors, i, x) {
        const char *msg = "";
        json_int_t line = 0, col = 0;
        json_unpack(x, "{s?I, s?I, s?s}", "line", &line, "column", &col, "message", &msg);
        collector_error(c, name_of(a, x, "file"), (unsigned)line, (unsigned)col, msg);
    }
    json_t *stats = json_object_get(root, "stats");
    c->files += (unsigned long)json_integer_value(json_object_get(stats, "files"));
    c->functions += (unsigned long)json_integer_value(json_object_get(stats, "functions"));
    json_decref(root);
    return ok || diag_set(d, file, 0, 0, "not a lockcheck JSON report");
}

bool merge_json(struct arena *a, const char *const *files, size_t n, struct collector *c,
                struct diag *d)
{
    for (size_t i = 0; i < n; i++)
        if (!merge_one(a, files[i], c, d))
            return false;
    return true;
}

/* Results are the same when rule, place and fingerprint are. */
static const char *result_key(json_t *r)
{
    static char key[1024];
    const char *rule = "", *uri = "", *fp = "";
    json_int_t line = 0, col = 0;
    json_unpack(r, "{s?s, s?[{s?{s?{s?s}, s?{s?I, s?I}}}], s?{s?s}}", "ruleId", &rule, "locations",
                "physicalLocation", "artifactLocation", "uri", &uri, "region", "startLine", &line,
                "startColumn", &col, "partialFingerprints", "lockcheckFingerprint/v1", &fp);
    snprintf(key, sizeof key, "%s|%s|%lld|%lld|%s", rule, uri, (long long)line, (long long)col, fp);
    return key;
}

static int cmp_results(const void *x, const void *y)
{
    char kx[1024];
    snprintf(kx, sizeof kx, "%s", result_key(*(json_t *const *)x));
    return strcmp(kx, result_key(*(json_t *const *)y));
}

bool merge_sarif(const char *const *files, size_t n, FILE *out, struct diag *d)
{
    json_t *first = NULL;
    json_t **all = NULL;
    size_t count = 0, cap = 0;
    for (size_t i = 0; i < n; i++) {
        json_error_t err;
        json_t *doc = json_load_file(files[i], 0, &err);
        json_t *run = json_array_get(json_object_get(doc, "runs"), 0);
        json_t *results = json_object_get(run, "results");
        if (!json_is_array(results)) {
            json_decref(doc);
            json_decref(first);
            for (size_t k = 0; k < count; k++)
                json_decref(all[k]);
            free(all);
            return diag_set(d, files[i], 0, 0, "not a SARIF report with results");
        }
        size_t k;
        json_t *r;
        json_array_foreach(results, k, r) {
            ARRAY_RESERVE1(all, count, cap, 64);
            all[count++] = json_incref(r);
        }
        if (!first)
            first = doc;
        else
            json_decref(doc);
    }
    if (count)
        qsort(all, count, sizeof *all, cmp_results);
    json_t *merged = json_array();
    char prev[1024] = "";
    for (size_t k = 0; k < count; k++) {
        const char *key = result_key(all[k]);
        if (!k || strcmp(prev, key))
            json_array_append(merged, all[k]);
        snprintf(prev, sizeof prev, "%s", key);
        json_decref(all[k]);
    }
    free(all);
    json_t *run = json_array_get(json_object_get(first, "runs"), 0);
    json_object_set_new(run, "results", merged);
    int rc = json_dumpf(first, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(first);
    return rc == 0 || diag_set(d, "<output>", 0, 0, "cannot write the merged report");
}
