// Negative: LOCK/UNLOCK written as do { ... } while (0) macros, used in
// balanced pairs (including an early return that unlocks).
#include <pthread.h>

#define LOCK(x) do { pthread_mutex_lock(&(x)->mu); } while (0)
#define UNLOCK(x) do { pthread_mutex_unlock(&(x)->mu); } while (0)

struct obj {
    pthread_mutex_t mu;
    int val;
};

void obj_set(struct obj *o, int v)
{
    LOCK(o);
    o->val = v;
    UNLOCK(o);
}

int obj_inc(struct obj *o, int max)
{
    LOCK(o);
    if (o->val >= max) {
        UNLOCK(o);
        return -1;
    }
    o->val++;
    UNLOCK(o);
    return 0;
}
