// missing-release: a lock named through a cast of a void * argument is still
// tracked; the early return leaks it.
#include <pthread.h>
#include <stddef.h>

struct obj {
    pthread_mutex_t mu;
    int v;
};

void *worker(void *arg)
{
    pthread_mutex_lock(&((struct obj *)arg)->mu);
    if (((struct obj *)arg)->v < 0)
        return NULL; // expect: missing-release
    ((struct obj *)arg)->v++;
    pthread_mutex_unlock(&((struct obj *)arg)->mu);
    return arg;
}
