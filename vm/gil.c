/* gil.c: the GIL, the eval breaker and signal delivery (vm stage; see gil.h).
 *
 * A signal handler can only reach global state, so the one interpreter that
 * receives SIGINT is remembered in a static pointer: the single, documented
 * exception to "no mutable globals" (CPython keeps its signal flags global
 * for the same reason). The handler only sets a flag and a bit in the main
 * thread's breaker; the loop turns it into KeyboardInterrupt at its next
 * check. Threads other than the main one block SIGINT (mod_thread.c), so a
 * Ctrl-C always interrupts the main thread's blocking call with EINTR.
 *
 * The lock itself: `mutex` guards `locked` and `holder`; `released` is
 * signalled when the holder lets go. A waiter sleeps on `released` for one
 * switch interval at a time; when a whole interval passed with no hand-over
 * (`switches` unchanged) it sets the holder's drop request. Forced switching
 * uses a second pair: the dropper waits on `switched` until the holder is
 * someone else. Every event (request seen, drop, take) is reported to the
 * hook by the thread that holds the GIL at that moment, so a trace reads in
 * the order things happened.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vm/exc.h"
#include "vm/gen.h"
#include "vm/gil.h"
#include "vm/hook.h"

struct BtGil {
    pthread_mutex_t mutex;
    pthread_cond_t released;     /* the holder let go */
    pthread_mutex_t switch_mutex;
    pthread_cond_t switched;     /* someone new took it (forced switching) */
    bool locked;
    BtThread *_Atomic holder;    /* the holder, or the last one; NULL after a thread exit */
    uint64_t switches;           /* hand-overs so far: tells a waiter whether one happened */
    int waiting;                 /* threads waiting for it */
    int urgent;                  /* of those, threads back from a blocking call (priority policy) */
    _Atomic long interval_us;    /* sys.getswitchinterval() in microseconds */
    _Atomic int policy;          /* BtGilPolicy */
    _Atomic bool finalizing;     /* the process is exiting: returning threads end */
};

/* ---- signals ---- */

static BtInterp *volatile signal_interp;

static void on_sigint(int sig) {
    (void)sig;
    BtInterp *in = signal_interp;
    if (in) {
        atomic_store(&in->sigint_pending, true);
        atomic_fetch_or(&in->main_thread->breaker, BT_BREAK_SIGINT);
    }
}

void bt_signals_install(BtInterp *interp) {
    signal_interp = interp;
    struct sigaction sa = {0};
    sa.sa_handler = on_sigint; /* no SA_RESTART: blocking calls return EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

void bt_signals_uninstall(void) {
    signal(SIGINT, SIG_DFL);
    /* The pointer stays: daemon threads may still look at the interpreter
     * (it is not freed while they live, see bt_gil_finalize). */
}

bool bt_sigint_pending(BtInterp *in) {
    return atomic_load(&in->sigint_pending);
}

void bt_sigint_clear(BtInterp *in) {
    atomic_store(&in->sigint_pending, false);
    atomic_fetch_and(&in->main_thread->breaker, ~(uint32_t)BT_BREAK_SIGINT);
}

bool bt_check_signals(BtThread *t) {
    BtInterp *in = t->interp;
    if (t != in->main_thread || !atomic_load(&in->sigint_pending))
        return true;
    bt_sigint_clear(in);
    bt_raise_empty(t, BT_EXC(t, KeyboardInterrupt));
    return false;
}

/* ---- the GIL ---- */

static int64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* A GIL event for t's hook; silent until a second thread has existed, so
 * that single-threaded traces stay as they were. */
static void gil_event(BtThread *t, const char *fmt, ...) {
    if (!t->hook || t->interp->threads_started == 0)
        return;
    char detail[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    BtEvent ev = {BT_EV_GIL, t->frame, 0, BT_UNDEF, BT_UNDEF, detail};
    t->hook->fn(t, &ev, t->hook->data);
}

bool bt_gil_create(BtInterp *in, BtThread *holder) {
    BtGil *g = calloc(1, sizeof *g);
    if (!g)
        return false;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_mutex_init(&g->mutex, NULL);
    pthread_cond_init(&g->released, &attr);
    pthread_mutex_init(&g->switch_mutex, NULL);
    pthread_cond_init(&g->switched, &attr);
    pthread_condattr_destroy(&attr);
    g->locked = true;
    atomic_store(&g->holder, holder);
    atomic_store(&g->interval_us, 5000);
    const char *policy = getenv("BATON_GIL");
    atomic_store(&g->policy, policy && strcmp(policy, "priority") == 0 ? BT_GIL_PRIORITY
                                                                         : BT_GIL_CPYTHON);
    holder->run_state = BT_THREAD_RUNNING;
    in->gil = g;
    return true;
}

void bt_gil_destroy(BtInterp *in) {
    BtGil *g = in->gil;
    if (!g)
        return;
    pthread_mutex_destroy(&g->mutex);
    pthread_cond_destroy(&g->released);
    pthread_mutex_destroy(&g->switch_mutex);
    pthread_cond_destroy(&g->switched);
    free(g);
    in->gil = NULL;
}

/* Ask the holder to let go (g->mutex held). A request that comes after a
 * whole interval says the holder is CPU-bound now: its turn is not urgent. */
static void request_drop(BtGil *g, BtThread *asker, bool urgent) {
    BtThread *h = atomic_load(&g->holder);
    if (h && h != asker) {
        if (!urgent)
            h->urgent_turn = false;
        atomic_store(&h->drop_requester, asker);
        atomic_fetch_or(&h->breaker, BT_BREAK_GIL_DROP);
    }
}

/* Take the GIL. `from_blocking`: t comes back from a blocking call (the
 * priority policy asks for the drop at once then). Returns the microseconds
 * waited. */
static int64_t take(BtThread *t, bool from_blocking) {
    BtGil *g = t->interp->gil;
    int64_t start = now_us();
    pthread_mutex_lock(&g->mutex);
    if (g->locked) {
        g->waiting++;
        t->run_state = BT_THREAD_WAITING_GIL;
        /* Priority: a thread back from a blocking call is urgent, and stays
         * so for its turn: forced to hand over meanwhile, it asks again at once. */
        bool urgent = (from_blocking || t->urgent_turn) && atomic_load(&g->policy) == BT_GIL_PRIORITY;
        g->urgent += urgent;
        while (g->locked) {
            /* Priority: ask now, and again whenever another waiter got in first. */
            if (urgent)
                request_drop(g, t, true);
            uint64_t seen = g->switches;
            long interval = atomic_load(&g->interval_us);
            struct timespec until;
            clock_gettime(CLOCK_MONOTONIC, &until);
            until.tv_sec += interval / 1000000;
            until.tv_nsec += (interval % 1000000) * 1000;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            int rc = pthread_cond_timedwait(&g->released, &g->mutex, &until);
            if (rc == ETIMEDOUT && g->locked && g->switches == seen)
                request_drop(g, t, false);
        }
        g->waiting--;
        g->urgent -= urgent;
    }
    if (atomic_load(&g->finalizing) && t != t->interp->main_thread) {
        /* The process is exiting: a daemon thread must not run on. */
        pthread_mutex_unlock(&g->mutex);
        pthread_exit(NULL);
    }
    if (from_blocking)
        t->urgent_turn = true;
    g->locked = true;
    g->switches++;
    pthread_mutex_lock(&g->switch_mutex);
    atomic_store(&g->holder, t);
    pthread_cond_broadcast(&g->switched);
    pthread_mutex_unlock(&g->switch_mutex);
    /* A request meant for an earlier turn of this thread is void now. */
    atomic_fetch_and(&t->breaker, ~(uint32_t)BT_BREAK_GIL_DROP);
    t->run_state = BT_THREAD_RUNNING;
    t->blocked_in = NULL;
    pthread_mutex_unlock(&g->mutex);
    return now_us() - start;
}

/* Let go. `forced`: asked by another thread; wait until someone took it. */
static void drop(BtThread *t, bool forced) {
    BtGil *g = t->interp->gil;
    pthread_mutex_lock(&g->mutex);
    g->locked = false;
    /* An urgent waiter that loses the race to another must hear of it at
     * once, to ask the winner for the GIL: wake them all then. */
    if (g->urgent)
        pthread_cond_broadcast(&g->released);
    else
        pthread_cond_signal(&g->released);
    pthread_mutex_unlock(&g->mutex);
    if (forced) {
        pthread_mutex_lock(&g->switch_mutex);
        while (atomic_load(&g->holder) == t)
            pthread_cond_wait(&g->switched, &g->switch_mutex);
        pthread_mutex_unlock(&g->switch_mutex);
    }
}

static const char *thread_name(BtThread *t) {
    return t && t->name[0] ? t->name : "?";
}

void bt_gil_release(BtThread *t, const char *what) {
    gil_event(t, "drop by %s (blocking call: %s)", thread_name(t), what);
    t->blocked_in = what;
    t->run_state = BT_THREAD_BLOCKED;
    drop(t, false);
}

void bt_gil_acquire(BtThread *t) {
    int64_t waited = take(t, true);
    gil_event(t, "take by %s (waited %lld us)", thread_name(t), (long long)waited);
}

void bt_gil_release_for_exit(BtThread *t) {
    gil_event(t, "drop by %s (thread exit)", thread_name(t));
    BtGil *g = t->interp->gil;
    pthread_mutex_lock(&g->mutex);
    pthread_mutex_lock(&g->switch_mutex);
    atomic_store(&g->holder, NULL); /* t's memory is about to go */
    pthread_mutex_unlock(&g->switch_mutex);
    g->locked = false;
    pthread_cond_signal(&g->released);
    pthread_mutex_unlock(&g->mutex);
}

/* The holder saw a drop request: hand over, then queue up again. */
static void yield_gil(BtThread *t) {
    BtThread *asker = atomic_exchange(&t->drop_requester, NULL);
    gil_event(t, "drop request from %s seen by %s", thread_name(asker), thread_name(t));
    gil_event(t, "drop by %s (forced)", thread_name(t));
    t->run_state = BT_THREAD_WAITING_GIL;
    drop(t, true);
    int64_t waited = take(t, false);
    gil_event(t, "take by %s (waited %lld us)", thread_name(t), (long long)waited);
}

bool bt_gil_held(BtThread *t) {
    BtGil *g = t->interp->gil;
    return !g || atomic_load(&g->holder) == t;
}

#ifndef NDEBUG
void bt_gil_assert_held(BtThread *t) {
    if (!bt_gil_held(t)) {
        fprintf(stderr, "Fatal Python error: the heap was touched without the GIL\n");
        abort();
    }
}
#endif

void bt_gil_finalize(BtInterp *in) {
    atomic_store(&in->gil->finalizing, true);
}

double bt_gil_switch_interval(BtInterp *in) {
    return (double)atomic_load(&in->gil->interval_us) / 1e6;
}

void bt_gil_set_switch_interval(BtInterp *in, double seconds) {
    long us = (long)(seconds * 1e6);
    atomic_store(&in->gil->interval_us, us < 1 ? 1 : us);
}

/* ---- the breaker ---- */

bool bt_eval_handle_breaker(BtThread *t) {
    uint32_t bits = atomic_load(&t->breaker);
    if ((bits & BT_BREAK_GIL_DROP) && !t->gil_pinned)
        yield_gil(t); /* clears the bit when it takes the GIL back */
    if (bits & BT_BREAK_FINALIZE) {
        atomic_fetch_and(&t->breaker, ~(uint32_t)BT_BREAK_FINALIZE);
        bt_gen_run_pending_closes(t);
    }
    if (bits & BT_BREAK_SIGINT)
        return bt_check_signals(t);
    return true;
}
