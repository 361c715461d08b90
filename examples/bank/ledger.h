#ifndef BANK_LEDGER_H
#define BANK_LEDGER_H

#include "queue.h"

/* Append-only record of completed transfers. mu protects entries, len, cap. */
struct ledger {
    pthread_mutex_t mu;
    struct job *entries;
    size_t len;
    size_t cap;
};

int ledger_init(struct ledger *lg, size_t initial_cap);
void ledger_destroy(struct ledger *lg);

/* Returns 0, or -ENOMEM if the ledger could not grow. */
int ledger_append(struct ledger *lg, const struct job *done);

/* Number of entries and the sum of their amounts, read together. */
void ledger_summary(struct ledger *lg, size_t *count, long *total);

#endif
