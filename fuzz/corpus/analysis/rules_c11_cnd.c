// requires-lock for C11 cnd_wait: the wait loop under the mutex is quiet, a
// wait after mtx_unlock is reported (the wait re-takes the mutex).
#include <threads.h>

static mtx_t mu;
static cnd_t cv;
static int ready;

int wait_ready(void)
{
    if (mtx_lock(&mu) != thrd_success)
        return -1;
    while (!ready)
        cnd_wait(&cv, &mu);
    ready = 0;
    mtx_unlock(&mu);
    return 0;
}

void wait_after_unlock(void)
{
    mtx_lock(&mu);
    ready = 0;
    mtx_unlock(&mu);
    cnd_wait(&cv, &mu); // expect: requires-lock
    mtx_unlock(&mu);
}
