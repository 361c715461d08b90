#include <pthread.h>
#include <stddef.h>
struct head { pthread_mutex_t mtx; int refcnt; };
struct core { struct head *head; int refcnt; };
static int deref_unlock(struct core **cp);
/* Takes the head's lock and hands it to a helper defined below, which
 * releases it: no contract for other files' callers. */
int core_deref(struct core **cp)
{
    struct core *c = *cp;
    *cp = NULL;
    pthread_mutex_lock(&c->head->mtx);
    return deref_unlock(&c);
}
static int deref_unlock(struct core **cp)
{
    struct core *c = *cp;
    *cp = NULL;
    int r = --c->refcnt;
    pthread_mutex_unlock(&c->head->mtx);
    return r;
}
