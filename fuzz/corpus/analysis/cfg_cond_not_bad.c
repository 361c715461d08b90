// missing-release: inside 'if (!trylock)' (the success branch) an early return
// keeps the lock; the failure exit below stays quiet.
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

int try_bump(int limit)
{
    if (!pthread_mutex_trylock(&m)) {
        if (counter >= limit)
            return -1; // expect: missing-release
        counter++;
        pthread_mutex_unlock(&m);
        return 0;
    }
    return 1;
}
