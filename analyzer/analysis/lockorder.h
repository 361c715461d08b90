/* SPDX-License-Identifier: MIT
 * lockorder: turns the lock-order pairs gathered over a whole run into
 * lock-order findings: two classes taken in opposite orders somewhere in
 * the analysed code, each finding showing both acquisition sites. */
#ifndef LC_LOCKORDER_H
#define LC_LOCKORDER_H

#include "model/finding.h"

/* Adds the findings to the collector (call before collector_sort). */
void lockorder_report(struct collector *c);

#endif
