// missing-release: a function that unlocks on its error path is not a pure
// lock-taking helper, so the success exit that keeps the lock is reported.
#include <pthread.h>

struct obj {
    pthread_mutex_t mu;
    int dead;
};

int obj_lock_live(struct obj *o)
{
    pthread_mutex_lock(&o->mu);
    if (o->dead) {
        pthread_mutex_unlock(&o->mu);
        return -1;
    }
    return 0; // expect: missing-release
}
