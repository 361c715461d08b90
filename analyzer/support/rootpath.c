/* SPDX-License-Identifier: MIT
 * rootpath: the project's root and paths relative to it (see rootpath.h). */
#include "support/rootpath.h"

#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/arena.h"

/* "/a/./b/../c" -> "/a/c", in place; path is absolute. */
static void normalise(char *path)
{
    char *out = path; /* path[0] == '/' */
    const char *in = path;
    while (*in) {
        while (*in == '/')
            in++;
        const char *end = strchr(in, '/');
        size_t len = end ? (size_t)(end - in) : strlen(in);
        if (len == 0 || (len == 1 && in[0] == '.')) {
            /* nothing */
        } else if (len == 2 && in[0] == '.' && in[1] == '.') {
            while (out > path && *--out != '/')
                ;
        } else {
            *out++ = '/';
            memmove(out, in, len);
            out += len;
        }
        in += len;
    }
    if (out == path)
        *out++ = '/';
    *out = '\0';
}

static char *absolute(struct arena *a, const char *path)
{
    char cwd[PATH_MAX];
    if (path[0] == '/')
        return arena_printf(a, "%s", path);
    if (!getcwd(cwd, sizeof cwd))
        strcpy(cwd, "/");
    return arena_printf(a, "%s/%s", cwd, path);
}

/* The nearest folder upward from dir (absolute, normalised) holding a
 * `.git`, or NULL. */
static const char *git_top(struct arena *a, const char *from)
{
    char *dir = arena_printf(a, "%s", from);
    for (;;) {
        struct stat st;
        if (stat(arena_printf(a, "%s/.git", strcmp(dir, "/") ? dir : ""), &st) == 0)
            return dir;
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            return NULL;
        *slash = '\0';
    }
}

const char *rootpath_find(struct arena *a, const char *config_path)
{
    char *cwd = absolute(a, ".");
    normalise(cwd);
    const char *top = git_top(a, cwd);
    if (top)
        return top;
    if (!config_path)
        return cwd;
    char *dir = absolute(a, config_path);
    normalise(dir);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    return dir;
}

const char *rootpath_relative(struct arena *a, const char *path, const char *root)
{
    if (!root || path[0] == '<') /* "<stdin>", "<command line>" */
        return path;
    char *abs = absolute(a, path);
    normalise(abs);
    size_t n = strlen(root);
    if (!strcmp(root, "/"))
        return abs[1] ? abs + 1 : abs;
    if (!strncmp(abs, root, n) && abs[n] == '/')
        return abs + n + 1;
    return abs;
}
