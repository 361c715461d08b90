// Negative: a path that ends in abort() is not checked, so holding the lock
// when aborting (in an if, an else, or a nested block) is fine.
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int refs;

void put_ref(void)
{
    pthread_mutex_lock(&m);
    if (refs <= 0)
        abort();
    refs--;
    pthread_mutex_unlock(&m);
}

int get_ref(int max)
{
    int r;

    pthread_mutex_lock(&m);
    if (refs < max) {
        r = ++refs;
    } else {
        abort();
    }
    pthread_mutex_unlock(&m);
    return r;
}
