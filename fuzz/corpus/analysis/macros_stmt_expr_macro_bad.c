// missing-release: a statement-expression macro takes the lock and yields a
// value, leaving the unlock to the caller; one caller returns early.
#include <pthread.h>

#define GET_LOCKED(c) ({ pthread_mutex_lock(&(c)->mu); (c)->n; })

struct counter {
    pthread_mutex_t mu;
    long n;
};

long counter_take(struct counter *c)
{
    long v = GET_LOCKED(c);

    if (v <= 0)
        return 0; // expect: missing-release
    c->n = v - 1;
    pthread_mutex_unlock(&c->mu);
    return v;
}

long counter_peek(struct counter *c)
{
    long v = GET_LOCKED(c);

    pthread_mutex_unlock(&c->mu);
    return v;
}
