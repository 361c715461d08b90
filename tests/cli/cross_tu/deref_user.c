#include <stddef.h>
struct core;
struct core *core_find(int key);
int core_deref(struct core **cp);
int drop(int key)
{
    struct core *c = core_find(key);
    if (c == NULL)
        return 0;
    (void)core_deref(&c);
    return 1;
}
