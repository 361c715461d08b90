/* SPDX-License-Identifier: MIT
 * outflags: compiler options that write files. A compile database keeps
 * the build's own command, and libclang honours some of its options while
 * it only parses: `-MD -MF dir/.x.o.d` or the kernel-style
 * `-Wp,-MD,./.x.o.d` writes a dependency file relative to the working
 * directory, `-MJ` a database fragment. lockcheck never writes into the
 * project it analyses, so these go before the parse, and `-M`/`-MM`
 * (which would only preprocess) with them. */
#ifndef LC_OUTFLAGS_H
#define LC_OUTFLAGS_H

struct arena;

/* words[0..n) without the options that write files (a `-Wp,` list keeps
 * its other items); the count in *out_n. The list and any rewritten word
 * are allocated in a; the other words are shared. */
const char **outflags_strip(struct arena *a, const char *const *words, unsigned n,
                            unsigned *out_n);

#endif
