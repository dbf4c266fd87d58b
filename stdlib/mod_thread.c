/* mod_thread.c: the _thread module: real POSIX threads and locks (stdlib stage).
 *
 * What threading.py (stdlib/lib/) builds Thread, Condition, Event, Semaphore,
 * Barrier and queue on, with CPython's names: start_new_thread, allocate_lock
 * (the `lock` type), RLock, get_ident, get_native_id, _count, _set_sentinel,
 * TIMEOUT_MAX, error.
 *
 * A new thread gets its own thread state (value stack, frames, trace hook,
 * recursion depth) and runs only while it holds the GIL. It blocks SIGINT,
 * so that a Ctrl-C always lands in the main thread and interrupts whatever
 * call the main thread blocks in (vm/gil.h).
 *
 * Locks are POSIX semaphores: a wait gives the GIL up and can be interrupted
 * by a signal (sem_wait returns EINTR whatever SA_RESTART says), so Ctrl-C
 * reaches a main thread blocked in acquire() or join().
 */
#include <errno.h>
#include <math.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gil.h"
#include "vm/hook.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

/* The longest timeout a wait accepts, in seconds (CPython's TIMEOUT_MAX here). */
#define TIMEOUT_MAX_SECONDS 9223372036.0

typedef struct {
    BtObject hdr;
    sem_t sem; /* 1: unlocked, 0: locked */
} BtLock;

typedef struct {
    BtObject hdr;
    sem_t sem;      /* 1: nobody owns it */
    uint64_t owner; /* get_ident() of the owner, 0 when free */
    uint64_t count; /* how many times the owner acquired it */
} BtRLock;

/* ---- waiting on a semaphore ---- */

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* acquire(blocking=True, timeout=-1)'s arguments: the timeout in seconds,
 * or -1 for none. False with the error raised. */
static bool acquire_args(BtThread *t, const char *fname, BtValue *args, int nargs,
                         BtTuple *kwnames, bool *blocking, double *timeout) {
    static const char *const params[] = {"|blocking", "timeout", NULL};
    BtValue a[2];
    if (!bt_parse_args(t, fname, args, nargs, kwnames, params, a))
        return false;
    *blocking = true;
    if (!bt_is_undef(a[0])) {
        int truth = bt_truthy(t, a[0]);
        if (truth < 0)
            return false;
        *blocking = truth;
    }
    *timeout = -1;
    if (!bt_is_undef(a[1]) && !bt_num_as_double(a[1], timeout)) {
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object cannot be interpreted as an integer",
                 bt_type_name(t, a[1]));
        return false;
    }
    if (!*blocking && *timeout != -1) {
        bt_raise(t, BT_EXC(t, ValueError), "can't specify a timeout for a non-blocking call");
        return false;
    }
    if (*timeout < 0 && *timeout != -1) {
        bt_raise(t, BT_EXC(t, ValueError), "timeout value must be positive");
        return false;
    }
    if (*timeout > TIMEOUT_MAX_SECONDS) {
        bt_raise(t, BT_EXC(t, OverflowError), "timeout value is too large");
        return false;
    }
    return true;
}

/* Take one unit of sem: 1 when taken, 0 when the timeout passed (or not
 * blocking and it was taken), -1 with KeyboardInterrupt (or an OSError) raised. */
static int sem_take(BtThread *t, sem_t *sem, bool blocking, double timeout) {
    if (sem_trywait(sem) == 0)
        return 1;
    if (!blocking)
        return 0;
    int64_t deadline = timeout < 0 ? -1 : now_ns() + (int64_t)(timeout * 1e9);
    for (;;) {
        struct timespec until = {(time_t)(deadline / 1000000000), (long)(deadline % 1000000000)};
        BT_RELEASE_GIL(t, "lock acquire");
        int rc = deadline < 0 ? sem_wait(sem) : sem_clockwait(sem, CLOCK_MONOTONIC, &until);
        int err = errno;
        BT_ACQUIRE_GIL(t);
        if (rc == 0)
            return 1;
        if (err == ETIMEDOUT)
            return 0;
        if (err != EINTR) {
            bt_raise_errno(t, err, NULL);
            return -1;
        }
        if (!bt_check_signals(t))
            return -1;
    }
}

/* ---- lock ---- */

static BtLock *as_lock(BtValue v) {
    return (BtLock *)bt_as_obj(v);
}

static bool lock_is_locked(BtLock *l) {
    int value = 0;
    sem_getvalue(&l->sem, &value);
    return value == 0;
}

static BtValue new_lock(BtThread *t, BtType *type) {
    BtLock *l = bt_gc_alloc(t, type, sizeof(BtLock));
    if (!l)
        return BT_UNDEF;
    sem_init(&l->sem, 0, 1);
    return bt_obj(l);
}

static void lock_finalize(BtInterp *interp, BtObject *self) {
    (void)interp;
    sem_destroy(&((BtLock *)self)->sem);
}

static BtValue lock_acquire(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    bool blocking;
    double timeout;
    if (!acquire_args(t, "acquire", args, nargs, kwnames, &blocking, &timeout))
        return BT_UNDEF;
    int got = sem_take(t, &as_lock(self)->sem, blocking, timeout);
    return got < 0 ? BT_UNDEF : bt_bool(got);
}

static BtValue lock_release(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "release", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtLock *l = as_lock(self);
    if (!lock_is_locked(l)) {
        bt_raise(t, BT_EXC(t, RuntimeError), "release unlocked lock");
        return BT_UNDEF;
    }
    sem_post(&l->sem);
    return BT_NONE;
}

static BtValue lock_exit(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return lock_release(t, self, NULL, 0, NULL);
}

static BtValue lock_locked(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "locked", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_bool(lock_is_locked(as_lock(self)));
}

static BtValue lock_repr(BtThread *t, BtValue self) {
    BtStr *s = bt_str_format(t, "<%s _thread.lock object at %p>",
                             lock_is_locked(as_lock(self)) ? "locked" : "unlocked",
                             (void *)bt_as_obj(self));
    return s ? bt_obj(s) : BT_UNDEF;
}

static const BtNativeDef lock_methods[] = {
    {"acquire", lock_acquire}, {"acquire_lock", lock_acquire}, {"__enter__", lock_acquire},
    {"release", lock_release}, {"release_lock", lock_release}, {"__exit__", lock_exit},
    {"locked", lock_locked},   {"locked_lock", lock_locked},   {NULL, NULL},
};

/* ---- RLock ---- */

static BtRLock *as_rlock(BtValue v) {
    return (BtRLock *)bt_as_obj(v);
}

static BtValue rlock_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)args, (void)nargs, (void)kwnames; /* CPython's RLock() ignores its arguments too */
    BtRLock *r = bt_gc_alloc(t, type, sizeof(BtRLock));
    if (!r)
        return BT_UNDEF;
    sem_init(&r->sem, 0, 1);
    return bt_obj(r);
}

static void rlock_finalize(BtInterp *interp, BtObject *self) {
    (void)interp;
    sem_destroy(&((BtRLock *)self)->sem);
}

static BtValue rlock_acquire(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    bool blocking;
    double timeout;
    if (!acquire_args(t, "acquire", args, nargs, kwnames, &blocking, &timeout))
        return BT_UNDEF;
    BtRLock *r = as_rlock(self);
    if (r->count > 0 && r->owner == t->ident) {
        r->count++;
        return BT_TRUE;
    }
    int got = sem_take(t, &r->sem, blocking, timeout);
    if (got < 0)
        return BT_UNDEF;
    if (got) {
        r->owner = t->ident;
        r->count = 1;
    }
    return bt_bool(got);
}

static bool rlock_check_owner(BtThread *t, BtRLock *r) {
    if (r->count == 0 || r->owner != t->ident) {
        bt_raise(t, BT_EXC(t, RuntimeError), "cannot release un-acquired lock");
        return false;
    }
    return true;
}

static BtValue rlock_release(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "release", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtRLock *r = as_rlock(self);
    if (!rlock_check_owner(t, r))
        return BT_UNDEF;
    if (--r->count == 0) {
        r->owner = 0;
        sem_post(&r->sem);
    }
    return BT_NONE;
}

static BtValue rlock_exit(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return rlock_release(t, self, NULL, 0, NULL);
}

static BtValue rlock_is_owned(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "_is_owned", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtRLock *r = as_rlock(self);
    return bt_bool(r->count > 0 && r->owner == t->ident);
}

/* For Condition.wait: let go completely, remembering (count, owner). */
static BtValue rlock_release_save(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "_release_save", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtRLock *r = as_rlock(self);
    if (r->count == 0) {
        bt_raise(t, BT_EXC(t, RuntimeError), "cannot release un-acquired lock");
        return BT_UNDEF;
    }
    BtValue owner = bt_int_from_u64(t, r->owner);
    if (bt_is_undef(owner))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &owner);
    BtValue saved[2] = {bt_int((int64_t)r->count), owner};
    BtTuple *state = bt_tuple_from(t, saved, 2);
    BT_POP_ROOT(t, 1);
    if (!state)
        return BT_UNDEF;
    r->count = 0;
    r->owner = 0;
    sem_post(&r->sem);
    return bt_obj(state);
}

static BtValue rlock_acquire_restore(BtThread *t, BtValue self, BtValue *args, int nargs,
                                     BtTuple *kwnames) {
    if (!bt_check_args(t, "_acquire_restore", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    int64_t count, owner;
    BtValue state = args[0];
    if (!bt_is_tuple(t, state) || bt_as_tuple(state)->len != 2 ||
        !bt_int_index(t, bt_as_tuple(state)->items[0], &count) ||
        !bt_int_index(t, bt_as_tuple(state)->items[1], &owner)) {
        if (!bt_has_exc(t))
            bt_raise(t, BT_EXC(t, TypeError), "_acquire_restore() argument must be a 2-tuple");
        return BT_UNDEF;
    }
    BtRLock *r = as_rlock(self);
    if (sem_take(t, &r->sem, true, -1) < 0)
        return BT_UNDEF;
    r->count = (uint64_t)count;
    r->owner = (uint64_t)owner;
    return BT_NONE;
}

static BtValue rlock_repr(BtThread *t, BtValue self) {
    BtRLock *r = as_rlock(self);
    BtStr *s = bt_str_format(t, "<%s _thread.RLock object owner=%llu count=%llu at %p>",
                             r->count ? "locked" : "unlocked", (unsigned long long)r->owner,
                             (unsigned long long)r->count, (void *)bt_as_obj(self));
    return s ? bt_obj(s) : BT_UNDEF;
}

static const BtNativeDef rlock_methods[] = {
    {"acquire", rlock_acquire},
    {"__enter__", rlock_acquire},
    {"release", rlock_release},
    {"__exit__", rlock_exit},
    {"_is_owned", rlock_is_owned},
    {"_release_save", rlock_release_save},
    {"_acquire_restore", rlock_acquire_restore},
    {NULL, NULL},
};

/* ---- threads ---- */

/* Call (function, args, kwargs) of t->start. */
static BtValue call_start(BtThread *t) {
    BtTuple *start = bt_as_tuple(t->start);
    BtTuple *pos = bt_as_tuple(start->items[1]);
    BtValue kw = start->items[2];
    size_t nkw = bt_is_none(kw) ? 0 : bt_as_dict(kw)->len;
    size_t n = pos->len + nkw;
    BtValue *argv = calloc(n ? n : 1, sizeof *argv);
    BtTuple *kwnames = nkw ? bt_tuple_new(t, nkw) : NULL;
    if (!argv || (nkw && !kwnames)) {
        free(argv);
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    /* Everything in argv stays reachable from t->start; kwnames from the stack root. */
    BtValue kwv = kwnames ? bt_obj(kwnames) : BT_NONE;
    BT_PUSH_ROOT(t, &kwv);
    memcpy(argv, pos->items, pos->len * sizeof *argv);
    size_t pos_i = 0, k = 0;
    BtValue key, value;
    while (nkw && bt_dict_next(bt_as_dict(kw), &pos_i, &key, &value)) {
        kwnames->items[k] = key;
        argv[pos->len + k++] = value;
    }
    BtValue r = bt_call(t, start->items[0], argv, (int)pos->len, kwnames);
    BT_POP_ROOT(t, 1);
    free(argv);
    return r;
}

static void *thread_main(void *arg) {
    BtThread *t = arg;
    BT_ACQUIRE_GIL(t);
    t->native_id = (long)gettid();
    BtValue r = call_start(t);
    if (bt_is_undef(r)) {
        BtValue exc = bt_take_exc(t);
        if (!bt_isinstance(t, exc, BT_EXC(t, SystemExit)))
            bt_exc_report_unraisable(t, "in thread started by", bt_as_tuple(t->start)->items[0],
                                     exc);
    }
    t->start = BT_UNDEF;
    if (!bt_is_undef(t->done_lock))
        sem_post(&((BtLock *)bt_as_obj(t->done_lock))->sem);
    t->done_lock = BT_UNDEF;
    bt_thread_unlink(t);
    bt_gil_release_for_exit(t);
    bt_thread_free(t);
    return NULL;
}

/* Start a thread running args[0](*args[1], **args[2]) named `name` (NULL:
 * "Thread-N"); its ident, or BT_UNDEF raised. */
static BtValue start_thread(BtThread *t, BtValue *args, int nargs, const char *name) {
    if (!bt_is_tuple(t, args[1])) {
        bt_raise(t, BT_EXC(t, TypeError), "2nd arg must be a tuple");
        return BT_UNDEF;
    }
    BtValue kw = nargs > 2 ? args[2] : BT_NONE;
    if (!bt_is_none(kw) && !bt_is_dict(t, kw)) {
        bt_raise(t, BT_EXC(t, TypeError), "optional 3rd arg must be a dictionary");
        return BT_UNDEF;
    }
    BtValue parts[3] = {args[0], args[1], kw};
    BtTuple *start = bt_tuple_from(t, parts, 3);
    if (!start)
        return BT_UNDEF;
    BtValue sv = bt_obj(start);
    BT_PUSH_ROOT(t, &sv);
    BtThread *nt = bt_thread_new(t->interp);
    BT_POP_ROOT(t, 1);
    if (!nt) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    nt->start = sv;
    if (t->hook && t->hook->all_threads)
        nt->hook = t->hook;
    if (name)
        snprintf(nt->name, sizeof nt->name, "%s", name);
    else
        snprintf(nt->name, sizeof nt->name, "Thread-%d", t->interp->threads_started + 1);
    /* The new thread inherits this mask: SIGINT is for the main thread. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&nt->os_thread, &attr, thread_main, nt);
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        nt->start = BT_UNDEF;
        bt_thread_unlink(nt);
        bt_thread_free(nt);
        bt_raise(t, BT_EXC(t, RuntimeError), "can't start new thread");
        return BT_UNDEF;
    }
    nt->ident = (uint64_t)nt->os_thread;
    t->interp->threads_started++;
    return bt_int_from_u64(t, nt->ident);
}

/* start_new_thread(function, args[, kwargs]) -> the new thread's ident */
static BtValue thread_start_new(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "start_new_thread", nargs, kwnames, 2, 3))
        return BT_UNDEF;
    return start_thread(t, args, nargs, NULL);
}

/* _start_named(name, function, args): threading's start, so that the trace
 * and :threads know the thread's name before its first instruction. */
static BtValue thread_start_named(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "_start_named", nargs, kwnames, 3, 3))
        return BT_UNDEF;
    if (!bt_is_str(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "name must be a str");
        return BT_UNDEF;
    }
    return start_thread(t, args + 1, 2, bt_as_str(args[0])->data);
}

static BtValue thread_allocate_lock(BtThread *t, BtValue self, BtValue *args, int nargs,
                                    BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "allocate_lock", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return new_lock(t, (BtType *)bt_as_obj(self));
}

/* _set_sentinel(): a locked lock that is released when this thread ends
 * (threading's join waits on it). */
static BtValue thread_set_sentinel(BtThread *t, BtValue self, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "_set_sentinel", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtValue l = new_lock(t, (BtType *)bt_as_obj(self));
    if (bt_is_undef(l))
        return l;
    sem_trywait(&as_lock(l)->sem);
    t->done_lock = l;
    return l;
}

static BtValue thread_get_ident(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "get_ident", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_int_from_u64(t, t->ident);
}

static BtValue thread_get_native_id(BtThread *t, BtValue self, BtValue *args, int nargs,
                                    BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "get_native_id", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_int(t->native_id);
}

/* _count(): threads started here that have not ended. */
static BtValue thread_count(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "_count", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_int(t->interp->nthreads - 1);
}

/* _set_name(ident, name): the name the trace and :threads show. */
static BtValue thread_set_name(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)self;
    int64_t ident;
    if (!bt_check_args(t, "_set_name", nargs, kwnames, 2, 2) || !bt_int_index(t, args[0], &ident))
        return BT_UNDEF;
    if (!bt_is_str(t, args[1])) {
        bt_raise(t, BT_EXC(t, TypeError), "name must be a str");
        return BT_UNDEF;
    }
    for (BtThread *th = t->interp->threads; th; th = th->next_thread)
        if (th->ident == (uint64_t)ident)
            snprintf(th->name, sizeof th->name, "%s", bt_as_str(args[1])->data);
    return BT_NONE;
}

/* _print_exception(exc): its traceback on stderr, as an uncaught one prints. */
static BtValue thread_print_exception(BtThread *t, BtValue self, BtValue *args, int nargs,
                                      BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "_print_exception", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    fflush(stdout);
    bt_exc_print(t, args[0], stderr);
    fflush(stderr);
    return BT_NONE;
}

/* ---- the module ---- */


/* A native in m whose receiver is `state` (the lock type for allocate_lock). */
static bool add_bound(BtThread *t, BtModule *m, const char *name, BtNativeFn fn, BtValue state) {
    BtNative *n = bt_native_new(t, name, fn, state);
    if (!n)
        return false;
    n->module = bt_obj(m->name);
    return bt_module_set(t, m, name, bt_obj(n));
}

static BtType *new_type(BtThread *t, BtModule *m, const char *name, size_t size,
                        const BtNativeDef *methods, void (*finalize)(BtInterp *, BtObject *),
                        BtValue (*repr)(BtThread *, BtValue)) {
    BtType *type = bt_type_new_native(t, name, NULL, size);
    if (!type)
        return NULL;
    type->module = m->name;
    type->finalize = finalize;
    type->repr = repr;
    BtValue tv = bt_obj(type);
    BT_PUSH_ROOT(t, &tv);
    bool ok = bt_type_add_methods(t, type, methods);
    BT_POP_ROOT(t, 1);
    return ok ? type : NULL;
}

BtModule *bt_mod_thread_create(BtThread *t) {
    static const BtNativeDef functions[] = {
        {"start_new_thread", thread_start_new},
        {"start_new", thread_start_new},
        {"_start_named", thread_start_named},
        {"get_ident", thread_get_ident},
        {"get_native_id", thread_get_native_id},
        {"_count", thread_count},
        {"_set_name", thread_set_name},
        {"_print_exception", thread_print_exception},
        {NULL, NULL},
    };
    BtStr *name = bt_str_intern_cstr(t, "_thread");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m), lockv = BT_UNDEF, rlockv = BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    BT_PUSH_ROOT(t, &lockv);
    BT_PUSH_ROOT(t, &rlockv);
    bool ok = false;
    BtType *lock = new_type(t, m, "lock", sizeof(BtLock), lock_methods, lock_finalize, lock_repr);
    if (!lock)
        goto out;
    lockv = bt_obj(lock);
    BtType *rlock =
        new_type(t, m, "RLock", sizeof(BtRLock), rlock_methods, rlock_finalize, rlock_repr);
    if (!rlock)
        goto out;
    rlockv = bt_obj(rlock);
    rlock->construct = rlock_construct;
    ok = bt_module_add_functions(t, m, functions) &&
         add_bound(t, m, "allocate_lock", thread_allocate_lock, lockv) &&
         add_bound(t, m, "allocate", thread_allocate_lock, lockv) &&
         add_bound(t, m, "_set_sentinel", thread_set_sentinel, lockv) &&
         bt_module_set(t, m, "LockType", lockv) && bt_module_set(t, m, "RLock", rlockv) &&
         bt_module_set(t, m, "error", bt_obj(BT_EXC(t, RuntimeError))) &&
         bt_module_set(t, m, "TIMEOUT_MAX", bt_float(TIMEOUT_MAX_SECONDS));
out:
    BT_POP_ROOT(t, 3);
    return ok ? m : NULL;
}
