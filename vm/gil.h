/* gil.h: the global interpreter lock, the eval breaker and signals.
 *
 * One GIL per interpreter guards the heap: a thread runs Python code, or
 * touches any heap object, only while it holds the GIL. The hand-over follows
 * CPython's ceval_gil.h: a thread that wants the GIL waits one switch
 * interval (sys.setswitchinterval, 5 ms); if the holder has not let go by
 * then, it sets the drop request in the holder's eval breaker. The holder
 * sees it at its next check (backward jumps, calls, resumes), drops the GIL
 * and waits until another thread has taken it (forced switching: without it
 * the dropper often takes the GIL straight back, the convoy effect).
 *
 * Each thread has its own eval breaker, one atomic word: its bits are the
 * reasons to stop and look. Ctrl-C sets a bit on the main thread only, so the
 * other threads never spin on a signal they must not handle.
 *
 * Policies: BT_GIL_CPYTHON is the above. BT_GIL_PRIORITY (BATON_GIL=priority
 * or -X gil=priority) lets a thread coming back from a blocking call ask for
 * the drop at once instead of after an interval, so an I/O thread does not
 * wait behind a CPU-bound one (the fix proposed in Beazley's "Understanding
 * the Python GIL"); CPU-bound threads still share by the interval.
 */
#ifndef BT_GIL_H
#define BT_GIL_H

#include "vm/interp.h"

enum {
    BT_BREAK_SIGINT = 1u << 0,   /* SIGINT arrived: raise KeyboardInterrupt (main thread only) */
    BT_BREAK_GIL_DROP = 1u << 1, /* another thread waits for the GIL: let go */
    BT_BREAK_FINALIZE = 1u << 2, /* the collector queued generators to close */
};

typedef enum { BT_GIL_CPYTHON, BT_GIL_PRIORITY } BtGilPolicy;

/* ---- signals ---- */

/* Route SIGINT to interp's main thread (installs the handler). */
void bt_signals_install(BtInterp *interp);
/* Restore the default SIGINT behaviour. */
void bt_signals_uninstall(void);
/* Is a Ctrl-C waiting to be handled? Clear it (the REPL and stepper handle it themselves). */
bool bt_sigint_pending(BtInterp *in);
void bt_sigint_clear(BtInterp *in);
/* After a blocking call failed with EINTR: true to retry it, false with
 * KeyboardInterrupt raised (the main thread, after a Ctrl-C). The one place
 * every interrupted wait goes through. */
bool bt_check_signals(BtThread *t);

/* Called by the loop when t's breaker is non-zero: hands the GIL over when
 * asked, closes finalized generators; false with KeyboardInterrupt raised. */
bool bt_eval_handle_breaker(BtThread *t);

/* ---- the GIL ---- */

/* Create the GIL, held by `holder` (the main thread). False when out of memory. */
bool bt_gil_create(BtInterp *in, BtThread *holder);
void bt_gil_destroy(BtInterp *in);
/* Give the GIL up before a blocking call: `what` names the call ("sleep",
 * "recv", ...) for :threads and the trace. Touch no heap object until
 * bt_gil_acquire returns. */
void bt_gil_release(BtThread *t, const char *what);
/* Take it back (waits; may hand the request to the holder, see above). */
void bt_gil_acquire(BtThread *t);
/* A thread that ends: its last release (the GIL goes to a waiter). */
void bt_gil_release_for_exit(BtThread *t);
/* Does t hold the GIL? For assertions. */
bool bt_gil_held(BtThread *t);
/* At process exit with daemon threads still alive: from now on a thread that
 * comes back for the GIL ends itself instead (the caller keeps the GIL). */
void bt_gil_finalize(BtInterp *in);
/* The switch interval in seconds (sys.getswitchinterval), and setting it. */
double bt_gil_switch_interval(BtInterp *in);
void bt_gil_set_switch_interval(BtInterp *in, double seconds);

/* Brackets around every blocking system call (socket I/O, select, poll,
 * sleep, lock waits, reads): copy what the call needs into C memory first. */
#define BT_RELEASE_GIL(t, what) bt_gil_release((t), (what))
#define BT_ACQUIRE_GIL(t) bt_gil_acquire(t)

/* Debug builds check that code touching the heap holds the GIL. The
 * allocator checks at every allocation, so the common case is one load: a
 * thread whose run_state says running holds it (take() sets that). */
#ifndef NDEBUG
__attribute__((cold)) void bt_gil_assert_held(BtThread *t);
static inline void bt_gil_check(BtThread *t) {
    if (__builtin_expect(atomic_load_explicit(&t->run_state, memory_order_relaxed) !=
                             BT_THREAD_RUNNING,
                         0))
        bt_gil_assert_held(t);
}
#define BT_ASSERT_GIL(t) bt_gil_check(t)
#else
#define BT_ASSERT_GIL(t) ((void)(t))
#endif

#endif
