/* SPDX-License-Identifier: MIT
 * diag: building and printing input errors. */
#include "support/diag.h"

#include <stdarg.h>
#include <string.h>

bool diag_set(struct diag *d, const char *file, unsigned line, unsigned column,
              const char *fmt, ...)
{
    snprintf(d->file, sizeof d->file, "%s", file ? file : "");
    d->line = line;
    d->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
    return false;
}

bool diag_wrap(struct diag *d, const char *fmt, ...)
{
    char joined[2 * sizeof d->message];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(joined, sizeof joined, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof joined)
        snprintf(joined + n, sizeof joined - (size_t)n, ": %s", d->message);
    memcpy(d->message, joined, sizeof d->message - 1);
    d->message[sizeof d->message - 1] = '\0';
    return false;
}

void diag_print(FILE *out, const struct diag *d)
{
    if (d->file[0]) {
        fputs(d->file, out);
        if (d->line) {
            fprintf(out, ":%u", d->line);
            if (d->column)
                fprintf(out, ":%u", d->column);
        }
        fputs(": ", out);
    } else {
        fputs("lockcheck: ", out);
    }
    fprintf(out, "error: %s\n", d->message);
}

void diag_usage(const char *fmt, ...)
{
    va_list ap;
    fputs("lockcheck: error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n(see 'lockcheck --help')\n", stderr);
}
