/* SPDX-License-Identifier: MIT
 * textenc: any bytes as JSON text and as URIs (textenc.h). */
#include "support/textenc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

/* Length of the valid UTF-8 sequence at s (RFC 3629: no overlongs, no
 * surrogates, nothing past U+10FFFF), or 0. */
static unsigned sequence_length(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    unsigned n = s[0] >= 0xC2 && s[0] <= 0xDF   ? 2
                 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
                 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
                                                : 0;
    for (unsigned i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
        (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
        return 0;
    return n;
}

bool textenc_is_utf8(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned n = sequence_length(p);
        if (!n)
            return false;
        p += n;
    }
    return true;
}

json_t *textenc_json(const char *s)
{
    if (textenc_is_utf8(s))
        return json_string(s);
    char *out = xmalloc(3 * strlen(s) + 1), *w = out;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned n = sequence_length(p);
        if (n) {
            memcpy(w, p, n);
            w += n;
            p += n;
        } else {
            memcpy(w, "\xEF\xBF\xBD", 3); /* U+FFFD */
            w += 3;
            p++;
        }
    }
    *w = '\0';
    json_t *j = json_string(out);
    free(out);
    return j;
}

static bool stays(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c && strchr("-._~/!$&'()*+,;=:@", c));
}

char *textenc_uri_path(const char *s)
{
    char *out = xmalloc(3 * strlen(s) + 1), *w = out;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (stays(*p))
            *w++ = (char)*p;
        else
            w += sprintf(w, "%%%02X", *p);
    }
    *w = '\0';
    return out;
}

static int hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

char *textenc_uri_decode(const char *s)
{
    char *out = xmalloc(strlen(s) + 1), *w = out;
    for (const char *p = s; *p; p++) {
        if (*p != '%') {
            *w++ = *p;
            continue;
        }
        int hi = hex(p[1]), lo = hi < 0 ? -1 : hex(p[2]);
        if (lo < 0 || (hi == 0 && lo == 0)) {
            free(out);
            return NULL;
        }
        *w++ = (char)(16 * hi + lo);
        p += 2;
    }
    *w = '\0';
    return out;
}

void textenc_set_name(json_t *o, const char *key, const char *s)
{
    json_object_set_new(o, key, textenc_json(s));
    if (textenc_is_utf8(s))
        return;
    char bytes_key[64];
    snprintf(bytes_key, sizeof bytes_key, "%s_bytes", key);
    char *enc = textenc_uri_path(s);
    json_object_set_new(o, bytes_key, json_string(enc));
    free(enc);
}

char *textenc_get_name(json_t *o, const char *key)
{
    char bytes_key[64];
    snprintf(bytes_key, sizeof bytes_key, "%s_bytes", key);
    json_t *b = json_object_get(o, bytes_key), *v = json_object_get(o, key);
    if (json_is_string(b))
        return textenc_uri_decode(json_string_value(b));
    return json_is_string(v) ? strdup(json_string_value(v)) : NULL;
}
