#!/usr/bin/env python3
"""Writes synthetic C inputs that break path-enumerating tools.

Usage: bench/gen.py FAMILY SIZE > file.c
Families:
  branches  one function with SIZE sequential ifs between lock and unlock (2^SIZE paths)
  gotos     one function with SIZE error exits through goto cleanup labels
  functions SIZE small functions, each locking and unlocking in a loop
  switch    one function with a SIZE-case switch under a lock
  nesting   SIZE nested ifs under a lock
  locks     one function taking and releasing SIZE distinct locks
  statements one function of SIZE statements between lock and unlock
"""
import sys

HEAD = "#include <pthread.h>\nstatic pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;\nint work(int);\n"


def branches(n):
    body = "".join(f"    if (work({i})) x += {i};\n" for i in range(n))
    return HEAD + f"int f(int x) {{\n    pthread_mutex_lock(&m);\n{body}    pthread_mutex_unlock(&m);\n    return x;\n}}\n"


def gotos(n):
    body = "".join(f"    if (work({i})) goto out;\n" for i in range(n))
    return HEAD + ("int f(void) {\n    int rc = 0;\n    pthread_mutex_lock(&m);\n" + body +
                   "    rc = 1;\nout:\n    pthread_mutex_unlock(&m);\n    return rc;\n}\n")


def functions(n):
    fn = ("int f{i}(int n) {{\n    int s = 0;\n    for (int i = 0; i < n; i++) {{\n"
          "        pthread_mutex_lock(&m);\n        if (work(i)) {{ pthread_mutex_unlock(&m); continue; }}\n"
          "        s += i;\n        pthread_mutex_unlock(&m);\n        if (s > 100) break;\n    }}\n    return s;\n}}\n")
    return HEAD + "".join(fn.format(i=i) for i in range(n))


def switch(n):
    cases = "".join(f"    case {i}: x += work({i}); break;\n" for i in range(n))
    return HEAD + f"int f(int x) {{\n    pthread_mutex_lock(&m);\n    switch (x) {{\n{cases}    default: break;\n    }}\n    pthread_mutex_unlock(&m);\n    return x;\n}}\n"


def nesting(n):
    opens = "".join("    if (work(%d)) {\n" % i for i in range(n))
    return HEAD + "int f(int x) {\n    pthread_mutex_lock(&m);\n" + opens + "    x++;\n" + "    }\n" * n + \
        "    pthread_mutex_unlock(&m);\n    return x;\n}\n"


def locks(n):
    decl = f"static pthread_mutex_t ms[{n}];\nstruct s {{ pthread_mutex_t mu; }};\n"
    body = "".join(f"    pthread_mutex_lock(&v{i}.mu);\n    work({i});\n    pthread_mutex_unlock(&v{i}.mu);\n" for i in range(n))
    vars_ = "".join(f"struct s v{i};\n" for i in range(n))
    return HEAD + decl + vars_ + "void f(void) {\n" + body + "}\n"


def statements(n):
    body = "".join(f"    x += work({i});\n" if i % 7 == 0 else "    x++;\n" for i in range(n))
    return HEAD + f"int f(int x) {{\n    pthread_mutex_lock(&m);\n{body}    pthread_mutex_unlock(&m);\n    return x;\n}}\n"


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in globals():
        sys.exit(__doc__)
    sys.stdout.write(globals()[sys.argv[1]](int(sys.argv[2])))
