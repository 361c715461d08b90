/* SPDX-License-Identifier: MIT
 * gccdirs: the headers a GCC compiler ships with. A compile database made
 * by a GCC build names `gcc` (or `cc`, `g++`, `x86_64-linux-gnu-gcc-12`),
 * and some of its files include headers that only GCC's own folder has
 * (<omp.h> with -fopenmp, <quadmath.h>, <openacc.h>): libclang, with its
 * own resource headers instead, would fail on every such file. For an
 * entry whose compiler is GCC, a file whose parse misses a header that
 * the folder has is parsed again with the folder searched after every
 * other (-idirafter). Never for every file: clang's own <stdatomic.h>
 * includes the next one of its name, which would then be GCC's, written
 * with built-ins clang rejects. The folder is
 * found on disk (/usr/lib/gcc/TRIPLE/VERSION/include, the version the
 * compiler's name asks for or else the highest); the compiler of the
 * database is never run. What clang cannot read there is no error of the
 * file analysed (gcc_owns_header). */
#ifndef LC_GCCDIRS_H
#define LC_GCCDIRS_H

#include <stdbool.h>

/* Whether a compiler path names GCC: its base name is gcc, g++, cc or c++,
 * with an optional target prefix (`x86_64-linux-gnu-`) and version suffix
 * (`-12`). */
bool gcc_is_gcc(const char *compiler);

/* GCC's own include folder for that compiler, or NULL when there is none
 * on this machine. Looked up once per version asked for; the result is
 * static and thread-safe to read once returned. Call from one thread. */
const char *gcc_include_dir(const char *compiler);

/* Whether path lies in a folder gcc_include_dir returned: GCC's own
 * headers, written for GCC (`__attribute__((__malloc__(free_fn)))`), where
 * an error is the compilers' difference, not the project's. */
bool gcc_owns_header(const char *path);

#endif
