/* SPDX-License-Identifier: MIT
 * main: argv -> options -> rules -> jobs -> driver -> report -> exit code.
 * The only place that decides the exit status: 0 clean, 1 findings,
 * 2 bad input or usage, 3 internal error. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "cdb.h"
#include "cli.h"
#include "diag.h"
#include "driver.h"
#include "finding.h"
#include "report.h"
#include "rules.h"
#include "verify.h"

static bool load_rules(struct arena *a, const struct lc_options *o, struct model *m)
{
    struct diag d;
    if (!o->no_default_rules) {
        const char *dir = rules_default_dir(a);
        if (!dir) {
            diag_usage("cannot find the default rules folder; set LOCKCHECK_RULES_DIR "
                       "or pass --no-default-rules");
            return false;
        }
        if (!rules_load_path(a, m, dir, &d)) {
            diag_print(stderr, &d);
            return false;
        }
    }
    for (size_t i = 0; i < o->nrules; i++) {
        if (!rules_load_path(a, m, o->rules[i], &d)) {
            diag_print(stderr, &d);
            return false;
        }
    }
    return true;
}

static bool make_jobs(struct arena *a, const struct lc_options *o, struct job_list *jobs)
{
    if (o->build_dir) {
        struct diag d;
        if (!cdb_load(a, o->build_dir, o->files, o->nfiles, jobs, &d)) {
            diag_print(stderr, &d);
            return false;
        }
        return true;
    }
    char *cwd = getcwd(NULL, 0);
    for (size_t i = 0; i < o->nfiles; i++) {
        struct job j = {cdb_join(a, cwd, o->files[i]), o->files[i], NULL, NULL, 0, NULL, 0};
        job_list_push(jobs, j);
    }
    free(cwd);
    return true;
}

static bool use_color(const struct lc_options *o)
{
    if (o->color != COLOR_AUTO)
        return o->color == COLOR_ALWAYS;
    const char *no = getenv("NO_COLOR");
    return !(no && *no) && isatty(STDOUT_FILENO);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int report(const struct lc_options *o, struct collector *c, const struct job_list *jobs,
                  double seconds)
{
    collector_sort(c);
    struct report_opts ro = {use_color(o), o->quiet, isatty(STDOUT_FILENO) != 0, seconds};
    if (o->verify) {
        report_text(stderr, stderr, c, &(struct report_opts){false, true, false, seconds});
        bool ok = verify_files(stdout, c, jobs);
        return c->nerrors ? 2 : ok ? 0 : 1;
    }
    if (o->format == FORMAT_JSON) {
        if (!report_json(stdout, c, &ro))
            return 2;
    } else {
        report_text(stdout, stderr, c, &ro);
    }
    if (fflush(stdout) != 0)
        return 2;
    return c->nerrors ? 2 : c->nfindings ? 1 : 0;
}

int main(int argc, char **argv)
{
    /* libclang must parse on our big-stack workers, not on its own 8 MiB
     * threads (see driver.c). */
    setenv("LIBCLANG_NOTHREADS", "1", 1);
    struct lc_options o;
    if (!cli_parse(argc, argv, &o)) {
        cli_free(&o);
        return 2;
    }
    if (o.help || o.version) {
        if (o.help)
            cli_help(stdout);
        else
            printf("lockcheck %s\n", LOCKCHECK_VERSION);
        cli_free(&o);
        return 0;
    }
    struct arena *run = arena_new();
    struct model m = {0};
    struct job_list jobs = {0};
    int status = 2;
    if (load_rules(run, &o, &m) && make_jobs(run, &o, &jobs)) {
        struct collector c;
        collector_init(&c);
        double start = now();
        driver_run(&o, &m, &jobs, &c);
        status = report(&o, &c, &jobs, now() - start);
        collector_free(&c);
    }
    job_list_free(&jobs);
    model_free(&m);
    arena_free(run);
    cli_free(&o);
    return status;
}
