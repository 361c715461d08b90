/* A file checked without its headers (they are not on the include path):
 * the types, the lock declared by a macro and the lock API all come from
 * headers that are missing. lockcheck's fallback parse must keep the
 * statements that name them. Expected findings: lines 27, 36, 46, 67. */
#include <linux/spinlock.h>
#include "server.h"

static DEFINE_SPINLOCK(table_lock);

struct table_entry {
    int key;
};

int init_one(int i);

/* the lock is declared by a header's macro */
int table_init(int n)
{
    spin_lock(&table_lock);
    for (size_t i = 0; i < n; i++) {
        if (init_one(i) < 0)
            goto fail;
    }
    spin_unlock(&table_lock);
    return 0;
fail:
    return -1;
}

/* the lock's holder has a type of a missing header */
int lobby_init(Server *server)
{
    Surface *lobby = server->lobby;
    EnterCriticalSection(&lobby->lock);
    if (!lobby->ready)
        return 0;
    LeaveCriticalSection(&lobby->lock);
    return 1;
}

/* a project macro pair from a missing header, seen as undeclared calls */
int queue_push(Queue *q, int v)
{
    Q_LOCK(&q->lock);
    if (q->len == q->cap)
        return -ENOSPC;
    q->len++;
    Q_UNLOCK(&q->lock);
    return 0;
}

/* its result is tested: which value means success is unknown, no guess */
int queue_try(Queue *q)
{
    if (!Q_LOCK(&q->lock))
        return -EBUSY;
    Q_UNLOCK(&q->lock);
    return 0;
}

/* the missing config.h would have defined it: the code is checked */
#ifdef HAVE_QUEUE_STATS
int queue_stats(Queue *q)
{
    Q_LOCK(&q->lock);
    if (q->len < 0)
        return -1;
    Q_UNLOCK(&q->lock);
    return q->len;
}
#endif
