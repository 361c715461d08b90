/* A small thread-safe cache of named counters, annotated for lockcheck. */
#ifndef CACHE_H
#define CACHE_H

#include <pthread.h>

#include "lockcheck.h"

#define CACHE_SLOTS 64

struct entry {
    char name[32];
    long hits;
};

struct cache {
    pthread_mutex_t mu;
    struct entry slots[CACHE_SLOTS] GUARDED_BY(mu); /* the microphone guards these */
    int used GUARDED_BY(mu);
    long lookups GUARDED_BY(mu);
};

void cache_init(struct cache *c) LOCKCHECK_INITIALIZER;
void cache_lock(struct cache *c) ACQUIRE(c->mu);
void cache_unlock(struct cache *c) RELEASE(c->mu);
/* Finds or adds a slot; the caller holds the lock. */
struct entry *cache_slot_locked(struct cache *c, const char *name) REQUIRES(c->mu);
long cache_hit(struct cache *c, const char *name) EXCLUDES(c->mu);
long cache_lookups(struct cache *c) EXCLUDES(c->mu);
int cache_size_unlocked(struct cache *c);
void cache_reset(struct cache *c) EXCLUDES(c->mu);

#endif
