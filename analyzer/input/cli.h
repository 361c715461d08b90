/* SPDX-License-Identifier: MIT
 * cli: the command line -> struct lc_options, and the --help text. Pointers
 * in lc_options borrow argv. */
#ifndef LC_CLI_H
#define LC_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The order matches the option words in cli.c. */
enum lc_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF };
enum lc_color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
/* The least severity a finding needs to make the exit status 1. */
enum lc_fail_on { FAIL_ON_WARNING, FAIL_ON_ERROR, FAIL_ON_NOTE, FAIL_ON_NEVER };

struct lc_options {
    enum lc_format format;
    enum lc_color color;
    enum lc_fail_on fail_on;    /* --fail-on, default: warning */
    const char **rules;
    size_t nrules;
    bool no_default_rules;
    bool no_guess; /* no lock APIs recognised by name (lockname.h) */
    unsigned jobs; /* 0: number of cores */
    bool verify, quiet, help, version;
    const char *build_dir; /* -p */
    const char **files;
    size_t nfiles;
    const char **compiler_args; /* after -- */
    size_t ncompiler_args;
    const char *output;         /* --output FILE, NULL: stdout */
    bool list_rules;
    const char *explain;        /* --explain RULE */
    bool report_unused_suppressions;
    bool all_findings;          /* --all-findings: no flood withheld */
    const char *write_baseline, *baseline;
    const char *diff_base;      /* --diff-base REF */
    const char *config;         /* --config FILE */
    bool no_config;
    const char **disable, **enable;
    size_t ndisable, nenable;
    bool staged, install_hook;
    const char *cache;          /* --cache DIR */
    unsigned shard, nshards;    /* --shard K/N: 1-based K, or 0/0 */
    bool merge;                 /* `lockcheck merge REPORT...` */
    bool cross_tu;              /* first pass: contracts of every file's functions */
    const char *write_summaries;
    bool infer_guards;
    bool pointer_passing;       /* --pointer-passing */
    int progress;               /* --progress 1, --no-progress -1, else 0: on a terminal */
    unsigned timeout;           /* --timeout SECONDS per file, 0: default */
    unsigned long max_memory;   /* --max-memory MIB for the whole run, 0: default */
};

/* Returns true on success; on a usage error prints it and returns false.
 * The arrays are heap-allocated; cli_free releases them. */
bool cli_parse(int argc, char **argv, struct lc_options *o);
void cli_free(struct lc_options *o);
void cli_help(FILE *out);

#endif
