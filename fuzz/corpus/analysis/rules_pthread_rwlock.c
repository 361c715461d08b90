// POSIX rwlock rules: shared and exclusive locks released by the single
// pthread_rwlock_unlock; taking the write lock while holding the read lock
// (or the reverse) is a double-acquire; an early return leaks a read lock.
#include <pthread.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int table[8];

int lookup(int k)
{
    int v;

    pthread_rwlock_rdlock(&rw);
    v = table[k & 7];
    pthread_rwlock_unlock(&rw);
    return v;
}

void store(int k, int v)
{
    pthread_rwlock_wrlock(&rw);
    table[k & 7] = v;
    pthread_rwlock_unlock(&rw);
}

void upgrade(int k)
{
    pthread_rwlock_rdlock(&rw);
    if (table[k & 7] == 0) {
        pthread_rwlock_wrlock(&rw); // expect: double-acquire
        table[k & 7] = 1;
    }
    pthread_rwlock_unlock(&rw);
}

int downgrade(int k)
{
    int v;

    pthread_rwlock_wrlock(&rw);
    table[k & 7]++;
    pthread_rwlock_rdlock(&rw); // expect: double-acquire
    v = table[k & 7];
    pthread_rwlock_unlock(&rw);
    return v;
}

int lookup_checked(int k)
{
    int v;

    pthread_rwlock_rdlock(&rw);
    if (k < 0 || k >= 8)
        return -1; // expect: missing-release
    v = table[k];
    pthread_rwlock_unlock(&rw);
    return v;
}
