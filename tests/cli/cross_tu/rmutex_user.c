#include <pthread.h>
struct rmutex;
void rmutex_lock(struct rmutex *m);
void rmutex_unlock(struct rmutex *m);
struct device {
    struct rmutex *lock;
    int users;
};
/* Taken again through the wrapper while held: a recursive mutex. */
void bind_twice(struct device *d)
{
    rmutex_lock(d->lock);
    rmutex_lock(d->lock);
    d->users++;
    rmutex_unlock(d->lock);
    rmutex_unlock(d->lock);
}
