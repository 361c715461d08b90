/* SPDX-License-Identifier: MIT
 * textenc: any bytes as JSON text and as URIs. File names on POSIX are
 * bytes; JSON strings are UTF-8, and Jansson refuses anything else (the
 * field would be lost). A name that is not valid UTF-8 is shown with each
 * bad byte as U+FFFD and kept exactly, percent-encoded, beside it; URIs
 * percent-encode every byte that may not stand for itself (spaces too). */
#ifndef LC_TEXTENC_H
#define LC_TEXTENC_H

#include <jansson.h>
#include <stdbool.h>

bool textenc_is_utf8(const char *s);
/* A JSON string of s: s itself when it is valid UTF-8, else s with every
 * byte that is not part of a valid sequence replaced by U+FFFD. */
json_t *textenc_json(const char *s);
/* Sets o[key] to textenc_json(s), and o[key "_bytes"] to s percent-encoded
 * when s is not valid UTF-8 (so that the name can be read back exactly). */
void textenc_set_name(json_t *o, const char *key, const char *s);
/* The name o[key] carries: decoded from o[key "_bytes"] when present, else
 * o[key] itself; NULL when absent or malformed. Free with free(). */
char *textenc_get_name(json_t *o, const char *key);
/* s percent-encoded for a URI path: letters, digits, "-._~", "/" and the
 * sub-delimiters stay, every other byte becomes %XX. Free with free(). */
char *textenc_uri_path(const char *s);
/* %XX decoded; NULL on a malformed escape or a decoded NUL. */
char *textenc_uri_decode(const char *s);

#endif
