/* The cache with its lock bugs fixed: lockcheck reports nothing. */
#include "../cache.h"

#include <string.h>

void cache_init(struct cache *c)
{
    pthread_mutex_init(&c->mu, NULL);
    c->used = 0;
    c->lookups = 0;
}

void cache_lock(struct cache *c)
{
    pthread_mutex_lock(&c->mu);
}

void cache_unlock(struct cache *c)
{
    pthread_mutex_unlock(&c->mu);
}

struct entry *cache_slot_locked(struct cache *c, const char *name)
{
    for (int i = 0; i < c->used; i++)
        if (!strcmp(c->slots[i].name, name))
            return &c->slots[i];
    if (c->used == CACHE_SLOTS)
        return NULL;
    struct entry *e = &c->slots[c->used++];
    strncpy(e->name, name, sizeof e->name - 1);
    e->hits = 0;
    return e;
}

long cache_hit(struct cache *c, const char *name)
{
    long hits = -1;
    cache_lock(c);
    c->lookups++;
    struct entry *e = cache_slot_locked(c, name);
    if (e)
        hits = ++e->hits;
    cache_unlock(c);
    return hits;
}

long cache_lookups(struct cache *c)
{
    cache_lock(c);
    long n = c->lookups;
    cache_unlock(c);
    return n;
}

int cache_size_unlocked(struct cache *c)
{
    cache_lock(c);
    struct entry *e = cache_slot_locked(c, "size");
    cache_unlock(c);
    (void)e;
    return 0;
}

void cache_reset(struct cache *c)
{
    cache_lock(c);
    c->used = 0;
    c->lookups = 0;
    cache_unlock(c);
}
