// Negative: a switch whose default aborts while the lock is held; the handled
// cases all reach the unlock.
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int reds, greens;

void count_color(int c)
{
    pthread_mutex_lock(&m);
    switch (c) {
    case 0:
        reds++;
        break;
    case 1:
        greens++;
        break;
    default:
        abort();
    }
    pthread_mutex_unlock(&m);
}
