/* SPDX-License-Identifier: MIT
 * output: where a report goes. stdout, or a file written atomically: the
 * report is written to a temporary file in the same folder and renamed
 * over the target only when complete, so an interrupted or failed run
 * never leaves a partial file. SIGINT/SIGTERM remove the temporary file.
 * A target that exists and is no regular file (/dev/null, /dev/stdout, a
 * pipe) is written directly; a symbolic link is followed, so the file it
 * names is replaced, not the link. */
#ifndef LC_OUTPUT_H
#define LC_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "support/diag.h"

struct output {
    FILE *f;
    const char *target; /* NULL: stdout */
    bool direct;        /* written in place: no temporary file */
    char tmp[4096 + 32];
    char real[4096];    /* the regular file a symbolic link names */
};

/* Opens stdout (target NULL) or a temporary file beside target. */
bool output_open(struct output *o, const char *target, struct diag *d);
/* Flushes, syncs and renames into place (stdout: flushes). */
bool output_commit(struct output *o, struct diag *d);
/* Removes the temporary file (after an error). */
void output_abandon(struct output *o);
struct json_t;
/* Writes a JSON document (indented) to path atomically; `what` names it in
 * the error ("the baseline"). Takes no reference to doc. */
bool output_json(const char *path, struct json_t *doc, const char *what, struct diag *d);

/* Installs SIGINT/SIGTERM handlers that remove a pending temporary file
 * and then die of the same signal. */
void output_install_signal_cleanup(void);

#endif
