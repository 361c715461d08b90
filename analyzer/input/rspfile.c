/* SPDX-License-Identifier: MIT
 * rspfile: "@FILE" words expanded into the words FILE holds (rspfile.h). */
#include "input/rspfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/cdb.h"
#include "support/arena.h"
#include "support/fileio.h"

struct words {
    const char **v;
    unsigned n, cap;
};

static void push(struct arena *a, struct words *w, const char *s)
{
    if (w->n == w->cap) {
        unsigned cap = w->cap ? 2 * w->cap : 32;
        const char **v = arena_alloc(a, cap * sizeof *v);
        if (w->n)
            memcpy(v, w->v, w->n * sizeof *v);
        w->v = v;
        w->cap = cap;
    }
    w->v[w->n++] = s;
}

static bool expand(struct arena *a, const char *const *in, unsigned n, const char *dir,
                   unsigned depth, struct words *out, char *err, unsigned errlen);

/* One "@FILE": its words, themselves expanded one level deeper. */
static bool expand_file(struct arena *a, const char *word, const char *dir, unsigned depth,
                        struct words *out, char *err, unsigned errlen)
{
    if (depth >= RSP_MAX_DEPTH) {
        snprintf(err, errlen, "response file '%s' nests more than %d deep (does it name itself?)",
                 word + 1, RSP_MAX_DEPTH);
        return false;
    }
    const char *path = cdb_join(a, dir, word + 1);
    size_t len;
    char *text = fileio_read_all(path, &len);
    if (!text) {
        snprintf(err, errlen, "cannot read response file '%s': %s", path, strerror(errno));
        return false;
    }
    if (strlen(text) != len) {
        free(text);
        snprintf(err, errlen, "response file '%s' holds a NUL byte", path);
        return false;
    }
    unsigned nw;
    const char **inner = cdb_split_command(a, text, &nw);
    free(text);
    return expand(a, inner, nw, dir, depth + 1, out, err, errlen);
}

static bool expand(struct arena *a, const char *const *in, unsigned n, const char *dir,
                   unsigned depth, struct words *out, char *err, unsigned errlen)
{
    for (unsigned i = 0; i < n; i++) {
        if (in[i][0] != '@' || !in[i][1])
            push(a, out, in[i]);
        else if (!expand_file(a, in[i], dir, depth, out, err, errlen))
            return false;
    }
    return true;
}

bool rsp_expand(struct arena *a, const char *const *words, unsigned n, const char *dir,
                const char ***out, unsigned *nout, char *err, unsigned errlen)
{
    struct words w = {0};
    bool ok = expand(a, words, n, dir, 0, &w, err, errlen);
    *out = w.v;
    *nout = w.n;
    return ok;
}
