/* SPDX-License-Identifier: MIT
 * outflags: compiler options that write files (see outflags.h). */
#include "input/outflags.h"

#include <stdbool.h>
#include <string.h>

#include "support/arena.h"
#include "support/strbuf.h"

/* Dependency options that name a file in the next word (or joined). */
static bool takes_file(const char *w)
{
    return !strcmp(w, "-MF") || !strcmp(w, "-MT") || !strcmp(w, "-MQ") || !strcmp(w, "-MJ");
}

static bool joined_file(const char *w)
{
    return (!strncmp(w, "-MF", 3) || !strncmp(w, "-MT", 3) || !strncmp(w, "-MQ", 3) ||
            !strncmp(w, "-MJ", 3)) && w[3];
}

static bool alone(const char *w)
{
    static const char *const flags[] = {"-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-MV",
                                        "--dependencies", "--user-dependencies",
                                        "--write-dependencies", "--write-user-dependencies",
                                        NULL};
    for (unsigned i = 0; flags[i]; i++)
        if (!strcmp(w, flags[i]))
            return true;
    return false;
}

/* `-Wp,-MD,./.x.o.d,-DX`: the items that are no dependency options, as
 * a `-Wp,` word again, or NULL when none is left. -MD and -MMD take the
 * file as the preprocessor's next item. */
static const char *strip_wp(struct arena *a, const char *w)
{
    struct strbuf kept = {0};
    const char *p = w + 4;
    bool skip_next = false;
    while (*p) {
        size_t len = strcspn(p, ",");
        char *item = arena_strndup(a, p, len);
        p += len + (p[len] == ',');
        if (skip_next) {
            skip_next = false;
            continue;
        }
        if (takes_file(item) || !strcmp(item, "-MD") || !strcmp(item, "-MMD")) {
            skip_next = true;
            continue;
        }
        if (joined_file(item) || alone(item))
            continue;
        strbuf_printf(&kept, "%s%s", kept.len ? "," : "-Wp,", item);
    }
    const char *out = kept.len ? arena_strdup(a, kept.s) : NULL;
    strbuf_free(&kept);
    return out;
}

const char **outflags_strip(struct arena *a, const char *const *words, unsigned n,
                            unsigned *out_n)
{
    const char **out = arena_alloc(a, (n + 1) * sizeof *out);
    unsigned k = 0;
    for (unsigned i = 0; i < n; i++) {
        const char *w = words[i];
        if (takes_file(w)) {
            i++;
            continue;
        }
        if (joined_file(w) || alone(w))
            continue;
        if (!strcmp(w, "-Xpreprocessor") && i + 1 < n && !strncmp(words[i + 1], "-M", 2)) {
            bool file = takes_file(words[i + 1]);
            i += 1 + (file && i + 3 < n && !strcmp(words[i + 2], "-Xpreprocessor") ? 2 : 0);
            continue;
        }
        if (!strncmp(w, "-Wp,", 4)) {
            w = strip_wp(a, w);
            if (!w)
                continue;
        }
        out[k++] = w;
    }
    *out_n = k;
    return out;
}
