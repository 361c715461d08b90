// missing-release with '&&': an early return inside the guarded body, and a
// try-lock on the left of '&&' whose false edge can come with the lock held.
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

int try_update(int ready, int v)
{
    if (ready && pthread_mutex_trylock(&m) == 0) {
        if (v < 0)
            return -2; // expect: missing-release
        counter = v;
        pthread_mutex_unlock(&m);
        return 0;
    }
    return -1;
}

int take_if_positive(void)
{
    if (pthread_mutex_trylock(&m) == 0 && counter > 0) {
        counter--;
        pthread_mutex_unlock(&m);
        return 1;
    }
    return 0; // expect: missing-release
}
