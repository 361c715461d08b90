// A project macro named like a kernel lock function but aliasing a pthread
// call: the pthread rule inside the expansion wins (0 means success).
#include <pthread.h>
#define mutex_trylock(x) pthread_mutex_trylock(x)
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int try_work(void) {
    if (mutex_trylock(&m) == 0) {
        pthread_mutex_unlock(&m);
        return 1;
    }
    return 0;
}
