/* SPDX-License-Identifier: MIT
 * report_text: findings the way clang prints diagnostics, so editors and CI
 * log parsers read them: "file:line:col: warning: msg [rule]", the source
 * line with a caret, then notes in the same shape. */
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "support/fileio.h"
#include "report/report.h"

const char *report_finding_severity(const struct report_opts *ro, const struct finding *f)
{
    return f->severity ? f->severity : report_severity(ro, f->rule);
}

const char *report_severity(const struct report_opts *ro, enum rule_id r)
{
    if (ro && ro->severity && ro->severity[r])
        return ro->severity[r];
    return finding_rules[r].severity;
}

/* The lines of the file being printed; findings are sorted by file, so
 * one file is read at a time. */
struct source_cache {
    const struct report_opts *ro;
    const char *file;
    char *text;
    size_t len;
};

static void load_source(struct source_cache *sc, const char *file)
{
    if (sc->file && !strcmp(sc->file, file))
        return;
    free(sc->text);
    sc->text = NULL;
    sc->len = 0;
    sc->file = file;
    for (size_t i = 0; sc->ro && i < sc->ro->nsources; i++) {
        const struct report_source *src = &sc->ro->sources[i];
        if (!strcmp(src->file, file)) { /* the text analysed, not the disk's */
            sc->text = malloc(src->len + 1);
            if (sc->text) {
                memcpy(sc->text, src->text, src->len);
                sc->text[src->len] = '\0';
                sc->len = src->len;
            }
            return;
        }
    }
    sc->text = fileio_read_all(file, &sc->len);
}

static void print_source_line(FILE *out, struct source_cache *sc, const char *file,
                              unsigned line, unsigned column, bool color)
{
    load_source(sc, file);
    if (!sc->text || !line)
        return;
    const char *p = sc->text, *end = sc->text + sc->len;
    for (unsigned l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    if (p >= end)
        return;
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);
    if (n && p[n - 1] == '\r')
        n--;
    fprintf(out, "%5u | %.*s\n      | ", line, (int)n, p);
    for (unsigned c = 1; c < column && c - 1 < n; c++)
        fputc(p[c - 1] == '\t' ? '\t' : ' ', out);
    fprintf(out, "%s^%s\n", color ? "\033[1;32m" : "", color ? "\033[0m" : "");
}

static void print_head(FILE *out, const char *file, unsigned line, unsigned column,
                       const char *kind, const char *kind_color, const char *msg,
                       const char *rule, bool color)
{
    const char *bold = color ? "\033[1m" : "", *reset = color ? "\033[0m" : "";
    fprintf(out, "%s%s:%u:%u: %s%s:%s %s%s%s", bold, file, line, column,
            color ? kind_color : "", kind, color ? "\033[0m\033[1m" : "", msg,
            rule ? " [" : "", rule ? rule : "");
    fprintf(out, "%s%s\n", rule ? "]" : "", reset);
}

static void print_finding(FILE *out, struct source_cache *sc, const struct finding *f,
                          const struct report_opts *ro)
{
    const struct rule_info *ri = &finding_rules[f->rule];
    const char *severity = report_finding_severity(ro, f);
    const char *color = !strcmp(severity, "note")    ? "\033[1;30m"
                        : !strcmp(severity, "error") ? "\033[1;31m"
                                                      : "\033[1;35m";
    print_head(out, f->file, f->line, f->column, severity, color, f->message, ri->id, ro->color);
    print_source_line(out, sc, f->file, f->line, f->column, ro->color);
    if (ro->quiet)
        return;
    for (unsigned i = 0; i < f->npath; i++) {
        const struct finding_note *n = &f->path[i];
        if (i + 1 == f->npath && n->line == f->line && n->column == f->column)
            continue; /* the exit itself is the warning's own location */
        print_head(out, n->file, n->line, n->column, "note", "\033[1;30m", n->message, NULL,
                   ro->color);
        print_source_line(out, sc, n->file, n->line, n->column, ro->color);
    }
    for (unsigned i = 0; i < f->nrelated; i++) {
        const struct finding_note *n = &f->related[i];
        print_head(out, n->file, n->line, n->column, "note", "\033[1;30m", n->message, NULL,
                   ro->color);
        print_source_line(out, sc, n->file, n->line, n->column, ro->color);
    }
}

static size_t files_with_findings(const struct collector *c)
{
    size_t n = 0;
    const char *last = NULL;
    for (size_t i = 0; i < c->nfindings; i++) {
        if (c->findings[i].suppressed || (last && !strcmp(last, c->findings[i].file)))
            continue;
        last = c->findings[i].file;
        n++;
    }
    return n;
}

void report_text_errors(FILE *err, const struct collector *c)
{
    for (size_t i = 0; i < c->nerrors; i++) {
        const struct input_error *e = &c->errors[i];
        if (e->line)
            fprintf(err, "%s:%u:%u: error: %s\n", e->file, e->line, e->column, e->message);
        else
            fprintf(err, "%s: error: %s\n", e->file, e->message);
    }
}

void report_text(FILE *out, const struct collector *c, const struct report_opts *ro)
{
    struct source_cache sc = {.ro = ro};
    size_t shown = 0;
    for (size_t i = 0; i < c->nfindings; i++) {
        if (c->findings[i].suppressed)
            continue;
        print_finding(out, &sc, &c->findings[i], ro);
        shown++;
    }
    free(sc.text);
    if (ro->summary && !ro->quiet) {
        fprintf(out, "%zu finding%s in %zu of %lu file%s", shown, shown == 1 ? "" : "s",
                files_with_findings(c), c->files, c->files == 1 ? "" : "s");
        size_t suppressed = c->nfindings - shown;
        if (suppressed && c->baselined)
            fprintf(out, " (%zu suppressed, %lu in the baseline)", suppressed, c->baselined);
        else if (suppressed || c->baselined)
            fprintf(out, suppressed ? " (%zu suppressed)" : " (%lu in the baseline)",
                    suppressed ? suppressed : c->baselined);
        fputc('\n', out);
    }
}
