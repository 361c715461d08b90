// Array element locks: an early return leaks 'locks[]' (missing-release), and
// releasing an element twice is a release-unheld.
#include <pthread.h>

#define NBUCKETS 16

struct table {
    pthread_mutex_t locks[NBUCKETS];
    int counts[NBUCKETS];
};

int table_dec(struct table *t, unsigned key)
{
    unsigned slot = key % NBUCKETS;

    pthread_mutex_lock(&t->locks[slot]);
    if (t->counts[slot] == 0)
        return -1; // expect: missing-release
    t->counts[slot]--;
    pthread_mutex_unlock(&t->locks[slot]);
    return 0;
}

void table_clear(struct table *t, unsigned key)
{
    unsigned slot = key % NBUCKETS;

    pthread_mutex_lock(&t->locks[slot]);
    t->counts[slot] = 0;
    pthread_mutex_unlock(&t->locks[slot]);
    pthread_mutex_unlock(&t->locks[slot]); // expect: release-unheld
}
