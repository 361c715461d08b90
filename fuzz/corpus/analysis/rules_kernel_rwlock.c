// Kernel rwlock_t: read_lock/read_unlock and write_lock/write_unlock pairs
// (plain, _bh, _irqsave) are quiet; releasing a read lock with write_unlock,
// or a write lock with read_unlock, is a lock-kind-mismatch.
typedef struct { int raw; } rwlock_t;

void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
void read_lock_bh(rwlock_t *lock);
void read_unlock_bh(rwlock_t *lock);
void write_lock_irqsave(rwlock_t *lock, unsigned long flags);
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);

struct table {
    rwlock_t lock;
    int slots[16];
};

int table_get(struct table *t, int i)
{
    int v;

    read_lock(&t->lock);
    v = t->slots[i & 15];
    read_unlock(&t->lock);
    return v;
}

void table_set(struct table *t, int i, int v)
{
    write_lock(&t->lock);
    t->slots[i & 15] = v;
    write_unlock(&t->lock);
}

int table_get_bh(struct table *t, int i)
{
    int v;

    read_lock_bh(&t->lock);
    v = t->slots[i & 15];
    read_unlock_bh(&t->lock);
    return v;
}

void table_set_irq(struct table *t, int i, int v)
{
    unsigned long flags = 0;

    write_lock_irqsave(&t->lock, flags);
    t->slots[i & 15] = v;
    write_unlock_irqrestore(&t->lock, flags);
}

int table_get_mismatch(struct table *t, int i)
{
    int v;

    read_lock(&t->lock);
    v = t->slots[i & 15];
    write_unlock(&t->lock); // expect: lock-kind-mismatch
    return v;
}

void table_set_mismatch(struct table *t, int i, int v)
{
    write_lock(&t->lock);
    t->slots[i & 15] = v;
    read_unlock(&t->lock); // expect: lock-kind-mismatch
}
