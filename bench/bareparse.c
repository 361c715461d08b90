/* SPDX-License-Identifier: MIT
 * bareparse: the part of a lockcheck run that lockcheck cannot avoid.
 *
 * It parses translation units with libclang the way lockcheck's driver does
 * (same extra arguments, same parse options, one CXIndex per worker thread,
 * 512 MiB worker stacks, LIBCLANG_NOTHREADS) and then throws the result
 * away: no diagnostics walk, no CFG, no checks. bench/run.sh compares
 * lockcheck's CPU time and memory with this program's.
 *
 * Usage: bareparse [-j N] JOBS_FILE
 * JOBS_FILE has one translation unit per line, fields separated by tabs:
 * working directory (may be empty), source file, compiler arguments...
 * Exit status: 0 if every unit parsed, 1 if libclang gave up on one, 2 on
 * usage or input errors. */
#define _GNU_SOURCE
#include <clang-c/Index.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WORKER_STACK = 512u << 20, MAX_FIELDS = 4096 };

struct unit {
    char *dir, *file;
    const char **args;
    int nargs;
};

static struct unit *units;
static size_t nunits;
static atomic_size_t next_unit;
static atomic_int failures;

static void parse_unit(CXIndex idx, const struct unit *u)
{
    const char **args = malloc((size_t)(u->nargs + 4) * sizeof *args);
    char *wd = NULL;
    int k = 0;
    if (!args)
        abort();
    for (int i = 0; i < u->nargs; i++)
        args[k++] = u->args[i];
    if (u->dir[0]) {
        if (asprintf(&wd, "-working-directory=%s", u->dir) < 0)
            abort();
        args[k++] = wd;
    }
    args[k++] = "-D__LOCKCHECK__=1";
    args[k++] = "-Wno-everything";
    args[k++] = "-ferror-limit=0";
    CXTranslationUnit tu = NULL;
    unsigned opts = CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_KeepGoing;
    enum CXErrorCode rc = clang_parseTranslationUnit2(idx, u->file, args, k, NULL, 0, opts, &tu);
    if (rc != CXError_Success || !tu) {
        fprintf(stderr, "bareparse: %s: libclang %s\n", u->file,
                rc == CXError_Crashed ? "crashed" : "could not parse it");
        atomic_fetch_add(&failures, 1);
    } else {
        clang_disposeTranslationUnit(tu);
    }
    free(wd);
    free(args);
}

static void *worker(void *unused)
{
    (void)unused;
    CXIndex idx = clang_createIndex(0, 0);
    for (;;) {
        size_t i = atomic_fetch_add(&next_unit, 1);
        if (i >= nunits)
            break;
        parse_unit(idx, &units[i]);
    }
    clang_disposeIndex(idx);
    return NULL;
}

static int read_units(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, alloc = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        if (!len)
            continue;
        char *copy = strdup(line);
        const char **fields = malloc(MAX_FIELDS * sizeof *fields);
        if (!copy || !fields)
            abort();
        int n = 0;
        for (char *p = copy;;) {
            char *tab = strchr(p, '\t');
            if (n == MAX_FIELDS)
                break;
            fields[n++] = p;
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (n < 2) {
            fprintf(stderr, "%s: a line needs a directory and a file\n", path);
            fclose(f);
            return -1;
        }
        if (nunits == alloc) {
            alloc = alloc ? 2 * alloc : 64;
            units = realloc(units, alloc * sizeof *units);
            if (!units)
                abort();
        }
        units[nunits++] = (struct unit){(char *)fields[0], (char *)fields[1], fields + 2, n - 2};
    }
    free(line);
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    unsigned jobs = 1;
    int i = 1;
    if (i + 1 < argc && !strcmp(argv[i], "-j")) {
        jobs = (unsigned)atoi(argv[i + 1]);
        i += 2;
    }
    if (i + 1 != argc || jobs == 0) {
        fprintf(stderr, "usage: bareparse [-j N] JOBS_FILE\n");
        return 2;
    }
    if (read_units(argv[i]) != 0)
        return 2;
    setenv("LIBCLANG_NOTHREADS", "1", 1);
    if (jobs > nunits)
        jobs = nunits ? (unsigned)nunits : 1;
    pthread_t *threads = calloc(jobs, sizeof *threads);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, WORKER_STACK);
    unsigned started = 0;
    while (started < jobs && pthread_create(&threads[started], &attr, worker, NULL) == 0)
        started++;
    pthread_attr_destroy(&attr);
    if (!started)
        worker(NULL);
    for (unsigned t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    return atomic_load(&failures) ? 1 : 0;
}
