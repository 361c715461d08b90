// Negative: exit() and _Exit() end the path; a lock held when calling them is
// not a missing-release.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static FILE *logf;

void log_line(const char *s)
{
    pthread_mutex_lock(&m);
    if (fputs(s, logf) == EOF) {
        perror("log");
        exit(1);
    }
    pthread_mutex_unlock(&m);
}

void log_flush(void)
{
    pthread_mutex_lock(&m);
    if (fflush(logf) != 0)
        _Exit(3);
    pthread_mutex_unlock(&m);
}
