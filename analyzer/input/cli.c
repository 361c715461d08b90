/* SPDX-License-Identifier: MIT
 * cli: option parsing (GNU style: --opt=value and --opt value) and help. */
#include "input/cli.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "support/diag.h"

void cli_help(FILE *out)
{
    fputs(
        "usage: lockcheck [OPTIONS] FILE... [-- COMPILER_ARGS...]\n"
        "       lockcheck [OPTIONS] -p BUILD_DIR [FILE...]\n"
        "       lockcheck merge [--format=json|sarif] [-o FILE] REPORT...\n"
        "\n"
        "Checks lock discipline in C: every lock taken is released on every path,\n"
        "no lock is taken twice or released when not held.\n"
        "\n"
        "Inputs:\n"
        "  FILE...                 C files to analyse\n"
        "  -- COMPILER_ARGS...     compiler arguments for the FILEs (-I, -D, -std, ...)\n"
        "  -p BUILD_DIR            read BUILD_DIR/compile_commands.json; analyse the\n"
        "                          FILEs named, or every C file in it when none is\n"
        "\n"
        "Options:\n"
        "  --format=text|json|sarif  output format (default: text)\n"
        "  -o FILE, --output=FILE  write the report to FILE (atomically)\n"
        "  --rules PATH            extra rules file or folder (repeatable)\n"
        "  --no-default-rules      do not load the bundled rules/*.json (implies\n"
        "                          --no-guess)\n"
        "  --no-guess              do not take undescribed FOO_LOCK/FOO_UNLOCK pairs\n"
        "                          (macros, undeclared functions) for lock calls\n"
        "  -j N, --jobs=N          worker threads (default: number of cores)\n"
        "  --verify                compare findings with '// expect: RULE' marks in\n"
        "                          the files; exit 1 on any mismatch\n"
        "  --quiet                 no summary line, no notes in text output\n"
        "  --fail-on=warning|error|note|never  the least severity that makes the\n"
        "                          exit status 1 (default: warning)\n"
        "  --color=auto|always|never  colour text output (default: auto; NO_COLOR\n"
        "                          in the environment turns auto off)\n"
        "  --staged                check the staged content of staged C files (git\n"
        "                          pre-commit); flags from -p or a compile database\n"
        "                          found in the repository root or its build/\n"
        "  --install-hook          write .git/hooks/pre-commit running --staged\n"
        "  --config FILE           configuration file (default: .lockcheck.json\n"
        "                          found upward from the current directory)\n"
        "  --no-config             ignore .lockcheck.json\n"
        "  --disable RULE          do not report RULE (repeatable)\n"
        "  --enable RULE           report RULE even if the configuration disables it\n"
        "  --baseline FILE         report only findings not recorded in FILE\n"
        "  --write-baseline FILE   record the current findings in FILE\n"
        "  --report-unused-suppressions  report lockcheck-ignore comments that\n"
        "                          suppress nothing, or are malformed\n"
        "  --cache DIR             keep results in DIR; an unchanged file (and its\n"
        "                          headers, arguments, rules) is not analysed again\n"
        "  --shard K/N             analyse only share K of N of the compile database\n"
        "                          (deterministic and balanced); combine the shards'\n"
        "                          reports with 'lockcheck merge'\n"
        "  --cross-tu              first infer the lock contracts of every file's\n"
        "                          functions, then check each file with all of them\n"
        "                          (parses everything twice)\n"
        "  --write-summaries FILE  write the inferred contracts as a rules file, for\n"
        "                          --rules in later runs (pre-commit on one file)\n"
        "  --infer-guards          report accesses to unannotated data made without\n"
        "                          the lock held in most other places (notes)\n"
        "  --timeout SECONDS       give up on a file libclang is still parsing after\n"
        "                          SECONDS (default 300): it is reported, not analysed\n"
        "  --max-memory MIB        stop when the run uses more than MIB of memory\n"
        "                          (default: half the machine's): the files being\n"
        "                          analysed and those left are reported, exit 2\n"
        "  --list-rules            list every rule id with its summary\n"
        "  --explain RULE          explain a rule, with an example and its fix\n"
        "  -h, --help              show this help\n"
        "  --version               show the version\n"
        "\n"
        "Exit status: 0 no findings, 1 findings, 2 bad input or usage (some file\n"
        "could not be analysed), 3 internal error.\n",
        out);
}

static void push(const char ***v, size_t *n, const char *s)
{
    *v = xrealloc((void *)*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = s;
}

/* Matches "--name=value" or "--name value"; advances *i when it takes the
 * next argument. Returns NULL when argv[*i] is not this option. */
static const char *option_value(int argc, char **argv, int *i, const char *name, bool *missing)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n))
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

static bool parse_jobs(const char *v, unsigned *jobs)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || n < 1 || n > 1024) {
        diag_usage("-j takes a number from 1 to 1024, not '%s'", v);
        return false;
    }
    *jobs = (unsigned)n;
    return true;
}

/* Index of v in a NULL-terminated word list, or -1. The lists below are in
 * the order of their enum in cli.h. */
static int word_index(const char *v, const char *const *words)
{
    for (int k = 0; words[k]; k++)
        if (!strcmp(v, words[k]))
            return k;
    return -1;
}

static bool parse_format(const char *v, struct lc_options *o)
{
    static const char *const words[] = {"text", "json", "sarif", NULL};
    int k = word_index(v, words);
    if (k < 0)
        return diag_usage("unknown format '%s' (expected text, json or sarif)", v), false;
    o->format = (enum lc_format)k;
    return true;
}

static bool parse_fail_on(const char *v, struct lc_options *o)
{
    static const char *const words[] = {"warning", "error", "note", "never", NULL};
    int k = word_index(v, words);
    if (k < 0)
        return diag_usage("unknown --fail-on value '%s' (expected error, warning, note or "
                          "never)",
                          v),
               false;
    o->fail_on = (enum lc_fail_on)k;
    return true;
}

static bool parse_color(const char *v, struct lc_options *o)
{
    static const char *const words[] = {"auto", "always", "never", NULL};
    int k = word_index(v, words);
    if (k < 0)
        return diag_usage("unknown --color value '%s' (expected auto, always or never)", v),
               false;
    o->color = (enum lc_color)k;
    return true;
}

static bool parse_timeout(const char *v, struct lc_options *o)
{
    char *end;
    unsigned long t = strtoul(v, &end, 10);
    if (*end || !t || t > 86400)
        return diag_usage("--timeout takes seconds from 1 to 86400, not '%s'", v), false;
    o->timeout = (unsigned)t;
    return true;
}

static bool parse_max_memory(const char *v, struct lc_options *o)
{
    char *end;
    unsigned long m = strtoul(v, &end, 10);
    if (*end || !m || m > (1ul << 24))
        return diag_usage("--max-memory takes MiB from 1 to 16777216, not '%s'", v), false;
    o->max_memory = m;
    return true;
}

/* K/N: this run analyses the K-th of N equal shares of the inputs. */
static bool parse_shard(const char *v, struct lc_options *o)
{
    char *slash, *end = NULL;
    unsigned long k = strtoul(v, &slash, 10), n = 0;
    if (*slash == '/')
        n = strtoul(slash + 1, &end, 10);
    if (*slash != '/' || !end || *end || slash == v || !n || !k || k > n || n > 100000)
        return diag_usage("--shard takes K/N with 1 <= K <= N, not '%s'", v), false;
    o->shard = (unsigned)k;
    o->nshards = (unsigned)n;
    return true;
}

static bool parse_value_option(int argc, char **argv, int *i, struct lc_options *o,
                               bool *handled)
{
    bool missing = false;
    const char *v;
    *handled = true;
    if ((v = option_value(argc, argv, i, "--format", &missing))) {
        return parse_format(v, o);
    } else if ((v = option_value(argc, argv, i, "--color", &missing))) {
        return parse_color(v, o);
    } else if ((v = option_value(argc, argv, i, "--fail-on", &missing))) {
        return parse_fail_on(v, o);
    } else if ((v = option_value(argc, argv, i, "--rules", &missing))) {
        push(&o->rules, &o->nrules, v);
    } else if ((v = option_value(argc, argv, i, "--jobs", &missing)) ||
               (v = option_value(argc, argv, i, "-j", &missing))) {
        return parse_jobs(v, &o->jobs);
    } else if (!strncmp(argv[*i], "-j", 2) && argv[*i][2]) {
        return parse_jobs(argv[*i] + 2, &o->jobs);
    } else if ((v = option_value(argc, argv, i, "--output", &missing)) ||
               (v = option_value(argc, argv, i, "-o", &missing))) {
        o->output = v;
    } else if ((v = option_value(argc, argv, i, "--explain", &missing))) {
        o->explain = v;
    } else if ((v = option_value(argc, argv, i, "--baseline", &missing))) {
        o->baseline = v;
    } else if ((v = option_value(argc, argv, i, "--write-baseline", &missing))) {
        o->write_baseline = v;
    } else if ((v = option_value(argc, argv, i, "--timeout", &missing))) {
        return parse_timeout(v, o);
    } else if ((v = option_value(argc, argv, i, "--max-memory", &missing))) {
        return parse_max_memory(v, o);
    } else if ((v = option_value(argc, argv, i, "--write-summaries", &missing))) {
        o->write_summaries = v;
    } else if ((v = option_value(argc, argv, i, "--cache", &missing))) {
        o->cache = v;
    } else if ((v = option_value(argc, argv, i, "--shard", &missing))) {
        return parse_shard(v, o);
    } else if ((v = option_value(argc, argv, i, "--config", &missing))) {
        o->config = v;
    } else if ((v = option_value(argc, argv, i, "--disable", &missing))) {
        push(&o->disable, &o->ndisable, v);
    } else if ((v = option_value(argc, argv, i, "--enable", &missing))) {
        push(&o->enable, &o->nenable, v);
    } else if ((v = option_value(argc, argv, i, "-p", &missing))) {
        if (o->build_dir)
            return diag_usage("-p given twice"), false;
        o->build_dir = v;
    } else {
        *handled = false;
    }
    if (missing)
        return diag_usage("option '%s' needs a value", argv[*i]), false;
    return true;
}

bool cli_parse(int argc, char **argv, struct lc_options *o)
{
    memset(o, 0, sizeof *o);
    int first = 1;
    if (argc > 1 && !strcmp(argv[1], "merge")) {
        o->merge = true;
        first = 2;
    }
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        bool handled;
        if (!strcmp(a, "--")) {
            for (i++; i < argc; i++)
                push(&o->compiler_args, &o->ncompiler_args, argv[i]);
            break;
        }
        if (!parse_value_option(argc, argv, &i, o, &handled))
            return false;
        if (handled)
            continue;
        if (!strcmp(a, "-h") || !strcmp(a, "--help"))
            o->help = true;
        else if (!strcmp(a, "--version"))
            o->version = true;
        else if (!strcmp(a, "--verify"))
            o->verify = true;
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q"))
            o->quiet = true;
        else if (!strcmp(a, "--no-default-rules"))
            o->no_default_rules = o->no_guess = true;
        else if (!strcmp(a, "--no-guess"))
            o->no_guess = true;
        else if (!strcmp(a, "--list-rules"))
            o->list_rules = true;
        else if (!strcmp(a, "--report-unused-suppressions"))
            o->report_unused_suppressions = true;
        else if (!strcmp(a, "--no-config"))
            o->no_config = true;
        else if (!strcmp(a, "--staged"))
            o->staged = true;
        else if (!strcmp(a, "--cross-tu"))
            o->cross_tu = true;
        else if (!strcmp(a, "--infer-guards"))
            o->infer_guards = true;
        else if (!strcmp(a, "--install-hook"))
            o->install_hook = true;
        else if (a[0] == '-' && a[1] != '\0')
            return diag_usage("unknown option '%s'", a), false;
        else
            push(&o->files, &o->nfiles, a);
    }
    bool standalone = o->help || o->version || o->list_rules || o->explain || o->install_hook;
    if (o->merge && !o->help && !o->nfiles)
        return diag_usage("merge needs the reports to combine (JSON or SARIF files)"), false;
    if (!standalone && !o->nfiles && !o->build_dir && !o->staged)
        return diag_usage("no input files (give FILE..., -p BUILD_DIR or --staged)"), false;
    if (o->staged && o->nfiles)
        return diag_usage("--staged checks the staged files; do not name files with it"), false;
    if (o->config && o->no_config)
        return diag_usage("--config and --no-config cannot be combined"), false;
    if (o->verify && o->format != FORMAT_TEXT)
        return diag_usage("--verify prints its own report; it cannot be combined with --format"),
               false;
    if (o->build_dir && o->ncompiler_args)
        return diag_usage("compiler arguments after '--' cannot be combined with -p "
                          "(the compile database gives them)"),
               false;
    return true;
}

void cli_free(struct lc_options *o)
{
    free((void *)o->rules);
    free((void *)o->files);
    free((void *)o->compiler_args);
    free((void *)o->disable);
    free((void *)o->enable);
}
