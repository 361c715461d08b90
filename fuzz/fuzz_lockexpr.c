/* SPDX-License-Identifier: MIT
 * Fuzz target: the lock expression parser (lockexpr_parse). The input is
 * copied and NUL-terminated; $0 and $1 stand for two canonical paths. Each
 * successful parse is fed back through the parser (a canonical path is
 * itself a C expression) and through the constructors. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "model/lockexpr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';

    struct arena *a = arena_new();
    static const char *const args[] = {"c", "*q->owner"};
    struct diag d;
    const char *p = lockexpr_parse(a, text, args, 2, &d);
    if (p) {
        const char *again = lockexpr_parse(a, p, args, 2, &d);
        if (again) {
            (void)lockexpr_addr(a, again);
            (void)lockexpr_deref(a, again);
            (void)lockexpr_member(a, again, "mu");
            (void)lockexpr_index(a, again);
            (void)lockexpr_pointee(a, lockexpr_addr(a, again));
        }
    }
    arena_free(a);
    free(text);
    return 0;
}
