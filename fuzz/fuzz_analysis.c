/* SPDX-License-Identifier: MIT
 * Fuzz target: the whole analysis (parse -> cfg -> lockset -> checks,
 * contract inference into a summary sink, lock order) of one in-memory C
 * file with the default rules. The rules are loaded once;
 * LOCKCHECK_FUZZ_RULES=PATH replaces the source tree's rules/. Every
 * input gets a fresh collector, and the findings go through every
 * report emitter (to /dev/null, or with LOCKCHECK_FUZZ_VERBOSE=1 the
 * text report to stderr, to look at a reproducer). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "support/arena.h"
#include "input/cdb.h"
#include "input/cli.h"
#include "app/driver.h"
#include "model/finding.h"
#include "analysis/lockorder.h"
#include "model/model.h"
#include "report/report.h"
#include "model/rules.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct arena *rules_arena;
static struct model rules_model;
static FILE *sink; /* the reports are written, then thrown away */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* As in main.c: libclang parses on the driver's big-stack worker. */
    setenv("LIBCLANG_NOTHREADS", "1", 1);
    const char *dir = getenv("LOCKCHECK_FUZZ_RULES");
    if (!dir || !*dir)
        dir = LOCKCHECK_SOURCE_RULES_DIR;
    rules_arena = arena_new();
    struct diag d;
    if (!rules_load_path(rules_arena, &rules_model, dir, &d)) {
        diag_print(stderr, &d);
        abort();
    }
    const char *verbose = getenv("LOCKCHECK_FUZZ_VERBOSE");
    sink = verbose && *verbose == '1' ? stderr : fopen("/dev/null", "w");
    if (!sink)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *args[] = {"-std=gnu11"};
    struct lc_options o = {0};
    o.jobs = 1;
    o.timeout = 10; /* under libFuzzer's 20 s: a slow parse is reported, not a hang */
    o.no_default_rules = true;
    o.quiet = true;

    struct job_list jobs = {0};
    struct job j = {
        .path = "/fuzz/input.c",
        .display = "input.c",
        .directory = NULL,
        .args = args,
        .nargs = 1,
        .contents = (const char *)data,
        .contents_len = size,
    };
    job_list_push(&jobs, j);

    struct collector c;
    collector_init(&c);
    struct summary_sink summaries;
    summary_sink_init(&summaries);
    driver_run(&o, &rules_model, &jobs, &c, &summaries, false);
    if (c.abandoned)
        return 0; /* a worker left behind over the timeout still reads them all */
    summary_sink_free(&summaries);
    lockorder_report(&c);
    collector_sort(&c);
    struct report_opts ro = {.summary = true};
    report_text(sink, &c, &ro);
    report_text_errors(sink, &c);
    if (sink != stderr) {
        report_json(sink, &c, &ro);
        report_sarif(sink, &c, &ro);
    }
    collector_free(&c);
    job_list_free(&jobs);
    return 0;
}
