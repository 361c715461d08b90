/* SPDX-License-Identifier: MIT
 * strbuf: growable heap string. The owner calls strbuf_free or takes the
 * buffer with strbuf_take (then frees it with free()). */
#ifndef LC_STRBUF_H
#define LC_STRBUF_H

#include <stddef.h>

struct strbuf {
    char *s;
    size_t len, cap;
};

void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_putc(struct strbuf *b, char c);
void strbuf_printf(struct strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Always NUL-terminated, "" for an empty buffer. */
const char *strbuf_str(struct strbuf *b);
char *strbuf_take(struct strbuf *b);
void strbuf_free(struct strbuf *b);

#endif
