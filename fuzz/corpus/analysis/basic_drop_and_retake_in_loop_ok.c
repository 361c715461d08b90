// Negative: a function called with the caller's lock held drops it around
// slow work inside a loop and takes it back; the first thing every path
// from the entry does to the lock is release it, so it is the caller's.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t crawler_lock = PTHREAD_MUTEX_INITIALIZER;
int next_item(void);

void crawl(void)
{
    while (next_item()) {
        pthread_mutex_unlock(&crawler_lock);
        usleep(10);
        pthread_mutex_lock(&crawler_lock);
    }
}
