/* SPDX-License-Identifier: MIT */
#include "support/fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "support/arena.h"

char *fileio_read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0, got;
    char *s = xmalloc(cap + 1);
    while ((got = fread(s + n, 1, cap - n, f)) > 0)
        if ((n += got) == cap)
            s = xrealloc(s, (cap *= 2) + 1);
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (err) {
        free(s);
        errno = err;
        return NULL;
    }
    s[n] = '\0';
    *len = n;
    return s;
}
