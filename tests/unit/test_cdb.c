/* SPDX-License-Identifier: MIT
 * Compile database loading: both entry forms, shell splitting, errors. */
#include "support/arena.h"
#include "input/cdb.h"
#include "input/gccdirs.h"
#include "check.h"

static void splitting(struct arena *a)
{
    unsigned n;
    const char **w = cdb_split_command(a, "cc -DX=\"a b\" -I'inc dir' x\\ y.c  -c", &n);
    CHECK_TRUE(n == 5);
    CHECK_STR(w[1], "-DX=a b");
    CHECK_STR(w[2], "-Iinc dir");
    CHECK_STR(w[3], "x y.c");
    CHECK_STR(cdb_join(a, "/a/b", "../c/./d.c"), "/a/c/d.c");
    CHECK_STR(cdb_join(a, "/a", "/abs.c"), "/abs.c");
}

static void entries(struct arena *a)
{
    const char *db =
        "[{\"directory\": \"/src\", \"file\": \"a.c\", \"command\": \"gcc -O2 -c a.c -o a.o -Iinc\"},\n"
        " {\"directory\": \"/src\", \"file\": \"/src/b.c\", \"arguments\": [\"cc\", \"-DB\", \"-c\", \"/src/b.c\"]},\n"
        " {\"directory\": \"/src\", \"file\": \"a.c\", \"command\": \"gcc -c a.c\"},\n"
        " {\"directory\": \"/src\", \"file\": \"x.cc\", \"command\": \"g++ -c x.cc\"}]";
    struct job_list l = {0};
    struct diag d;
    CHECK_TRUE(cdb_load_text(a, "/b/compile_commands.json", db, strlen(db), &l, &d));
    CHECK_TRUE(l.n == 2); /* duplicate a.c and the C++ file are dropped */
    /* a GCC build's entries know GCC's own headers, to search when a file
     * needs one; the arguments do not name them */
    const char *gcc_dir = gcc_include_dir("gcc");
    if (l.n == 2) {
        CHECK_STR(l.v[0].path, "/src/a.c");
        CHECK_TRUE(l.v[0].nargs == 2);
        CHECK_STR(l.v[0].args[0], "-O2");
        CHECK_STR(l.v[0].args[1], "-Iinc");
        CHECK_STR(l.v[1].args[0], "-DB");
        CHECK_TRUE(l.v[1].nargs == 1);
        CHECK_TRUE(l.v[0].gcc_dir == gcc_dir && l.v[1].gcc_dir == gcc_dir);
        if (gcc_dir)
            CHECK_TRUE(gcc_owns_header(arena_printf(a, "%s/omp.h", gcc_dir)));
    }
    CHECK_TRUE(!gcc_owns_header("/usr/include/stdio.h"));
    job_list_free(&l);
}

/* Which compilers of a database are GCC, whose own headers it may need. */
static void gcc_names(void)
{
    CHECK_TRUE(gcc_is_gcc("gcc"));
    CHECK_TRUE(gcc_is_gcc("/usr/bin/cc"));
    CHECK_TRUE(gcc_is_gcc("g++"));
    CHECK_TRUE(gcc_is_gcc("x86_64-linux-gnu-gcc-12"));
    CHECK_TRUE(gcc_is_gcc("gcc-12"));
    CHECK_TRUE(gcc_is_gcc("arm-none-eabi-gcc"));
    CHECK_TRUE(!gcc_is_gcc("clang"));
    CHECK_TRUE(!gcc_is_gcc("/usr/bin/clang-19"));
    CHECK_TRUE(!gcc_is_gcc("icc"));
    CHECK_TRUE(!gcc_is_gcc("tcc"));
    CHECK_TRUE(!gcc_is_gcc("ccache"));
    CHECK_TRUE(!gcc_is_gcc("gcc-ar"));
    CHECK_TRUE(!gcc_is_gcc(""));
}

static void errors(struct arena *a)
{
    struct job_list l = {0};
    struct diag d;
    CHECK_TRUE(!cdb_load_text(a, "db.json", "{\"x\": 1}", 8, &l, &d));
    CHECK_TRUE(strstr(d.message, "JSON array") != NULL);
    /* a bad entry is kept as an error in its place, beside the good ones */
    const char *missing = "[\n {\"file\": \"a.c\", \"command\": \"cc a.c\"},\n"
                          " {\"directory\": \"/\", \"file\": \"b.c\", \"command\": \"cc b.c\"}\n]";
    CHECK_TRUE(cdb_load_text(a, "db.json", missing, strlen(missing), &l, &d));
    CHECK_TRUE(l.n == 2 && l.v[0].error && strstr(l.v[0].error, "directory") != NULL &&
               l.v[0].error_line == 2 && !l.v[1].error && !strcmp(l.v[1].path, "/b.c"));
    l.n = 0;
    CHECK_TRUE(!cdb_load_text(a, "db.json", "[1,", 3, &l, &d));
    CHECK_TRUE(strstr(d.message, "invalid JSON") != NULL);
    const char *noargs = "[{\"directory\": \"/\", \"file\": \"a.c\"}]";
    CHECK_TRUE(cdb_load_text(a, "db.json", noargs, strlen(noargs), &l, &d));
    CHECK_TRUE(l.n == 1 && l.v[0].error && strstr(l.v[0].error, "arguments") != NULL);
    job_list_free(&l);
}

int main(void)
{
    struct arena *a = arena_new();
    splitting(a);
    entries(a);
    gcc_names();
    errors(a);
    arena_free(a);
    return check_report("test_cdb");
}
