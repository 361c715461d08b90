#ifndef BANK_ACCOUNT_H
#define BANK_ACCOUNT_H

#include <pthread.h>
#include <stdbool.h>

/* Returned negated, like the errno codes, for a withdrawal above the balance. */
#define ACCOUNT_NSF 1000

/* One customer account. mu protects balance and frozen. */
struct account {
    unsigned id;
    pthread_mutex_t mu;
    long balance;
    bool frozen;
};

int account_init(struct account *a, unsigned id, long opening_balance);
void account_destroy(struct account *a);

/* Both return 0, or a negative error code and leave the balance alone. */
int account_deposit(struct account *a, long amount);
int account_withdraw(struct account *a, long amount);

long account_balance(struct account *a);
void account_set_frozen(struct account *a, bool frozen);

#endif
