/* SPDX-License-Identifier: MIT
 * checks: the registry of checks (CHECKS_LIST in checks.h). */
#include "checks/checks.h"

void checks_run(const struct check_ctx *c)
{
#define CHECK(name) check_##name(c);
    CHECKS_LIST
#undef CHECK
}
