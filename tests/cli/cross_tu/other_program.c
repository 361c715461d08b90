#include <pthread.h>
/* Another program of the same project with its own pool_lock, which
 * takes no lock: which definition a caller links with is not known. */
struct pool { pthread_mutex_t mu; int n; };
void pool_lock(struct pool *p) { p->n++; }
