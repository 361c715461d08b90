/* SPDX-License-Identifier: MIT
 * fileio: whole-file reads, the one loop every reader of a file shares. */
#ifndef LC_FILEIO_H
#define LC_FILEIO_H

#include <stddef.h>

/* The bytes of the file at path, NUL-terminated (so text can be scanned as
 * a string), with their count in *len. NULL if the file cannot be opened
 * or read; errno then says why. Free with free(). */
char *fileio_read_all(const char *path, size_t *len);

#endif
