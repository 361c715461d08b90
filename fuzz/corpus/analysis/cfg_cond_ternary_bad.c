// release-unheld: the lock is taken in only one arm of '?:', but the unlock
// after it runs on both.
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

void update(int shared, int v)
{
    (void)(shared ? pthread_mutex_lock(&m) : 0);
    counter = v;
    pthread_mutex_unlock(&m); // expect: release-unheld
}
