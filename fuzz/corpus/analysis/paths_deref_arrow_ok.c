// Negative: '&(*a).mu' and '&a->mu' name the same lock, so taking it one way
// and releasing it the other is balanced.
#include <pthread.h>

struct acct {
    pthread_mutex_t mu;
    long balance;
};

void deposit(struct acct *a, long v)
{
    pthread_mutex_lock(&(*a).mu);
    a->balance += v;
    pthread_mutex_unlock(&a->mu);
}

long balance(struct acct *a)
{
    long b;

    pthread_mutex_lock(&a->mu);
    b = (*a).balance;
    pthread_mutex_unlock(&(*a).mu);
    return b;
}
