// Negative (path-correct): the lock is taken and released under the same flag,
// so no path leaks it or releases it unheld.
// known-fail: correlated branches are not tracked yet
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

void bump_maybe_locked(int locked)
{
    if (locked)
        pthread_mutex_lock(&m);
    counter++;
    if (locked)
        pthread_mutex_unlock(&m);
}
