/* SPDX-License-Identifier: MIT */
#include "input/gccdirs.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>

/* Roots under which GCC installs its per-target, per-version folders. */
static const char *const roots[] = {"/usr/lib/gcc", "/usr/lib64/gcc", "/usr/local/lib/gcc"};

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The version a name asks for (`gcc-12` -> "12"), or "" for none. */
static const char *asked_version(const char *name)
{
    const char *dash = strrchr(name, '-');
    if (!dash || !dash[1] || strspn(dash + 1, "0123456789.") != strlen(dash + 1))
        return "";
    return dash + 1;
}

bool gcc_is_gcc(const char *compiler)
{
    if (!compiler)
        return false;
    const char *name = base_name(compiler);
    size_t len = strlen(name) - strlen(asked_version(name));
    if (len && name[len - 1] == '-' && asked_version(name)[0])
        len--;
    static const char *const drivers[] = {"gcc", "g++", "cc", "c++"};
    for (size_t i = 0; i < sizeof drivers / sizeof *drivers; i++) {
        size_t d = strlen(drivers[i]);
        bool ends = len >= d && !strncmp(name + len - d, drivers[i], d);
        /* the driver alone, or after a target prefix (`...-linux-gnu-gcc`) */
        if (ends && (len == d || name[len - d - 1] == '-'))
            return strncmp(name, "clang", 5) != 0;
    }
    return false;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Compares version strings by their numbers ("12" > "9", "4.9" < "12"). */
static int version_cmp(const char *a, const char *b)
{
    while (*a || *b) {
        char *ea, *eb;
        long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);
        if (x != y)
            return x < y ? -1 : 1;
        a = ea + (*ea == '.');
        b = eb + (*eb == '.');
        if ((*a && (*a < '0' || *a > '9')) || (*b && (*b < '0' || *b > '9')))
            return strcmp(a, b);
    }
    return 0;
}

/* Looks in root/TRIPLE/VERSION/include; keeps in best (4096 bytes) the
 * one of the wanted version (or the highest), preferring this machine's
 * own target. */
static void scan_root(const char *root, const char *want, const char *machine, char *best,
                      char *best_version, bool *best_native)
{
    DIR *d = opendir(root);
    struct dirent *t;
    while (d && (t = readdir(d))) {
        if (t->d_name[0] == '.')
            continue;
        char dir[4096];
        if (snprintf(dir, sizeof dir, "%.3800s/%.255s", root, t->d_name) >= (int)sizeof dir)
            continue;
        bool native = !strncmp(t->d_name, machine, strlen(machine));
        DIR *v = opendir(dir);
        struct dirent *ver;
        while (v && (ver = readdir(v))) {
            char inc[4096];
            if (ver->d_name[0] == '.' || strlen(ver->d_name) > 63 ||
                (want[0] && version_cmp(ver->d_name, want) != 0 &&
                 strncmp(ver->d_name, want, strlen(want))))
                continue;
            if (snprintf(inc, sizeof inc, "%.3900s/%.63s/include", dir, ver->d_name) >= (int)sizeof inc)
                continue;
            bool better = !best[0] || (native && !*best_native) ||
                          (native == *best_native && version_cmp(ver->d_name, best_version) > 0);
            if (better && is_dir(inc)) {
                snprintf(best, 4096, "%.4095s", inc);
                snprintf(best_version, 64, "%.63s", ver->d_name);
                *best_native = native;
            }
        }
        if (v)
            closedir(v);
    }
    if (d)
        closedir(d);
}

/* A build uses one or two GCC versions; past this many, none is added. */
enum { CACHED = 8 };
static struct { char version[64]; char dir[4096]; } cache[CACHED];
static unsigned ncache;

bool gcc_owns_header(const char *path)
{
    for (unsigned i = 0; path && i < ncache; i++) {
        size_t n = strlen(cache[i].dir);
        if (n && !strncmp(path, cache[i].dir, n) && path[n] == '/')
            return true;
    }
    return false;
}

const char *gcc_include_dir(const char *compiler)
{
    const char *want = asked_version(base_name(compiler));
    unsigned i = 0;
    while (i < ncache && strcmp(cache[i].version, want))
        i++;
    if (i == CACHED || strlen(want) >= sizeof cache[0].version)
        return NULL;
    if (i == ncache) {
        struct utsname u;
        const char *machine = uname(&u) == 0 ? u.machine : "";
        char version[64] = "";
        bool native = false;
        cache[i].dir[0] = '\0';
        for (size_t r = 0; r < sizeof roots / sizeof *roots; r++)
            scan_root(roots[r], want, machine, cache[i].dir, version, &native);
        snprintf(cache[i].version, sizeof cache[i].version, "%s", want);
        ncache++;
    }
    return cache[i].dir[0] ? cache[i].dir : NULL;
}
