/* SPDX-License-Identifier: MIT
 * baseline: read and write baseline files with Jansson. */
#include "input/baseline.h"

#include <jansson.h>

#include "support/arena.h"
#include "support/output.h"
#include "support/textenc.h"

bool baseline_write(const char *path, const struct collector *c, struct diag *d)
{
    json_t *list = json_array();
    for (size_t i = 0; i < c->nfindings; i++) {
        const struct finding *f = &c->findings[i];
        if (f->suppressed)
            continue;
        json_t *e = json_pack("{s:s, s:s}", "fingerprint", f->fingerprint, "rule",
                              finding_rules[f->rule].id);
        textenc_set_name(e, "file", f->file);
        json_object_set_new(e, "function", textenc_json(f->function ? f->function : ""));
        json_array_append_new(list, e);
    }
    json_t *doc = json_pack("{s:s, s:i, s:o}", "tool", "lockcheck", "baseline_version", 1,
                            "findings", list);
    bool ok = output_json(path, doc, "the baseline", d);
    json_decref(doc);
    return ok;
}

bool baseline_load(struct arena *a, const char *path, struct strmap *set, struct diag *d)
{
    json_error_t err;
    json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
    if (!doc)
        return diag_set(d, path, (unsigned)(err.line > 0 ? err.line : 0),
                        (unsigned)(err.column > 0 ? err.column : 0), "cannot read the baseline: %s",
                        err.text);
    json_t *list = json_object_get(doc, "findings");
    bool ok = json_is_array(list);
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        json_t *fp = json_object_get(e, "fingerprint");
        if (!json_is_string(fp)) {
            ok = false;
            break;
        }
        strmap_put(set, arena_strdup(a, json_string_value(fp)), (void *)1);
    }
    json_decref(doc);
    return ok || diag_set(d, path, 0, 0,
                          "not a lockcheck baseline (expected {\"findings\": [{\"fingerprint\": ...}]})");
}
