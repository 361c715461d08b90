/* SPDX-License-Identifier: MIT
 * lockcheck.h - lock annotations for C, read by lockcheck.
 *
 * Say which lock guards which data and what functions do with locks:
 *
 *     struct account {
 *         pthread_mutex_t mu;
 *         long balance GUARDED_BY(mu);      // only touched with mu held
 *     };
 *     void deposit_locked(struct account *a, long n) REQUIRES(a->mu);
 *     void account_lock(struct account *a) ACQUIRE(a->mu);
 *     void account_unlock(struct account *a) RELEASE(a->mu);
 *
 * How the macros expand:
 *   - when lockcheck parses (it defines __LOCKCHECK__), to
 *     __attribute__((annotate("lockcheck:..."))) strings it reads itself, so
 *     the lock may be declared before or after the data it guards;
 *   - when LOCKCHECK_CLANG_ATTRIBUTES is defined and the compiler is clang,
 *     to clang's own thread-safety attributes, for teams that also build
 *     with -Wthread-safety (clang then wants the lock declared first);
 *   - otherwise to nothing: gcc and clang compile the code unchanged, with
 *     no warnings at -Wall -Wextra.
 *
 * Every macro exists as LOCKCHECK_<NAME>; the short names (GUARDED_BY, ...)
 * are defined only where the project has not defined them already.
 *
 * Lock expressions name a lock as C would: a sibling field of the same
 * object (`mu`), a field through a parameter (`a->mu`), a global
 * (`g_lock`). In function contracts, parameters are named by their names.
 */
#ifndef LOCKCHECK_H
#define LOCKCHECK_H

#if defined(__LOCKCHECK__)
#define LOCKCHECK_ANNOTATE_(what) __attribute__((annotate("lockcheck:" what)))
/* Data guarded by a lock: reads need it held (shared or exclusive),
 * writes need it held exclusively. */
#define LOCKCHECK_GUARDED_BY(lock) LOCKCHECK_ANNOTATE_("guarded_by:" #lock)
/* The data this pointer points to is guarded by the lock (the pointer
 * itself is not). */
#define LOCKCHECK_PT_GUARDED_BY(lock) LOCKCHECK_ANNOTATE_("pt_guarded_by:" #lock)
/* Data (or what the pointer points to) guarded by some lock, whichever:
 * touching it needs one held. */
#define LOCKCHECK_GUARDED_VAR LOCKCHECK_ANNOTATE_("guarded_var:")
#define LOCKCHECK_PT_GUARDED_VAR LOCKCHECK_ANNOTATE_("pt_guarded_var:")
/* The caller must hold the locks (exclusively / at least shared). */
#define LOCKCHECK_REQUIRES(...) LOCKCHECK_ANNOTATE_("requires:" #__VA_ARGS__)
#define LOCKCHECK_REQUIRES_SHARED(...) LOCKCHECK_ANNOTATE_("requires_shared:" #__VA_ARGS__)
/* The function returns holding the locks (exclusively / shared). */
#define LOCKCHECK_ACQUIRE(...) LOCKCHECK_ANNOTATE_("acquire:" #__VA_ARGS__)
#define LOCKCHECK_ACQUIRE_SHARED(...) LOCKCHECK_ANNOTATE_("acquire_shared:" #__VA_ARGS__)
/* The function releases locks the caller held (exclusive / shared /
 * either mode). */
#define LOCKCHECK_RELEASE(...) LOCKCHECK_ANNOTATE_("release:" #__VA_ARGS__)
#define LOCKCHECK_RELEASE_SHARED(...) LOCKCHECK_ANNOTATE_("release_shared:" #__VA_ARGS__)
#define LOCKCHECK_RELEASE_GENERIC(...) LOCKCHECK_ANNOTATE_("release_generic:" #__VA_ARGS__)
/* The function takes the locks only when it returns `ret`. */
#define LOCKCHECK_TRY_ACQUIRE(ret, ...) LOCKCHECK_ANNOTATE_("try_acquire:" #ret "," #__VA_ARGS__)
#define LOCKCHECK_TRY_ACQUIRE_SHARED(ret, ...) \
    LOCKCHECK_ANNOTATE_("try_acquire_shared:" #ret "," #__VA_ARGS__)
/* The caller must not hold the locks (the function takes them itself). */
#define LOCKCHECK_EXCLUDES(...) LOCKCHECK_ANNOTATE_("excludes:" #__VA_ARGS__)
/* A type whose objects are locks. */
#define LOCKCHECK_CAPABILITY(name) LOCKCHECK_ANNOTATE_("capability:" #name)
/* A lock type whose holder may take it again (a recursive mutex): held
 * until released as many times as taken. Read from the type's head. */
#define LOCKCHECK_REENTRANT_CAPABILITY
/* Lock order: this lock is taken before / after the others. */
#define LOCKCHECK_ACQUIRED_BEFORE(...) LOCKCHECK_ANNOTATE_("acquired_before:" #__VA_ARGS__)
#define LOCKCHECK_ACQUIRED_AFTER(...) LOCKCHECK_ANNOTATE_("acquired_after:" #__VA_ARGS__)
/* The function checks (asserts) that the lock is held: it is held after. */
#define LOCKCHECK_ASSERT_CAPABILITY(lock) LOCKCHECK_ANNOTATE_("assert_capability:" #lock)
/* The function returns the given lock (a getter). */
#define LOCKCHECK_RETURN_CAPABILITY(lock) LOCKCHECK_ANNOTATE_("return_capability:" #lock)
/* No lock checking in this function. */
#define LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ANNOTATE_("no_thread_safety_analysis:")
/* The function creates or destroys the objects it is given: their guarded
 * data may be touched without the lock, since nobody else can see them. */
#define LOCKCHECK_INITIALIZER LOCKCHECK_ANNOTATE_("initializer:")
#define LOCKCHECK_DESTRUCTOR LOCKCHECK_ANNOTATE_("destructor:")

#elif defined(LOCKCHECK_CLANG_ATTRIBUTES) && defined(__clang__)
#define LOCKCHECK_GUARDED_BY(lock) __attribute__((guarded_by(lock)))
#define LOCKCHECK_PT_GUARDED_BY(lock) __attribute__((pt_guarded_by(lock)))
#define LOCKCHECK_GUARDED_VAR __attribute__((guarded_var))
#define LOCKCHECK_PT_GUARDED_VAR __attribute__((pt_guarded_var))
#define LOCKCHECK_REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define LOCKCHECK_REQUIRES_SHARED(...) __attribute__((requires_shared_capability(__VA_ARGS__)))
#define LOCKCHECK_ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define LOCKCHECK_ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define LOCKCHECK_RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define LOCKCHECK_RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))
#define LOCKCHECK_RELEASE_GENERIC(...) __attribute__((release_generic_capability(__VA_ARGS__)))
#define LOCKCHECK_TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))
#define LOCKCHECK_TRY_ACQUIRE_SHARED(...) __attribute__((try_acquire_shared_capability(__VA_ARGS__)))
#define LOCKCHECK_EXCLUDES(...) __attribute__((locks_excluded(__VA_ARGS__)))
#define LOCKCHECK_CAPABILITY(name) __attribute__((capability(name)))
#if __has_attribute(reentrant_capability)
#define LOCKCHECK_REENTRANT_CAPABILITY __attribute__((reentrant_capability))
#else
#define LOCKCHECK_REENTRANT_CAPABILITY
#endif
#define LOCKCHECK_ACQUIRED_BEFORE(...) __attribute__((acquired_before(__VA_ARGS__)))
#define LOCKCHECK_ACQUIRED_AFTER(...) __attribute__((acquired_after(__VA_ARGS__)))
#define LOCKCHECK_ASSERT_CAPABILITY(lock) __attribute__((assert_capability(lock)))
#define LOCKCHECK_RETURN_CAPABILITY(lock) __attribute__((lock_returned(lock)))
#define LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS __attribute__((no_thread_safety_analysis))
#define LOCKCHECK_INITIALIZER __attribute__((no_thread_safety_analysis))
#define LOCKCHECK_DESTRUCTOR __attribute__((no_thread_safety_analysis))

#else
#define LOCKCHECK_GUARDED_BY(lock)
#define LOCKCHECK_PT_GUARDED_BY(lock)
#define LOCKCHECK_GUARDED_VAR
#define LOCKCHECK_PT_GUARDED_VAR
#define LOCKCHECK_REQUIRES(...)
#define LOCKCHECK_REQUIRES_SHARED(...)
#define LOCKCHECK_ACQUIRE(...)
#define LOCKCHECK_ACQUIRE_SHARED(...)
#define LOCKCHECK_RELEASE(...)
#define LOCKCHECK_RELEASE_SHARED(...)
#define LOCKCHECK_RELEASE_GENERIC(...)
#define LOCKCHECK_TRY_ACQUIRE(...)
#define LOCKCHECK_TRY_ACQUIRE_SHARED(...)
#define LOCKCHECK_EXCLUDES(...)
#define LOCKCHECK_CAPABILITY(name)
#define LOCKCHECK_REENTRANT_CAPABILITY
#define LOCKCHECK_ACQUIRED_BEFORE(...)
#define LOCKCHECK_ACQUIRED_AFTER(...)
#define LOCKCHECK_ASSERT_CAPABILITY(lock)
#define LOCKCHECK_RETURN_CAPABILITY(lock)
#define LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS
#define LOCKCHECK_INITIALIZER
#define LOCKCHECK_DESTRUCTOR
#endif

/* LOCKCHECK_SCOPED_LOCK(m): C's answer to a lock guard. Locks the pthread
 * mutex m and unlocks it whenever the enclosing block is left (end of the
 * block, return, break, continue), through gcc's and clang's cleanup
 * attribute:
 *
 *     void deposit(struct account *a, long n)
 *     {
 *         LOCKCHECK_SCOPED_LOCK(&a->mu);
 *         if (n <= 0)
 *             return;            // unlocked here
 *         a->balance += n;
 *     }                          // and here
 *
 * Needs <pthread.h> included first. A goto out of the block also unlocks at
 * run time, but lockcheck does not follow that exit. */
#if defined(PTHREAD_MUTEX_INITIALIZER) && (defined(__GNUC__) || defined(__clang__))
#if defined(__clang__)
/* glibc's pthread_mutex_t is no capability type to clang, and these two
 * helpers are the lock guard's own implementation: with
 * LOCKCHECK_CLANG_ATTRIBUTES, -Wthread-safety has nothing to say here. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wthread-safety-attributes"
#pragma clang diagnostic ignored "-Wthread-safety-analysis"
#endif
static inline void lockcheck_scoped_unlock_(pthread_mutex_t **m) LOCKCHECK_RELEASE(**m);
static inline void lockcheck_scoped_unlock_(pthread_mutex_t **m)
{
    pthread_mutex_unlock(*m);
}
static inline pthread_mutex_t *lockcheck_scoped_lock_(pthread_mutex_t *m)
    LOCKCHECK_ACQUIRE(*m) LOCKCHECK_RETURN_CAPABILITY(m);
static inline pthread_mutex_t *lockcheck_scoped_lock_(pthread_mutex_t *m)
{
    pthread_mutex_lock(m);
    return m;
}
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
#define LOCKCHECK_SCOPED_LOCK_NAME2_(line) lockcheck_scope_##line##_
#define LOCKCHECK_SCOPED_LOCK_NAME_(line) LOCKCHECK_SCOPED_LOCK_NAME2_(line)
#define LOCKCHECK_SCOPED_LOCK(m)                                                 \
    pthread_mutex_t *LOCKCHECK_SCOPED_LOCK_NAME_(__LINE__)                     \
        __attribute__((cleanup(lockcheck_scoped_unlock_), unused)) =          \
            lockcheck_scoped_lock_(m)
#endif

/* Short names, where the project has not defined its own. */
#ifndef GUARDED_BY
#define GUARDED_BY(lock) LOCKCHECK_GUARDED_BY(lock)
#endif
#ifndef PT_GUARDED_BY
#define PT_GUARDED_BY(lock) LOCKCHECK_PT_GUARDED_BY(lock)
#endif
#ifndef GUARDED_VAR
#define GUARDED_VAR LOCKCHECK_GUARDED_VAR
#endif
#ifndef PT_GUARDED_VAR
#define PT_GUARDED_VAR LOCKCHECK_PT_GUARDED_VAR
#endif
#ifndef REENTRANT_CAPABILITY
#define REENTRANT_CAPABILITY LOCKCHECK_REENTRANT_CAPABILITY
#endif
#ifndef REQUIRES
#define REQUIRES(...) LOCKCHECK_REQUIRES(__VA_ARGS__)
#endif
#ifndef REQUIRES_SHARED
#define REQUIRES_SHARED(...) LOCKCHECK_REQUIRES_SHARED(__VA_ARGS__)
#endif
#ifndef ACQUIRE
#define ACQUIRE(...) LOCKCHECK_ACQUIRE(__VA_ARGS__)
#endif
#ifndef ACQUIRE_SHARED
#define ACQUIRE_SHARED(...) LOCKCHECK_ACQUIRE_SHARED(__VA_ARGS__)
#endif
#ifndef RELEASE
#define RELEASE(...) LOCKCHECK_RELEASE(__VA_ARGS__)
#endif
#ifndef RELEASE_SHARED
#define RELEASE_SHARED(...) LOCKCHECK_RELEASE_SHARED(__VA_ARGS__)
#endif
#ifndef RELEASE_GENERIC
#define RELEASE_GENERIC(...) LOCKCHECK_RELEASE_GENERIC(__VA_ARGS__)
#endif
#ifndef TRY_ACQUIRE
#define TRY_ACQUIRE(...) LOCKCHECK_TRY_ACQUIRE(__VA_ARGS__)
#endif
#ifndef TRY_ACQUIRE_SHARED
#define TRY_ACQUIRE_SHARED(...) LOCKCHECK_TRY_ACQUIRE_SHARED(__VA_ARGS__)
#endif
#ifndef EXCLUDES
#define EXCLUDES(...) LOCKCHECK_EXCLUDES(__VA_ARGS__)
#endif
#ifndef CAPABILITY
#define CAPABILITY(name) LOCKCHECK_CAPABILITY(name)
#endif
#ifndef ACQUIRED_BEFORE
#define ACQUIRED_BEFORE(...) LOCKCHECK_ACQUIRED_BEFORE(__VA_ARGS__)
#endif
#ifndef ACQUIRED_AFTER
#define ACQUIRED_AFTER(...) LOCKCHECK_ACQUIRED_AFTER(__VA_ARGS__)
#endif
#ifndef ASSERT_CAPABILITY
#define ASSERT_CAPABILITY(lock) LOCKCHECK_ASSERT_CAPABILITY(lock)
#endif
#ifndef RETURN_CAPABILITY
#define RETURN_CAPABILITY(lock) LOCKCHECK_RETURN_CAPABILITY(lock)
#endif
#ifndef NO_THREAD_SAFETY_ANALYSIS
#define NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS
#endif

#endif /* LOCKCHECK_H */
