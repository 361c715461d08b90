#ifndef BANK_WORKER_H
#define BANK_WORKER_H

#include "account.h"
#include "ledger.h"
#include "queue.h"

/* What the worker threads share. stats_mu protects the three
 * counters after it. */
struct bank {
    struct account *accounts;
    size_t naccounts;
    struct ledger *ledger;
    struct queue *queue;

    pthread_mutex_t stats_mu;
    unsigned long completed, failed;
    long moved;
};

/* Thread entry point: takes jobs from bank->queue until it is closed and
 * empty. arg is the struct bank. */
void *worker_main(void *arg);

/* A consistent snapshot of the counters. */
void bank_stats(struct bank *b, unsigned long *completed,
                unsigned long *failed, long *moved);

#endif
