// Project lock functions and function-like macros described by a rules file:
// conn_lock/conn_unlock_put act on c->mu, LOCK_CONN/UNLOCK_CONN on their argument.
// args: --rules helpers.json
#include <pthread.h>

struct conn {
    pthread_mutex_t mu;
    int refs;
    int state;
};

struct conn_ops {
    void (*lock)(pthread_mutex_t *mu);
    void (*unlock)(pthread_mutex_t *mu);
};

extern const struct conn_ops *ops;

void conn_lock(struct conn *c);
void conn_unlock_put(struct conn *c);

#define LOCK_CONN(m) (ops->lock(m))
#define UNLOCK_CONN(m) (ops->unlock(m))

void conn_set(struct conn *c, int st)
{
    conn_lock(c);
    c->state = st;
    conn_unlock_put(c);
}

int conn_set_checked(struct conn *c, int st)
{
    conn_lock(c);
    if (st < 0)
        return -1; // expect: missing-release
    c->state = st;
    conn_unlock_put(c);
    return 0;
}

void conn_touch(struct conn *c)
{
    LOCK_CONN(&c->mu);
    c->refs++;
    UNLOCK_CONN(&c->mu);
}

void conn_touch_put(struct conn *c)
{
    LOCK_CONN(&c->mu);
    c->refs++;
    conn_unlock_put(c);
}

void conn_relock(struct conn *c)
{
    conn_lock(c);
    LOCK_CONN(&c->mu); // expect: double-acquire
    c->refs++;
    conn_unlock_put(c);
}

int conn_state(struct conn *c)
{
    int st;

    LOCK_CONN(&c->mu);
    if (!c->state)
        return 0; // expect: missing-release
    st = c->state;
    UNLOCK_CONN(&c->mu);
    return st;
}
