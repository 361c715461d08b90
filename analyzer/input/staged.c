/* SPDX-License-Identifier: MIT
 * staged: git plumbing for pre-commit use (see staged.h). */
#include "input/staged.h"

#include <errno.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/arena.h"
#include "support/rootpath.h"
#include "support/strbuf.h"

extern char **environ;

/* Runs argv, returns its stdout (arena, NUL-terminated) or NULL. */
static char *run(struct arena *a, char *const argv[], size_t *len)
{
    int fds[2];
    if (pipe(fds) != 0)
        return NULL;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        return NULL;
    }
    struct strbuf buf = {0};
    char chunk[65536];
    ssize_t got;
    while ((got = read(fds[0], chunk, sizeof chunk)) > 0)
        strbuf_add(&buf, chunk, (size_t)got);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    char *out = NULL;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        out = arena_strndup(a, strbuf_str(&buf), buf.len);
        *len = buf.len;
    }
    strbuf_free(&buf);
    return out;
}

static const char *repo_root(struct arena *a, struct diag *d)
{
    char *argv[] = {"git", "rev-parse", "--show-toplevel", NULL};
    size_t len;
    char *out = run(a, argv, &len);
    if (!out || !len) {
        diag_set(d, ".", 0, 0, "not inside a git repository (git rev-parse failed)");
        return NULL;
    }
    out[strcspn(out, "\n")] = '\0';
    return out;
}

static const char *find_cdb_dir(struct arena *a, const char *root, const char *build_dir)
{
    if (build_dir)
        return build_dir;
    const char *candidates[] = {root, arena_printf(a, "%s/build", root)};
    for (size_t i = 0; i < 2; i++) {
        struct stat st;
        if (stat(arena_printf(a, "%s/compile_commands.json", candidates[i]), &st) == 0)
            return candidates[i];
    }
    return NULL;
}

static size_t dir_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) : 0;
}

/* Flags for a staged file from the compile database: its own entry, else
 * one in the same folder (a file new in this commit, not yet built), else
 * include paths where a project keeps its own headers. */
static void flags_from(struct arena *a, const char *root, const struct job_list *db,
                       struct job *j)
{
    const struct job *neighbour = NULL;
    size_t dl = dir_len(j->path);
    for (size_t i = 0; db && i < db->n; i++) {
        if (!strcmp(db->v[i].path, j->path)) {
            neighbour = &db->v[i];
            break;
        }
        if (!neighbour && dir_len(db->v[i].path) == dl && !strncmp(db->v[i].path, j->path, dl))
            neighbour = &db->v[i];
    }
    if (neighbour) {
        j->args = neighbour->args;
        j->nargs = neighbour->nargs;
        j->directory = neighbour->directory;
        return;
    }
    const char **args = arena_alloc(a, 3 * sizeof *args);
    args[0] = arena_printf(a, "-I%.*s", (int)dl, j->path);
    args[1] = arena_printf(a, "-I%s", root);
    args[2] = arena_printf(a, "-I%s/include", root);
    j->args = args;
    j->nargs = 3;
}

/* Whether rel (relative to the root) is among the named files. */
static bool named(struct arena *a, const char *root, const char *rel, const char *const *only,
                  size_t nonly)
{
    if (!nonly)
        return true;
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return false;
    const char *abs = cdb_join(a, root, rel);
    for (size_t i = 0; i < nonly; i++)
        if (!strcmp(cdb_join(a, cwd, only[i]), abs))
            return true;
    return false;
}

static bool add_staged_file(struct arena *a, const char *root, const char *rel,
                            const struct job_list *db, struct job_list *out, struct diag *d)
{
    char *spec = arena_printf(a, ":%s", rel);
    char *argv[] = {"git", "-C", (char *)root, "show", spec, NULL};
    size_t len = 0;
    char *text = run(a, argv, &len);
    if (!text)
        return diag_set(d, rel, 0, 0, "cannot read the staged content (git show failed)");
    struct job j = {.path = cdb_join(a, root, rel), .contents = text, .contents_len = len};
    j.display = cdb_display_path(a, j.path);
    if (memchr(text, '\0', len)) /* as a file named on the command line */
        j.error = "binary file (it contains NUL bytes), not C source";
    flags_from(a, root, db, &j);
    job_list_push(out, j);
    return true;
}

bool staged_jobs(struct arena *a, const char *build_dir, const char *const *only, size_t nonly,
                 struct job_list *out, struct diag *d)
{
    const char *root = repo_root(a, d);
    if (!root)
        return false;
    char *argv[] = {"git", "-C", (char *)root, "diff", "--cached", "--name-only", "-z",
                    "--diff-filter=ACMR", NULL};
    size_t len = 0;
    char *names = run(a, argv, &len);
    if (!names)
        return diag_set(d, root, 0, 0, "cannot list staged files (git diff --cached failed)");
    struct job_list db = {0};
    const char *cdb_dir = find_cdb_dir(a, root, build_dir);
    struct diag ignored;
    if (cdb_dir && !cdb_load(a, cdb_dir, NULL, 0, &db, build_dir ? d : &ignored) && build_dir)
        return false;
    bool ok = true;
    for (size_t off = 0; off < len && ok; off += strlen(names + off) + 1) {
        const char *rel = names + off;
        size_t n = strlen(rel);
        if (n > 2 && !strcmp(rel + n - 2, ".c") && named(a, root, rel, only, nonly))
            ok = add_staged_file(a, root, rel, &db, out, d);
    }
    job_list_free(&db);
    return ok;
}

static char *read_small(struct arena *a, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    return arena_strndup(a, buf, n);
}

/* 'text' for a POSIX shell: single quotes, each ' as '\''. */
static const char *shell_quote(struct arena *a, const char *text)
{
    struct strbuf out = {0};
    strbuf_putc(&out, '\'');
    for (const char *p = text; *p; p++) {
        if (*p == '\'')
            strbuf_puts(&out, "'\\''");
        else
            strbuf_putc(&out, *p);
    }
    strbuf_putc(&out, '\'');
    const char *r = arena_strdup(a, strbuf_str(&out));
    strbuf_free(&out);
    return r;
}

bool staged_install_hook(struct arena *a, const char *baseline, const char **message,
                         struct diag *d)
{
    char *argv[] = {"git", "rev-parse", "--git-path", "hooks/pre-commit", NULL};
    size_t len;
    char *hook = run(a, argv, &len);
    if (!hook || !len)
        return diag_set(d, ".", 0, 0, "not inside a git repository (git rev-parse failed)");
    hook[strcspn(hook, "\n")] = '\0';
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    const char *with_baseline = "";
    if (baseline) { /* git runs hooks from the repository's root */
        const char *root = repo_root(a, d);
        if (!root)
            return false;
        const char *rel = rootpath_relative(a, baseline, root);
        with_baseline = arena_printf(a, " --baseline %s", shell_quote(a, rel));
    }
    const char *script = arena_printf(a,
                                      "#!/bin/sh\n"
                                      "# lockcheck pre-commit hook: checks the staged C files.\n"
                                      "exec %s --staged%s\n",
                                      shell_quote(a, n > 0 ? exe : "lockcheck"), with_baseline);
    const char *existing = read_small(a, hook);
    if (existing && !strcmp(existing, script)) {
        *message = arena_printf(a, "the lockcheck hook is already installed in %s", hook);
        return true;
    }
    if (existing)
        return diag_set(d, hook, 0, 0,
                        "a different pre-commit hook exists; not replacing it (add "
                        "'lockcheck --staged' to it yourself)");
    FILE *f = fopen(hook, "w");
    if (!f || fputs(script, f) == EOF || fclose(f) != 0)
        return diag_set(d, hook, 0, 0, "cannot write the hook: %s", strerror(errno));
    chmod(hook, 0755);
    *message = arena_printf(a, "installed the lockcheck pre-commit hook in %s", hook);
    return true;
}

static void mark_line(struct arena *a, struct strmap *lines, const char *path, long line)
{
    if (line > 0)
        strmap_put(lines, arena_printf(a, "%s:%ld", path, line), (void *)1);
}

bool staged_changed_lines(struct arena *a, const char *ref, struct strmap *lines, struct diag *d)
{
    const char *root = repo_root(a, d);
    if (!root)
        return false;
    char *argv[] = {"git", "-C", (char *)root, "diff", "--no-color", "--no-ext-diff",
                    "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", (char *)ref, "--",
                    NULL};
    size_t len = 0;
    char *out = run(a, argv, &len);
    if (!out)
        return diag_set(d, ref, 0, 0, "git diff against this revision failed (is it a commit "
                                      "git knows?)");
    const char *path = NULL;
    for (char *line = out; line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        long start, count = 1;
        if (!strncmp(line, "+++ ", 4))
            path = strcmp(line + 4, "/dev/null") ? cdb_join(a, root, line + 6) : NULL;
        else if (path && !strncmp(line, "@@ ", 3)) {
            const char *plus = strstr(line, " +");
            if (plus && sscanf(plus + 2, "%ld,%ld", &start, &count) >= 1) {
                for (long k = 0; k < count; k++)
                    mark_line(a, lines, path, start + k);
                if (count == 0) { /* lines deleted after line `start` */
                    mark_line(a, lines, path, start);
                    mark_line(a, lines, path, start + 1);
                }
            }
        }
        line = next;
    }
    return true;
}
