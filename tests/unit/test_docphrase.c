/* SPDX-License-Identifier: MIT
 * docphrase: which comments state a return-holding contract. Each group
 * has phrasings that say it and near misses that must not. */
#include "check.h"
#include "model/docphrase.h"

#define SAYS(text) CHECK_TRUE(docphrase_returns_holding(text, "find_entry"))
#define SILENT(text) CHECK_TRUE(!docphrase_returns_holding(text, "find_entry"))
/* the imperative summary line counts for a function named to lock */
#define SAYS_OF_LOCKER(text) CHECK_TRUE(docphrase_returns_holding(text, "src_dest_lock"))
#define SILENT_OF_LOCKER(text) CHECK_TRUE(!docphrase_returns_holding(text, "src_dest_lock"))

static void returns_with(void)
{
    SAYS("/* returns with lock on realm */");
    SAYS("/*\n * On success, returns with RPC_DPLX_LOCKED\n */");
    SAYS("/* The function will return with the lock aquired if successful */");
    SAYS("// if found, it will be returned with the lock taken !!");
    SAYS("/** Returns with z->mutex held upon success. */");
    SAYS("/* entry is returned with mutex locked */");
    SAYS("/* returns holding the bucket's spinlock */");
    /* a reference, a buffer, a block: no lock */
    SILENT("/* return with a reference held after a lookup */");
    SILENT("/* Returns with the buffer for the block gotten. */");
    /* the lock is given back */
    SILENT("/* delete (returns with UNLOCK-ed_HASH) */");
    SILENT("/* returns with the lock released */");
    SILENT("/* returns without the lock */");
    /* a lock word in the next sentence belongs to another statement */
    SILENT("/* Returns with an error code. The lock protects the list. */");
}

static void held_on_return(void)
{
    SAYS("/* The queue lock is still held on return. */");
    SAYS("/* @note the mutex stays locked on exit */");
    SILENT("/* The reference is held on return. */");
    SILENT("/* the lock is not held on return */");
}

/* a return value's description names the state it leaves */
static void return_value_leaves_locked(void)
{
    SAYS("/**\n * @retval HASHTABLE_SUCCESS The entry was found, the table is\n *         latched.\n */");
    SAYS("/* Returns 0 and the bucket lock stays held. */");
    SAYS("/* @return 1 if found, and the entry is left locked */");
    SILENT("/* @retval Others, failure, the table is not latched. */");
    SILENT("/* @return 0 when the entry is held by another thread */");
    SILENT("/* Lookup. The table is latched by the caller. */");
    SILENT("/* Returns EBUSY if the mutex is already locked. */");
}

static void caller_releases(void)
{
    SAYS("/* Caller should unlock this mutex as soon as possible */");
    SAYS("/* the caller must release the lock */");
    SAYS("/* the entry's lock is unlocked by the caller */");
    SILENT("/* The buffer is allocated and should be released by the caller. */");
    SILENT("/* caller should lock the mutex */");
    SILENT("/* the caller must not unlock it */");
    SILENT("/* the caller must release the buffer */");
}

static void imperative_summary(void)
{
    SAYS_OF_LOCKER("/**\n * @brief Lock two directories in order\n */");
    SAYS_OF_LOCKER("/* Locks both entries, lowest address first. */");
    SAYS_OF_LOCKER("// Acquire the table lock for writing.");
    /* a header that names the function before its summary */
    SAYS_OF_LOCKER("/*\n * src_dest_lock - acquire a suitable lock for the move\n */");
    SAYS_OF_LOCKER("/** src_dest_lock() - lock both directories */");
    SILENT_OF_LOCKER("/* src_dest_lock - lock ordering of the two directories */");
    SILENT_OF_LOCKER("/* other_function - acquire a suitable lock */");
    /* what a handler's body does is no contract */
    SILENT("/* grabs the server lock */");
    SILENT("/**\n * @brief Lock two directories in order\n */");
    CHECK_TRUE(!docphrase_returns_holding("/* Lock both entries */", "entries_unlock"));
    CHECK_TRUE(!docphrase_returns_holding("/* Lock both entries */", NULL));
    SILENT_OF_LOCKER("/* Lock ordering: a before b. */");
    SILENT_OF_LOCKER("/* Locks must be held by the caller. */");
    SILENT_OF_LOCKER("/* Lock the queue, drain it and unlock it. */");
    SILENT_OF_LOCKER("/* Lock-free ring buffer push. */");
    SILENT_OF_LOCKER("/* Blocks until the worker is done. */");
    SILENT(NULL);
    SILENT("/* a -> b, -> ->x -- - */");
    SILENT("->");
    SILENT("/* x-> */");
    SILENT("");
}

int main(void)
{
    returns_with();
    held_on_return();
    return_value_leaves_locked();
    caller_releases();
    imperative_summary();
    return check_report("docphrase");
}
