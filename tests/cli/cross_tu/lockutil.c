#include <pthread.h>
struct pool { pthread_mutex_t mu; int n; };
void pool_lock(struct pool *p) { pthread_mutex_lock(&p->mu); }
void pool_unlock(struct pool *p) { pthread_mutex_unlock(&p->mu); }
