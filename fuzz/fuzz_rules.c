/* SPDX-License-Identifier: MIT
 * Fuzz target: the rules loader (rules_load_text) on arbitrary JSON text.
 * The input is loaded twice into one model, the second time under another
 * name, so the "a later file replaces an earlier rule" path runs too. */
#include <stddef.h>
#include <stdint.h>

#include "support/arena.h"
#include "model/model.h"
#include "model/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena *a = arena_new();
    struct model m = {0};
    struct diag d;
    /* The buffer is passed as is, not NUL-terminated: the loader must
     * honour `len`. */
    if (rules_load_text(a, &m, "fuzz.json", (const char *)data, size, &d)) {
        (void)model_function(&m, "pthread_mutex_lock");
        (void)model_has_macros(&m);
        rules_load_text(a, &m, "fuzz2.json", (const char *)data, size, &d);
    }
    model_free(&m);
    arena_free(a);
    return 0;
}
