/* mod_select.c: the select module (stdlib stage; see stdlib/README.md).
 *
 * select() is built on poll(2) (ppoll, for a nanosecond timeout), so a
 * descriptor above FD_SETSIZE (1023) works, which select(2) cannot do. Its
 * three arguments may be any iterables of ints or of objects with fileno(),
 * and the result holds the same objects. A poll() object keeps its
 * descriptors in registration order in a C array, which poll() copies before
 * it waits without the GIL (vm/gil.h). A wait resumes after a signal unless
 * it was Ctrl-C, which becomes KeyboardInterrupt.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/gil.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

#define NS_PER_SEC 1000000000LL

typedef struct {
    BtObject hdr;
    struct pollfd *fds; /* the registered descriptors, in registration order (malloc'd) */
    size_t n, cap;      /* used and allocated entries of fds */
} BtPoll;

/* The descriptor of v: an int, or what v.fileno() returns, with CPython's
 * errors for anything else and for negative numbers. */
bool bt_fd_of(BtThread *t, BtValue v, int *out) {
    if (!bt_is_intlike(v)) {
        BtValue m = bt_getattr_opt(t, v, BT_NAME(t, fileno));
        if (bt_is_undef(m)) {
            if (!bt_has_exc(t))
                bt_raise(t, BT_EXC(t, TypeError),
                         "argument must be an int, or have a fileno() method.");
            return false;
        }
        BT_PUSH_ROOT(t, &m);
        v = bt_call(t, m, NULL, 0, NULL);
        BT_POP_ROOT(t, 1);
        if (bt_is_undef(v))
            return false;
        if (!bt_is_intlike(v)) {
            bt_raise(t, BT_EXC(t, TypeError), "fileno() returned a non-integer");
            return false;
        }
    }
    int64_t fd = bt_as_int(v);
    if (fd > INT_MAX || fd < INT_MIN) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C int");
        return false;
    }
    if (fd < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "file descriptor cannot be a negative integer (%d)",
                 (int)fd);
        return false;
    }
    *out = (int)fd;
    return true;
}

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/* ppoll over fds until something is ready or timeout_ns (-1: forever)
 * passes, without the GIL. fds must be C memory. The count ready, or -1
 * with the exception raised. */
static int wait_fds(BtThread *t, struct pollfd *fds, size_t n, int64_t timeout_ns) {
    int64_t deadline = timeout_ns < 0 ? -1 : now_ns() + timeout_ns;
    for (;;) {
        struct timespec ts, *tsp = NULL;
        if (deadline >= 0) {
            int64_t left = deadline - now_ns();
            if (left < 0)
                left = 0;
            ts.tv_sec = (time_t)(left / NS_PER_SEC);
            ts.tv_nsec = (long)(left % NS_PER_SEC);
            tsp = &ts;
        }
        BT_RELEASE_GIL(t, "poll");
        int rc = ppoll(fds, n, tsp, NULL);
        int err = errno;
        BT_ACQUIRE_GIL(t);
        if (rc >= 0)
            return rc;
        if (err != EINTR) {
            bt_raise_errno(t, err, NULL);
            return -1;
        }
        if (!bt_check_signals(t))
            return -1;
    }
}

/* ---- select() ---- */

/* select's timeout in nanoseconds (None is -1). */
static bool select_timeout(BtThread *t, BtValue v, int64_t *ns) {
    if (bt_is_none(v)) {
        *ns = -1;
        return true;
    }
    double d;
    if (!bt_num_as_double(v, &d)) {
        bt_raise(t, BT_EXC(t, TypeError), "timeout must be a float or None");
        return false;
    }
    if (isnan(d)) {
        bt_raise(t, BT_EXC(t, ValueError), "Invalid value NaN (not a number)");
        return false;
    }
    if (fabs(d) * 1e9 >= 9.2e18) {
        bt_raise(t, BT_EXC(t, OverflowError), "timestamp out of range for platform time_t");
        return false;
    }
    if (d < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "timeout must be non-negative");
        return false;
    }
    *ns = (int64_t)ceil(d * 1e9);
    return true;
}

/* What poll reports that select(2) would count as readable, writable and
 * exceptional (the kernel's own mapping). */
static const short select_events[3] = {POLLIN, POLLOUT, POLLPRI};
static const short select_ready[3] = {POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI};

/* select(rlist, wlist, xlist[, timeout]) -> (readable, writable, exceptional) */
static BtValue select_select(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "select.select() takes no keyword arguments");
        return BT_UNDEF;
    }
    int64_t timeout = -1;
    if (!bt_check_args(t, "select", nargs, NULL, 3, 4) ||
        (nargs == 4 && !select_timeout(t, args[3], &timeout)))
        return BT_UNDEF;
    /* Copies of the three iterables: fileno() may run any code, and the
     * answer must name the very objects given. */
    BtValue lists[3] = {BT_UNDEF, BT_UNDEF, BT_UNDEF};
    for (int i = 0; i < 3; i++)
        BT_PUSH_ROOT(t, &lists[i]);
    BtValue result = BT_UNDEF;
    struct pollfd *fds = NULL;
    size_t n = 0;
    for (int i = 0; i < 3; i++) {
        BtList *l = bt_list_from_iterable(t, args[i]);
        if (!l) {
            if (bt_exc_pending_is(t, BT_EXC(t, TypeError))) {
                bt_take_exc(t);
                bt_raise(t, BT_EXC(t, TypeError), "arguments 1-3 must be sequences");
            }
            goto out;
        }
        lists[i] = bt_obj(l);
        n += l->len;
    }
    fds = malloc((n ? n : 1) * sizeof *fds);
    if (!fds) {
        bt_raise_memory(t);
        goto out;
    }
    size_t k = 0;
    for (int i = 0; i < 3; i++) {
        BtList *l = bt_as_list(lists[i]);
        for (size_t j = 0; j < l->len; j++, k++) {
            if (!bt_fd_of(t, l->items[j], &fds[k].fd))
                goto out;
            fds[k].events = select_events[i];
            fds[k].revents = 0;
        }
    }
    if (wait_fds(t, fds, n, timeout) < 0)
        goto out;
    for (k = 0; k < n; k++)
        if (fds[k].revents & POLLNVAL) {
            bt_raise_errno(t, EBADF, NULL);
            goto out;
        }
    /* Each list is replaced by the items of it that are ready. */
    k = 0;
    for (int i = 0; i < 3; i++) {
        BtList *l = bt_as_list(lists[i]);
        BtList *ready = bt_list_new(t, 0);
        if (!ready)
            goto out;
        BtValue rv = bt_obj(ready);
        BT_PUSH_ROOT(t, &rv);
        bool ok = true;
        for (size_t j = 0; ok && j < l->len; j++, k++)
            if (fds[k].revents & select_ready[i])
                ok = bt_list_append(t, ready, l->items[j]);
        BT_POP_ROOT(t, 1);
        if (!ok)
            goto out;
        lists[i] = rv;
    }
    BtTuple *r = bt_tuple_from(t, lists, 3);
    if (r)
        result = bt_obj(r);
out:
    free(fds);
    BT_POP_ROOT(t, 3);
    return result;
}

/* ---- poll objects ---- */

static BtPoll *as_poll(BtValue v) {
    return (BtPoll *)bt_as_obj(v);
}

/* Argument counts the way CPython's poll methods word them: keywords name
 * the method ("poll.register() takes ..."), counts do not ("register
 * expected at most 2 arguments, got 3"). */
static bool poll_args(BtThread *t, const char *meth, int nargs, BtTuple *kwnames, int min,
                      int max) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "poll.%s() takes no keyword arguments", meth);
        return false;
    }
    return bt_check_args(t, meth, nargs, NULL, min, max);
}

/* An event mask: a C unsigned short, as CPython takes it. */
static bool mask_arg(BtThread *t, BtValue v, short *out) {
    if (!bt_is_intlike(v)) {
        bt_raise(t, BT_EXC(t, TypeError), "an integer is required");
        return false;
    }
    int64_t m = bt_as_int(v);
    if (m < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "value must be positive");
        return false;
    }
    if (m > USHRT_MAX) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large for C unsigned short");
        return false;
    }
    *out = (short)(unsigned short)m;
    return true;
}

/* The index of fd among p's registered descriptors, or -1. */
static ptrdiff_t poll_find(BtPoll *p, int fd) {
    for (size_t i = 0; i < p->n; i++)
        if (p->fds[i].fd == fd)
            return (ptrdiff_t)i;
    return -1;
}

/* register(fd, eventmask=POLLIN|POLLPRI|POLLOUT): registering again
 * replaces the mask. */
static BtValue poll_register(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    BtPoll *p = as_poll(self);
    int fd;
    short events = POLLIN | POLLPRI | POLLOUT;
    if (!poll_args(t, "register", nargs, kwnames, 1, 2) || !bt_fd_of(t, args[0], &fd) ||
        (nargs == 2 && !mask_arg(t, args[1], &events)))
        return BT_UNDEF;
    ptrdiff_t at = poll_find(p, fd);
    if (at < 0) {
        if (p->n == p->cap) {
            size_t cap = p->cap ? p->cap * 2 : 8;
            struct pollfd *fds = realloc(p->fds, cap * sizeof *fds);
            if (!fds) {
                bt_raise_memory(t);
                return BT_UNDEF;
            }
            bt_gc_account(t, (ptrdiff_t)((cap - p->cap) * sizeof *fds));
            p->fds = fds;
            p->cap = cap;
        }
        at = (ptrdiff_t)p->n++;
        p->fds[at].fd = fd;
    }
    p->fds[at].events = events;
    return BT_NONE;
}

/* modify(fd, eventmask): FileNotFoundError (ENOENT) for an unknown fd. */
static BtValue poll_modify(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    BtPoll *p = as_poll(self);
    int fd;
    short events;
    if (!poll_args(t, "modify", nargs, kwnames, 2, 2) || !bt_fd_of(t, args[0], &fd) ||
        !mask_arg(t, args[1], &events))
        return BT_UNDEF;
    ptrdiff_t at = poll_find(p, fd);
    if (at < 0) {
        bt_raise_errno(t, ENOENT, NULL);
        return BT_UNDEF;
    }
    p->fds[at].events = events;
    return BT_NONE;
}

/* unregister(fd): KeyError for an unknown fd; the others keep their order. */
static BtValue poll_unregister(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    BtPoll *p = as_poll(self);
    int fd;
    if (!bt_check_args(t, "poll.unregister", nargs, kwnames, 1, 1) || !bt_fd_of(t, args[0], &fd))
        return BT_UNDEF;
    ptrdiff_t at = poll_find(p, fd);
    if (at < 0) {
        BtValue key = bt_int(fd);
        BtValue e = bt_exc_new(t, BT_EXC(t, KeyError), &key, 1);
        if (!bt_is_undef(e))
            bt_raise_value(t, e);
        return BT_UNDEF;
    }
    memmove(p->fds + at, p->fds + at + 1, (p->n - (size_t)at - 1) * sizeof *p->fds);
    p->n--;
    return BT_NONE;
}

/* poll([timeout]) -> [(fd, events), ...]; timeout in milliseconds, None or
 * negative waits for ever. */
static BtValue poll_poll(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    BtPoll *p = as_poll(self);
    if (!poll_args(t, "poll", nargs, kwnames, 0, 1))
        return BT_UNDEF;
    int64_t timeout = -1;
    if (nargs == 1 && !bt_is_none(args[0])) {
        double ms;
        if (!bt_num_as_double(args[0], &ms)) {
            bt_raise(t, BT_EXC(t, TypeError), "timeout must be an integer or None");
            return BT_UNDEF;
        }
        if (isnan(ms)) {
            bt_raise(t, BT_EXC(t, ValueError), "Invalid value NaN (not a number)");
            return BT_UNDEF;
        }
        if (fabs(ms) * 1e6 >= 9.2e18) {
            bt_raise(t, BT_EXC(t, OverflowError), "timestamp out of range for platform time_t");
            return BT_UNDEF;
        }
        ms = ceil(ms);
        if (ms > INT_MAX || ms < INT_MIN) {
            bt_raise(t, BT_EXC(t, OverflowError), "timeout is too large");
            return BT_UNDEF;
        }
        timeout = ms < 0 ? -1 : (int64_t)ms * 1000000;
    }
    struct pollfd *fds = malloc((p->n ? p->n : 1) * sizeof *fds);
    if (!fds) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    size_t n = p->n;
    if (n)
        memcpy(fds, p->fds, n * sizeof *fds);
    BtValue result = BT_UNDEF;
    if (wait_fds(t, fds, n, timeout) >= 0) {
        BtList *l = bt_list_new(t, 0);
        result = l ? bt_obj(l) : BT_UNDEF;
        BT_PUSH_ROOT(t, &result);
        for (size_t i = 0; l && i < n; i++) {
            if (!fds[i].revents)
                continue;
            BtValue pair[2] = {bt_int(fds[i].fd), bt_int((unsigned short)fds[i].revents)};
            BtTuple *tp = bt_tuple_from(t, pair, 2);
            if (!tp || !bt_list_append(t, l, bt_obj(tp)))
                l = NULL;
        }
        BT_POP_ROOT(t, 1);
        if (!l)
            result = BT_UNDEF;
    }
    free(fds);
    return result;
}

static const BtNativeDef poll_methods[] = {
    {"register", poll_register},
    {"modify", poll_modify},
    {"unregister", poll_unregister},
    {"poll", poll_poll},
    {NULL, NULL},
};

static void poll_finalize(BtInterp *interp, BtObject *self) {
    (void)interp;
    BtPoll *p = (BtPoll *)self;
    free(p->fds);
    p->fds = NULL;
    p->n = p->cap = 0;
}

/* select.poll(): bound to the poll type, which it instantiates. */
static BtValue select_poll(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "select.poll", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtPoll *p = bt_gc_alloc(t, (BtType *)bt_as_obj(self), sizeof(BtPoll));
    return p ? bt_obj(p) : BT_UNDEF;
}

/* ---- the module ---- */

static const struct {
    const char *name;
    int value;
} select_constants[] = {
    {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},
    {"POLLERR", POLLERR},       {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},
    {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM},
    {"POLLWRBAND", POLLWRBAND}, {"POLLRDHUP", POLLRDHUP},
};


BtModule *bt_mod_select_create(BtThread *t) {
    static const BtNativeDef functions[] = {{"select", select_select}, {NULL, NULL}};
    BtStr *name = bt_str_intern_cstr(t, "select");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m), tv = BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    BT_PUSH_ROOT(t, &tv);
    bool ok = false;
    BtType *type = bt_type_new_native(t, "poll", NULL, sizeof(BtPoll));
    if (!type)
        goto out;
    tv = bt_obj(type);
    if (!bt_module_add_functions(t, m, functions))
        goto out;
    type->module = name;
    type->finalize = poll_finalize;
    if (!bt_type_add_methods(t, type, poll_methods))
        goto out;
    BtNative *pn = bt_native_new(t, "poll", select_poll, tv);
    if (!pn)
        goto out;
    pn->module = bt_obj(name);
    if (!bt_module_set(t, m, "poll", bt_obj(pn)) || !bt_module_set(t, m, "error", bt_obj(BT_EXC(t, OSError))))
        goto out;
    for (size_t i = 0; i < sizeof select_constants / sizeof select_constants[0]; i++)
        if (!bt_module_set(t, m, select_constants[i].name, bt_int(select_constants[i].value)))
            goto out;
    ok = true;
out:
    BT_POP_ROOT(t, 2);
    return ok ? m : NULL;
}
