/* SPDX-License-Identifier: MIT
 * Fuzz target: the comment reader (docphrase_returns_holding). The input
 * is copied and NUL-terminated, as a comment read back from a file is. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/docphrase.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    (void)docphrase_returns_holding(text, "fuzz_lock");
    free(text);
    return 0;
}
