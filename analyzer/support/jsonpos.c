/* SPDX-License-Identifier: MIT
 * jsonpos: a forgiving JSON scanner that walks one path through raw text.
 * It never allocates and never recurses (skipping uses a depth counter). */
#include "support/jsonpos.h"

#include <stdlib.h>
#include <string.h>

struct scan {
    const char *s;
    size_t len, pos;
};

static void skip_ws(struct scan *sc)
{
    while (sc->pos < sc->len && strchr(" \t\r\n", sc->s[sc->pos]) && sc->s[sc->pos])
        sc->pos++;
}

static bool peek(struct scan *sc, char c)
{
    skip_ws(sc);
    return sc->pos < sc->len && sc->s[sc->pos] == c;
}

/* Skips a string starting at its opening quote. */
static void skip_string(struct scan *sc)
{
    sc->pos++;
    while (sc->pos < sc->len && sc->s[sc->pos] != '"')
        sc->pos += sc->s[sc->pos] == '\\' ? 2 : 1;
    if (sc->pos < sc->len)
        sc->pos++;
}

static void skip_value(struct scan *sc)
{
    int depth = 0;
    skip_ws(sc);
    while (sc->pos < sc->len) {
        char c = sc->s[sc->pos];
        if (c == '"') {
            skip_string(sc);
        } else if (c == '{' || c == '[') {
            depth++;
            sc->pos++;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return;
            depth--;
            sc->pos++;
        } else if (c == ',' && depth == 0) {
            return;
        } else {
            sc->pos++;
        }
        if (depth == 0 && (c == '"' || c == '}' || c == ']'))
            return;
    }
}

/* Enters object member `key`; leaves pos at the key (at_key) or the value. */
static bool enter_key(struct scan *sc, const char *key, size_t klen, bool at_key)
{
    if (!peek(sc, '{'))
        return false;
    sc->pos++;
    while (peek(sc, '"')) {
        size_t kstart = sc->pos;
        skip_string(sc);
        bool match = sc->pos - kstart - 2 == klen && !memcmp(sc->s + kstart + 1, key, klen);
        if (!peek(sc, ':'))
            return false;
        sc->pos++;
        if (match) {
            if (at_key)
                sc->pos = kstart;
            else
                skip_ws(sc);
            return true;
        }
        skip_value(sc);
        if (!peek(sc, ','))
            return false;
        sc->pos++;
    }
    return false;
}

static bool enter_index(struct scan *sc, unsigned long index)
{
    if (!peek(sc, '['))
        return false;
    sc->pos++;
    for (unsigned long i = 0; i < index; i++) {
        skip_value(sc);
        if (!peek(sc, ','))
            return false;
        sc->pos++;
    }
    skip_ws(sc);
    return sc->pos < sc->len && sc->s[sc->pos] != ']';
}

static void to_line_column(const struct scan *sc, unsigned *line, unsigned *column)
{
    unsigned l = 1, c = 1;
    for (size_t i = 0; i < sc->pos && i < sc->len; i++) {
        if (sc->s[i] == '\n') {
            l++;
            c = 1;
        } else {
            c++;
        }
    }
    *line = l;
    *column = c;
}

bool jsonpos_find(const char *text, size_t len, const char *path, bool at_key,
                  unsigned *line, unsigned *column)
{
    struct scan sc = {text, len, 0};
    const char *p = path;
    skip_ws(&sc);
    while (*p) {
        if (*p == '.') {
            p++;
        } else if (*p == '[') {
            char *end;
            unsigned long idx = strtoul(p + 1, &end, 10);
            if (*end != ']' || !enter_index(&sc, idx))
                return false;
            p = end + 1;
        } else {
            size_t n = strcspn(p, ".[");
            bool last = p[n] == '\0';
            if (!enter_key(&sc, p, n, at_key && last))
                return false;
            p += n;
        }
    }
    to_line_column(&sc, line, column);
    return true;
}
