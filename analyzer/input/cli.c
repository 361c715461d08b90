/* SPDX-License-Identifier: MIT
 * cli: option parsing (getopt_long: GNU style, --opt=value and --opt value,
 * -pbuild and -p build) and help. */
#include "input/cli.h"

#include <getopt.h>
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
        "  --progress, --no-progress  files done so far on stderr (default: on a\n"
        "                          terminal, unless --quiet or CI is set)\n"
        "  --fail-on=warning|error|note|never  the least severity that makes the\n"
        "                          exit status 1 (default: warning)\n"
        "  --color[=auto|always|never]  colour text output (default: auto; NO_COLOR\n"
        "                          in the environment turns auto off; --color alone:\n"
        "                          always)\n"
        "  --staged [FILE...]      check the staged content of staged C files (git\n"
        "                          pre-commit), or of those FILEs (others, headers\n"
        "                          among them, are skipped); flags from -p or a\n"
        "                          compile database found in the repository root or\n"
        "                          its build/, else the file's folder, the root and\n"
        "                          its include/ as include paths\n"
        "  --install-hook          write .git/hooks/pre-commit running --staged\n"
        "  --config FILE           configuration file (default: .lockcheck.json\n"
        "                          found upward from the files' folder)\n"
        "  --no-config             ignore .lockcheck.json\n"
        "  --disable RULE          do not report RULE (repeatable)\n"
        "  --enable RULE           report RULE even if the configuration disables it\n"
        "  --baseline FILE         report only findings not recorded in FILE\n"
        "  --write-baseline FILE   record the current findings in FILE\n"
        "  --diff-base REF         report only findings whose path touches a line\n"
        "                          changed since git revision REF (pull requests)\n"
        "  --all-findings          report every finding, also where one lock seems\n"
        "                          misused in 4 or more functions of a file (by\n"
        "                          default one note stands for them), and each\n"
        "                          repeat of one misuse within a function\n"
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
        "  --pointer-passing       passing guarded data's address (or a PT_GUARDED_BY\n"
        "                          pointer) to a function needs its lock, as clang's\n"
        "                          -Wthread-safety-pointer\n"
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

/* Long options without a short form; their ids follow the characters. */
enum {
    OPT_FORMAT = 256, OPT_COLOR, OPT_FAIL_ON, OPT_RULES, OPT_EXPLAIN, OPT_BASELINE,
    OPT_WRITE_BASELINE, OPT_TIMEOUT, OPT_MAX_MEMORY, OPT_WRITE_SUMMARIES, OPT_CACHE, OPT_SHARD,
    OPT_CONFIG, OPT_DISABLE, OPT_ENABLE, OPT_VERSION, OPT_VERIFY, OPT_NO_DEFAULT_RULES,
    OPT_NO_GUESS, OPT_LIST_RULES, OPT_REPORT_UNUSED, OPT_NO_CONFIG, OPT_STAGED, OPT_CROSS_TU,
    OPT_INFER_GUARDS, OPT_INSTALL_HOOK, OPT_POINTER_PASSING, OPT_PROGRESS, OPT_NO_PROGRESS, OPT_DIFF_BASE,
    OPT_ALL_FINDINGS
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"color", optional_argument, NULL, OPT_COLOR},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"rules", required_argument, NULL, OPT_RULES},
    {"jobs", required_argument, NULL, 'j'},
    {"output", required_argument, NULL, 'o'},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
    {"write-summaries", required_argument, NULL, OPT_WRITE_SUMMARIES},
    {"cache", required_argument, NULL, OPT_CACHE},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"disable", required_argument, NULL, OPT_DISABLE},
    {"enable", required_argument, NULL, OPT_ENABLE},
    {"help", no_argument, NULL, 'h'},
    {"quiet", no_argument, NULL, 'q'},
    {"version", no_argument, NULL, OPT_VERSION},
    {"verify", no_argument, NULL, OPT_VERIFY},
    {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT_RULES},
    {"no-guess", no_argument, NULL, OPT_NO_GUESS},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"report-unused-suppressions", no_argument, NULL, OPT_REPORT_UNUSED},
    {"all-findings", no_argument, NULL, OPT_ALL_FINDINGS},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"staged", no_argument, NULL, OPT_STAGED},
    {"cross-tu", no_argument, NULL, OPT_CROSS_TU},
    {"infer-guards", no_argument, NULL, OPT_INFER_GUARDS},
    {"pointer-passing", no_argument, NULL, OPT_POINTER_PASSING},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"diff-base", required_argument, NULL, OPT_DIFF_BASE},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"install-hook", no_argument, NULL, OPT_INSTALL_HOOK},
    {NULL, 0, NULL, 0},
};

/* Edit distance of a and b (each at most 63 characters considered). */
static unsigned distance(const char *a, const char *b)
{
    unsigned la = (unsigned)strnlen(a, 63), lb = (unsigned)strnlen(b, 63), row[64];
    for (unsigned j = 0; j <= lb; j++)
        row[j] = j;
    for (unsigned i = 1; i <= la; i++) {
        unsigned diag = row[0];
        row[0] = i;
        for (unsigned j = 1; j <= lb; j++) {
            unsigned up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            best = up + 1 < best ? up + 1 : best;
            best = row[j - 1] + 1 < best ? row[j - 1] + 1 : best;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

/* An option the parser did not take: unknown (with the nearest long
 * option when one is close), ambiguous, or missing its value. */
static bool bad_option(const char *arg, int optopt_seen, bool missing)
{
    if (missing)
        return diag_usage("option '%s' needs a value", arg), false;
    if (optopt_seen && arg[0] == '-' && arg[1] != '-')
        return diag_usage("unknown option '-%c'", optopt_seen), false;
    char name[64];
    snprintf(name, sizeof name, "%s", arg + strspn(arg, "-"));
    name[strcspn(name, "=")] = '\0';
    const char *near = NULL, *first = NULL, *second = NULL;
    unsigned best = 3; /* farther than two edits is no suggestion */
    for (const struct option *o = long_options; o->name; o++) {
        unsigned d = distance(name, o->name);
        if (d < best) {
            best = d;
            near = o->name;
        }
        if (*name && !strncmp(o->name, name, strlen(name))) {
            second = first ? (second ? second : o->name) : NULL;
            first = first ? first : o->name;
        }
    }
    if (first && second)
        return diag_usage("ambiguous option '%s' (--%s, --%s, ...)", arg, first, second), false;
    if (near)
        return diag_usage("unknown option '%s' (did you mean '--%s'?)", arg, near), false;
    return diag_usage("unknown option '%s'", arg), false;
}

static bool set_build_dir(const char *v, struct lc_options *o)
{
    if (o->build_dir)
        return diag_usage("-p given twice"), false;
    o->build_dir = v;
    return true;
}

/* An option that takes a value. */
static bool take_value(int id, const char *v, struct lc_options *o)
{
    switch (id) {
    case OPT_FORMAT: return parse_format(v, o);
    case OPT_COLOR: return parse_color(v ? v : "always", o);
    case OPT_FAIL_ON: return parse_fail_on(v, o);
    case OPT_RULES: push(&o->rules, &o->nrules, v); return true;
    case 'j': return parse_jobs(v, &o->jobs);
    case 'o': o->output = v; return true;
    case 'p': return set_build_dir(v, o);
    case OPT_EXPLAIN: o->explain = v; return true;
    case OPT_BASELINE: o->baseline = v; return true;
    case OPT_DIFF_BASE: o->diff_base = v; return true;
    case OPT_WRITE_BASELINE: o->write_baseline = v; return true;
    case OPT_TIMEOUT: return parse_timeout(v, o);
    case OPT_MAX_MEMORY: return parse_max_memory(v, o);
    case OPT_WRITE_SUMMARIES: o->write_summaries = v; return true;
    case OPT_CACHE: o->cache = v; return true;
    case OPT_SHARD: return parse_shard(v, o);
    case OPT_CONFIG: o->config = v; return true;
    case OPT_DISABLE: push(&o->disable, &o->ndisable, v); return true;
    case OPT_ENABLE: push(&o->enable, &o->nenable, v); return true;
    default: return false;
    }
}

/* A flag; false when id is no flag. */
static bool take_flag(int id, struct lc_options *o)
{
    switch (id) {
    case 'h': o->help = true; break;
    case 'q': o->quiet = true; break;
    case OPT_VERSION: o->version = true; break;
    case OPT_VERIFY: o->verify = true; break;
    case OPT_NO_DEFAULT_RULES: o->no_default_rules = o->no_guess = true; break;
    case OPT_NO_GUESS: o->no_guess = true; break;
    case OPT_LIST_RULES: o->list_rules = true; break;
    case OPT_REPORT_UNUSED: o->report_unused_suppressions = true; break;
    case OPT_NO_CONFIG: o->no_config = true; break;
    case OPT_ALL_FINDINGS: o->all_findings = true; break;
    case OPT_STAGED: o->staged = true; break;
    case OPT_CROSS_TU: o->cross_tu = true; break;
    case OPT_INFER_GUARDS: o->infer_guards = true; break;
    case OPT_POINTER_PASSING: o->pointer_passing = true; break;
    case OPT_PROGRESS: o->progress = 1; break;
    case OPT_NO_PROGRESS: o->progress = -1; break;
    case OPT_INSTALL_HOOK: o->install_hook = true; break;
    default: return false;
    }
    return true;
}

/* The words of argv (from argv[1]) into o, by getopt_long: options before,
 * between and after the files, `-j4` and `-j 4`, `-pbuild`, `--opt=value`
 * and `--opt value`, unambiguous abbreviations; after `--`, the compiler's. */
static bool parse_words(int argc, char **argv, struct lc_options *o)
{
    opterr = 0;
    optind = 0; /* start over (glibc): the parser may run more than once */
    int id;
    while ((id = getopt_long(argc, argv, "-:hqj:o:p:", long_options, NULL)) != -1) {
        if (id == 1)
            push(&o->files, &o->nfiles, optarg);
        else if (id == '?' || id == ':')
            return bad_option(argv[optind - 1], optopt, id == ':');
        else if (!take_flag(id, o) && !take_value(id, optarg, o))
            return false;
    }
    if (optind > 1 && !strcmp(argv[optind - 1], "--"))
        for (int i = optind; i < argc; i++)
            push(&o->compiler_args, &o->ncompiler_args, argv[i]);
    return true;
}

bool cli_parse(int argc, char **argv, struct lc_options *o)
{
    memset(o, 0, sizeof *o);
    if (argc > 1 && !strcmp(argv[1], "merge")) {
        o->merge = true;
        argc--;
        argv++;
    }
    if (!parse_words(argc, argv, o))
        return false;
    bool standalone = o->help || o->version || o->list_rules || o->explain || o->install_hook;
    if (o->merge && !o->help && !o->nfiles)
        return diag_usage("merge needs the reports to combine (JSON or SARIF files)"), false;
    if (!standalone && !o->nfiles && !o->build_dir && !o->staged)
        return diag_usage("no input files (give FILE..., -p BUILD_DIR or --staged)"), false;
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
