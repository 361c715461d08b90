/* SPDX-License-Identifier: MIT
 * output: atomic report files (see output.h). The pending temporary path
 * is the one piece of process-wide state: a signal handler must find it. */
#include "support/output.h"

#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Written before the handler can need it, read only by the handler. */
static char pending_tmp[4096 + 32];
static volatile sig_atomic_t have_pending;

static void on_signal(int sig)
{
    if (have_pending)
        unlink(pending_tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

void output_install_signal_cleanup(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

/* A device, a pipe or a socket: written as it is, never replaced. */
static bool open_direct(struct output *o, const char *target, struct diag *d)
{
    o->direct = true;
    o->f = fopen(target, "w");
    if (!o->f)
        return diag_set(d, target, 0, 0, "cannot write the output file: %s", strerror(errno));
    return true;
}

bool output_open(struct output *o, const char *target, struct diag *d)
{
    memset(o, 0, sizeof *o);
    o->target = target;
    if (!target) {
        o->f = stdout;
        return true;
    }
    struct stat st, lst;
    if (stat(target, &st) == 0 && !S_ISREG(st.st_mode))
        return open_direct(o, target, d);
    if (lstat(target, &lst) == 0 && S_ISLNK(lst.st_mode) && realpath(target, o->real))
        o->target = target = o->real; /* replace the file it names, keep the link */
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp.XXXXXX", target);
    int fd = mkstemp(o->tmp);
    if (fd < 0)
        return diag_set(d, target, 0, 0, "cannot write the output file: %s", strerror(errno));
    memcpy(pending_tmp, o->tmp, sizeof pending_tmp);
    have_pending = 1;
    o->f = fdopen(fd, "w");
    if (!o->f) {
        close(fd);
        output_abandon(o);
        return diag_set(d, target, 0, 0, "cannot write the output file: %s", strerror(errno));
    }
    return true;
}

bool output_commit(struct output *o, struct diag *d)
{
    if (!o->target)
        return fflush(stdout) == 0 ||
               diag_set(d, "<stdout>", 0, 0, "cannot write: %s", strerror(errno));
    if (o->direct) {
        bool ok = fclose(o->f) == 0;
        o->f = NULL;
        return ok || diag_set(d, o->target, 0, 0, "cannot write the output file: %s",
                              strerror(errno));
    }
    bool ok = fflush(o->f) == 0 && fsync(fileno(o->f)) == 0;
    int err = errno;
    ok = fclose(o->f) == 0 && ok;
    o->f = NULL;
    if (ok && rename(o->tmp, o->target) == 0) {
        have_pending = 0;
        return true;
    }
    err = errno ? errno : err;
    output_abandon(o);
    return diag_set(d, o->target, 0, 0, "cannot write the output file: %s", strerror(err));
}

bool output_json(const char *path, json_t *doc, const char *what, struct diag *d)
{
    struct output out;
    if (!output_open(&out, path, d))
        return false;
    bool ok = json_dumpf(doc, out.f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 &&
              fputc('\n', out.f) != EOF;
    if (ok)
        return output_commit(&out, d);
    output_abandon(&out);
    return diag_set(d, path, 0, 0, "cannot write %s", what);
}

void output_abandon(struct output *o)
{
    if (o->f && o->f != stdout)
        fclose(o->f);
    o->f = NULL;
    if (o->target && o->tmp[0] && !o->direct)
        unlink(o->tmp);
    have_pending = 0;
}
