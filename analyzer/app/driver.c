/* SPDX-License-Identifier: MIT
 * driver: worker threads over jobs. libclang is told not to make its own
 * threads (LIBCLANG_NOTHREADS, set in main) so that its recursion runs on
 * our workers' 512 MiB stacks: deeply nested code then parses instead of
 * overflowing an 8 MiB one. */
#include "app/driver.h"

#include <clang-c/Index.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "support/arena.h"
#include "support/hash.h"
#include "analysis/handoff.h"
#include "analysis/argsplit.h"
#include "input/cache.h"
#include "input/gccdirs.h"
#include "ir/cfg_dump.h"
#include "frontend/cfg_build.h"
#include "frontend/fallback.h"
#include "checks/checks.h"
#include "frontend/contract.h"
#include "analysis/lockset.h"
#include "frontend/parse.h"
#include "support/strmap.h"
#include "analysis/summary.h"

enum { WORKER_STACK = 512u << 20, MAX_ERRORS_PER_TU = 20, DEFAULT_TIMEOUT = 300 };

/* One worker thread and the job it is on, watched by driver_run. */
struct slot {
    struct run *r;
    pthread_t thread;
    atomic_long job;        /* index of the job being analysed, or -1 */
    atomic_llong started;   /* when it began, in milliseconds */
    atomic_bool abandoned;  /* over the time limit: its results are dropped */
    atomic_bool done;
};

struct run {
    const struct lc_options *o;
    const struct model *m;
    const struct job_list *jobs;
    struct collector *c;
    struct summary_sink *sink;
    bool infer_only;
    atomic_size_t next;
    atomic_bool *delivered; /* per job: its results (or its error) are in c */
};

void summary_sink_init(struct summary_sink *s)
{
    memset(s, 0, sizeof *s);
    pthread_mutex_init(&s->mu, NULL);
    s->a = arena_new();
}

void summary_sink_free(struct summary_sink *s)
{
    pthread_mutex_destroy(&s->mu);
    strmap_free(&s->rules);
    arena_free(s->a);
}

/* A deep copy of an inferred rule, into the run's arena. */
static const struct lock_rule *copy_rule(struct arena *a, const struct lock_rule *r)
{
    if (!r)
        return NULL;
    struct lock_rule *c = arena_alloc(a, sizeof *c);
    *c = *r;
    c->name = arena_strdup(a, r->name);
    c->origin = "inferred in another file";
    for (unsigned i = 0; i < c->neffects; i++)
        if (c->effects[i].target.expr)
            c->effects[i].target.expr = arena_strdup(a, c->effects[i].target.expr);
    if (r->returns_lock)
        c->returns_lock = arena_strdup(a, r->returns_lock);
    if (r->split) {
        struct rule_split *s = arena_alloc(a, sizeof *s);
        long *values = arena_alloc(a, r->split->n * sizeof *values);
        const struct lock_rule **rules = arena_alloc(a, r->split->n * sizeof *rules);
        for (unsigned i = 0; i < r->split->n; i++) {
            values[i] = r->split->values[i];
            rules[i] = copy_rule(a, r->split->rules[i]);
        }
        *s = (struct rule_split){r->split->param, r->split->n, values, rules};
        c->split = s;
    }
    return c;
}

/* Whether a contract inferred again says what the one kept says (NULL: none). */
static bool same_contract(const struct lock_rule *x, const struct lock_rule *y)
{
    if (!x || !y)
        return x == y;
    if (x->neffects != y->neffects || !x->split != !y->split || x->success != y->success ||
        x->success_value != y->success_value || x->is_try != y->is_try ||
        x->recursive != y->recursive || x->release_if_held != y->release_if_held)
        return false;
    for (unsigned i = 0; i < x->neffects; i++) {
        const struct lock_effect *e = &x->effects[i], *f = &y->effects[i];
        if (e->kind != f->kind || e->mode != f->mode || !model_same_target(&e->target, &f->target))
            return false;
    }
    return true;
}

/* Marks a function whose definitions disagree: in a project of several
 * programs, two `usage` or `cleanup` functions of one name may lock
 * differently, and which file's contract a caller gets is not known. */
static const struct lock_rule conflicting_definitions = {.name = "(definitions disagree)"};
/* A definition that has no contract, kept so that another that has one
 * is seen to disagree. */
static const struct lock_rule no_contract = {.name = "(no contract)"};

/* Copies a TU's contract of a function (NULL: none) into the run's sink.
 * Definitions of one name that disagree leave it without a contract, so
 * that the answer does not depend on which file a worker finished first. */
static void sink_put(struct summary_sink *s, const char *name, const struct lock_rule *r)
{
    pthread_mutex_lock(&s->mu);
    const struct lock_rule *have = strmap_get(&s->rules, name);
    if (!have) {
        const char *key = arena_strdup(s->a, name);
        strmap_put(&s->rules, key, r ? (void *)copy_rule(s->a, r) : (void *)&no_contract);
    } else if (have != &conflicting_definitions &&
               !same_contract(have == &no_contract ? NULL : have, r)) {
        strmap_put(&s->rules, name, (void *)&conflicting_definitions);
    }
    pthread_mutex_unlock(&s->mu);
}

bool summary_sink_usable(const struct lock_rule *r)
{
    return r && r != &conflicting_definitions && r != &no_contract;
}

/* What a summaries file says of a function: its declared contract when it
 * has one (a summary is never less right than the annotations it saw),
 * else the inferred one. */
static void sink_summary(struct summary_sink *s, struct cfg_tu *t, CXCursor fn,
                         const char *name, const struct lock_rule *inferred)
{
    const struct contract *c = contract_of(t, fn);
    const struct lock_rule *r = c ? c->rule : inferred;
    if (c && c->no_analysis && !r)
        return;
    sink_put(s, name, r);
}

unsigned driver_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

/* Why a file cannot be parsed at all, checked before libclang sees it. */
static const char *unreadable(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return strerror(errno);
    if (S_ISDIR(st.st_mode))
        return "is a directory, not a C file";
    if (!S_ISREG(st.st_mode)) /* a FIFO's reader would wait for ever */
        return "not a regular file (a FIFO, a device or a socket): only files are read as sources";
    FILE *f = fopen(path, "rb");
    if (!f)
        return strerror(errno);
    char buf[65536];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (memchr(buf, '\0', n))
        return "binary file (it contains NUL bytes), not C source";
    return NULL;
}

static void emit_finding(void *ctx, const struct finding *f)
{
    finding_collect(ctx, f);
}

static void emit_order(void *ctx, const struct order_edge *e)
{
    collector_order_edge(ctx, e);
}

static void emit_observation(void *ctx, const struct observation *o)
{
    collector_observation(ctx, o);
}

/* A compile database written by another compiler's build holds options
 * clang does not know (gcc's `-fvect-cost-model=very-cheap`). clang
 * parses as if they were not there, so they are no error of the file. */
static bool foreign_option(CXFile f, const char *msg)
{
    return !f && !strncmp(msg, "unknown argument: '", 19);
}

/* An error in GCC's own headers, searched last for a database a GCC build
 * wrote (gccdirs.h): the compilers differ there; the file's own code still
 * parses, and is checked. */
static bool foreign_header(struct arena *a, CXFile f)
{
    return f && gcc_owns_header(parse_str(a, clang_getFileName(f)));
}

static const char *diag_file(struct arena *a, CXFile f, const struct job *j)
{
    const char *file = f ? parse_str(a, clang_getFileName(f)) : j->display;
    return strcmp(file, j->path) ? file : j->display;
}

/* An error in a macro's expansion is the use's (`int v GUARDED_BY(a, b);`),
 * as clang reports it, where the macro was used or where its argument was
 * written; the macro's own text is named in the message. */
static const char *diag_at(struct arena *a, CXTranslationUnit tu, CXDiagnostic d,
                           const struct job *j, CXFile *f, unsigned *line, unsigned *col)
{
    CXSourceLocation loc = clang_getDiagnosticLocation(d);
    const char *msg = parse_str(a, clang_getDiagnosticSpelling(d));
    clang_getFileLocation(loc, f, line, col, NULL);
    if (!*f && *line) { /* clang's own buffer: `-include missing.h` on the command line */
        *line = *col = 0;
        return arena_printf(a, "%s (from the compiler arguments)", msg);
    }
    CXFile sf = NULL;
    unsigned sl = 0, sc = 0;
    clang_getSpellingLocation(loc, &sf, &sl, &sc, NULL);
    if (!sf || !*f || (clang_File_isEqual(*f, sf) && sl == *line && sc == *col))
        return msg;
    CXCursor use = clang_getCursor(tu, clang_getLocation(tu, *f, *line, *col));
    const char *macro = clang_getCursorKind(use) == CXCursor_MacroExpansion
                            ? parse_str(a, clang_getCursorSpelling(use))
                            : NULL;
    return arena_printf(a, "%s (in the expansion of %s%s%s, %s:%u:%u)", msg,
                        macro ? "macro '" : "a macro", macro ? macro : "", macro ? "'" : "",
                        diag_file(a, sf, j), sl, sc);
}

static void report_diagnostics(struct collector *out, CXTranslationUnit tu, const struct job *j)
{
    unsigned n = clang_getNumDiagnostics(tu), shown = 0;
    struct arena *a = arena_new();
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
        CXFile f = NULL;
        unsigned line = 0, col = 0;
        const char *msg = diag_at(a, tu, d, j, &f, &line, &col);
        if (sev >= CXDiagnostic_Error && !foreign_option(f, msg) && !foreign_header(a, f) &&
            shown++ < MAX_ERRORS_PER_TU)
            collector_error(out, diag_file(a, f, j), line, col, msg);
        clang_disposeDiagnostic(d);
    }
    if (shown)
        collector_error(out, j->display, 0, 0,
                        arena_printf(a, "%u parse error%s; the functions that parsed were "
                                        "still checked", shown, shown == 1 ? "" : "s"));
    arena_free(a);
}

static const char *const *param_names(struct arena *a, CXCursor fn, unsigned *n)
{
    int count = clang_Cursor_getNumArguments(fn);
    *n = count > 0 ? (unsigned)count : 0;
    const char **names = arena_alloc(a, (*n + 1) * sizeof *names);
    for (unsigned i = 0; i < *n; i++)
        names[i] = parse_spelling(a, clang_Cursor_getArgument(fn, i));
    return names;
}

/* A lock held on every exit where its object exists and taken only where
 * it does (`if (a) lock(&a->mu);` in a helper that locks whichever objects
 * it is given): the function acquires it for its caller, and the NULL
 * paths, which have no lock, do not blame it. A function that takes the
 * lock whatever the pointer and tests it only before the unlock is not
 * such a helper. */
static const struct summary_lock *held_where_object_exists(struct arena *a, const struct cfg *g,
                                                           unsigned l)
{
    bool *null_sides = summary_object_edges(a, g, l, false);
    if (!null_sides)
        return NULL;
    struct ls_result r;
    lockset_solve_pruned(a, g, &r, null_sides);
    if (r.gave_up)
        return NULL;
    const struct summary_lock *where = &summary_facts(a, g, &r)[l];
    if (!where->acquires && !where->conditional)
        return NULL;
    lockset_solve_pruned(a, g, &r, summary_object_edges(a, g, l, true));
    return !r.gave_up && !summary_facts(a, g, &r)[l].held_at_exit ? where : NULL;
}

/* Where the object exists the lock is taken for the caller, at once or as
 * a try-lock (`if (m->inner) { rv = lock(m->inner); if (rv) return rv; }
 * ... return rv;` holds it when it returns 0). */
static void acquired_where_object_exists(struct arena *a, const struct cfg *g,
                                         struct summary_lock *facts)
{
    for (unsigned l = 0; l < g->nlocks; l++) {
        if (!summary_unexplained(&facts[l]))
            continue;
        const struct summary_lock *where = held_where_object_exists(a, g, l);
        if (!where)
            continue;
        facts[l].acquires = where->acquires;
        facts[l].conditional = where->conditional;
        facts[l].success = where->success;
        facts[l].success_value = where->success_value;
    }
}

/* `if (!obs) return false; lock(&obs->mu); return true;`: read as if the
 * pointer were not NULL the lock is always taken, but the result tells
 * the caller when it was not (`if (!lock()) return;`). Where the whole
 * function's facts make a lock conditional on the result, those stand. */
static struct summary_lock *told_by_result(const struct cfg *g, const struct summary_lock *all,
                                           struct summary_lock *nonnull)
{
    for (unsigned l = 0; l < g->nlocks; l++)
        if (all[l].conditional && !all[l].releases && nonnull[l].acquires &&
            !nonnull[l].conditional)
            nonnull[l] = all[l];
    return nonnull;
}

/* The contract callers see: by argument value (argsplit.h), or from the
 * facts, read as if the lock pointers it tests were not NULL. */
static const struct lock_rule *infer_rule(struct cfg_tu *t, struct arena *a, const struct cfg *g,
                                          struct summary_lock *facts, CXCursor fn)
{
    unsigned nparams;
    const char *const *params = param_names(t->a, fn, &nparams);
    const struct lock_rule *rule = argsplit_infer(t->a, a, g, facts, params, nparams);
    if (rule)
        return rule;
    bool *null_edges = summary_null_edges(a, g);
    struct summary_lock *rule_facts = facts;
    if (null_edges) {
        struct ls_result nonnull;
        lockset_solve_pruned(a, g, &nonnull, null_edges);
        if (!nonnull.gave_up)
            rule_facts = told_by_result(g, facts, summary_facts(a, g, &nonnull));
    }
    acquired_where_object_exists(a, g, facts);
    struct lock_rule *r = (struct lock_rule *)summary_rule(t->a, g, rule_facts, params, nparams);
    if (r && g->returns_lock) /* the rule is ours, fresh from the arena */
        r->returns_lock = arena_strdup(t->a, g->returns_lock);
    return r;
}

/* Records which parameter the function returns; 1 if that is news to a
 * caller analysed already. */
static unsigned note_returned_param(struct cfg_tu *t, const struct cfg *g)
{
    if (g->returns_param < 0 || strmap_get(&t->returns_param, g->function))
        return 0;
    strmap_put(&t->returns_param, arena_strdup(t->a, g->function),
               (void *)(uintptr_t)(g->returns_param + 1));
    return strmap_get(&t->missed, g->function) != NULL;
}

/* cfg_tu.infer_external: a header's inline function, analysed for its
 * contract only (it is checked where it is defined, not here). */
static const struct lock_rule *infer_external(struct cfg_tu *t, CXCursor def)
{
    struct arena *a = arena_new();
    struct cfg *g = cfg_build(t, def, a);
    struct ls_result res;
    lockset_solve(a, g, &res);
    note_returned_param(t, g);
    const struct lock_rule *rule = NULL;
    if (!res.gave_up)
        rule = infer_rule(t, a, g, summary_facts(a, g, &res), def);
    if (rule)
        strmap_put(&t->summaries, rule->name, (void *)rule);
    arena_free(a);
    return rule;
}

/* One function's latest analysis, in its own arena. */
struct solved {
    struct arena *a;
    struct cfg *g;
    struct ls_result res;
    const struct summary_lock *facts; /* summary_facts of res, in a */
    bool checked;
};

static void check_one(struct run *r, struct collector *out, const struct job *j, struct solved *f)
{
    if (getenv("LOCKCHECK_DUMP_CFG"))
        cfg_dump(stderr, f->g);
    struct check_ctx ctx = {.a = f->a, .g = f->g, .r = &f->res, .facts = f->facts,
                            .file = j->display, .emit = emit_finding, .emit_ctx = out,
                            .order = emit_order,
                            .observe = r->o->infer_guards ? emit_observation : NULL};
    checks_run(&ctx);
    collector_function(out, j->display, f->g->function, f->g->loc.line);
    f->checked = true;
    arena_free(f->a); /* findings were copied out */
    f->a = NULL;
}

/* Builds and solves every function (first round), or again those whose
 * callees' contracts may have changed since (unchecked ones that call this
 * TU's functions); infers their contracts and returns how many changed. A
 * function that calls none of this TU's functions cannot change later: it
 * is checked at once and its memory goes, so a file of many functions
 * stays small. */
static unsigned infer_round(struct run *r, struct collector *out, struct cfg_tu *t,
                            const struct job *j, const CXCursor *fns, unsigned n,
                            struct solved *sv, struct handoff_index *handoffs, bool first)
{
    unsigned changed = 0;
    for (unsigned i = 0; i < n; i++) {
        if (!first && (sv[i].checked || !sv[i].g->calls_local))
            continue;
        arena_free(sv[i].a);
        sv[i].a = arena_new();
        struct cfg *g = cfg_build(t, fns[i], sv[i].a);
        sv[i].g = g;
        handoff_note(handoffs, g);
        lockset_solve(sv[i].a, g, &sv[i].res);
        struct summary_lock *facts = summary_facts(sv[i].a, g, &sv[i].res);
        sv[i].facts = facts;
        changed += note_returned_param(t, g);
        const struct lock_rule *rule = infer_rule(t, sv[i].a, g, facts, fns[i]);
        const struct lock_rule *old = strmap_get(&t->summaries, g->function);
        if (!same_contract(old, rule)) {
            /* keys must outlive the CFG; a contract that is gone is taken
             * back, or callers go on acquiring what a later round found
             * released by a helper defined below */
            strmap_put(&t->summaries, old ? old->name : rule->name, (void *)rule);
            /* only callers analysed without it, or with the old one, must
             * be analysed again */
            changed += old || strmap_get(&t->missed, g->function);
        }
        if (!g->calls_local && !r->infer_only)
            check_one(r, out, j, &sv[i]);
    }
    return changed;
}

/* Missing releases of locks held for good on purpose (see
 * cfg_tu_held_for_good), handed to a completion callback (handoff.h) or
 * taken by a handler registered to run before fork (cfg_tu_prepares_fork)
 * are no findings; known only once every function of the file was built,
 * so they are taken out afterwards. */
static void drop_held_for_good(struct collector *out, struct cfg_tu *t,
                               const struct handoff_index *handoffs, size_t first)
{
    size_t keep = first;
    for (size_t i = first; i < out->nfindings; i++) {
        const struct finding *f = &out->findings[i];
        if (f->rule == RULE_MISSING_RELEASE &&
            (cfg_tu_held_for_good(t, f->lock) || handoff_explains(handoffs, f) ||
             cfg_tu_prepares_fork(t, f->function)))
            continue;
        out->findings[keep++] = *f;
    }
    out->nfindings = keep;
}

/* Other files see the contracts of the last round: a first round's
 * "returns holding it" may have been taken back once a helper defined
 * below was known to release the lock. */
static void sink_contracts(struct summary_sink *s, struct cfg_tu *t, const CXCursor *fns,
                           unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (clang_Cursor_getStorageClass(fns[i]) == CX_SC_Static)
            continue;
        CXString spelling = clang_getCursorSpelling(fns[i]);
        const char *name = clang_getCString(spelling);
        sink_summary(s, t, fns[i], name, strmap_get(&t->summaries, name));
        clang_disposeString(spelling);
    }
}

/* Contracts of this TU's helpers are inferred first (a helper of a helper
 * needs another round); only functions that call this TU's own functions
 * are analysed again once contracts changed, the rest keep their first
 * (and only) analysis. */
static void analyse_functions(struct run *r, struct collector *out, struct cfg_tu *t,
                              const struct job *j)
{
    CXCursor root = clang_getTranslationUnitCursor(t->tu);
    struct cursor_stack top = {0};
    unsigned n = parse_children(root, &top), nfns = 0;
    for (unsigned i = 0; i < n; i++) {
        CXCursor c = top.v[i];
        if (clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c) &&
            parse_in_main_file(c, t->main_file))
            top.v[nfns++] = c;
    }
    struct solved *sv = xcalloc(nfns + 1, sizeof *sv);
    size_t first_finding = out->nfindings;
    struct handoff_index handoffs;
    handoff_init(&handoffs, t->a);
    unsigned changed = infer_round(r, out, t, j, top.v, nfns, sv, &handoffs, true);
    for (int round = 0; round < 3 && changed; round++)
        changed = infer_round(r, out, t, j, top.v, nfns, sv, &handoffs, false);
    if (r->sink)
        sink_contracts(r->sink, t, top.v, nfns);
    for (unsigned i = 0; i < nfns; i++) {
        if (!sv[i].checked && !r->infer_only)
            check_one(r, out, j, &sv[i]);
        arena_free(sv[i].a);
    }
    drop_held_for_good(out, t, &handoffs, first_finding);
    handoff_free(&handoffs);
    out->functions += nfns;
    free(sv);
    free(top.v);
}

static const char **clang_args(struct arena *a, const struct run *r, const struct job *j,
                               int *n)
{
    size_t extra = r->o->ncompiler_args;
    const char **args = arena_alloc(a, (j->nargs + extra + 8) * sizeof *args);
    int k = 0;
    for (unsigned i = 0; i < j->nargs; i++)
        args[k++] = j->args[i];
    for (size_t i = 0; i < extra; i++)
        args[k++] = r->o->compiler_args[i];
    if (j->directory)
        args[k++] = arena_printf(a, "-working-directory=%s", j->directory);
    args[k++] = "-D__LOCKCHECK__=1";
    args[k++] = "-Wno-everything"; /* we report errors only; warnings cost time */
    args[k++] = "-ferror-limit=0";
    *n = k;
    return args;
}

/* prelude: declarations the fallback parse reads first (fallback.h), or NULL. */
static enum CXErrorCode parse(CXIndex idx, const struct job *j, const char **args, int nargs,
                              const struct fallback *prelude, CXTranslationUnit *tu)
{
    unsigned opts = CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_KeepGoing;
    struct CXUnsavedFile unsaved[2];
    unsigned n = 0;
    if (j->contents)
        unsaved[n++] = (struct CXUnsavedFile){j->path, j->contents, (unsigned long)j->contents_len};
    if (prelude && prelude->prelude_len)
        unsaved[n++] = (struct CXUnsavedFile){FALLBACK_PRELUDE_PATH, prelude->prelude,
                                              (unsigned long)prelude->prelude_len};
    return clang_parseTranslationUnit2(idx, j->path, args, nargs, unsaved, n, opts, tu);
}


/* Whether the parse missed a header (`'omp.h' file not found`) that GCC's
 * own folder `dir` has. */
static bool misses_gcc_header(struct arena *a, CXTranslationUnit tu, const char *dir)
{
    bool found = false;
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n && !found; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        const char *msg = parse_str(a, clang_getDiagnosticSpelling(d));
        const char *end = msg[0] == '\'' ? strchr(msg + 1, '\'') : NULL;
        if (end && !strcmp(end, "' file not found"))
            found = access(arena_printf(a, "%s/%.*s", dir, (int)(end - msg - 1), msg + 1),
                           R_OK) == 0;
        clang_disposeDiagnostic(d);
    }
    return found;
}

/* A file of a GCC build that includes a header only GCC ships: parsed
 * again with GCC's folder searched after every other. Only then: given
 * to every file, that folder would also answer the `#include_next` of
 * clang's own headers, and <stdatomic.h> would become GCC's, whose
 * built-ins clang rejects. */
static enum CXErrorCode parse_with_gcc_headers(CXIndex idx, const struct job *j, struct arena *a,
                                               const char ***args, int *nargs,
                                               CXTranslationUnit *tu)
{
    enum CXErrorCode rc = parse(idx, j, *args, *nargs, NULL, tu);
    if (rc != CXError_Success || !*tu || !j->gcc_dir || !misses_gcc_header(a, *tu, j->gcc_dir))
        return rc;
    const char **more = arena_alloc(a, ((size_t)*nargs + 2) * sizeof *more);
    memcpy(more, *args, (size_t)*nargs * sizeof *more);
    more[(*nargs)++] = "-idirafter";
    more[(*nargs)++] = j->gcc_dir;
    *args = more;
    clang_disposeTranslationUnit(*tu);
    *tu = NULL;
    return parse(idx, j, *args, *nargs, NULL, tu);
}

/* Parses the file; reports its errors to `local`; when its headers are
 * missing, parses it again as fallback.h says. */
static enum CXErrorCode parse_with_fallback(CXIndex idx, const struct job *j, struct arena *a,
                                            const char **args, int nargs,
                                            struct collector *local, CXTranslationUnit *tu)
{
    enum CXErrorCode rc = parse_with_gcc_headers(idx, j, a, &args, &nargs, tu);
    if (rc != CXError_Success || !*tu)
        return rc;
    report_diagnostics(local, *tu, j); /* the file's own errors, not the fallback's */
    struct fallback fb;
    if (!fallback_prepare(a, *tu, args, nargs, &fb))
        return rc;
    if (getenv("LOCKCHECK_DUMP_FALLBACK"))
        fallback_dump(stderr, j->display, &fb, nargs);
    clang_disposeTranslationUnit(*tu);
    *tu = NULL;
    return parse(idx, j, fb.args, fb.nargs, &fb, tu);
}

/* The TU's results, keyed to every file it read: headers named relative
 * to the entry's folder are found from any working folder. */
static void store_in_cache(struct arena *a, const char *entry, CXTranslationUnit tu,
                           const struct job *j, const struct collector *local)
{
    unsigned nfiles;
    const char **files = parse_included_files(a, tu, j->directory, &nfiles);
    cache_store(entry, files, nfiles, local);
}

static void analyse_job(struct run *r, CXIndex idx, const struct job *j, struct slot *slot)
{
    if (j->error) { /* an input that could not be read: a database entry, a staged blob */
        collector_error(r->c, j->display, j->error_line, j->error_column, j->error);
        return;
    }
    const char *why = j->contents ? NULL : unreadable(j->path);
    if (why) {
        collector_error(r->c, j->display, 0, 0, why);
        return;
    }
    struct arena *a = arena_new();
    int nargs;
    const char **args = clang_args(a, r, j, &nargs);
    /* Staged contents are part of the key: the file on disk may differ;
     * and so is --no-guess, which changes what the rules mean. */
    uint64_t content = j->contents ? hash_bytes(HASH_BASIS, j->contents,
                                                j->contents_len)
                                   : 0;
    content ^= r->o->no_guess ? 0x9e3779b97f4a7c15ull : 0;
    content ^= r->o->pointer_passing ? 0xc2b2ae3d27d4eb4full : 0;
    /* --cross-tu results depend on other files' contracts, which the key
     * does not hold: such a run neither reads nor fills the cache. */
    const char *entry = r->o->cache && !r->o->cross_tu
                            ? cache_entry(a, r->o->cache, j->path, args, nargs, r->m->hash ^ content)
                            : NULL;
    if (entry && !r->sink && !r->o->infer_guards && cache_load(entry, r->c)) {
        arena_free(a);
        return;
    }
    struct collector local; /* this TU's results, for the cache and then the run */
    collector_init(&local);
    CXTranslationUnit tu = NULL;
    enum CXErrorCode rc = parse_with_fallback(idx, j, a, args, nargs, &local, &tu);
    if (atomic_load(&slot->abandoned)) { /* reported already; touch nothing shared */
        if (tu)
            clang_disposeTranslationUnit(tu);
        collector_free(&local);
        arena_free(a);
        return;
    }
    if (rc != CXError_Success || !tu) {
        collector_error(r->c, j->display, 0, 0,
                        rc == CXError_Crashed ? "libclang crashed while parsing this file"
                                              : "libclang could not parse this file");
        collector_free(&local);
        arena_free(a);
        return;
    }
    struct cfg_tu t = {.a = a, .model = r->m, .tu = tu, .max_depth = 100000,
                       .infer_external = infer_external, .no_guess = r->o->no_guess,
                       .observe = r->o->infer_guards,
                       .pointer_passing = r->o->pointer_passing};
    t.main_file = clang_getFile(tu, j->path);
    size_t len = 0;
    t.source = t.main_file ? clang_getFileContents(tu, t.main_file, &len) : NULL;
    t.source_len = (unsigned)len;
    if (model_has_macros(r->m) || r->m->functions.count)
        cfg_collect_macros(&t);
    analyse_functions(r, &local, &t, j);
    local.files = 1;
    if (entry && !r->infer_only && !r->o->infer_guards)
        store_in_cache(a, entry, tu, j, &local);
    if (!atomic_load(&slot->abandoned)) /* else reported as over time already */
        collector_merge(r->c, &local);
    collector_free(&local);
    cfg_tu_free(&t);
    clang_disposeTranslationUnit(tu);
    arena_free(a);
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *worker(void *arg)
{
    struct slot *s = arg;
    struct run *r = s->r;
    CXIndex idx = clang_createIndex(0, 0);
    for (;;) {
        size_t i = atomic_fetch_add(&r->next, 1);
        if (i >= r->jobs->n)
            break;
        atomic_store(&s->started, now_ms());
        atomic_store(&s->job, (long)i);
        analyse_job(r, idx, &r->jobs->v[i], s);
        if (!atomic_load(&s->abandoned))
            atomic_store(&r->delivered[i], true);
        atomic_store(&s->job, -1L);
        if (atomic_load(&s->abandoned))
            return NULL; /* driver_run has moved on without this thread */
    }
    clang_disposeIndex(idx);
    atomic_store(&s->done, true);
    return NULL;
}

static bool start_worker(struct run *r, struct slot *s)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, WORKER_STACK);
    s->r = r;
    atomic_store(&s->job, -1L);
    bool ok = pthread_create(&s->thread, &attr, worker, s) == 0;
    pthread_attr_destroy(&attr);
    return ok;
}

/* The bound on the run's memory: --max-memory, else half of what the
 * machine (or the cgroup the run is in, as on a CI runner) has. */
static unsigned long long memory_limit(const struct lc_options *o)
{
    if (o->max_memory)
        return (unsigned long long)o->max_memory << 20;
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    unsigned long long total = pages > 0 && size > 0 ? (unsigned long long)pages * size : 0;
    FILE *f = fopen("/sys/fs/cgroup/memory.max", "r");
    unsigned long long group;
    if (f && fscanf(f, "%llu", &group) == 1 && group && (!total || group < total))
        total = group;
    if (f)
        fclose(f);
    return total ? total / 2 : 4ull << 30;
}

/* The run's resident memory, or 0 when it cannot be read. */
static unsigned long long resident_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long long size, resident = 0;
    if (f && fscanf(f, "%llu %llu", &size, &resident) != 2)
        resident = 0;
    if (f)
        fclose(f);
    return resident * (unsigned long long)sysconf(_SC_PAGESIZE);
}

/* Memory past the bound: a file's parse that grows without end cannot be
 * stopped inside libclang, and a machine out of memory kills the whole
 * job. The run stops: the files being analysed and those not started are
 * reported as not analysed (exit 2), the rest keep their results. Returns
 * how many workers were abandoned. */
static unsigned stop_for_memory(struct run *r, struct slot *slots, unsigned n,
                                unsigned long long limit)
{
    char msg[200];
    unsigned abandoned = 0;
    atomic_store(&r->next, r->jobs->n); /* no worker takes another job */
    for (unsigned i = 0; i < n; i++) {
        if (atomic_load(&slots[i].abandoned) || atomic_load(&slots[i].done))
            continue;
        atomic_store(&slots[i].abandoned, true);
        abandoned++;
    }
    /* every job not delivered: being analysed, just taken, or never taken */
    snprintf(msg, sizeof msg, "not analysed: the run stopped when lockcheck's memory passed "
             "%llu MiB (--max-memory)", limit >> 20);
    for (size_t j = 0; j < r->jobs->n; j++)
        if (!atomic_load(&r->delivered[j]))
            collector_error(r->c, r->jobs->v[j].display, 0, 0, msg);
    return abandoned;
}

/* Files done of the run's total, on stderr, overwritten in place: only on
 * a terminal (or with --progress), never into a pipe or a CI log. */
struct progress {
    bool on, tty;
    size_t shown; /* files done when last printed; SIZE_MAX: nothing yet */
    long long since;
};

static void progress_start(struct progress *p, const struct run *r)
{
    p->tty = isatty(STDERR_FILENO);
    p->on = r->jobs->n > 1 && (r->o->progress > 0 ||
                               (r->o->progress == 0 && !r->o->quiet && p->tty && !getenv("CI")));
    p->shown = SIZE_MAX;
    p->since = now_ms();
}

static void progress_show(struct progress *p, const struct run *r)
{
    if (!p->on || (r->o->progress <= 0 && now_ms() - p->since < 500)) /* a short run needs none */
        return;
    size_t done = 0;
    for (size_t i = 0; i < r->jobs->n; i++)
        done += atomic_load(&r->delivered[i]);
    if (done == p->shown)
        return;
    p->shown = done;
    fprintf(stderr, "\rlockcheck: %zu/%zu files%s", done, r->jobs->n,
            r->infer_only ? " (contracts)" : "");
    fflush(stderr);
}

static void progress_end(struct progress *p)
{
    if (p->on && p->shown != SIZE_MAX)
        fputs(p->tty ? "\r\033[K" : "\n", stderr);
}

/* A file libclang takes too long on (a pathological input can make its
 * error recovery run for ever) is reported and left behind: its worker is
 * abandoned and a new one takes the remaining jobs. Returns how many
 * workers were abandoned. */
static unsigned watch(struct run *r, struct slot *slots, unsigned *n, unsigned cap)
{
    unsigned abandoned = 0;
    long long limit = (long long)(r->o->timeout ? r->o->timeout : DEFAULT_TIMEOUT) * 1000;
    unsigned long long memory = memory_limit(r->o);
    struct progress p;
    progress_start(&p, r);
    for (;;) {
        if (resident_bytes() > memory) {
            progress_end(&p);
            return abandoned + stop_for_memory(r, slots, *n, memory);
        }
        progress_show(&p, r);
        bool busy = false;
        for (unsigned i = 0; i < *n; i++) {
            struct slot *s = &slots[i];
            if (atomic_load(&s->abandoned) || atomic_load(&s->done))
                continue;
            busy = true;
            long job = atomic_load(&s->job);
            if (job < 0 || now_ms() - atomic_load(&s->started) < limit)
                continue;
            atomic_store(&s->abandoned, true);
            abandoned++;
            char msg[160];
            snprintf(msg, sizeof msg, "not analysed: libclang was still parsing it after %u s "
                     "(--timeout)", r->o->timeout ? r->o->timeout : DEFAULT_TIMEOUT);
            collector_error(r->c, r->jobs->v[job].display, 0, 0, msg);
            if (*n < cap && start_worker(r, &slots[*n]))
                (*n)++;
        }
        if (!busy) {
            progress_show(&p, r);
            progress_end(&p);
            return abandoned;
        }
        struct timespec tick = {0, 50 * 1000000};
        nanosleep(&tick, NULL);
    }
}

void driver_run(const struct lc_options *o, const struct model *m, const struct job_list *jobs,
                struct collector *c, struct summary_sink *sink, bool infer_only)
{
    /* On the heap: an abandoned worker may outlive this call. */
    struct run *r = xcalloc(1, sizeof *r);
    *r = (struct run){o, m, jobs, c, sink, infer_only, 0, NULL};
    r->delivered = xcalloc(jobs->n + 1, sizeof *r->delivered);
    unsigned n = o->jobs ? o->jobs : driver_default_jobs();
    if (n > jobs->n)
        n = jobs->n ? (unsigned)jobs->n : 1;
    unsigned cap = n + (unsigned)jobs->n; /* room for replacements */
    struct slot *slots = xcalloc(cap, sizeof *slots);
    unsigned started = 0;
    while (started < n && start_worker(r, &slots[started]))
        started++;
    if (!started) { /* no threads to be had: do the work here, unwatched */
        slots[0].r = r;
        worker(&slots[0]);
    }
    unsigned abandoned = started ? watch(r, slots, &started, cap) : 0;
    for (unsigned i = 0; i < started; i++)
        if (!atomic_load(&slots[i].abandoned))
            pthread_join(slots[i].thread, NULL);
    c->abandoned += abandoned;
    if (abandoned)
        return; /* r and slots stay: abandoned threads still hold them */
    free(slots);
    free(r->delivered);
    free(r);
}
