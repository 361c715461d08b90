// missing-release: an early return leaves with the queue lock held. It is
// reported once, at that return; the correct exit below it stays quiet.
#include <pthread.h>

struct queue {
    pthread_mutex_t mu;
    int len;
    int cap;
    int items[16];
};

int queue_push(struct queue *q, int v)
{
    pthread_mutex_lock(&q->mu);
    if (q->len == q->cap)
        return -1; // expect: missing-release
    q->items[q->len++] = v;
    pthread_mutex_unlock(&q->mu);
    return 0;
}

int queue_push_fixed(struct queue *q, int v)
{
    pthread_mutex_lock(&q->mu);
    if (q->len == q->cap) {
        pthread_mutex_unlock(&q->mu);
        return -1;
    }
    q->items[q->len++] = v;
    pthread_mutex_unlock(&q->mu);
    return 0;
}
