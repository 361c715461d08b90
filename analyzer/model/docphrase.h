/* SPDX-License-Identifier: MIT
 * docphrase: what a function's comment says about the locks it leaves
 * held. Most C code states its locking contract in prose, not in
 * attributes: "returns with the lock held on success", "the caller must
 * unlock", "@brief Lock both entries in order". A function documented so
 * is a lock function by contract; a lock it returns holding is the
 * caller's to release. The test is on the words alone: it says nothing
 * of which lock, so it only ever stops a missing-release finding. */
#ifndef LC_DOCPHRASE_H
#define LC_DOCPHRASE_H

#include <stdbool.h>

/* Whether the comment text (with its markers) says the function named
 * `function` returns with a lock held for its caller to release. A
 * summary line in the imperative ("Lock both entries") counts only for a
 * function whose name says it locks too: "grabs the server lock" above a
 * command handler tells what the body does, not what it leaves held. */
bool docphrase_returns_holding(const char *comment, const char *function);

#endif
