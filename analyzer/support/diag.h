/* SPDX-License-Identifier: MIT
 * diag: one error about bad input, with the file and (when known) the
 * line and column. Fallible functions fill a caller-supplied struct diag;
 * callers add context with diag_wrap. Plain value, no heap. */
#ifndef LC_DIAG_H
#define LC_DIAG_H

#include <stdbool.h>
#include <stdio.h>

struct diag {
    char file[1024];
    unsigned line, column; /* 0 when unknown */
    char message[1024];
};

/* Fill d and return false, so that `return diag_set(...)` reads well. */
bool diag_set(struct diag *d, const char *file, unsigned line, unsigned column,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Prefix the message with context ("while loading rules: ..."). Returns false. */
bool diag_wrap(struct diag *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "file:line:col: error: message\n" (parts that are unknown are left out). */
void diag_print(FILE *out, const struct diag *d);
/* Usage errors and other messages not tied to a file. */
void diag_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
