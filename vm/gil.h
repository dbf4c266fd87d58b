/* gil.h: the eval breaker, signals and (later) the global interpreter lock.
 *
 * The eval breaker is one atomic word in the interpreter that the loop tests
 * on backward jumps, calls and RESUME. Each bit is a reason to stop and look:
 * a signal arrived (Ctrl-C becomes KeyboardInterrupt in the main thread), or
 * another thread asks for the GIL.
 */
#ifndef BT_GIL_H
#define BT_GIL_H

#include "vm/interp.h"

enum {
    BT_BREAK_SIGINT = 1u << 0,   /* SIGINT arrived: raise KeyboardInterrupt in the main thread */
    BT_BREAK_GIL_DROP = 1u << 1, /* another thread waits for the GIL */
    BT_BREAK_FINALIZE = 1u << 2, /* the collector queued generators to close */
};

/* Route SIGINT to interp's eval breaker (installs the handler). */
void bt_signals_install(BtInterp *interp);
/* Restore the default SIGINT behaviour. */
void bt_signals_uninstall(void);

/* Called by the loop when the breaker is non-zero: false with an exception
 * raised (KeyboardInterrupt). */
bool bt_eval_handle_breaker(BtThread *t);

/* Brackets around a blocking system call (socket I/O, select, poll): the
 * thread gives the GIL up before the call and takes it back after, and
 * touches no heap object in between (copy what the call needs into C memory
 * first). They do nothing yet: the GIL lands later, and the blocking calls
 * already sit inside them so that it only has to fill these in. */
#define BT_RELEASE_GIL(t) ((void)(t))
#define BT_ACQUIRE_GIL(t) ((void)(t))

#endif
