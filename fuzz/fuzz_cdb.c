/* SPDX-License-Identifier: MIT
 * Fuzz target: the compile database loader (cdb_load_text), plus the
 * command splitter and path joiner on strings taken from the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "support/arena.h"
#include "input/cdb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena *a = arena_new();
    struct job_list l = {0};
    struct diag d;
    /* Not NUL-terminated on purpose: the loader must honour `len`. */
    cdb_load_text(a, "/fuzz/build/compile_commands.json", (const char *)data, size, &l, &d);
    job_list_free(&l);

    /* The same bytes as a shell command line and as a relative path. */
    char *text = malloc(size + 1);
    if (text) {
        memcpy(text, data, size);
        text[size] = '\0';
        unsigned n;
        (void)cdb_split_command(a, text, &n);
        (void)cdb_join(a, "/fuzz/dir", text);
        (void)cdb_display_path(a, text);
        free(text);
    }
    arena_free(a);
    return 0;
}
