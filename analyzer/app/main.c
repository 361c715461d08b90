/* SPDX-License-Identifier: MIT
 * main: argv -> options -> configuration -> rules -> jobs -> driver ->
 * suppressions, baseline -> report -> exit code. The only place that
 * decides the exit status: 0 clean, 1 findings, 2 bad input or usage,
 * 3 internal error. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "support/arena.h"
#include "support/rootpath.h"
#include "input/baseline.h"
#include "input/cdb.h"
#include "input/cli.h"
#include "input/config.h"
#include "input/outflags.h"
#include "input/rspfile.h"
#include "support/diag.h"
#include "app/driver.h"
#include "report/explain.h"
#include "model/finding.h"
#include "analysis/guardinfer.h"
#include "analysis/lockorder.h"
#include "app/merge.h"
#include "checks/withhold.h"
#include "support/output.h"
#include "report/report.h"
#include "model/rules.h"
#include "input/staged.h"
#include "input/suppress.h"
#include "app/verify.h"

/* Everything one run holds, owned by main. */
struct run_state {
    struct lc_options o;
    struct arena *a;
    struct config cfg;
    struct model m;
    struct job_list jobs;
    bool disabled[RULE_COUNT];
    struct strmap baseline;
    bool abandoned; /* a worker was left behind on a file over --timeout */
    const char *root; /* the project's root (rootpath.h) */
    struct strmap changed; /* --diff-base: "path:line" of the lines changed */
    const char *cwd;       /* --diff-base: what relative finding paths are under */
};

static bool fail(const struct diag *d)
{
    diag_print(stderr, d);
    return false;
}

static bool load_config(struct run_state *s)
{
    struct diag d;
    const char *path = s->o.no_config ? NULL
                       : s->o.config  ? s->o.config
                                      : config_find(s->a, s->o.files, s->o.nfiles, s->o.build_dir);
    if (path && !config_load(s->a, path, &s->cfg, &d))
        return fail(&d);
    s->root = rootpath_find(s->a, path);
    memcpy(s->disabled, s->cfg.disabled, sizeof s->disabled);
    for (size_t i = 0; i < s->o.ndisable + s->o.nenable; i++) {
        bool disable = i < s->o.ndisable;
        const char *id = disable ? s->o.disable[i] : s->o.enable[i - s->o.ndisable];
        enum rule_id r = finding_rule_by_id(id);
        if (r == RULE_COUNT) {
            diag_usage("unknown rule id '%s' (see lockcheck --list-rules)", id);
            return false;
        }
        s->disabled[r] = disable;
    }
    return true;
}

static bool load_rules(struct run_state *s)
{
    struct diag d;
    if (!s->o.no_default_rules) {
        const char *dir = rules_default_dir(s->a);
        if (!dir) {
            diag_usage("cannot find the default rules folder; set LOCKCHECK_RULES_DIR "
                       "or pass --no-default-rules");
            return false;
        }
        if (!rules_load_path(s->a, &s->m, dir, &d))
            return fail(&d);
    }
    for (size_t i = 0; i < s->cfg.nrules_files; i++)
        if (!rules_load_path(s->a, &s->m, s->cfg.rules_files[i], &d))
            return fail(&d);
    for (size_t i = 0; i < s->o.nrules; i++)
        if (!rules_load_path(s->a, &s->m, s->o.rules[i], &d))
            return fail(&d);
    return true;
}

/* The flags after `--`, with their response files expanded (relative to
 * the current directory, where the compiler would run). */
static bool expand_compiler_args(struct run_state *s)
{
    const char **words;
    unsigned n;
    char why[1024];
    if (!rsp_expand(s->a, s->o.compiler_args, (unsigned)s->o.ncompiler_args, NULL, &words, &n,
                    why, sizeof why))
        return diag_usage("%s (after '--')", why), false;
    free((void *)s->o.compiler_args);
    s->o.compiler_args = xcalloc(n + 1, sizeof *words); /* cli_free frees it */
    if (n)
        memcpy(s->o.compiler_args, words, n * sizeof *words);
    s->o.ncompiler_args = n;
    return true;
}

/* The flags after `--` without those that would write files into the
 * project (outflags.h; the database's own are dropped as it is read). */
static void drop_writing_args(struct run_state *s)
{
    if (!s->o.ncompiler_args)
        return;
    unsigned n;
    const char **kept = outflags_strip(s->a, s->o.compiler_args,
                                       (unsigned)s->o.ncompiler_args, &n);
    memcpy(s->o.compiler_args, kept, n * sizeof *kept); /* never more words */
    s->o.ncompiler_args = n;
}

static bool make_jobs(struct run_state *s)
{
    struct diag d;
    struct job_list all = {0};
    if (s->o.staged) {
        if (!staged_jobs(s->a, s->o.build_dir, s->o.files, s->o.nfiles, &all, &d))
            return job_list_free(&all), fail(&d);
    } else if (s->o.build_dir) {
        if (!cdb_load(s->a, s->o.build_dir, s->o.files, s->o.nfiles, &all, &d))
            return job_list_free(&all), fail(&d);
    } else {
        if (!expand_compiler_args(s))
            return false;
        char *cwd = getcwd(NULL, 0);
        for (size_t i = 0; i < s->o.nfiles; i++) {
            struct job j = {.path = cdb_join(s->a, cwd, s->o.files[i]), .display = s->o.files[i]};
            job_list_push(&all, j);
        }
        free(cwd);
    }
    drop_writing_args(s);
    for (size_t i = 0; i < all.n; i++) /* named files are never excluded */
        if ((s->o.nfiles && !s->o.staged) || !config_excluded(&s->cfg, all.v[i].display, all.v[i].path))
            job_list_push(&s->jobs, all.v[i]);
    job_list_free(&all);
    if (s->o.nshards)
        job_list_keep_shard(&s->jobs, s->o.nshards, s->o.shard);
    return true;
}

static bool use_color(const struct lc_options *o)
{
    if (o->color != COLOR_AUTO)
        return o->color == COLOR_ALWAYS;
    const char *no = getenv("NO_COLOR");
    return !(no && *no) && !o->output && isatty(STDOUT_FILENO);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool keep_enabled(const struct finding *f, void *ctx)
{
    const struct run_state *s = ctx;
    return !s->disabled[f->rule];
}

static bool keep_new(const struct finding *f, void *ctx)
{
    const struct run_state *s = ctx;
    return !strmap_get(&s->baseline, f->fingerprint);
}

static bool line_changed(const struct run_state *s, const char *file, unsigned line)
{
    char key[PATH_MAX + 32];
    const char *abs = file[0] == '/' ? file : cdb_join(s->a, s->cwd, file);
    snprintf(key, sizeof key, "%s:%u", abs, line);
    return strmap_get(&s->changed, key) != NULL;
}

/* --diff-base: the finding's line, or a line of its path, was changed. */
static bool keep_changed(const struct finding *f, void *ctx)
{
    const struct run_state *s = ctx;
    if (line_changed(s, f->file, f->line))
        return true;
    for (unsigned i = 0; i < f->npath; i++)
        if (line_changed(s, f->path[i].file, f->path[i].line))
            return true;
    return false;
}

/* Suppressions, disabled rules and the baseline, in that order. */
static bool filter_findings(struct run_state *s, struct collector *c)
{
    struct diag d;
    suppress_apply(c, &s->jobs, s->o.report_unused_suppressions);
    collector_filter(c, keep_enabled, s);
    if (s->o.write_baseline && !baseline_write(s->o.write_baseline, c, &d))
        return fail(&d);
    if (s->o.baseline) {
        if (!baseline_load(s->a, s->o.baseline, &s->baseline, &d))
            return fail(&d);
        size_t before = c->nfindings;
        collector_filter(c, keep_new, s);
        c->baselined = before - c->nfindings;
    }
    if (s->o.diff_base) {
        if (!staged_changed_lines(s->a, s->o.diff_base, &s->changed, &d))
            return fail(&d);
        char cwd[PATH_MAX];
        s->cwd = arena_strdup(s->a, getcwd(cwd, sizeof cwd) ? cwd : "/");
        collector_filter(c, keep_changed, s);
    }
    return true;
}

static bool emit(const struct run_state *s, const struct collector *c, struct report_opts *ro)
{
    struct output out;
    struct diag d;
    if (!output_open(&out, s->o.output, &d))
        return fail(&d);
    bool ok = true;
    report_text_errors(stderr, c);
    if (s->o.format == FORMAT_JSON)
        ok = report_json(out.f, c, ro);
    else if (s->o.format == FORMAT_SARIF)
        ok = report_sarif(out.f, c, ro);
    else
        report_text(out.f, c, ro);
    if (!ok) {
        output_abandon(&out);
        diag_usage("cannot write the report");
        return false;
    }
    return output_commit(&out, &d) || fail(&d);
}

/* Whether a finding that is not suppressed reaches the --fail-on level. */
static bool fails_run(enum lc_fail_on level, const struct collector *c,
                      const struct report_opts *ro)
{
    static const char *const least[] = {[FAIL_ON_WARNING] = "warning", [FAIL_ON_ERROR] = "error",
                                        [FAIL_ON_NOTE] = "note"};
    if (level == FAIL_ON_NEVER)
        return false;
    static const char *const ranks[] = {"note", "warning", "error"};
    int need = 0;
    while (strcmp(ranks[need], least[level]))
        need++;
    for (size_t i = 0; i < c->nfindings; i++) {
        if (c->findings[i].suppressed)
            continue;
        const char *sev = report_finding_severity(ro, &c->findings[i]);
        int rank = 0;
        while (rank < 2 && strcmp(ranks[rank], sev))
            rank++;
        if (rank >= need)
            return true;
    }
    return false;
}

/* The staged texts analysed (--staged), for snippets of what is being
 * committed rather than of the working copy. */
static const struct report_source *staged_sources(struct run_state *s, size_t *n)
{
    struct report_source *v = arena_alloc(s->a, (s->jobs.n + 1) * sizeof *v);
    *n = 0;
    for (size_t i = 0; i < s->jobs.n; i++)
        if (s->jobs.v[i].contents && s->jobs.v[i].display)
            v[(*n)++] = (struct report_source){s->jobs.v[i].display, s->jobs.v[i].contents,
                                               s->jobs.v[i].contents_len};
    return v;
}

static int report(struct run_state *s, struct collector *c, double seconds)
{
    c->root = s->root;
    if (!s->o.all_findings) {
        withhold_repeats(c);
        withhold_floods(c, WITHHOLD_MIN_FUNCTIONS);
    }
    collector_sort(c);
    if (s->o.verify) {
        report_text_errors(stderr, c);
        report_text(stderr, c, &(struct report_opts){false, true, false, seconds, NULL, s->root, NULL, 0});
        bool ok = verify_files(stdout, c, &s->jobs);
        return c->nerrors ? 2 : ok ? 0 : 1;
    }
    if (!filter_findings(s, c))
        return 2;
    struct report_opts ro = {use_color(&s->o), s->o.quiet,
                             isatty(STDOUT_FILENO) && !s->o.output, seconds, s->cfg.severity,
                             s->root, NULL, 0};
    ro.sources = staged_sources(s, &ro.nsources);
    if (!emit(s, c, &ro))
        return 2;
    if (c->nerrors)
        return 2;
    /* writing a baseline records the findings: the step succeeded */
    bool failed = !s->o.write_baseline && fails_run(s->o.fail_on, c, &ro);
    if (failed && s->o.staged) /* a hook: say what happened to the commit */
        fprintf(stderr, "lockcheck: commit refused: fix the findings above, or accept one with "
                        "a '// lockcheck-ignore[RULE]: reason' comment; 'git commit "
                        "--no-verify' skips the check once\n");
    return failed ? 1 : 0;
}

/* --help, --version, --list-rules, --explain, --install-hook. */
static int standalone(struct run_state *s)
{
    if (s->o.help) {
        cli_help(stdout);
    } else if (s->o.version) {
        printf("lockcheck %s\n", LOCKCHECK_VERSION);
    } else if (s->o.list_rules) {
        explain_list(stdout);
    } else if (s->o.explain) {
        enum rule_id r = finding_rule_by_id(s->o.explain);
        if (r == RULE_COUNT) {
            diag_usage("unknown rule id '%s' (see lockcheck --list-rules)", s->o.explain);
            return 2;
        }
        explain_print(stdout, r);
    } else {
        const char *msg;
        struct diag d;
        if (!staged_install_hook(s->a, s->o.baseline, &msg, &d))
            return fail(&d), 2;
        printf("%s\n", msg);
    }
    return 0;
}

/* `lockcheck merge`: shard reports -> one report. */
static int merge(struct run_state *s)
{
    struct diag d;
    const char *const *files = s->o.files;
    if (merge_is_sarif(files[0])) {
        struct output out;
        if (!output_open(&out, s->o.output, &d))
            return fail(&d), 2;
        if (!merge_sarif(files, s->o.nfiles, out.f, &d)) {
            output_abandon(&out);
            return fail(&d), 2;
        }
        return output_commit(&out, &d) ? 0 : (fail(&d), 2);
    }
    struct collector c;
    collector_init(&c);
    int status = 2;
    if (merge_json(s->a, files, s->o.nfiles, &c, &d)) {
        /* the root a run from here would have, for the same fingerprints */
        c.root = rootpath_find(s->a, s->o.no_config ? NULL : s->o.config ? s->o.config
                                                                         : config_find(s->a, NULL, 0, NULL));
        collector_sort(&c);
        if (s->o.format == FORMAT_TEXT)
            s->o.format = FORMAT_JSON; /* a merged report is for machines */
        status = emit(s, &c, &(struct report_opts){false, true, false, 0, NULL, c.root, NULL, 0}) ? 0 : 2;
    } else {
        fail(&d);
    }
    collector_free(&c);
    return status;
}

/* --cross-tu: a first pass infers the contracts of every file's functions;
 * they join the model where no rules entry describes the function. */
static void learn_contracts(struct run_state *s, struct summary_sink *sink)
{
    struct collector first;
    collector_init(&first);
    driver_run(&s->o, &s->m, &s->jobs, &first, sink, true);
    collector_free(&first);
    for (size_t i = 0; i < sink->rules.cap; i++) {
        const char *name = sink->rules.keys[i];
        if (name && summary_sink_usable(sink->rules.values[i]) && !model_function(&s->m, name))
            strmap_put(&s->m.functions, name, sink->rules.values[i]);
    }
}

static bool make_cache_dir(const char *dir)
{
    struct stat st;
    if (!dir || mkdir(dir, 0777) == 0 || (errno == EEXIST && stat(dir, &st) == 0 &&
                                          S_ISDIR(st.st_mode)))
        return true;
    struct diag d;
    diag_set(&d, dir, 0, 0, "cannot use it as the cache folder: %s",
             errno == EEXIST ? "it exists and is not a folder" : strerror(errno));
    return fail(&d);
}

static int run(struct run_state *s)
{
    if (s->o.help || s->o.version || s->o.list_rules || s->o.explain || s->o.install_hook)
        return standalone(s);
    if (s->o.merge)
        return merge(s);
    if (!make_cache_dir(s->o.cache))
        return 2;
    if (!load_config(s) || !load_rules(s) || !make_jobs(s))
        return 2;
    struct collector c;
    collector_init(&c);
    double start = now();
    /* --cross-tu learns every file's contracts first; --write-summaries
     * writes those of the checking pass, which knew the others'. */
    struct summary_sink learned, inferred;
    if (s->o.cross_tu) {
        summary_sink_init(&learned);
        learn_contracts(s, &learned);
    }
    if (s->o.write_summaries)
        summary_sink_init(&inferred);
    driver_run(&s->o, &s->m, &s->jobs, &c, s->o.write_summaries ? &inferred : NULL, false);
    struct diag d;
    bool written =
        !s->o.write_summaries || rules_write(s->o.write_summaries, &inferred.rules, &d);
    if (!written)
        fail(&d);
    if (s->o.write_summaries)
        summary_sink_free(&inferred);
    if (s->o.cross_tu)
        summary_sink_free(&learned);
    lockorder_report(&c);
    guardinfer_report(&c);
    int status = report(s, &c, now() - start);
    s->abandoned = c.abandoned > 0;
    if (!written)
        status = 2;
    collector_free(&c);
    return status;
}

int main(int argc, char **argv)
{
    /* libclang must parse on our big-stack workers, not on its own 8 MiB
     * threads (see driver.c). */
    setenv("LIBCLANG_NOTHREADS", "1", 1);
    output_install_signal_cleanup();
    struct run_state s;
    memset(&s, 0, sizeof s);
    if (!cli_parse(argc, argv, &s.o)) {
        cli_free(&s.o);
        return 2;
    }
    s.a = arena_new();
    int status = run(&s);
    if (s.abandoned) {
        /* A worker is still inside libclang: leave without running exit
         * handlers under its feet. */
        fflush(stdout);
        fflush(stderr);
        _exit(status);
    }
    strmap_free(&s.baseline);
    strmap_free(&s.changed);
    job_list_free(&s.jobs);
    model_free(&s.m);
    arena_free(s.a);
    cli_free(&s.o);
    return status;
}
