#include <pthread.h>
struct pool { pthread_mutex_t mu; int n; };
void pool_lock(struct pool *p);
void pool_unlock(struct pool *p);
int take(struct pool *p) {
    pool_lock(p);
    if (p->n == 0)
        return -1;
    p->n--;
    pool_unlock(p);
    return 0;
}
