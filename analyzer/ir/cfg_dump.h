/* SPDX-License-Identifier: MIT
 * cfg_dump: prints a CFG for developers (LOCKCHECK_DUMP_CFG=1). */
#ifndef LC_CFG_DUMP_H
#define LC_CFG_DUMP_H

#include <stdio.h>

#include "ir/cfg.h"

void cfg_dump(FILE *out, const struct cfg *g);

#endif
