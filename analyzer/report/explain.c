/* SPDX-License-Identifier: MIT
 * explain: rule documentation kept next to the code that reports it. */
#include "report/explain.h"

#include <string.h>

#include "support/arena.h"
#include "support/strbuf.h"

static const struct {
    const char *text, *example;
} texts[RULE_COUNT] = {
    [RULE_MISSING_RELEASE] = {
        "A path leaves the function (a return, the end of the body, a goto to an "
        "exit) with a lock still held, and the function is not a helper that "
        "returns holding it. Every later attempt to take the lock waits forever: "
        "the speaker walked off stage with the only microphone. The same is told "
        "where a loop moves on to the next object (`i++` under `lock(&shard[i])`, "
        "a pointer declared in the loop body) while the last object's lock is "
        "still held on this path and released on others: nothing names it any "
        "more.",
        "Bug:\n    pthread_mutex_lock(&a->mu);\n    if (amount > a->balance)\n"
        "        return -1;            /* a->mu still held */\n"
        "    a->balance -= amount;\n    pthread_mutex_unlock(&a->mu);\n\n"
        "Fix: release on every path, e.g. through one exit:\n"
        "    int rc = -1;\n    pthread_mutex_lock(&a->mu);\n"
        "    if (amount <= a->balance) {\n        a->balance -= amount;\n        rc = 0;\n    }\n"
        "    pthread_mutex_unlock(&a->mu);\n    return rc;\n"},
    [RULE_DOUBLE_ACQUIRE] = {
        "A non-recursive lock is acquired while this path already holds it. A "
        "default pthread mutex deadlocks on itself; an error-checking one fails.",
        "Bug:\n    pthread_mutex_lock(&q->mu);\n    if (q->len == q->cap)\n"
        "        pthread_mutex_lock(&q->mu);   /* already held */\n\n"
        "Fix: take the lock once, or release it before taking it again.\n"},
    [RULE_RELEASE_UNHELD] = {
        "A lock is released on a path where it is not held: it was never taken "
        "on that path (a goto to a cleanup label placed before the lock), it was "
        "already released, or the try-lock that would have taken it failed. "
        "Unlocking a mutex you do not hold is undefined behaviour.",
        "Bug:\n    if (!job)\n        goto out;             /* before the lock */\n"
        "    pthread_mutex_lock(&s->mu);\n    s->count++;\nout:\n"
        "    pthread_mutex_unlock(&s->mu);\n\n"
        "Fix: give each cleanup stage its own label, in reverse order of setup:\n"
        "    pthread_mutex_lock(&s->mu);\n    s->count++;\n"
        "    pthread_mutex_unlock(&s->mu);\nout:\n    return;\n"},
    [RULE_UNGUARDED_ACCESS] = {
        "Data declared as guarded by a lock is read or written on a path where "
        "that lock is not held.",
        "Bug:\n    int balance GUARDED_BY(mu);\n    ...\n    a->balance += n;   /* mu not held */\n\n"
        "Fix: take a->mu around the access.\n"},
    [RULE_UNGUARDED_WRITE_SHARED] = {
        "Guarded data is written while its lock is held only in shared (reader) "
        "mode; writers need the exclusive mode.",
        "Bug:\n    pthread_rwlock_rdlock(&t->rw);\n    t->size++;\n\n"
        "Fix: pthread_rwlock_wrlock(&t->rw) for writes.\n"},
    [RULE_REQUIRES_LOCK] = {
        "A call that needs a lock held is made on a path where it is not: a "
        "condition-variable wait whose mutex was released, or a function whose "
        "contract requires the lock.",
        "Bug:\n    pthread_mutex_unlock(&q->mu);\n    pthread_cond_wait(&q->cv, &q->mu);\n\n"
        "Fix: wait with the mutex held, in a loop:\n"
        "    pthread_mutex_lock(&q->mu);\n    while (q->len == 0)\n"
        "        pthread_cond_wait(&q->cv, &q->mu);\n"},
    [RULE_EXCLUDED_HELD] = {
        "A function whose contract says it must be called without a lock (it "
        "takes the lock itself) is called while holding it.",
        "Bug:\n    pthread_mutex_lock(&c->mu);\n    conn_close(c);   /* EXCLUDES(c->mu) */\n\n"
        "Fix: release c->mu first.\n"},
    [RULE_LOCK_KIND_MISMATCH] = {
        "A lock taken in shared (reader) mode is released as exclusive, or the "
        "reverse; the lock's bookkeeping is corrupted.",
        "Bug:\n    read_lock(&t->lock);\n    ...\n    write_unlock(&t->lock);\n\n"
        "Fix: release with the call that matches the acquire (read_unlock).\n"},
    [RULE_LOCK_ORDER] = {
        "Two locks are taken in opposite orders in different places; two threads "
        "can each hold one and wait for the other.",
        "Bug:\n    f: lock(&a); lock(&b);\n    g: lock(&b); lock(&a);\n\n"
        "Fix: take locks in one global order.\n"},
    [RULE_BAD_ANNOTATION] = {
        "An annotation, a rules entry or an inline suppression that cannot be "
        "understood: an unknown rule id, a lock that does not resolve.",
        "Bug:\n    // lockcheck-ignore[no-such-rule]: reason\n\n"
        "Fix: name an existing rule id (lockcheck --list-rules).\n"},
    [RULE_UNUSED_SUPPRESSION] = {
        "An inline lockcheck-ignore comment that suppresses nothing (reported "
        "with --report-unused-suppressions), so it can be removed.",
        "Bug:\n    // lockcheck-ignore[missing-release]: fixed long ago\n    return 0;\n\n"
        "Fix: delete the comment.\n"},
    [RULE_ANALYSIS_INCOMPLETE] = {
        "Part of a function could not be modelled (a computed goto, nesting "
        "beyond the limit, a fixpoint that did not converge in its budget). "
        "The rest was checked; findings in that part may be missing.",
        "Example:\n    goto *labels[i];   /* computed goto */\n\n"
        "Nothing to fix in the code; the note says where the analysis stopped.\n"},
};

const char *explain_long(enum rule_id r)
{
    return texts[r].text;
}

const char *explain_help(enum rule_id r)
{
    return texts[r].example;
}

const char *explain_suppress(enum rule_id r)
{
    static char text[RULE_COUNT][512];
    if (!text[r][0]) {
        const char *id = finding_rules[r].id;
        snprintf(text[r], sizeof text[r],
                 "Suppress: when the finding is accepted, say so on its line or the line "
                 "before it:\n    // lockcheck-ignore[%s]: why it is right\n"
                 "or before the function, for all of it:\n"
                 "    // lockcheck-ignore-function[%s]: why\n"
                 "Record existing findings with --write-baseline FILE and report only new "
                 "ones with --baseline FILE; --disable %s turns the rule off.\n",
                 id, id, id);
    }
    return text[r];
}

/* Plain text with four-space code lines -> Markdown with fenced C. */
static void put_markdown(struct strbuf *out, const char *text)
{
    bool in_code = false;
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        bool code = len >= 4 && !strncmp(line, "    ", 4);
        if (code != in_code) {
            strbuf_puts(out, code ? "```c\n" : "```\n");
            in_code = code;
        }
        strbuf_add(out, code ? line + 4 : line, code ? len - 4 : len);
        strbuf_putc(out, '\n');
        line = end ? end + 1 : line + len;
    }
    if (in_code)
        strbuf_puts(out, "```\n");
}

const char *explain_markdown(struct arena *a, enum rule_id r)
{
    struct strbuf out = {0};
    strbuf_puts(&out, texts[r].text);
    strbuf_puts(&out, "\n\n");
    put_markdown(&out, texts[r].example);
    strbuf_puts(&out, "\n");
    put_markdown(&out, explain_suppress(r));
    const char *md = arena_strdup(a, strbuf_str(&out));
    strbuf_free(&out);
    return md;
}

void explain_list(FILE *out)
{
    for (int r = 0; r < RULE_COUNT; r++)
        fprintf(out, "%-24s %-8s %s\n", finding_rules[r].id, finding_rules[r].severity,
                finding_rules[r].summary);
}

void explain_print(FILE *out, enum rule_id r)
{
    fprintf(out, "%s (default: %s)\n\n%s\n\n%s\n%s", finding_rules[r].id,
            finding_rules[r].severity, texts[r].text, texts[r].example, explain_suppress(r));
}
