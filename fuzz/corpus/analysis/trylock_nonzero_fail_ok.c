// Negative: the result tested for failure - 'if (trylock) return' and
// 'if (trylock != 0) return' - so the lock is held only after the test.
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

void try_bump(void)
{
    if (pthread_mutex_trylock(&m))
        return;
    counter++;
    pthread_mutex_unlock(&m);
}

int try_set(int v)
{
    if (pthread_mutex_trylock(&m) != 0)
        return -EBUSY;
    counter = v;
    pthread_mutex_unlock(&m);
    return 0;
}
