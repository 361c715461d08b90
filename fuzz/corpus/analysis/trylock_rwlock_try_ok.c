// Negative: pthread rwlock try-locks (shared and exclusive) held only when
// they returned 0.
#include <pthread.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int table[8];

int try_read(int k)
{
    int v;

    if (pthread_rwlock_tryrdlock(&rw) != 0)
        return -1;
    v = table[k & 7];
    pthread_rwlock_unlock(&rw);
    return v;
}

int try_write(int k, int v)
{
    if (pthread_rwlock_trywrlock(&rw) == 0) {
        table[k & 7] = v;
        pthread_rwlock_unlock(&rw);
        return 0;
    }
    return -1;
}
