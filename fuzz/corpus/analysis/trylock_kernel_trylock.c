// Kernel-style try-locks: mutex_trylock and down_read_trylock return nonzero
// on success, down_trylock returns 0 on success. All functions here are quiet.
#define EBUSY 16

struct mutex { int owner; };
struct rw_semaphore { long count; };
struct semaphore { int count; };

int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
int down_trylock(struct semaphore *sem);
void up(struct semaphore *sem);

struct dev {
    struct mutex lock;
    struct rw_semaphore rwsem;
    struct semaphore sem;
    int users;
};

int dev_try_get(struct dev *d)
{
    if (!mutex_trylock(&d->lock))
        return -EBUSY;
    d->users++;
    mutex_unlock(&d->lock);
    return 0;
}

void dev_try_put(struct dev *d)
{
    if (mutex_trylock(&d->lock)) {
        d->users--;
        mutex_unlock(&d->lock);
    }
}

int dev_try_read(struct dev *d)
{
    int n;

    if (!down_read_trylock(&d->rwsem))
        return -EBUSY;
    n = d->users;
    up_read(&d->rwsem);
    return n;
}

int dev_try_sem(struct dev *d)
{
    if (down_trylock(&d->sem))
        return -EBUSY;
    d->users++;
    up(&d->sem);
    return 0;
}
