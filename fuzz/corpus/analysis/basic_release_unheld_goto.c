// release-unheld: a goto taken before the lock reaches the unlock at the
// shared 'out' label, so on that path the mutex is released without being held.
#include <pthread.h>
#include <stdlib.h>

struct dev {
    pthread_mutex_t mu;
    int *buf;
    int state;
};

int dev_start(struct dev *d, int n)
{
    int rc = -1;

    if (n <= 0)
        goto out;
    pthread_mutex_lock(&d->mu);
    d->buf = calloc((size_t)n, sizeof(int));
    if (!d->buf)
        goto out;
    d->state = 1;
    rc = 0;
out:
    pthread_mutex_unlock(&d->mu); // expect: release-unheld
    return rc;
}

int dev_start_fixed(struct dev *d, int n)
{
    int rc = -1;

    if (n <= 0)
        goto out;
    pthread_mutex_lock(&d->mu);
    d->buf = calloc((size_t)n, sizeof(int));
    if (!d->buf)
        goto out_unlock;
    d->state = 1;
    rc = 0;
out_unlock:
    pthread_mutex_unlock(&d->mu);
out:
    return rc;
}
