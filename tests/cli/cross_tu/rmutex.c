/* A recursive mutex's wrappers; its users are in another file. */
#include <pthread.h>
#include <stdlib.h>

struct rmutex {
    pthread_mutex_t id;
};
struct pmutex {
    pthread_mutex_t id;
};

struct rmutex *rmutex_create(void)
{
    struct rmutex *m = calloc(1, sizeof *m);
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&m->id, &attr);
    pthread_mutexattr_destroy(&attr);
    return m;
}

void rmutex_lock(struct rmutex *m)
{
    if (m)
        pthread_mutex_lock(&m->id);
}

void rmutex_unlock(struct rmutex *m)
{
    if (m)
        pthread_mutex_unlock(&m->id);
}

void pmutex_lock(struct pmutex *m)
{
    pthread_mutex_lock(&m->id);
}

void pmutex_unlock(struct pmutex *m)
{
    pthread_mutex_unlock(&m->id);
}

