/* mod_scheduler.c: the built-in scheduler for generator tasks (stdlib stage).
 *
 * What the talk's Scheduler and Pool classes grow into; the contract is
 * SPEC §8 and tests/scheduler_model/scheduler.py is the same thing in Python.
 * A task is a generator; it yields a request (give way, sleep, wait for a
 * descriptor, join a task) and the scheduler resumes it when the answer is
 * there. One scheduler per thread, made on first use (t->scheduler).
 *
 * The loop runs in rounds: a round resumes the tasks that were ready when it
 * began; then one poll (epoll, or poll(2) where there is none) with the GIL
 * released, a zero timeout while tasks are ready, else until the nearest
 * deadline; then the sleepers whose time has come (earliest first), then the
 * tasks whose descriptor is ready (in the order they began waiting).
 *
 * Nothing is allocated per switch: the ready queue is a ring buffer, the
 * timers a binary heap, and a task waiting on a descriptor is itself the link
 * in that descriptor's list of waiters; the arrays only grow. A resume is
 * bt_gen_resume: the generator's frame runs on the eval loop and comes back
 * here at its next yield (no C recursion from one task to the next).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/epoll.h>
#define HAVE_EPOLL 1
#else
#include <poll.h>
#define HAVE_EPOLL 0
#endif

#include "stdlib/modules.h"
#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gen.h"
#include "vm/gil.h"
#include "vm/hook.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

typedef enum { TASK_READY, TASK_RUNNING, TASK_SLEEPING, TASK_WAITING, TASK_DONE } TaskState;
static const char *const STATE_NAMES[] = {"ready", "running", "sleeping", "waiting", "done"};

typedef enum { REQ_SLEEP, REQ_READABLE, REQ_WRITABLE, REQ_JOIN } RequestKind;

typedef struct BtTask BtTask;
typedef struct BtSched BtSched;

typedef struct {
    BtObject hdr;
    int admitted;        /* tasks of the pool started and not finished */
    int size;
    BtTask **backlog;    /* FIFO of tasks not yet admitted */
    size_t head, count, cap;
} BtPool;

struct BtTask {
    BtObject hdr;
    BtValue gen;       /* the generator; UNDEF once done */
    BtStr *name;
    BtSched *owner;    /* the scheduler of the thread that spawned it */
    BtPool *pool;      /* or NULL */
    uint8_t state;     /* TaskState */
    BtValue result;    /* return value, once done without an exception */
    BtValue exc;       /* the exception it ended with, or UNDEF */
    BtValue send;      /* what the next resume sends in (None) ... */
    BtValue throw_;    /* ... or throws in (UNDEF: nothing) */
    BtValue joiners;   /* a list of the tasks joining it, in order, or UNDEF */
    /* While it waits on a descriptor: the link in that descriptor's list. */
    int wait_fd;
    uint8_t wait_kind; /* REQ_READABLE or REQ_WRITABLE */
    uint64_t wait_seq; /* the order in which waits began */
    BtTask *next_waiter;
};

typedef struct {
    int64_t deadline; /* CLOCK_MONOTONIC nanoseconds */
    uint64_t seq;     /* ties: the order they slept */
    BtTask *task;
} Timer;

typedef struct {
    BtTask *first, *last; /* waiting tasks, in the order they began */
    uint32_t registered;  /* the events epoll watches for it (0: not registered) */
    bool closed;          /* collected while tasks waited on it: they get EBADF */
} FdWaiters;

struct BtSched {
    BtObject hdr;
    BtTask **ring;     /* the ready queue */
    size_t head, count, cap;
    Timer *timers;     /* a binary heap on (deadline, seq) */
    size_t ntimers, timers_cap;
    FdWaiters *fds;    /* indexed by descriptor */
    size_t nfds;
    size_t nwaiting;   /* tasks waiting on descriptors */
    bool closed_fds;   /* some fds[].closed is set */
    BtTask **woken;    /* scratch for one poll's ready descriptors */
    size_t woken_cap;
    int poller;        /* the epoll descriptor, -1 until needed */
    uint64_t seq;
    uint64_t ident;    /* the owning thread */
    bool running, trace;
    BtTask *current;
};

typedef struct {
    BtObject hdr;
    uint8_t kind;      /* RequestKind */
    int fd;
    double seconds;
    BtValue arg;       /* the argument as given (the trace shows its repr), or the task */
} BtRequest;

/* The module's types, kept in a state object the module holds (no C globals). */
typedef struct {
    BtType *task, *pool, *sched, *request;
} Types;

typedef struct {
    BtObject hdr;
    Types types;
} BtModuleState;

static BtSched *as_sched(BtValue v) {
    return (BtSched *)bt_as_obj(v);
}
static BtTask *as_task(BtValue v) {
    return (BtTask *)bt_as_obj(v);
}

/* ---- the GC ---- */

static void task_trace(BtGc *gc, BtObject *o) {
    BtTask *k = (BtTask *)o;
    bt_gc_mark(gc, k->gen);
    bt_gc_mark_obj(gc, (BtObject *)k->name);
    bt_gc_mark_obj(gc, (BtObject *)k->owner);
    bt_gc_mark_obj(gc, (BtObject *)k->pool);
    bt_gc_mark(gc, k->result);
    bt_gc_mark(gc, k->exc);
    bt_gc_mark(gc, k->send);
    bt_gc_mark(gc, k->throw_);
    bt_gc_mark(gc, k->joiners);
    bt_gc_mark_obj(gc, (BtObject *)k->next_waiter);
}

static void pool_trace(BtGc *gc, BtObject *o) {
    BtPool *p = (BtPool *)o;
    for (size_t i = 0; i < p->count; i++)
        bt_gc_mark_obj(gc, (BtObject *)p->backlog[(p->head + i) % p->cap]);
}

static void pool_finalize(BtInterp *in, BtObject *o) {
    (void)in;
    free(((BtPool *)o)->backlog);
}

static void sched_trace(BtGc *gc, BtObject *o) {
    BtSched *s = (BtSched *)o;
    for (size_t i = 0; i < s->count; i++)
        bt_gc_mark_obj(gc, (BtObject *)s->ring[(s->head + i) % s->cap]);
    for (size_t i = 0; i < s->ntimers; i++)
        bt_gc_mark_obj(gc, (BtObject *)s->timers[i].task);
    for (size_t fd = 0; fd < s->nfds; fd++)
        bt_gc_mark_obj(gc, (BtObject *)s->fds[fd].first); /* the rest through next_waiter */
    bt_gc_mark_obj(gc, (BtObject *)s->current);
}

static void sched_finalize(BtInterp *in, BtObject *o) {
    (void)in;
    BtSched *s = (BtSched *)o;
    free(s->ring);
    free(s->timers);
    free(s->fds);
    free(s->woken);
    if (s->poller >= 0)
        close(s->poller);
    s->poller = -1;
}

static void request_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark(gc, ((BtRequest *)o)->arg);
}

/* ---- small helpers ---- */

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Grow *arr (of elem-sized items) to hold at least need; false raised. */
static bool grow(BtThread *t, void **arr, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, n * elem);
    if (!p) {
        bt_raise_memory(t);
        return false;
    }
    *arr = p;
    *cap = n;
    return true;
}

/* Report a switch to the hook (--trace=events, the stepper) and, with
 * run(trace=True), on stderr. */
static void sched_event(BtThread *t, BtSched *s, const char *fmt, ...) {
    if (!t->hook && !s->trace)
        return;
    char detail[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    if (s->trace) {
        fflush(stdout);
        fprintf(stderr, "scheduler: %s\n", detail);
        fflush(stderr);
    }
    if (t->hook) {
        BtEvent ev = {BT_EV_SCHED, t->frame, 0, BT_UNDEF, BT_UNDEF, detail};
        t->hook->fn(t, &ev, t->hook->data);
    }
}

static const char *task_name(BtTask *k) {
    return k->name->data;
}

/* ---- the ready queue, timers, descriptor waits ---- */

/* Append k to a ring buffer of tasks (the ready queue, a pool's backlog),
 * doubling it when full; false raised. */
static bool ring_push(BtThread *t, BtTask ***ring, size_t *head, size_t *count, size_t *cap,
                      BtTask *k) {
    if (*count == *cap) {
        size_t n = *cap ? *cap * 2 : 64;
        BtTask **grown = malloc(n * sizeof *grown);
        if (!grown) {
            bt_raise_memory(t);
            return false;
        }
        for (size_t i = 0; i < *count; i++)
            grown[i] = (*ring)[(*head + i) % *cap];
        free(*ring);
        *ring = grown;
        *head = 0;
        *cap = n;
    }
    (*ring)[(*head + (*count)++) % *cap] = k;
    return true;
}

static BtTask *ring_pop(BtTask **ring, size_t *head, size_t *count, size_t cap) {
    BtTask *k = ring[*head];
    *head = (*head + 1) % cap;
    (*count)--;
    return k;
}

static bool ready_push(BtThread *t, BtSched *s, BtTask *k) {
    if (!ring_push(t, &s->ring, &s->head, &s->count, &s->cap, k))
        return false;
    k->state = TASK_READY;
    return true;
}

static BtTask *ready_pop(BtSched *s) {
    return ring_pop(s->ring, &s->head, &s->count, s->cap);
}

static bool timer_before(const Timer *a, const Timer *b) {
    return a->deadline < b->deadline || (a->deadline == b->deadline && a->seq < b->seq);
}

static bool timer_push(BtThread *t, BtSched *s, int64_t deadline, BtTask *k) {
    if (!grow(t, (void **)&s->timers, &s->timers_cap, s->ntimers + 1, sizeof(Timer)))
        return false;
    size_t i = s->ntimers++;
    Timer item = {deadline, s->seq++, k};
    while (i > 0 && timer_before(&item, &s->timers[(i - 1) / 2])) {
        s->timers[i] = s->timers[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    s->timers[i] = item;
    k->state = TASK_SLEEPING;
    return true;
}

static BtTask *timer_pop(BtSched *s) {
    BtTask *k = s->timers[0].task;
    Timer last = s->timers[--s->ntimers];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= s->ntimers)
            break;
        if (c + 1 < s->ntimers && timer_before(&s->timers[c + 1], &s->timers[c]))
            c++;
        if (!timer_before(&s->timers[c], &last))
            break;
        s->timers[i] = s->timers[c];
        i = c;
    }
    if (s->ntimers)
        s->timers[i] = last;
    return k;
}

static uint32_t wanted_events(uint8_t kind) {
#if HAVE_EPOLL
    return kind == REQ_READABLE ? EPOLLIN : EPOLLOUT;
#else
    return kind == REQ_READABLE ? POLLIN : POLLOUT;
#endif
}

/* The events the waiters of fd want together. */
static uint32_t waiters_mask(BtSched *s, int fd) {
    uint32_t mask = 0;
    for (BtTask *k = s->fds[fd].first; k; k = k->next_waiter)
        mask |= wanted_events(k->wait_kind);
    return mask;
}

/* Tell the poller what fd's waiters want now; an error number, or 0.
 * A descriptor whose last reader woke stays registered for reading: a
 * server's connection is waited on again at once, and leaving it costs no
 * system call where a DEL now and an ADD then cost two (a third of a round
 * trip's calls). A wake-up for nobody makes poll_once unregister it; a
 * close (or collection) of a socket or file tells on_fd_closing, so that a
 * new descriptor with the same number is registered afresh. */
static int fd_update(BtSched *s, int fd) {
    uint32_t mask = waiters_mask(s, fd);
    FdWaiters *w = &s->fds[fd];
#if HAVE_EPOLL
    if (w->registered == mask || (mask == 0 && w->registered == EPOLLIN))
        return 0;
    struct epoll_event ev = {.events = mask, .data.fd = fd};
    int op = !w->registered ? EPOLL_CTL_ADD : mask ? EPOLL_CTL_MOD : EPOLL_CTL_DEL;
    int rc = epoll_ctl(s->poller, op, fd, &ev);
    /* The descriptor was closed and its number reused since it was registered. */
    if (rc < 0 && errno == ENOENT && op == EPOLL_CTL_MOD)
        rc = epoll_ctl(s->poller, EPOLL_CTL_ADD, fd, &ev);
    if (rc < 0 && errno == EEXIST && op == EPOLL_CTL_ADD)
        rc = epoll_ctl(s->poller, EPOLL_CTL_MOD, fd, &ev);
    if (rc < 0 && !(op == EPOLL_CTL_DEL && (errno == EBADF || errno == ENOENT)))
        return errno;
#endif
    w->registered = mask;
    return 0;
}

/* Stop watching fd (no task waits on it). */
static void fd_forget(BtSched *s, int fd) {
#if HAVE_EPOLL
    if (s->fds[fd].registered)
        epoll_ctl(s->poller, EPOLL_CTL_DEL, fd, NULL);
#endif
    s->fds[fd].registered = 0;
}

/* Make k wait until fd is readable or writable (kind). False with the
 * OSError raised when fd cannot be waited on. */
static bool fd_wait(BtThread *t, BtSched *s, BtTask *k, int fd, uint8_t kind) {
#if HAVE_EPOLL
    if (s->poller < 0 && (s->poller = epoll_create1(EPOLL_CLOEXEC)) < 0) {
        bt_raise_errno(t, errno, NULL);
        return false;
    }
#endif
    if ((size_t)fd >= s->nfds) {
        size_t n = s->nfds ? s->nfds : 64;
        while (n <= (size_t)fd)
            n *= 2;
        FdWaiters *p = realloc(s->fds, n * sizeof *p);
        if (!p) {
            bt_raise_memory(t);
            return false;
        }
        memset(p + s->nfds, 0, (n - s->nfds) * sizeof *p);
        s->fds = p;
        s->nfds = n;
    }
    FdWaiters *w = &s->fds[fd];
    k->wait_fd = fd;
    k->wait_kind = kind;
    k->wait_seq = s->seq++;
    k->next_waiter = NULL;
    if (w->last)
        w->last->next_waiter = k;
    else
        w->first = k;
    w->last = k;
    int err = fd_update(s, fd);
    if (err) { /* take it off again: the error is the answer */
        BtTask **link = &w->first;
        while (*link != k)
            link = &(*link)->next_waiter;
        *link = NULL;
        w->last = NULL;
        for (BtTask *p = w->first; p; p = p->next_waiter)
            w->last = p;
        bt_raise_errno(t, err, NULL);
        return false;
    }
    s->nwaiting++;
    k->state = TASK_WAITING;
    return true;
}

/* Take the waiters of fd whose wait `events` answers off its list, into
 * s->woken (all of them when `all`). */
static void fd_take_ready(BtSched *s, int fd, uint32_t events, bool all, size_t *nwoken) {
    FdWaiters *w = &s->fds[fd];
    BtTask **link = &w->first;
    w->last = NULL;
    while (*link) {
        BtTask *k = *link;
#if HAVE_EPOLL
        uint32_t err = EPOLLERR | EPOLLHUP;
#else
        uint32_t err = POLLERR | POLLHUP | POLLNVAL;
#endif
        if (all || (events & (wanted_events(k->wait_kind) | err))) {
            *link = k->next_waiter;
            k->next_waiter = NULL;
            s->woken[(*nwoken)++] = k;
            s->nwaiting--;
        } else {
            w->last = k;
            link = &k->next_waiter;
        }
    }
}

static int by_wait_seq(const void *a, const void *b) {
    uint64_t x = (*(BtTask *const *)a)->wait_seq, y = (*(BtTask *const *)b)->wait_seq;
    return x < y ? -1 : x > y;
}

/* Wake the tasks waiting on fd with EBADF at their yield (it was closed). */
static void wake_closed(BtThread *t, BtSched *s, int fd) {
    size_t n = 0;
    if (!grow(t, (void **)&s->woken, &s->woken_cap, s->nwaiting, sizeof *s->woken)) {
        bt_take_exc(t);
        return;
    }
    fd_take_ready(s, fd, 0, true, &n);
    /* Queued first, so that they stay reachable while their errors are made. */
    size_t first = s->count;
    for (size_t i = 0; i < n; i++)
        if (!ready_push(t, s, s->woken[i]))
            bt_take_exc(t);
    for (size_t i = first; i < s->count; i++) {
        bt_raise_errno(t, EBADF, NULL);
        s->ring[(s->head + i) % s->cap]->throw_ = bt_take_exc(t);
    }
}

/* A socket or file is about to close fd (t is NULL when the collector closes
 * it): every thread's scheduler forgets its registration, and the tasks
 * waiting on it wake with EBADF, now, or at the next poll when collected. */
static void on_fd_closing(BtInterp *in, BtThread *t, int fd) {
    for (BtThread *th = in->threads; th; th = th->next_thread) {
        if (!bt_is_obj(th->scheduler))
            continue;
        BtSched *s = as_sched(th->scheduler);
        if (fd < 0 || (size_t)fd >= s->nfds)
            continue;
        fd_forget(s, fd);
        if (!s->fds[fd].first)
            continue;
        if (t)
            wake_closed(t, s, fd);
        else
            s->fds[fd].closed = s->closed_fds = true; /* no allocation in the collector */
    }
}

/* Waiters of descriptors the collector closed get their EBADF now. */
static void wake_collected(BtThread *t, BtSched *s) {
    s->closed_fds = false;
    for (size_t fd = 0; fd < s->nfds; fd++)
        if (s->fds[fd].closed) {
            s->fds[fd].closed = false;
            wake_closed(t, s, (int)fd);
        }
}

/* ---- the scheduler of this thread ---- */

static BtSched *thread_sched(BtThread *t, const Types *ty) {
    if (bt_is_obj(t->scheduler))
        return as_sched(t->scheduler);
    BtSched *s = bt_gc_alloc(t, ty->sched, sizeof(BtSched));
    if (!s)
        return NULL;
    s->poller = -1;
    s->ident = t->ident;
    t->scheduler = bt_obj(s);
    t->interp->fd_closing = on_fd_closing;
    return s;
}

static const Types *types_of(BtValue module_state) {
    return &((BtModuleState *)bt_as_obj(module_state))->types;
}

static void state_trace(BtGc *gc, BtObject *o) {
    Types *ty = &((BtModuleState *)o)->types;
    bt_gc_mark_obj(gc, (BtObject *)ty->task);
    bt_gc_mark_obj(gc, (BtObject *)ty->pool);
    bt_gc_mark_obj(gc, (BtObject *)ty->sched);
    bt_gc_mark_obj(gc, (BtObject *)ty->request);
}

/* ---- finishing a task ---- */

/* The backlog's first task, if any, is admitted when a task of the pool ends. */
static bool pool_admit_next(BtThread *t, BtPool *p) {
    p->admitted--;
    if (p->count == 0)
        return true;
    BtTask *k = ring_pop(p->backlog, &p->head, &p->count, p->cap);
    p->admitted++;
    return ready_push(t, k->owner, k);
}

/* k ended: with `result`, or with exception `exc`. Its joiners are queued in
 * the order they joined, then its pool admits the next task. */
static bool finish(BtThread *t, BtSched *s, BtTask *k, BtValue result, BtValue exc) {
    k->state = TASK_DONE;
    k->gen = BT_UNDEF;
    k->result = bt_is_undef(exc) ? result : BT_NONE;
    k->exc = exc;
    if (bt_is_undef(exc))
        sched_event(t, s, "%s finished", task_name(k));
    else
        sched_event(t, s, "%s raised %s", task_name(k), bt_type_name(t, exc));
    if (bt_is_obj(k->joiners)) {
        BtList *j = bt_as_list(k->joiners);
        for (size_t i = 0; i < j->len; i++) {
            BtTask *w = as_task(j->items[i]);
            if (bt_is_undef(exc))
                w->send = k->result;
            else
                w->throw_ = exc;
            if (!ready_push(t, s, w))
                return false;
        }
        k->joiners = BT_UNDEF;
    }
    return !k->pool || pool_admit_next(t, k->pool);
}

/* ---- answering a request ---- */

typedef enum { ANSWER_LATER, ANSWER_NOW, ANSWER_FAILED } Answer;

/* Throw a fresh exception of `type` with `msg` into k at its yield, at once. */
static Answer throw_now(BtThread *t, BtTask *k, BtType *type, const char *msg) {
    bt_raise(t, type, "%s", msg);
    k->throw_ = bt_take_exc(t);
    return bt_is_undef(k->throw_) ? ANSWER_FAILED : ANSWER_NOW;
}

static Answer answer(BtThread *t, BtSched *s, const Types *ty, BtTask *k, BtValue request) {
    if (bt_is_none(request) ||
        (bt_is_obj(request) && bt_as_obj(request)->type == ty->request &&
         ((BtRequest *)bt_as_obj(request))->kind == REQ_SLEEP &&
         ((BtRequest *)bt_as_obj(request))->seconds == 0)) {
        sched_event(t, s, "%s gives way", task_name(k));
        return ready_push(t, s, k) ? ANSWER_LATER : ANSWER_FAILED;
    }
    if (!bt_is_obj(request) || bt_as_obj(request)->type != ty->request) {
        BtValue r = bt_repr(t, request);
        if (bt_is_undef(r)) {
            k->throw_ = bt_take_exc(t);
            return ANSWER_NOW;
        }
        bt_raise(t, BT_EXC(t, TypeError), "task yielded an unsupported value: %s",
                 bt_as_str(r)->data);
        k->throw_ = bt_take_exc(t);
        return ANSWER_NOW;
    }
    BtRequest *req = (BtRequest *)bt_as_obj(request);
    switch (req->kind) {
    case REQ_SLEEP: {
        BtValue shown = bt_repr(t, req->arg);
        if (!bt_is_undef(shown))
            sched_event(t, s, "%s sleeps %s", task_name(k), bt_as_str(shown)->data);
        else
            bt_take_exc(t);
        int64_t deadline = now_ns() + (int64_t)(req->seconds * 1e9);
        return timer_push(t, s, deadline, k) ? ANSWER_LATER : ANSWER_FAILED;
    }
    case REQ_READABLE:
    case REQ_WRITABLE:
        if (!fd_wait(t, s, k, req->fd, req->kind)) {
            k->throw_ = bt_take_exc(t);
            return ANSWER_NOW;
        }
        sched_event(t, s, "%s waits until fd %d is %s", task_name(k), req->fd,
                    req->kind == REQ_READABLE ? "readable" : "writable");
        return ANSWER_LATER;
    case REQ_JOIN: {
        BtTask *other = as_task(req->arg);
        if (other == k)
            return throw_now(t, k, BT_EXC(t, RuntimeError), "a task cannot join itself");
        if (other->owner != s)
            return throw_now(t, k, BT_EXC(t, RuntimeError),
                             "task belongs to another thread's scheduler");
        if (other->state == TASK_DONE) {
            if (bt_is_undef(other->exc))
                k->send = other->result;
            else
                k->throw_ = other->exc;
            return ANSWER_NOW;
        }
        if (!bt_is_obj(other->joiners)) {
            BtList *l = bt_list_new(t, 0);
            if (!l)
                return ANSWER_FAILED;
            other->joiners = bt_obj(l);
        }
        if (!bt_list_append(t, bt_as_list(other->joiners), bt_obj(k)))
            return ANSWER_FAILED;
        sched_event(t, s, "%s waits for %s", task_name(k), task_name(other));
        k->state = TASK_WAITING;
        return ANSWER_LATER;
    }
    }
    return ANSWER_FAILED;
}

/* ---- one turn of a task ---- */

/* "Exception in task NAME:" and the traceback, as threads report theirs. */
static void report_failure(BtThread *t, BtTask *k, BtValue exc) {
    fflush(stdout);
    fprintf(stderr, "Exception in task %s:\n", task_name(k));
    bt_exc_print(t, exc, stderr);
    fflush(stderr);
}

/* Resume k until it waits; requests answered at once come back in the same
 * turn. False with an exception to propagate out of run(): KeyboardInterrupt
 * or SystemExit from the task (which is then finished), or an internal failure. */
static bool turn(BtThread *t, BtSched *s, const Types *ty, BtTask *k) {
    BtValue kv = bt_obj(k);
    BT_PUSH_ROOT(t, &kv);
    bool ok = true;
    for (;;) {
        BtValue send = k->send, thrown = k->throw_;
        k->send = BT_NONE;
        k->throw_ = BT_UNDEF;
        s->current = k;
        k->state = TASK_RUNNING;
        sched_event(t, s, "run %s", task_name(k));
        BtValue out = BT_UNDEF;
        BT_PUSH_ROOT(t, &send);
        BT_PUSH_ROOT(t, &thrown);
        BtResumeResult rr = bt_gen_resume(t, (BtGen *)bt_as_obj(k->gen), send, thrown, &out);
        BT_POP_ROOT(t, 2);
        s->current = NULL;
        if (rr == BT_RESUME_RETURNED) {
            ok = finish(t, s, k, out, BT_UNDEF);
            break;
        }
        if (rr == BT_RESUME_RAISED) {
            BtValue exc = bt_take_exc(t);
            BT_PUSH_ROOT(t, &exc);
            bool stops_run = bt_isinstance(t, exc, BT_EXC(t, KeyboardInterrupt)) ||
                             bt_isinstance(t, exc, BT_EXC(t, SystemExit));
            ok = finish(t, s, k, BT_UNDEF, exc);
            if (ok && !stops_run)
                report_failure(t, k, exc);
            if (ok && stops_run) {
                bt_raise_value(t, exc);
                ok = false;
            }
            BT_POP_ROOT(t, 1);
            break;
        }
        BT_PUSH_ROOT(t, &out);
        Answer a = answer(t, s, ty, k, out);
        BT_POP_ROOT(t, 1);
        if (a == ANSWER_FAILED) {
            ok = false;
            break;
        }
        if (a == ANSWER_LATER)
            break;
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

/* ---- polling ---- */

/* One poll: wait (GIL released) up to timeout_ns (-1: no limit), then queue
 * the sleepers whose time has come and the tasks whose descriptor is ready. */
static bool poll_once(BtThread *t, BtSched *s, int64_t timeout_ns) {
    if (!grow(t, (void **)&s->woken, &s->woken_cap, s->nwaiting + 1, sizeof *s->woken))
        return false;
    size_t nwoken = 0;
#if HAVE_EPOLL
    enum { BATCH = 256 };
    struct epoll_event events[BATCH];
    int timeout_ms = timeout_ns < 0 ? -1 : (int)((timeout_ns + 999999) / 1000000);
    int n;
    if (s->poller < 0 && (s->poller = epoll_create1(EPOLL_CLOEXEC)) < 0) {
        bt_raise_errno(t, errno, NULL);
        return false;
    }
    for (;;) {
        BT_RELEASE_GIL(t, "scheduler wait");
        n = epoll_wait(s->poller, events, BATCH, timeout_ms);
        int err = errno;
        BT_ACQUIRE_GIL(t);
        if (n >= 0)
            break;
        if (err != EINTR) {
            bt_raise_errno(t, err, NULL);
            return false;
        }
        if (!bt_check_signals(t))
            return false; /* Ctrl-C: KeyboardInterrupt out of run(), every task kept */
        timeout_ms = 0;
    }
#else
    /* poll(2): one entry per descriptor with waiters. */
    size_t nfds = 0;
    struct pollfd *pfds = malloc((s->nwaiting + 1) * sizeof *pfds);
    if (!pfds) {
        bt_raise_memory(t);
        return false;
    }
    for (size_t fd = 0; fd < s->nfds; fd++)
        if (s->fds[fd].first)
            pfds[nfds++] = (struct pollfd){.fd = (int)fd, .events = (short)waiters_mask(s, (int)fd)};
    int timeout_ms = timeout_ns < 0 ? -1 : (int)((timeout_ns + 999999) / 1000000);
    int n;
    for (;;) {
        BT_RELEASE_GIL(t, "scheduler wait");
        n = poll(pfds, nfds, timeout_ms);
        int err = errno;
        BT_ACQUIRE_GIL(t);
        if (n >= 0)
            break;
        if (err != EINTR || !bt_check_signals(t)) {
            if (err != EINTR)
                bt_raise_errno(t, err, NULL);
            free(pfds);
            return false;
        }
        timeout_ms = 0;
    }
#endif
    int64_t now = now_ns();
    while (s->ntimers && s->timers[0].deadline <= now)
        if (!ready_push(t, s, timer_pop(s)))
            return false;
#if HAVE_EPOLL
    for (int i = 0; i < n; i++) {
        int fd = events[i].data.fd;
        if ((size_t)fd < s->nfds && s->fds[fd].first) {
            fd_take_ready(s, fd, events[i].events, false, &nwoken);
            fd_update(s, fd);
        } else if ((size_t)fd < s->nfds) {
            fd_forget(s, fd); /* kept registered, but nobody waits now */
        }
    }
#else
    for (size_t i = 0; i < nfds; i++)
        if (pfds[i].revents) {
            fd_take_ready(s, pfds[i].fd, (uint32_t)pfds[i].revents, false, &nwoken);
            fd_update(s, pfds[i].fd);
        }
    free(pfds);
#endif
    qsort(s->woken, nwoken, sizeof *s->woken, by_wait_seq);
    for (size_t i = 0; i < nwoken; i++)
        if (!ready_push(t, s, s->woken[i]))
            return false;
    return true;
}

static bool run_loop(BtThread *t, BtSched *s, const Types *ty) {
    while (s->count || s->ntimers || s->nwaiting) {
        if (s->closed_fds)
            wake_collected(t, s);
        for (size_t n = s->count; n > 0; n--)
            if (!turn(t, s, ty, ready_pop(s)))
                return false;
        if (!s->count && !s->ntimers && !s->nwaiting)
            break;
        int64_t timeout = -1;
        if (s->count)
            timeout = 0;
        else if (s->ntimers) {
            timeout = s->timers[0].deadline - now_ns();
            if (timeout < 0)
                timeout = 0;
        }
        if (!poll_once(t, s, timeout))
            return false;
    }
    return true;
}

/* ---- the module's functions ---- */

static BtValue sched_run(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    static const char *const params[] = {"|trace", NULL};
    BtValue a[1];
    if (!bt_parse_args(t, "run", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    int trace = bt_is_undef(a[0]) ? 0 : bt_truthy(t, a[0]);
    if (trace < 0)
        return BT_UNDEF;
    const Types *ty = types_of(self);
    BtSched *s = thread_sched(t, ty);
    if (!s)
        return BT_UNDEF;
    if (s->running) {
        bt_raise(t, BT_EXC(t, RuntimeError), "scheduler is already running");
        return BT_UNDEF;
    }
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    s->running = true;
    s->trace = trace;
    bool ok = run_loop(t, s, ty);
    s->running = false;
    s->trace = false;
    s->current = NULL;
    BT_POP_ROOT(t, 1);
    return ok ? BT_NONE : BT_UNDEF;
}

/* A new task for gen (checked) in this thread's scheduler; not queued yet. */
static BtTask *new_task(BtThread *t, const Types *ty, const char *fname, BtValue *args, int nargs,
                        BtTuple *kwnames) {
    static const char *const params[] = {"gen", "|name", NULL};
    BtValue a[2];
    if (!bt_parse_args(t, fname, args, nargs, kwnames, params, a))
        return NULL;
    if (!bt_is_obj(a[0]) || bt_as_obj(a[0])->type != BT_TYPE(t, generator)) {
        bt_raise(t, BT_EXC(t, TypeError), "spawn() argument must be a generator, not %s",
                 bt_type_name(t, a[0]));
        return NULL;
    }
    if (!bt_is_undef(a[1]) && !bt_is_none(a[1]) && !bt_is_str(t, a[1])) {
        bt_raise(t, BT_EXC(t, TypeError), "task name must be a str, not %s",
                 bt_type_name(t, a[1]));
        return NULL;
    }
    BtSched *s = thread_sched(t, ty);
    if (!s)
        return NULL;
    uint64_t number = ++t->interp->tasks_spawned;
    BtStr *name;
    if (!bt_is_undef(a[1]) && !bt_is_none(a[1]))
        name = bt_as_str(a[1]);
    else
        name = bt_str_format(t, "Task-%llu (%s)", (unsigned long long)number,
                             bt_gen_name(t->interp, (BtGen *)bt_as_obj(a[0]))->data);
    if (!name)
        return NULL;
    BtValue nv = bt_obj(name);
    BT_PUSH_ROOT(t, &nv);
    BtTask *k = bt_gc_alloc(t, ty->task, sizeof(BtTask));
    BT_POP_ROOT(t, 1);
    if (!k)
        return NULL;
    k->gen = a[0];
    k->name = name;
    k->owner = s;
    k->result = BT_NONE;
    k->exc = BT_UNDEF;
    k->send = BT_NONE;
    k->throw_ = BT_UNDEF;
    k->joiners = BT_UNDEF;
    k->wait_fd = -1;
    return k;
}

static BtValue sched_spawn(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    BtTask *k = new_task(t, types_of(self), "spawn", args, nargs, kwnames);
    if (!k)
        return BT_UNDEF;
    BtValue kv = bt_obj(k);
    BT_PUSH_ROOT(t, &kv);
    bool ok = ready_push(t, k->owner, k);
    BT_POP_ROOT(t, 1);
    return ok ? kv : BT_UNDEF;
}

static BtValue sched_current(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "current", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    (void)self;
    BtSched *s = bt_is_obj(t->scheduler) ? as_sched(t->scheduler) : NULL;
    return s && s->current ? bt_obj(s->current) : BT_NONE;
}

static BtValue new_request(BtThread *t, const Types *ty, RequestKind kind, BtValue arg) {
    BT_PUSH_ROOT(t, &arg);
    BtRequest *r = bt_gc_alloc(t, ty->request, sizeof(BtRequest));
    BT_POP_ROOT(t, 1);
    if (!r)
        return BT_UNDEF;
    r->kind = (uint8_t)kind;
    r->arg = arg;
    return bt_obj(r);
}

static BtValue sched_sleep(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    if (!bt_check_args(t, "sleep", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    double secs;
    if (bt_is_bool(args[0]) || !bt_num_as_double(args[0], &secs)) {
        bt_raise(t, BT_EXC(t, TypeError), "sleep length must be an int or float, not %s",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    if (isnan(secs)) {
        bt_raise(t, BT_EXC(t, ValueError), "Invalid value NaN (not a number)");
        return BT_UNDEF;
    }
    if (secs < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "sleep length must be non-negative");
        return BT_UNDEF;
    }
    BtValue r = new_request(t, types_of(self), REQ_SLEEP, args[0]);
    if (!bt_is_undef(r))
        ((BtRequest *)bt_as_obj(r))->seconds = secs > 9e9 ? 9e9 : secs;
    return r;
}

static BtValue fd_request(BtThread *t, BtValue self, const char *fname, RequestKind kind,
                          BtValue *args, int nargs, BtTuple *kwnames) {
    int fd;
    if (!bt_check_args(t, fname, nargs, kwnames, 1, 1) || !bt_fd_of(t, args[0], &fd))
        return BT_UNDEF;
    BtValue r = new_request(t, types_of(self), kind, bt_int(fd));
    if (!bt_is_undef(r))
        ((BtRequest *)bt_as_obj(r))->fd = fd;
    return r;
}

static BtValue sched_readable(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    return fd_request(t, self, "readable", REQ_READABLE, args, nargs, kwnames);
}

static BtValue sched_writable(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    return fd_request(t, self, "writable", REQ_WRITABLE, args, nargs, kwnames);
}

static BtValue sched_join(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    if (!bt_check_args(t, "join", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    const Types *ty = types_of(self);
    if (!bt_is_obj(args[0]) || bt_as_obj(args[0])->type != ty->task) {
        bt_raise(t, BT_EXC(t, TypeError), "join() argument must be a Task, not %s",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    return new_request(t, ty, REQ_JOIN, args[0]);
}

/* ---- Task ---- */

static BtValue task_repr(BtThread *t, BtValue self) {
    BtTask *k = as_task(self);
    BtValue nv = bt_repr(t, bt_obj(k->name));
    if (bt_is_undef(nv))
        return nv;
    BtStr *s = bt_str_format(t, "<Task %s %s>", bt_as_str(nv)->data, STATE_NAMES[k->state]);
    return s ? bt_obj(s) : BT_UNDEF;
}

static bool check_done(BtThread *t, BtTask *k) {
    if (k->state != TASK_DONE) {
        bt_raise(t, BT_EXC(t, RuntimeError), "task %s has not finished", task_name(k));
        return false;
    }
    return true;
}

static BtValue task_done(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "done", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_bool(as_task(self)->state == TASK_DONE);
}

static BtValue task_result(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    (void)args;
    BtTask *k = as_task(self);
    if (!bt_check_args(t, "result", nargs, kwnames, 0, 0) || !check_done(t, k))
        return BT_UNDEF;
    if (!bt_is_undef(k->exc)) {
        bt_raise_value(t, k->exc);
        return BT_UNDEF;
    }
    return k->result;
}

static BtValue task_exception(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)args;
    BtTask *k = as_task(self);
    if (!bt_check_args(t, "exception", nargs, kwnames, 0, 0) || !check_done(t, k))
        return BT_UNDEF;
    return bt_is_undef(k->exc) ? BT_NONE : k->exc;
}

static BtValue task_getattr(BtThread *t, BtValue self, BtStr *name) {
    if (!strcmp(name->data, "name"))
        return bt_obj(as_task(self)->name);
    return bt_generic_getattr(t, self, name);
}

static const BtNativeDef task_methods[] = {
    {"done", task_done},
    {"result", task_result},
    {"exception", task_exception},
    {NULL, NULL},
};

/* ---- Pool ---- */

static BtValue pool_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    int64_t n;
    if (!bt_check_args(t, "Pool", nargs, kwnames, 1, 1) || !bt_int_index(t, args[0], &n))
        return BT_UNDEF;
    if (n < 1) {
        bt_raise(t, BT_EXC(t, ValueError), "pool size must be at least 1");
        return BT_UNDEF;
    }
    BtPool *p = bt_gc_alloc(t, type, sizeof(BtPool));
    if (!p)
        return BT_UNDEF;
    p->size = n > INT32_MAX ? INT32_MAX : (int)n;
    return bt_obj(p);
}

/* pool.spawn(gen, name=None): the Types come from the module's state
 * object, which the pool's type keeps in its dict as "_types". */
static BtValue pool_spawn(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    BtPool *p = (BtPool *)bt_as_obj(self);
    BtStr *key = bt_str_intern_cstr(t, "_types");
    BtValue state = key ? bt_type_lookup(p->hdr.type, key) : BT_UNDEF;
    if (bt_is_undef(state)) {
        bt_raise(t, BT_EXC(t, SystemError), "scheduler module state missing");
        return BT_UNDEF;
    }
    BtTask *k = new_task(t, types_of(state), "spawn", args, nargs, kwnames);
    if (!k)
        return BT_UNDEF;
    BtValue kv = bt_obj(k);
    BT_PUSH_ROOT(t, &kv);
    k->pool = p;
    bool ok;
    if (p->admitted < p->size) {
        p->admitted++;
        ok = ready_push(t, k->owner, k);
    } else {
        k->state = TASK_WAITING; /* in the pool's backlog */
        ok = ring_push(t, &p->backlog, &p->head, &p->count, &p->cap, k);
    }
    BT_POP_ROOT(t, 1);
    return ok ? kv : BT_UNDEF;
}

static const BtNativeDef pool_methods[] = {
    {"spawn", pool_spawn},
    {NULL, NULL},
};

/* ---- Request ---- */

static BtValue request_repr(BtThread *t, BtValue self) {
    static const char *const kinds[] = {"sleep", "readable", "writable", "join"};
    BtRequest *r = (BtRequest *)bt_as_obj(self);
    BtValue shown = r->kind == REQ_JOIN ? bt_obj(as_task(r->arg)->name) : bt_repr(t, r->arg);
    if (bt_is_undef(shown))
        return shown;
    BtStr *s = bt_str_format(t, "<scheduler request %s(%s)>", kinds[r->kind],
                             bt_as_str(shown)->data);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* ---- the module ---- */


static BtType *new_type(BtThread *t, BtModule *m, const char *name, size_t size) {
    BtType *type = bt_type_new_native(t, name, NULL, size);
    if (type)
        type->module = m->name;
    return type;
}

BtModule *bt_mod_scheduler_create(BtThread *t) {
    static const BtNativeDef functions[] = {
        {"spawn", sched_spawn},         {"run", sched_run},       {"current", sched_current},
        {"sleep", sched_sleep},         {"readable", sched_readable},
        {"writable", sched_writable},   {"join", sched_join},     {NULL, NULL},
    };
    BtStr *name = bt_str_intern_cstr(t, "scheduler");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m), state = BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    BT_PUSH_ROOT(t, &state);
    bool ok = false;
    /* The module's C state: the four types, in an object the module holds. */
    BtType *state_type = new_type(t, m, "_State", sizeof(BtModuleState));
    if (!state_type)
        goto out;
    state_type->trace = state_trace;
    if (!bt_module_set(t, m, "_State", bt_obj(state_type)))
        goto out;
    BtModuleState *holder = bt_gc_alloc(t, state_type, sizeof(BtModuleState));
    if (!holder)
        goto out;
    state = bt_obj(holder);
    Types *ty = &holder->types;
    if (!bt_module_set(t, m, "_types", state))
        goto out;
    if (!(ty->task = new_type(t, m, "Task", sizeof(BtTask))) ||
        !bt_module_set(t, m, "Task", bt_obj(ty->task)))
        goto out;
    ty->task->trace = task_trace;
    ty->task->repr = task_repr;
    ty->task->getattr = task_getattr;
    if (!bt_type_add_methods(t, ty->task, task_methods))
        goto out;
    if (!(ty->pool = new_type(t, m, "Pool", sizeof(BtPool))) ||
        !bt_module_set(t, m, "Pool", bt_obj(ty->pool)))
        goto out;
    ty->pool->trace = pool_trace;
    ty->pool->finalize = pool_finalize;
    ty->pool->construct = pool_construct;
    if (!bt_type_add_methods(t, ty->pool, pool_methods))
        goto out;
    BtStr *key = bt_str_intern_cstr(t, "_types");
    if (!key || !bt_dict_set_str(t, ty->pool->dict, key, state))
        goto out;
    if (!(ty->sched = new_type(t, m, "_Scheduler", sizeof(BtSched))))
        goto out;
    ty->sched->trace = sched_trace;
    ty->sched->finalize = sched_finalize;
    if (!bt_module_set(t, m, "_Scheduler", bt_obj(ty->sched)))
        goto out;
    if (!(ty->request = new_type(t, m, "_Request", sizeof(BtRequest))) ||
        !bt_module_set(t, m, "_Request", bt_obj(ty->request)))
        goto out;
    ty->request->trace = request_trace;
    ty->request->repr = request_repr;
    for (const BtNativeDef *d = functions; d->name; d++) {
        BtNative *n = bt_native_new(t, d->name, d->fn, state);
        if (!n)
            goto out;
        n->module = bt_obj(name);
        if (!bt_module_set(t, m, d->name, bt_obj(n)))
            goto out;
    }
    ok = true;
out:
    BT_POP_ROOT(t, 2);
    return ok ? m : NULL;
}

/* ---- for the instruments (:gens, the stepper's gens) ---- */

/* What k waits on, in words. */
static void describe_wait(BtThread *t, const Types *ty, BtTask *k, char *buf, size_t cap) {
    buf[0] = '\0';
    BtSched *s = k->owner;
    if (k->state == TASK_SLEEPING) {
        for (size_t i = 0; i < s->ntimers; i++)
            if (s->timers[i].task == k)
                snprintf(buf, cap, " %.3g s more", (double)(s->timers[i].deadline - now_ns()) / 1e9);
    } else if (k->state == TASK_WAITING && k->pool &&
               k->next_waiter == NULL && k->wait_fd < 0) {
        snprintf(buf, cap, " in its pool's backlog");
    }
    if (k->state != TASK_WAITING)
        return;
    for (size_t fd = 0; fd < s->nfds; fd++)
        for (BtTask *w = s->fds[fd].first; w; w = w->next_waiter)
            if (w == k) {
                snprintf(buf, cap, " until fd %zu is %s", fd,
                         k->wait_kind == REQ_READABLE ? "readable" : "writable");
                return;
            }
    BtHeapWalk walk;
    for (BtObject *o = bt_gc_first(t->interp, &walk); o; o = bt_gc_next(&walk))
        if (o->type == ty->task && bt_is_obj(((BtTask *)o)->joiners)) {
            BtList *j = bt_as_list(((BtTask *)o)->joiners);
            for (size_t i = 0; i < j->len; i++)
                if (bt_as_obj(j->items[i]) == (BtObject *)k) {
                    snprintf(buf, cap, " for %s", task_name((BtTask *)o));
                    return;
                }
        }
}

bool bt_scheduler_describe_gen(BtThread *t, const BtGen *g, char *buf, size_t cap) {
    BtStr *name = bt_str_intern_cstr(t, "scheduler");
    BtValue mod = name ? bt_dict_get_str(t->interp->modules, name) : BT_UNDEF;
    BtStr *key = bt_str_intern_cstr(t, "_types");
    if (!bt_is_obj(mod) || !key) {
        bt_take_exc(t);
        return false;
    }
    BtValue state = bt_dict_get_str(((BtModule *)bt_as_obj(mod))->dict, key);
    if (!bt_is_obj(state))
        return false;
    const Types *ty = types_of(state);
    BtHeapWalk walk;
    for (BtObject *o = bt_gc_first(t->interp, &walk); o; o = bt_gc_next(&walk)) {
        if (o->type != ty->task || bt_as_obj(((BtTask *)o)->gen) != (const BtObject *)g ||
            !bt_is_obj(((BtTask *)o)->gen))
            continue;
        BtTask *k = (BtTask *)o;
        char wait[120];
        describe_wait(t, ty, k, wait, sizeof wait);
        snprintf(buf, cap, "task '%s' %s%s", task_name(k), STATE_NAMES[k->state], wait);
        return true;
    }
    return false;
}
