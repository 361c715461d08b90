/* SPDX-License-Identifier: MIT
 * report_json: the JSON document of shared DESIGN.md, with Jansson. Keys
 * are emitted in a fixed order so that output is byte-for-byte stable. */
#include <jansson.h>

#include "report/report.h"
#include "support/textenc.h"

static json_t *note_json(const struct finding_note *n)
{
    json_t *o = json_object();
    textenc_set_name(o, "file", n->file);
    json_object_set_new(o, "line", json_integer(n->line));
    json_object_set_new(o, "column", json_integer(n->column));
    json_object_set_new(o, "note", textenc_json(n->message));
    return o;
}

static json_t *finding_json(const struct finding *f, const struct report_opts *ro)
{
    const struct rule_info *ri = &finding_rules[f->rule];
    json_t *o = json_object();
    json_object_set_new(o, "rule", json_string(ri->id));
    json_object_set_new(o, "severity", json_string(report_finding_severity(ro, f)));
    textenc_set_name(o, "file", f->file);
    json_object_set_new(o, "line", json_integer(f->line));
    json_object_set_new(o, "column", json_integer(f->column));
    json_object_set_new(o, "function", textenc_json(f->function ? f->function : ""));
    json_object_set_new(o, "lock", f->lock ? textenc_json(f->lock) : json_null());
    json_object_set_new(o, "message", textenc_json(f->message));
    json_t *path = json_array();
    for (unsigned i = 0; i < f->npath; i++)
        json_array_append_new(path, note_json(&f->path[i]));
    json_object_set_new(o, "path", path);
    if (f->nrelated) {
        json_t *rel = json_array();
        for (unsigned i = 0; i < f->nrelated; i++)
            json_array_append_new(rel, note_json(&f->related[i]));
        json_object_set_new(o, "related", rel);
    }
    json_object_set_new(o, "fingerprint", json_string(f->fingerprint));
    json_object_set_new(o, "suppressed", json_boolean(f->suppressed));
    if (f->suppressed && f->suppress_reason)
        json_object_set_new(o, "suppress_reason", textenc_json(f->suppress_reason));
    return o;
}

static json_t *error_json(const struct input_error *e)
{
    json_t *o = json_object();
    textenc_set_name(o, "file", e->file);
    if (e->line) {
        json_object_set_new(o, "line", json_integer(e->line));
        json_object_set_new(o, "column", json_integer(e->column));
    }
    json_object_set_new(o, "message", textenc_json(e->message));
    return o;
}

bool report_json(FILE *out, const struct collector *c, const struct report_opts *ro)
{
    json_t *root = json_object();
    json_object_set_new(root, "tool",
                        json_pack("{s:s, s:s}", "name", "lockcheck", "version", LOCKCHECK_VERSION));
    json_object_set_new(root, "schema_version", json_integer(1));
    json_t *findings = json_array(), *errors = json_array();
    for (size_t i = 0; i < c->nfindings; i++)
        json_array_append_new(findings, finding_json(&c->findings[i], ro));
    for (size_t i = 0; i < c->nerrors; i++)
        json_array_append_new(errors, error_json(&c->errors[i]));
    json_object_set_new(root, "findings", findings);
    json_object_set_new(root, "errors", errors);
    json_object_set_new(root, "stats",
                        json_pack("{s:I, s:I, s:I, s:f}", "files", (json_int_t)c->files,
                                  "functions", (json_int_t)c->functions, "cached",
                                  (json_int_t)c->cached, "seconds", ro->seconds));
    int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(root);
    return rc == 0;
}
