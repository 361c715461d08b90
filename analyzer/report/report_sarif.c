/* SPDX-License-Identifier: MIT
 * report_sarif: SARIF 2.1.0 for code-scanning dashboards. One run; the
 * driver lists every rule; each result has its location relative to
 * %SRCROOT% (the current directory), a fingerprint that survives edits
 * elsewhere in the file, the path as a code flow and the other places as
 * related locations. Suppressed findings carry an inSource suppression. */
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/explain.h"
#include "support/arena.h"
#include "support/rootpath.h"
#include "report/report.h"
#include "support/textenc.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define LOCKCHECK_URI "https://github.com/lockcheck/lockcheck"

static const char *level_of(const char *severity)
{
    if (!strcmp(severity, "error"))
        return "error";
    return !strcmp(severity, "note") ? "note" : "warning";
}

/* "missing-release" -> "MissingRelease" */
static json_t *rule_name(const char *id)
{
    char buf[64];
    size_t n = 0;
    bool upper = true;
    for (const char *p = id; *p && n + 1 < sizeof buf; p++) {
        if (*p == '-') {
            upper = true;
            continue;
        }
        buf[n++] = upper && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
        upper = false;
    }
    buf[n] = '\0';
    return json_string(buf);
}

static json_t *rule_json(struct arena *a, enum rule_id r, const char *severity)
{
    const struct rule_info *ri = &finding_rules[r];
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(ri->id));
    json_object_set_new(o, "name", rule_name(ri->id));
    json_object_set_new(o, "shortDescription", json_pack("{s:s}", "text", ri->summary));
    json_object_set_new(o, "fullDescription", json_pack("{s:s}", "text", explain_long(r)));
    json_object_set_new(o, "help",
                        json_pack("{s:s, s:s}", "text",
                                  arena_printf(a, "%s\n%s", explain_help(r), explain_suppress(r)),
                                  "markdown", explain_markdown(a, r)));
    json_object_set_new(o, "defaultConfiguration", json_pack("{s:s}", "level", level_of(severity)));
    return o;
}

/* Paths under the project's root are relative to %SRCROOT%; others
 * become file: URIs. */
static json_t *artifact(const char *file, const char *root)
{
    struct arena *a = arena_new();
    const char *rel = rootpath_relative(a, file, root);
    bool under_root = rel[0] != '/';
    char *path = textenc_uri_path(rel);
    arena_free(a);
    json_t *o = under_root ? json_pack("{s:s, s:s}", "uri", path, "uriBaseId", "%SRCROOT%")
                           : json_pack("{s:s+}", "uri", "file://", path);
    free(path);
    return o;
}

static json_t *location(const char *file, unsigned line, unsigned column, const char *msg,
                        const char *root)
{
    json_t *region = json_pack("{s:I, s:I}", "startLine", (json_int_t)(line ? line : 1),
                               "startColumn", (json_int_t)(column ? column : 1));
    json_t *loc = json_pack("{s:{s:o, s:o}}", "physicalLocation", "artifactLocation",
                            artifact(file, root), "region", region);
    if (msg)
        json_object_set_new(loc, "message", json_pack("{s:o}", "text", textenc_json(msg)));
    return loc;
}

static json_t *code_flow(const struct finding *f, const char *root)
{
    json_t *locs = json_array();
    for (unsigned i = 0; i < f->npath; i++) {
        const struct finding_note *n = &f->path[i];
        json_array_append_new(locs, json_pack("{s:o}", "location",
                                              location(n->file, n->line, n->column, n->message, root)));
    }
    return json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", locs);
}

static json_t *result_json(const struct finding *f, const char *severity, const char *root)
{
    json_t *o = json_object();
    json_object_set_new(o, "ruleId", json_string(finding_rules[f->rule].id));
    json_object_set_new(o, "ruleIndex", json_integer(f->rule));
    json_object_set_new(o, "level", json_string(level_of(severity)));
    json_object_set_new(o, "message", json_pack("{s:o}", "text", textenc_json(f->message)));
    json_object_set_new(o, "locations",
                        json_pack("[o]", location(f->file, f->line, f->column, NULL, root)));
    json_object_set_new(o, "partialFingerprints",
                        json_pack("{s:s}", "lockcheckFingerprint/v1", f->fingerprint));
    if (f->npath)
        json_object_set_new(o, "codeFlows", code_flow(f, root));
    if (f->nrelated) {
        json_t *rel = json_array();
        for (unsigned i = 0; i < f->nrelated; i++) {
            const struct finding_note *n = &f->related[i];
            json_t *l = location(n->file, n->line, n->column, n->message, root);
            json_object_set_new(l, "id", json_integer(i + 1));
            json_array_append_new(rel, l);
        }
        json_object_set_new(o, "relatedLocations", rel);
    }
    if (f->suppressed)
        json_object_set_new(o, "suppressions",
                            json_pack("[{s:s, s:o}]", "kind", "inSource", "justification",
                                      textenc_json(f->suppress_reason ? f->suppress_reason : "")));
    return o;
}

static json_t *notifications(const struct collector *c, const char *root)
{
    json_t *list = json_array();
    for (size_t i = 0; i < c->nerrors; i++) {
        const struct input_error *e = &c->errors[i];
        json_t *n = json_pack("{s:s, s:{s:o}}", "level", "error", "message", "text",
                              textenc_json(e->message));
        json_object_set_new(n, "locations",
                            json_pack("[o]", location(e->file, e->line, e->column, NULL, root)));
        json_array_append_new(list, n);
    }
    return list;
}

bool report_sarif(FILE *out, const struct collector *c, const struct report_opts *ro)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        snprintf(cwd, sizeof cwd, "/");
    const char *root = ro->root ? ro->root : cwd;
    json_t *rules = json_array(), *results = json_array();
    struct arena *a = arena_new(); /* the rules' help texts */
    for (int r = 0; r < RULE_COUNT; r++)
        json_array_append_new(rules, rule_json(a, (enum rule_id)r, report_severity(ro, (enum rule_id)r)));
    arena_free(a); /* (json_pack copied them) */
    for (size_t i = 0; i < c->nfindings; i++)
        json_array_append_new(results, result_json(&c->findings[i],
                                                   report_finding_severity(ro, &c->findings[i]), root));
    char *root_path = textenc_uri_path(strcmp(root, "/") ? root : "");
    json_t *root_uri = json_pack("s++", "file://", root_path, "/");
    free(root_path);
    json_t *driver = json_pack("{s:s, s:s, s:s, s:o}", "name", "lockcheck", "version",
                               LOCKCHECK_VERSION, "informationUri", LOCKCHECK_URI, "rules", rules);
    json_t *run = json_pack("{s:{s:o}, s:{s:{s:o}}, s:o}", "tool", "driver", driver,
                            "originalUriBaseIds", "%SRCROOT%", "uri", root_uri, "results", results);
    json_object_set_new(run, "invocations",
                        json_pack("[{s:b, s:o}]", "executionSuccessful", c->nerrors == 0,
                                  "toolExecutionNotifications", notifications(c, root)));
    json_t *doc = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0",
                            "runs", run);
    int rc = json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(doc);
    return rc == 0;
}
