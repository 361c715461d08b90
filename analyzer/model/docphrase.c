/* SPDX-License-Identifier: MIT */
#include "model/docphrase.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/lockname.h"

/* Words are cut at WORD_MAX - 1 characters; only the first TEXT_MAX
 * characters of a comment are read (a contract is stated early). */
enum { WORD_MAX = 40, WINDOW = 10, TEXT_MAX = 2048 };

/* The comment as lower-case words; a word of -1 length marks the end of a
 * sentence ('.', ';', '!', '?', or a Doxygen '@' tag). `z->mutex`,
 * `lock-free` and `RPC_DPLX_LOCKED` are one word each. */
struct words {
    char (*w)[WORD_MAX];
    size_t n;
};

static bool word_char(char ch)
{
    return isalnum((unsigned char)ch) || ch == '_' || ch == '\'';
}

static void push(struct words *ws, const char *s, size_t len)
{
    if (len >= WORD_MAX)
        len = WORD_MAX - 1;
    for (size_t i = 0; i < len; i++)
        ws->w[ws->n][i] = (char)tolower((unsigned char)s[i]);
    ws->w[ws->n][len] = '\0';
    ws->n++;
}

static struct words split_words(const char *text)
{
    size_t len = strnlen(text, TEXT_MAX), cap = len + 2;
    struct words ws = {malloc(cap * sizeof *ws.w), 0};
    const char *end = text + len;
    for (const char *p = text; p < end && *p;) {
        if (word_char(*p)) {
            const char *s = p;
            /* `z->mutex`, `lock-free`: one word */
            while (word_char(*p) || (p[0] == '-' && p[1] == '>' && word_char(p[2])) ||
                   (p[0] == '-' && p > s && word_char(p[-1]) && word_char(p[1])))
                p += p[0] == '-' && p[1] == '>' ? 2 : 1;
            push(&ws, s, (size_t)(p - s));
        } else {
            bool sentence_ends = *p == ';' || *p == '!' || *p == '?' || *p == '@' ||
                                 (*p == '.' && (p[1] == '\0' || isspace((unsigned char)p[1])));
            if (sentence_ends && ws.n && ws.w[ws.n - 1][0])
                push(&ws, "", 0); /* empty word: a sentence ends */
            p++;
        }
    }
    return ws;
}

static bool is(const char *w, const char *const *set)
{
    for (; *set; set++)
        if (!strcmp(w, *set))
            return true;
    return false;
}

/* A word that names a lock or its state: lock, locked, rwlock, spinlock,
 * z->mutex, rpc_dplx_locked, latch. Not block, clock, deadlock, unlock. */
static bool lockish(const char *w)
{
    static const char *const not_locks[] = {"block", "clock", "deadlock", "unlock", "lockless",
                                            "lockfree", "lock-free", "lockdep", NULL};
    for (const char *const *n = not_locks; *n; n++)
        if (strstr(w, *n))
            return false;
    return strstr(w, "lock") || strstr(w, "mutex") || strstr(w, "latch");
}

/* A word that turns the phrase around: "returns with the lock released". */
static bool negative(const char *w)
{
    static const char *const set[] = {"not", "never", "without", "released", "dropped",
                                      "freed", "don't", "doesn't", "isn't", "no", NULL};
    return is(w, set) || !strncmp(w, "unlock", 6);
}

/* Whether a lock word comes within `WINDOW` words after i, in the same
 * sentence, before any word that turns the phrase around. */
static bool lock_follows(const struct words *ws, size_t i)
{
    for (size_t k = i + 1; k < ws->n && k <= i + WINDOW && ws->w[k][0]; k++) {
        if (negative(ws->w[k]))
            return false;
        if (lockish(ws->w[k]))
            return !(k + 1 < ws->n && negative(ws->w[k + 1]));
    }
    return false;
}

/* "returns with the lock held", "is returned with mutex locked",
 * "will return holding the bucket lock". */
static bool returns_with_lock(const struct words *ws, size_t i)
{
    static const char *const ret[] = {"return", "returns", "returned", "returning", NULL};
    static const char *const with[] = {"with", "holding", "locked", NULL};
    return is(ws->w[i], ret) && i + 1 < ws->n && is(ws->w[i + 1], with) &&
           (!strcmp(ws->w[i + 1], "locked") || lock_follows(ws, i));
}

/* "the lock is still held on return", "locked upon exit". */
static bool held_on_return(const struct words *ws, size_t i)
{
    static const char *const held[] = {"held", "locked", "taken", "acquired", "latched", NULL};
    static const char *const on[] = {"on", "upon", "at", "after", NULL};
    static const char *const ret[] = {"return", "exit", NULL};
    if (!is(ws->w[i], held) || i + 2 >= ws->n || !is(ws->w[i + 1], on) || !is(ws->w[i + 2], ret))
        return false;
    if (lockish(ws->w[i]))
        return true;
    for (size_t k = i; k-- > 0 && k + WINDOW > i && ws->w[k][0];) {
        if (negative(ws->w[k]))
            return false;
        if (lockish(ws->w[k]))
            return true;
    }
    return false;
}

/* A return value's description that says what it leaves locked:
 * "@retval 0 the entry was found, the table is latched", "Returns 0 and
 * the bucket stays locked". The sentence begins with the return word and
 * has no word that turns it around ("the table is not latched"). */
static bool return_leaves_locked(const struct words *ws, size_t i)
{
    static const char *const ret[] = {"retval", "return", "returns", NULL};
    static const char *const is_[] = {"is", "are", "remains", "stays", "left", "kept", NULL};
    static const char *const locked[] = {"locked", "latched", "held", NULL};
    /* "returns EBUSY if the mutex is already locked" tells another's hold */
    static const char *const others[] = {"already", "another", "other", "someone", NULL};
    if ((i && ws->w[i - 1][0]) || !is(ws->w[i], ret))
        return false;
    bool lock_named = false;
    for (size_t k = i + 1; k < ws->n && ws->w[k][0]; k++) {
        if (negative(ws->w[k]) || is(ws->w[k], others))
            return false;
        lock_named |= lockish(ws->w[k]);
        size_t m = k + 1 < ws->n && !strcmp(ws->w[k + 1], "still") ? k + 2 : k + 1;
        if (is(ws->w[k], is_) && m < ws->n && is(ws->w[m], locked) &&
            (lock_named || lockish(ws->w[m])) && !(m + 1 < ws->n && negative(ws->w[m + 1])))
            return true;
    }
    return false;
}

/* "the caller must unlock it", "caller should release the lock",
 * "unlocked by the caller". */
static bool caller_releases(const struct words *ws, size_t i)
{
    static const char *const callers[] = {"caller", "callers", "caller's", NULL};
    static const char *const release[] = {"release", "releases", "drop", "drops", NULL};
    if (!strcmp(ws->w[i], "unlocked") && i + 2 < ws->n && !strcmp(ws->w[i + 1], "by"))
        return is(ws->w[i + 2], callers) ||
               (i + 3 < ws->n && !strcmp(ws->w[i + 2], "the") && is(ws->w[i + 3], callers));
    if (!is(ws->w[i], callers))
        return false;
    for (size_t k = i + 1; k < ws->n && k <= i + 6 && ws->w[k][0]; k++) {
        if (is(ws->w[k], (const char *const[]){"not", "never", "don't", "doesn't", NULL}))
            return false;
        if (!strcmp(ws->w[k], "unlock") || !strcmp(ws->w[k], "unlocks"))
            return true;
        if (is(ws->w[k], release))
            return lock_follows(ws, k);
    }
    return false;
}

/* Whether word w is the function's name (lower case, as words are). */
static bool is_name(const char *w, const char *function)
{
    size_t n = strlen(function);
    return n < WORD_MAX && !strncasecmp(w, function, n) && !w[n];
}

/* The summary line in the imperative: "Lock two directories in order",
 * "foo - acquire the bucket lock" (a header that names the function
 * first), "@brief Locks both entries". A noun ("Lock ordering: ...",
 * "Locks must be held") is not one. */
static bool summary_locks(const struct words *ws, const char *function)
{
    size_t i = 0;
    while (i < ws->n && !ws->w[i][0])
        i++;
    if (i < ws->n && (!strcmp(ws->w[i], "brief") || is_name(ws->w[i], function)))
        i++;
    static const char *const verbs[] = {"lock", "acquire", "grab", NULL};
    static const char *const verbs3[] = {"locks", "acquires", "grabs", NULL};
    static const char *const objects[] = {"the", "a", "an", "both", "all", "its", "this",
                                          "each", "every", "and", NULL};
    static const char *const nouns_after[] = {"is", "are", "must", "should", "will", "held",
                                              "order", "ordering", "for", "of", "protecting",
                                              "that", "which", "used", "needed", "to", NULL};
    if (i + 1 >= ws->n || !ws->w[i + 1][0])
        return false;
    bool verb = (is(ws->w[i], verbs) && !is(ws->w[i + 1], nouns_after)) ||
                (is(ws->w[i], verbs3) && is(ws->w[i + 1], objects));
    if (!verb)
        return false;
    for (size_t k = i + 1; k < ws->n && ws->w[k][0]; k++)
        if (negative(ws->w[k]))
            return false; /* "Lock the queue, run it and unlock it" */
    return true;
}

bool docphrase_returns_holding(const char *comment, const char *function)
{
    if (!comment)
        return false;
    struct words ws = split_words(comment);
    bool named_to_lock = function && lockname_has_lock_word(function) &&
                         !strcasestr(function, "unlock");
    bool says = named_to_lock && summary_locks(&ws, function);
    for (size_t i = 0; i < ws.n && !says; i++)
        says = returns_with_lock(&ws, i) || held_on_return(&ws, i) || caller_releases(&ws, i) ||
               return_leaves_locked(&ws, i);
    free(ws.w);
    return says;
}
