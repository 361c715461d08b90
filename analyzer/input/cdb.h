/* SPDX-License-Identifier: MIT
 * cdb: compile_commands.json -> translation-unit jobs. Each job has the
 * absolute source path, the path to show in reports, the entry's working
 * directory and the compiler arguments libclang needs (compiler name, -c,
 * -o and the source itself removed; "command" strings split like a POSIX
 * shell would, without running one). Everything lives in the arena. */
#ifndef LC_CDB_H
#define LC_CDB_H

#include <stdbool.h>
#include <stddef.h>

#include "support/diag.h"

struct arena;

struct job {
    const char *path;      /* absolute */
    const char *display;   /* as shown in reports */
    const char *directory; /* working directory for the compiler, or NULL */
    const char **args;
    unsigned nargs;
    /* For an entry a GCC build wrote, GCC's own header folder (gccdirs.h),
     * or NULL: the parse searches it last when the file includes a header
     * that only it has. */
    const char *gcc_dir;
    /* In-memory text of the file (tests, fuzzing, --staged), or NULL to
     * read it from disk. Borrowed. */
    const char *contents;
    size_t contents_len;
    /* A compile-database entry that could not be read: reported (at the
     * database's line and column) instead of analysed, while the other
     * entries are. NULL for a job to analyse. */
    const char *error;
    unsigned error_line, error_column;
};

struct job_list {
    struct job *v;
    size_t n, cap;
};

void job_list_push(struct job_list *l, struct job j);
void job_list_free(struct job_list *l);
/* Keeps the jobs of shard `shard` (1..nshards) of an even split by file
 * size; every run with the same inputs splits them the same way. */
void job_list_keep_shard(struct job_list *l, unsigned nshards, unsigned shard);

/* Loads every C entry of BUILD_DIR/compile_commands.json (duplicates of
 * one file keep the first entry). With `only` (nonly > 0), keeps just
 * those files. A malformed entry becomes a job with `error` set, and the
 * others are kept. Fills *d and returns false on an unreadable database,
 * one that is not an array, one that lists no C source, or when a file in
 * `only` is not in it. */
bool cdb_load(struct arena *a, const char *build_dir, const char *const *only, size_t nonly,
              struct job_list *out, struct diag *d);
bool cdb_load_text(struct arena *a, const char *name, const char *text, size_t len,
                   struct job_list *out, struct diag *d);

/* Splits a shell command line into words (quotes and backslashes). */
const char **cdb_split_command(struct arena *a, const char *cmd, unsigned *n);
/* Path for reports: relative to the current directory when under it. */
const char *cdb_display_path(struct arena *a, const char *abs_path);
/* dir + "/" + path unless path is absolute; "." and ".." are folded. */
const char *cdb_join(struct arena *a, const char *dir, const char *path);

#endif
