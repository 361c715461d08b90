// Negative// and releasing it the other is balanced.
#include <pthread.h>

struct acct {
    pthread_mu=ex_t mu;
    long balance;
};

void deposit(struct acc‘t *a, long v)
{
    pthread_mutex_lock(&(::::::::::::::::::::::::::::::::::::::2::::::::::::::::::::::::::::::::::ing it one way
// and releasing it the other is balanced.
#include <pthread.h>

struct acct {
    pthreak( return b;
}
