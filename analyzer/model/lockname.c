/* SPDX-License-Identifier: MIT
 * lockname: lock APIs recognised by name (see lockname.h). */
#include "model/lockname.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "support/arena.h"

const char lockname_origin[] = "guessed from its name";

static bool is_ident(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* Prefixes that may be glued to "lock" in one word: RDLOCK, rwlock,
 * SPINLOCK, Unlock, and each of them with "un" between it and the lock
 * (RWUNLOCK, writeunlock): a word taken as a lock has its unlock taken as
 * one too, or the pair's acquire would stand alone and its helpers would
 * look like they keep what they release. Anything else glued to it
 * (block, clock, deadlock) is another word. */
static bool lock_prefix_ok(const char *word, size_t len)
{
    static const char *const ok[] = {"", "rd", "wr", "rw", "read", "write", "spin", NULL};
    if (len >= 2 && !strncasecmp(word + len - 2, "un", 2))
        len -= 2;
    else if (len == 3 && !strncasecmp(word, "try", 3))
        return true;
    for (unsigned i = 0; ok[i]; i++)
        if (strlen(ok[i]) == len && !strncasecmp(word, ok[i], len))
            return true;
    return false;
}

/* The offset of the "lock" word in name (the last one), or -1. The word
 * ends the name or is followed by '_', a digit or, in camel case, a
 * capital: "locked", "locks" and "lockdep" are other words. */
static int lock_word(const char *name)
{
    int found = -1;
    size_t n = strlen(name);
    for (size_t i = 0; i + 4 <= n; i++) {
        if (strncasecmp(name + i, "lock", 4))
            continue;
        char next = name[i + 4];
        /* LOCKS is one word; LockSem is two (a camel-case capital) */
        bool caps = isupper((unsigned char)name[i]) && isupper((unsigned char)name[i + 1]);
        if (next && !(next == '_' || isdigit((unsigned char)next) ||
                      (!caps && isupper((unsigned char)next))))
            continue;
        size_t start = i; /* the word begins after '_' or at a camel-case capital */
        while (start > 0 && isalpha((unsigned char)name[start - 1]) &&
               !(islower((unsigned char)name[start - 1]) && isupper((unsigned char)name[start])))
            start--;
        if (lock_prefix_ok(name + start, i - start))
            found = (int)i;
    }
    return found;
}

bool lockname_has_lock_word(const char *name)
{
    return lock_word(name) >= 0;
}

bool lockname_has_word(const char *name, const char *const *words)
{
    for (unsigned w = 0; words[w]; w++) {
        size_t n = strlen(words[w]);
        for (const char *p = strcasestr(name, words[w]); p; p = strcasestr(p + 1, words[w])) {
            bool starts = p == name || !isalpha((unsigned char)p[-1]) ||
                          (islower((unsigned char)p[-1]) && isupper((unsigned char)*p));
            bool ends = !isalpha((unsigned char)p[n]) ||
                        (islower((unsigned char)p[n - 1]) && isupper((unsigned char)p[n]));
            if (starts && ends)
                return true;
        }
    }
    return false;
}

/* name with "un" put before (or taken from before) its lock word, in the
 * case the word is written in; NULL if it has no such form. */
static const char *twin_name(struct arena *a, const char *name, int at, bool *is_unlock)
{
    bool caps = isupper((unsigned char)name[at]) && isupper((unsigned char)name[at + 1]);
    bool camel = isupper((unsigned char)name[at]) && !caps;
    const char *un = caps ? "UN" : camel ? "Un" : "un";
    *is_unlock = at >= 2 && !strncasecmp(name + at - 2, "un", 2);
    if (*is_unlock) { /* Unlock -> Lock, UNLOCK -> LOCK, unlock -> lock */
        bool upper_u = isupper((unsigned char)name[at - 2]);
        return arena_printf(a, "%.*s%c%s", at - 2, name,
                            upper_u ? toupper((unsigned char)name[at]) : name[at], name + at + 1);
    }
    return arena_printf(a, "%.*s%s%c%s", at, name, un,
                        camel ? 'l' : name[at], name + at + 1);
}

/* Whether the file's text names `id` as a whole identifier. */
static bool mentions(const char *src, unsigned len, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = src, *end = src + len; p && p + n <= end;) {
        p = memmem(p, (size_t)(end - p), id, n);
        if (!p)
            break;
        if ((p == src || !is_ident(p[-1])) && (p + n == end || !is_ident(p[n])))
            return true;
        p += n;
    }
    return false;
}

/* Whether the file's text calls `id` (or defines it as a function-like
 * macro): the identifier followed by `(`. A lock variable of the twin's
 * name (`ip_unlock()` beside `static pthread_rwlock_t ip_lock;`) is no
 * lock call. */
static bool mentions_call(const char *src, unsigned len, const char *id)
{
    size_t n = strlen(id);
    const char *end = src + len;
    for (const char *p = src; p && p + n <= end;) {
        p = memmem(p, (size_t)(end - p), id, n);
        if (!p)
            break;
        const char *q = p + n;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        if ((p == src || !is_ident(p[-1])) && q < end && *q == '(')
            return true;
        p += n;
    }
    return false;
}

static bool shared_name(const char *name)
{
    return strcasestr(name, "rdlock") || strcasestr(name, "read_lock") ||
           strcasestr(name, "readlock") || strcasestr(name, "rdunlock") ||
           strcasestr(name, "read_unlock") || strcasestr(name, "readunlock");
}

enum lockname_arg lockname_classify_text(const char *text)
{
    while (*text == ' ' || *text == '(')
        text++;
    if (*text == '&')
        return LN_ADDRESS;
    if (*text == '"' || *text == '\'' || isdigit((unsigned char)*text) || *text == '-')
        return LN_CONSTANT;
    /* the caller's name or place, passed for debugging (`lock(pt, __func__)`) */
    static const char *const where[] = {"__func__", "__FUNCTION__", "__PRETTY_FUNCTION__",
                                        "__FILE__", "__LINE__", NULL};
    for (unsigned i = 0; where[i]; i++)
        if (!strncmp(text, where[i], strlen(where[i])) && !is_ident(text[strlen(where[i])]))
            return LN_CONSTANT;
    for (const char *p = text; *p; p++)
        if (!(isupper((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_'))
            return LN_OTHER;
    return *text ? LN_CONSTANT : LN_OTHER;
}

/* Which argument names the lock: the first address, else the only
 * non-constant; -1 for none (a lock named after the function), -2 when
 * two or more could be it (`entry_lock(table, entry)`: guessing one would
 * invent a lock name). */
static int lock_argument(const enum lockname_arg *kinds, unsigned nargs)
{
    for (unsigned i = 0; i < nargs; i++)
        if (kinds[i] == LN_ADDRESS)
            return (int)i;
    int found = -1;
    for (unsigned i = 0; i < nargs; i++)
        if (kinds[i] == LN_OTHER)
            found = found == -1 ? (int)i : -2;
    return found;
}

static struct lock_rule *make_rule(struct arena *a, const char *name, const char *lock_name,
                                   bool is_unlock, int arg)
{
    struct lock_rule *r = arena_alloc(a, sizeof *r);
    r->name = arena_strdup(a, name);
    r->origin = lockname_origin;
    r->neffects = 1;
    r->effects[0].kind = is_unlock ? EFFECT_RELEASE : EFFECT_ACQUIRE;
    r->effects[0].mode = is_unlock ? LOCK_ANY : shared_name(name) ? LOCK_SHARED : LOCK_EXCLUSIVE;
    r->effects[0].target.arg = arg;
    r->effects[0].target.expr = arg < 0 ? arena_strdup(a, lock_name) : NULL;
    return r;
}

/* `ast_channel_trylock(c)`, `TryLockObject(o)`: a try-lock's name, with
 * the name of the lock call it tries ("ast_channel_lock") in *base. */
static bool try_name(struct arena *a, const char *name, const char **base)
{
    const char *t = strcasestr(name, "trylock");
    size_t skip = 3;
    if (!t) {
        t = strcasestr(name, "try_lock");
        skip = 4;
    }
    if (!t)
        return false;
    *base = arena_printf(a, "%.*s%s", (int)(t - name), name, t + skip);
    return true;
}

/* A try-lock guessed from its name, where the file names the unlock of
 * the lock call it tries (`chan_unlock` for `chan_trylock`), as for the
 * lock call itself. Whether it succeeds on 0 or on non-zero is not known,
 * so after it the lock's state is unknown: no finding stands on it. */
static const struct lock_rule *guess_try(struct arena *a, const char *name, const char *source,
                                         unsigned source_len, int arg)
{
    const char *base;
    bool is_unlock;
    if (arg == -2 || !try_name(a, name, &base))
        return NULL;
    int at = lock_word(base);
    if (at < 0)
        return NULL;
    const char *twin = twin_name(a, base, at, &is_unlock);
    if (is_unlock || !mentions(source, source_len, twin))
        return NULL;
    struct lock_rule *r = make_rule(a, name, name, false, arg);
    r->effects[0].kind = EFFECT_FORGET;
    r->effects[0].mode = LOCK_ANY;
    return r;
}

const char *lockname_twin(struct arena *a, const char *name)
{
    int at = lock_word(name);
    bool is_unlock;
    return at >= 0 ? twin_name(a, name, at, &is_unlock) : NULL;
}

const struct lock_rule *lockname_guess(struct arena *a, struct strmap *cache, const char *source,
                                       unsigned source_len, const char *name,
                                       const enum lockname_arg *kinds, unsigned nargs)
{
    int arg = lock_argument(kinds, nargs);
    const char *key = arena_printf(a, "%s#%d", name, arg);
    void *hit = strmap_get(cache, key);
    if (hit)
        return hit == (void *)cache ? NULL : hit; /* the map itself marks "no" */
    const struct lock_rule *r = NULL;
    int at = lock_word(name);
    bool is_unlock = false;
    if (at >= 0 && arg != -2 && source && !strcasestr(name, "try")) {
        const char *twin = twin_name(a, name, at, &is_unlock);
        if (mentions_call(source, source_len, twin))
            r = make_rule(a, name, is_unlock ? twin : name, is_unlock, arg);
    } else if (source) {
        r = guess_try(a, name, source, source_len, arg);
    }
    strmap_put(cache, key, r ? (void *)r : (void *)cache);
    return r;
}

bool lockname_may_nest(const struct lock_rule *r)
{
    return r && (r->recursive || r->origin == lockname_origin);
}
