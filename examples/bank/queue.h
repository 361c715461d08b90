#ifndef BANK_QUEUE_H
#define BANK_QUEUE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* A request to move amount from account `from` to account `to`. */
struct job {
    unsigned id, from, to;
    long amount;
};

/* Bounded FIFO of jobs shared by the producer and the workers. mu protects
 * every field after it; nonempty is signalled when a job is added or the
 * queue is closed. */
struct queue {
    pthread_mutex_t mu;
    pthread_cond_t nonempty;
    struct job *slots;
    size_t cap, head, len;
    bool closed;
};

int queue_init(struct queue *q, size_t cap);
void queue_destroy(struct queue *q);

/* 0, -ENOSPC when the queue is full, -EPIPE once it has been closed. */
int queue_push(struct queue *q, const struct job *job);

/* Blocks until a job is available; -EPIPE once closed and empty. */
int queue_pop(struct queue *q, struct job *out);

/* Never blocks: -EBUSY if another thread holds the queue, -EAGAIN if empty. */
int queue_try_pop(struct queue *q, struct job *out);

/* No more pushes; wakes every waiting worker. */
void queue_close(struct queue *q);

#endif
