#define _POSIX_C_SOURCE 200809L

#include "ledger.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int ledger_init(struct ledger *lg, size_t initial_cap)
{
    lg->cap = initial_cap > 0 ? initial_cap : 16;
    lg->len = 0;
    lg->entries = malloc(lg->cap * sizeof *lg->entries);
    if (lg->entries == NULL)
        return -ENOMEM;
    if (pthread_mutex_init(&lg->mu, NULL) != 0) {
        free(lg->entries);
        return -EAGAIN;
    }
    return 0;
}

void ledger_destroy(struct ledger *lg)
{
    pthread_mutex_destroy(&lg->mu);
    free(lg->entries);
    lg->entries = NULL;
}

int ledger_append(struct ledger *lg, const struct job *done)
{
    pthread_mutex_lock(&lg->mu);
    while (lg->len == lg->cap) {
        size_t want = 2 * lg->cap;
        struct job *grown;

        /* malloc can be slow, so allocate without the ledger lock, then
         * take it again and re-check: another thread may have grown the
         * ledger in the meantime. */
        grown = malloc(want * sizeof *grown);
        pthread_mutex_lock(&lg->mu); /* BUG: the unlock before malloc was forgotten, so this locks lg->mu a second time while already holding it and the thread deadlocks on itself */
        if (grown == NULL) {
            pthread_mutex_unlock(&lg->mu);
            return -ENOMEM;
        }
        if (lg->cap < want) {
            memcpy(grown, lg->entries, lg->len * sizeof *grown);
            free(lg->entries);
            lg->entries = grown;
            lg->cap = want;
        } else {
            free(grown);
        }
    }
    lg->entries[lg->len++] = *done;
    pthread_mutex_unlock(&lg->mu);
    return 0;
}

void ledger_summary(struct ledger *lg, size_t *count, long *total)
{
    long sum = 0;

    pthread_mutex_lock(&lg->mu);
    for (size_t i = 0; i < lg->len; i++)
        sum += lg->entries[i].amount;
    *count = lg->len;
    pthread_mutex_unlock(&lg->mu);
    *total = sum;
}
