/* SPDX-License-Identifier: MIT
 * fallback: the second parse of a file without its headers (see fallback.h). */
#include "frontend/fallback.h"

#include <string.h>

#include "support/arena.h"
#include "frontend/parse.h"
#include "support/strbuf.h"
#include "support/strmap.h"

enum { MAX_ADDED = 256 };

/* Sparse and section annotations a kernel file without its headers cannot
 * parse, which mean nothing to locking; locks declared by macros. */
static const char *const kernel_defines[] = {
    "__user=", "__iomem=", "__rcu=", "__force=", "__percpu=", "__bitwise=", "__must_check=",
    "__init=", "__exit=", "__initdata=", "__read_mostly=", "__ro_after_init=",
    "__maybe_unused=", "__always_unused=", "__cold=", "cf_check=", "noinline=",
    "__noreturn=__attribute__((noreturn))", "__acquire(x)=", "__release(x)=",
    "__cond_lock(x,c)=(c)", "likely(x)=(x)", "unlikely(x)=(x)", "noinline_for_stack=",
    "__always_inline=inline", "DEFINE_SPINLOCK(x)=int x", "DEFINE_RAW_SPINLOCK(x)=int x",
    "DEFINE_MUTEX(x)=int x", "DEFINE_RWLOCK(x)=int x", "DECLARE_RWSEM(x)=int x",
    "DEFINE_SEQLOCK(x)=int x", NULL};

/* The identifier quoted after `prefix` in a diagnostic, or NULL. */
static const char *quoted_ident(struct arena *a, const char *msg, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(msg, prefix, n))
        return NULL;
    const char *id = msg + n, *end = strchr(id, '\'');
    if (!end || end == id)
        return NULL;
    for (const char *p = id; p < end; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
              (*p >= '0' && *p <= '9') || *p == '_'))
            return NULL;
    return arena_strndup(a, id, (size_t)(end - id));
}

/* Whether the n bytes at p are capitals, digits and underscores only. */
static bool caps_only(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9') || p[i] == '_'))
            return false;
    return true;
}

static bool kernel_header(const char *msg)
{
    return (!strncmp(msg, "'linux/", 7) || !strncmp(msg, "'asm/", 5) ||
            !strncmp(msg, "'xen/", 5)) && strstr(msg, "file not found");
}

struct collect {
    struct arena *a;
    struct strmap seen;
    const char **defines;
    unsigned ndefines;
    struct strbuf prelude;
    bool kernel, headers_missing;
};

/* What one diagnostic says is missing. */
static void collect(struct collect *c, const char *msg)
{
    c->kernel |= kernel_header(msg);
    const char *type = quoted_ident(c->a, msg, "unknown type name '");
    const char *id = type ? type : quoted_ident(c->a, msg, "use of undeclared identifier '");
    if (!id || strmap_get(&c->seen, id) || c->ndefines >= MAX_ADDED)
        return;
    strmap_put(&c->seen, id, (void *)1);
    size_t len = strlen(id);
    if (!strcmp(id, "NULL") || !strcmp(id, "true") || !strcmp(id, "false")) {
        c->defines[c->ndefines++] = !strcmp(id, "NULL") ? "-DNULL=((void*)0)"
                                    : id[0] == 't'      ? "-Dtrue=1"
                                                        : "-Dfalse=0";
    } else if (type || (len > 2 && !strcmp(id + len - 2, "_t"))) {
        /* `size_t i = 0` in a for header is an undeclared identifier */
        strbuf_printf(&c->prelude, "typedef int %s;\n", id);
    } else if (caps_only(id, strlen(id))) { /* distinct values: `case EAGAIN:` and `case EBUSY:` differ */
        c->defines[c->ndefines] = arena_printf(c->a, "-D%s=%u", id, 4096 + c->ndefines);
        c->ndefines++;
    } else {
        strbuf_printf(&c->prelude, "extern int %s;\n", id);
    }
}

/* A configuration macro: HAVE_*, USE_*, WITH_*, ENABLE_*, CONFIG_*, DEBUG. */
static bool feature_name(const char *p, size_t n)
{
    static const char *const prefixes[] = {"HAVE_", "USE_", "WITH_", "ENABLE_", "CONFIG_", NULL};
    if (!caps_only(p, n))
        return false;
    if (n == 5 && !strncmp(p, "DEBUG", 5))
        return true;
    for (unsigned k = 0; prefixes[k]; k++)
        if (n > strlen(prefixes[k]) && !strncmp(p, prefixes[k], strlen(prefixes[k])))
            return true;
    return false;
}

/* The macro a skipped `#ifdef NAME`, `#if NAME` or `#if defined(NAME)`
 * tests, if it is a configuration macro; NULL otherwise. */
static const char *skipped_feature(struct arena *a, const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= end || *p++ != '#')
        return NULL;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (end - p > 5 && !strncmp(p, "ifdef", 5))
        p += 5;
    else if (end - p > 2 && !strncmp(p, "if", 2) && (p[2] == ' ' || p[2] == '\t'))
        p += 2;
    else
        return NULL;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '('))
        p++;
    if (end - p > 7 && !strncmp(p, "defined", 7))
        p += 7;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '('))
        p++;
    const char *name = p;
    while (p < end && ((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_'))
        p++;
    return feature_name(name, (size_t)(p - name)) ? arena_strndup(a, name, (size_t)(p - name))
                                                   : NULL;
}

/* Code under `#ifdef HAVE_X` that the missing config.h would have turned
 * on is code like any other: define those macros too. */
static void feature_macros(struct collect *c, CXTranslationUnit tu)
{
    const char *path = parse_str(c->a, clang_getTranslationUnitSpelling(tu));
    CXFile f = clang_getFile(tu, path);
    size_t len = 0;
    const char *text = f ? clang_getFileContents(tu, f, &len) : NULL;
    CXSourceRangeList *list = text ? clang_getSkippedRanges(tu, f) : NULL;
    for (unsigned i = 0; list && i < list->count && c->ndefines < MAX_ADDED; i++) {
        unsigned off = 0;
        clang_getSpellingLocation(clang_getRangeStart(list->ranges[i]), NULL, NULL, NULL, &off);
        const char *name = off < len ? skipped_feature(c->a, text + off, text + len) : NULL;
        if (!name || strmap_get(&c->seen, name))
            continue;
        strmap_put(&c->seen, name, (void *)1);
        c->defines[c->ndefines++] = arena_printf(c->a, "-D%s=1", name);
    }
    if (list)
        clang_disposeSourceRangeList(list);
}

bool fallback_prepare(struct arena *a, CXTranslationUnit tu, const char *const *args, int nargs,
                      struct fallback *out)
{
    struct collect c = {a, {0}, arena_alloc(a, (MAX_ADDED + 64) * sizeof(char *)), 0, {0},
                        false, false};
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        const char *msg = parse_str(a, clang_getDiagnosticSpelling(d));
        c.headers_missing |= strstr(msg, "file not found") != NULL;
        collect(&c, msg);
        clang_disposeDiagnostic(d);
    }
    if (c.headers_missing) /* the configuration is unknown too */
        feature_macros(&c, tu);
    strmap_free(&c.seen);
    unsigned extra = c.ndefines;
    for (unsigned k = 0; c.kernel && kernel_defines[k]; k++)
        c.defines[extra++] = arena_printf(a, "-D%s", kernel_defines[k]);
    if (!extra && !c.prelude.len) {
        strbuf_free(&c.prelude);
        return false;
    }
    out->args = arena_alloc(a, ((size_t)nargs + extra + 3) * sizeof *out->args);
    memcpy(out->args, args, (size_t)nargs * sizeof *out->args);
    memcpy(out->args + nargs, c.defines, extra * sizeof *out->args);
    out->nargs = nargs + (int)extra;
    out->prelude = c.prelude.len ? arena_strndup(a, c.prelude.s, c.prelude.len) : NULL;
    out->prelude_len = c.prelude.len;
    if (out->prelude_len) {
        out->args[out->nargs++] = "-include";
        out->args[out->nargs++] = FALLBACK_PRELUDE_PATH;
    }
    strbuf_free(&c.prelude);
    return true;
}

void fallback_dump(FILE *out, const char *file, const struct fallback *fb, int nargs)
{
    fprintf(out, "fallback parse of %s:", file);
    for (int i = nargs; i < fb->nargs; i++)
        fprintf(out, " %s", fb->args[i]);
    fprintf(out, "\n%.*s", (int)fb->prelude_len, fb->prelude ? fb->prelude : "");
}
