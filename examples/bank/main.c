#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include "worker.h"

#define NUM_ACCOUNTS 8
#define NUM_WORKERS 4
#define NUM_JOBS 400
#define QUEUE_CAP 32
#define OPENING_BALANCE 5000L

static long total_balance(struct bank *b)
{
    long total = 0;

    for (size_t i = 0; i < b->naccounts; i++)
        total += account_balance(&b->accounts[i]);
    return total;
}

/* A fixed, repeatable workload: source and target always differ and the
 * amounts are small next to the opening balances. */
static struct job make_job(unsigned i)
{
    struct job job = {
        .id = i,
        .from = i % NUM_ACCOUNTS,
        .to = (5 * i + 3) % NUM_ACCOUNTS,
        .amount = 1 + (long)((7 * i) % 20),
    };
    return job;
}

int main(void)
{
    struct account accounts[NUM_ACCOUNTS];
    struct ledger ledger;
    struct queue queue;
    struct bank bank = {
        .accounts = accounts, .naccounts = NUM_ACCOUNTS,
        .ledger = &ledger, .queue = &queue,
    };
    pthread_t workers[NUM_WORKERS];
    size_t started = 0, entries;
    unsigned long completed, failed, leftover = 0;
    long before, after, moved, recorded;
    struct job job;
    int rc;

    for (unsigned i = 0; i < NUM_ACCOUNTS; i++)
        if (account_init(&accounts[i], i, OPENING_BALANCE) != 0)
            return 1;
    if (ledger_init(&ledger, NUM_JOBS) != 0 ||
        queue_init(&queue, QUEUE_CAP) != 0 ||
        pthread_mutex_init(&bank.stats_mu, NULL) != 0) {
        fprintf(stderr, "bank: setup failed\n");
        return 1;
    }
    before = total_balance(&bank);

    for (size_t i = 0; i < NUM_WORKERS; i++) {
        rc = pthread_create(&workers[i], NULL, worker_main, &bank);
        if (rc != 0) {
            fprintf(stderr, "bank: cannot start worker: %s\n", strerror(rc));
            break;
        }
        started++;
    }

    for (unsigned i = 0; started > 0 && i < NUM_JOBS; i++) {
        job = make_job(i);
        while ((rc = queue_push(&queue, &job)) == -ENOSPC)
            sched_yield();
        if (rc != 0) {
            fprintf(stderr, "bank: cannot queue job %u\n", i);
            break;
        }
    }
    queue_close(&queue);
    for (size_t i = 0; i < started; i++)
        pthread_join(workers[i], NULL);

    /* The workers are gone; anything still queued was never processed. */
    while (queue_try_pop(&queue, &job) == 0)
        leftover++;

    after = total_balance(&bank);
    bank_stats(&bank, &completed, &failed, &moved);
    ledger_summary(&ledger, &entries, &recorded);

    printf("workers:      %zu\n", started);
    printf("transfers:    %lu done, %lu failed, %lu never run\n",
           completed, failed, leftover);
    printf("moved:        %ld (ledger: %zu entries, %ld total)\n",
           moved, entries, recorded);
    printf("bank total:   %ld before, %ld after\n", before, after);

    rc = (started == NUM_WORKERS && completed == NUM_JOBS && leftover == 0 &&
          before == after && recorded == moved) ? 0 : 1;

    pthread_mutex_destroy(&bank.stats_mu);
    queue_destroy(&queue);
    ledger_destroy(&ledger);
    for (size_t i = 0; i < NUM_ACCOUNTS; i++)
        account_destroy(&accounts[i]);
    return rc;
}
