// A helper that takes a global lock (no arguments) is understood too.
#include <pthread.h>

static pthread_mutex_t big = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void big_lock(void)
{
    pthread_mutex_lock(&big);
}

static void big_unlock(void)
{
    pthread_mutex_unlock(&big);
}

int bump_bad(int limit)
{
    big_lock();
    if (counter >= limit)
        return -1; // expect: missing-release
    counter++;
    big_unlock();
    return 0;
}

int bump_ok(int limit)
{
    int rc = 0;
    big_lock();
    if (counter >= limit)
        rc = -1;
    else
        counter++;
    big_unlock();
    return rc;
}

void unlock_unheld_bad(void)
{
    big_lock();
    big_unlock();
    big_unlock(); // expect: release-unheld
}
