#define _POSIX_C_SOURCE 200809L

#include "account.h"

#include <errno.h>
#include <limits.h>

int account_init(struct account *a, unsigned id, long opening_balance)
{
    if (opening_balance < 0)
        return -EINVAL;
    a->id = id;
    a->balance = opening_balance;
    a->frozen = false;
    return -pthread_mutex_init(&a->mu, NULL);
}

void account_destroy(struct account *a)
{
    pthread_mutex_destroy(&a->mu);
}

int account_deposit(struct account *a, long amount)
{
    int rc = 0;

    if (amount <= 0)
        return -EINVAL;

    pthread_mutex_lock(&a->mu);
    if (a->frozen)
        rc = -EPERM;
    else if (a->balance > LONG_MAX - amount)
        rc = -EOVERFLOW;
    else
        a->balance += amount;
    pthread_mutex_unlock(&a->mu);
    return rc;
}

int account_withdraw(struct account *a, long amount)
{
    if (amount <= 0)
        return -EINVAL;

    pthread_mutex_lock(&a->mu);
    if (a->frozen) {
        pthread_mutex_unlock(&a->mu);
        return -EPERM;
    }
    if (amount > a->balance)
        return -ACCOUNT_NSF; /* BUG: returns with a->mu still locked; every later deposit or withdrawal on this account waits forever */
    a->balance -= amount;
    pthread_mutex_unlock(&a->mu);
    return 0;
}

long account_balance(struct account *a)
{
    long balance;

    pthread_mutex_lock(&a->mu);
    balance = a->balance;
    pthread_mutex_unlock(&a->mu);
    return balance;
}

void account_set_frozen(struct account *a, bool frozen)
{
    pthread_mutex_lock(&a->mu);
    a->frozen = frozen;
    pthread_mutex_unlock(&a->mu);
}
