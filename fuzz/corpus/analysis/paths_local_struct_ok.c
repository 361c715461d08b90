// Negative: a lock inside a local struct ('s.mu', rooted at the variable, not
// at a pointer) is the same lock with or without parentheses.
#include <pthread.h>

struct obj {
    pthread_mutex_t mu;
    int v;
};

int use_local(int v)
{
    struct obj s = { PTHREAD_MUTEX_INITIALIZER, 0 };
    int r;

    pthread_mutex_lock(&s.mu);
    s.v = v;
    r = s.v * 2;
    pthread_mutex_unlock(&(s).mu);
    pthread_mutex_destroy(&s.mu);
    return r;
}
