/* SPDX-License-Identifier: MIT
 * verify: marks vs findings (see verify.h). Output is part of the report
 * layer: it is what a fixture test prints when it fails. */
#include "app/verify.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

struct mark {
    unsigned line;
    enum rule_id rule;
    bool matched;
};

struct marks {
    struct mark *v;
    size_t n, cap;
    char known_fail[256];
    bool bad; /* a mark names an unknown rule */
};

static void add_mark(struct marks *m, unsigned line, enum rule_id rule)
{
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        m->v = xrealloc(m->v, m->cap * sizeof *m->v);
    }
    m->v[m->n++] = (struct mark){line, rule, false};
}

static void parse_expect(FILE *out, const char *file, unsigned line, const char *p,
                         struct marks *m)
{
    while (*p) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        char id[64];
        enum rule_id r;
        size_t n = finding_read_rule_id(p, id, &r);
        if (!n)
            break;
        if (r == RULE_COUNT) {
            fprintf(out, "%s:%u: error: unknown rule '%s' in expect mark\n", file, line, id);
            m->bad = true;
        } else {
            add_mark(m, line, r);
        }
        p += n;
    }
}

static bool read_marks(FILE *out, const char *path, const char *file, struct marks *m)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char buf[4096];
    unsigned line = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        const char *p = strstr(buf, "// expect:");
        if (p)
            parse_expect(out, file, line, p + strlen("// expect:"), m);
        if ((p = strstr(buf, "// known-fail:"))) {
            snprintf(m->known_fail, sizeof m->known_fail, "%s", p + strlen("// known-fail:"));
            m->known_fail[strcspn(m->known_fail, "\r\n")] = '\0';
        }
    }
    fclose(f);
    return true;
}

/* Matches findings of `file` against marks; returns mismatches. */
static unsigned compare(FILE *out, const struct collector *c, const char *file, struct marks *m)
{
    unsigned mismatches = 0;
    for (size_t i = 0; i < c->nfindings; i++) {
        const struct finding *f = &c->findings[i];
        if (strcmp(f->file, file))
            continue;
        size_t k = 0;
        while (k < m->n && (m->v[k].matched || m->v[k].line != f->line || m->v[k].rule != f->rule))
            k++;
        if (k < m->n) {
            m->v[k].matched = true;
            continue;
        }
        fprintf(out, "%s:%u:%u: unexpected finding [%s]: %s\n", file, f->line, f->column,
                finding_rules[f->rule].id, f->message);
        mismatches++;
    }
    for (size_t k = 0; k < m->n; k++) {
        if (m->v[k].matched)
            continue;
        fprintf(out, "%s:%u: expected finding not reported [%s]\n", file, m->v[k].line,
                finding_rules[m->v[k].rule].id);
        mismatches++;
    }
    return mismatches;
}

/* A fixture that does not parse checks less than it says: its errors are
 * mismatches too. */
static unsigned unexpected_errors(FILE *out, const struct collector *c, const char *file)
{
    unsigned n = 0;
    for (size_t i = 0; i < c->nerrors; i++) {
        const struct input_error *e = &c->errors[i];
        if (!e->file || strcmp(e->file, file))
            continue;
        fprintf(out, "%s:%u: unexpected error: %s\n", file, e->line, e->message);
        n++;
    }
    return n;
}

bool verify_files(FILE *out, const struct collector *c, const struct job_list *jobs)
{
    bool all_ok = true;
    for (size_t j = 0; j < jobs->n; j++) {
        struct marks m = {0};
        const char *file = jobs->v[j].display;
        if (!read_marks(out, jobs->v[j].path, file, &m)) {
            free(m.v);
            all_ok = false;
            continue;
        }
        unsigned bad = compare(out, c, file, &m) + unexpected_errors(out, c, file) + (m.bad ? 1 : 0);
        if (m.known_fail[0]) {
            if (bad) {
                fprintf(out, "%s: known failure (%u mismatch%s):%s\n", file, bad,
                        bad == 1 ? "" : "es", m.known_fail);
            } else {
                fprintf(out, "%s: marked known-fail but now passes; remove the known-fail line\n",
                        file);
                all_ok = false;
            }
        } else if (bad) {
            fprintf(out, "%s: %u mismatch%s\n", file, bad, bad == 1 ? "" : "es");
            all_ok = false;
        } else {
            fprintf(out, "%s: ok (%zu expected finding%s)\n", file, m.n, m.n == 1 ? "" : "s");
        }
        free(m.v);
    }
    return all_ok;
}
