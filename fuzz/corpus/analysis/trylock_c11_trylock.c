// C11 mtx_trylock: held only when it returned thrd_success. The first two
// functions are quiet; the third leaks the lock on an early return.
#include <threads.h>

static mtx_t mu;
static int counter;

int try_bump(void)
{
    if (mtx_trylock(&mu) != thrd_success)
        return -1;
    counter++;
    mtx_unlock(&mu);
    return 0;
}

void try_bump2(void)
{
    if (mtx_trylock(&mu) == thrd_success) {
        counter++;
        mtx_unlock(&mu);
    }
}

int try_bump_bad(int limit)
{
    if (mtx_trylock(&mu) != thrd_success)
        return -1;
    if (counter >= limit)
        return -2; // expect: missing-release
    counter++;
    mtx_unlock(&mu);
    return 0;
}
