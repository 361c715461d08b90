/* SPDX-License-Identifier: MIT
 * suppress: reads lockcheck-ignore comments from the analysed files and
 * applies them to the collected findings (see suppress.h). */
#include "input/suppress.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/arena.h"
#include "support/fileio.h"

enum { MAX_IDS = 16 };

struct suppression {
    unsigned line;
    bool function_wide, malformed, used;
    enum rule_id ids[MAX_IDS];
    unsigned nids;
    char reason[256];
    char problem[128];
};

static char *read_text(const struct job *j, size_t *len)
{
    if (j->contents) {
        char *s = xmalloc(j->contents_len + 1);
        memcpy(s, j->contents, j->contents_len);
        s[j->contents_len] = '\0';
        *len = j->contents_len;
        return s;
    }
    struct stat st; /* (a FIFO named as a source was reported, never read) */
    if (stat(j->path, &st) != 0 || !S_ISREG(st.st_mode))
        return NULL;
    return fileio_read_all(j->path, len);
}

/* Parses "[id, id]: reason" after the keyword. */
static void parse_ids(const char *p, struct suppression *s)
{
    if (*p != '[') {
        snprintf(s->problem, sizeof s->problem, "expected '[rule-id]' after lockcheck-ignore");
        s->malformed = true;
        return;
    }
    p++;
    while (*p && *p != ']' && *p != '\n') {
        while (*p == ' ' || *p == ',')
            p++;
        char id[64];
        enum rule_id r;
        size_t n = finding_read_rule_id(p, id, &r);
        if (!n)
            break;
        if (r == RULE_COUNT) {
            snprintf(s->problem, sizeof s->problem, "unknown rule id '%s'", id);
            s->malformed = true;
        } else if (s->nids < MAX_IDS) {
            s->ids[s->nids++] = r;
        }
        p += n;
    }
    if (*p != ']' || !s->nids) {
        if (!s->malformed)
            snprintf(s->problem, sizeof s->problem, "expected a rule id list closed by ']'");
        s->malformed = true;
        return;
    }
    p++;
    while (*p == ' ' || *p == ':')
        p++;
    size_t n = strcspn(p, "\r\n");
    while (n && (p[n - 1] == ' ' || (n >= 2 && p[n - 2] == '*' && p[n - 1] == '/')))
        n -= p[n - 1] == '/' ? 2 : 1;
    snprintf(s->reason, sizeof s->reason, "%.*s", (int)n, p);
}

static size_t scan(const char *text, struct suppression **out)
{
    size_t n = 0, cap = 0;
    unsigned line = 1;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            line++;
            continue;
        }
        if (*p != 'l' || strncmp(p, "lockcheck-ignore", 16))
            continue;
        if (n == cap)
            *out = xrealloc(*out, (cap = cap ? cap * 2 : 8) * sizeof **out);
        struct suppression *s = &(*out)[n++];
        memset(s, 0, sizeof *s);
        s->line = line;
        p += 16;
        if (!strncmp(p, "-function", 9)) {
            s->function_wide = true;
            p += 9;
        }
        parse_ids(p, s);
    }
    return n;
}

static bool names_rule(const struct suppression *s, enum rule_id r)
{
    for (unsigned i = 0; i < s->nids; i++)
        if (s->ids[i] == r)
            return true;
    return false;
}

/* The line of the first function named after `line` in this file. */
static unsigned next_function(const struct collector *c, const char *file, unsigned line)
{
    unsigned best = 0;
    for (size_t i = 0; i < c->nsites; i++)
        if (!strcmp(c->sites[i].file, file) && c->sites[i].line > line &&
            (!best || c->sites[i].line < best))
            best = c->sites[i].line;
    return best;
}

static void apply_file(struct collector *c, const char *file, struct suppression *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (s[k].malformed)
            continue;
        unsigned fn = s[k].function_wide ? next_function(c, file, s[k].line) : 0;
        for (size_t i = 0; i < c->nfindings; i++) {
            struct finding *f = &c->findings[i];
            if (strcmp(f->file, file) || !names_rule(&s[k], f->rule))
                continue;
            bool hit = s[k].function_wide ? fn && f->function_line == fn
                                          : f->line == s[k].line || f->line == s[k].line + 1;
            if (!hit)
                continue;
            s[k].used = true;
            f->suppressed = true;
            f->suppress_reason = arena_strdup(c->a, s[k].reason);
        }
    }
}

/* A malformed comment (a misspelt rule id, no `[id]`) is always reported:
 * it silently suppresses nothing. One that matched nothing is reported
 * when asked for (report_unused). */
static void report_leftovers(struct collector *c, const char *file, struct suppression *s,
                             size_t n, bool report_unused)
{
    for (size_t k = 0; k < n; k++) {
        if (s[k].used || (!s[k].malformed && !report_unused))
            continue;
        char msg[256];
        if (s[k].malformed)
            snprintf(msg, sizeof msg, "malformed lockcheck-ignore comment: %s", s[k].problem);
        else
            snprintf(msg, sizeof msg, "this lockcheck-ignore comment suppresses nothing");
        struct finding f = {s[k].malformed ? RULE_BAD_ANNOTATION : RULE_UNUSED_SUPPRESSION,
                            file, s[k].line, 1, "", NULL, msg, NULL, 0, NULL, 0, 0, "", false,
                            NULL, NULL};
        finding_collect(c, &f);
    }
}

void suppress_apply(struct collector *c, const struct job_list *jobs, bool report_unused)
{
    size_t before = c->nfindings;
    for (size_t j = 0; j < jobs->n; j++) {
        size_t len;
        char *text = read_text(&jobs->v[j], &len);
        if (!text)
            continue;
        struct suppression *s = NULL;
        size_t n = strstr(text, "lockcheck-ignore") ? scan(text, &s) : 0;
        apply_file(c, jobs->v[j].display, s, n);
        report_leftovers(c, jobs->v[j].display, s, n, report_unused);
        free(s);
        free(text);
    }
    if (c->nfindings != before)
        collector_sort(c);
}
