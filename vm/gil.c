/* gil.c: the eval breaker and signal delivery (vm stage; see gil.h).
 *
 * A signal handler can only reach global state, so the one interpreter that
 * receives SIGINT is remembered in a static pointer: the single, documented
 * exception to "no mutable globals" (CPython keeps its signal flags global
 * for the same reason). The handler only sets a bit in the breaker; the
 * loop turns it into KeyboardInterrupt at its next check.
 */
#include <signal.h>
#include <stddef.h>

#include "vm/exc.h"
#include "vm/gen.h"
#include "vm/gil.h"

static BtInterp *volatile signal_interp;

static void on_sigint(int sig) {
    (void)sig;
    BtInterp *in = signal_interp;
    if (in)
        atomic_fetch_or(&in->eval_breaker, BT_BREAK_SIGINT);
}

void bt_signals_install(BtInterp *interp) {
    signal_interp = interp;
    struct sigaction sa = {0};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

void bt_signals_uninstall(void) {
    signal(SIGINT, SIG_DFL);
    signal_interp = NULL;
}

bool bt_eval_handle_breaker(BtThread *t) {
    BtInterp *in = t->interp;
    uint32_t bits = atomic_load(&in->eval_breaker);
    if (bits & BT_BREAK_FINALIZE) {
        atomic_fetch_and(&in->eval_breaker, ~(uint32_t)BT_BREAK_FINALIZE);
        bt_gen_run_pending_closes(t);
    }
    if ((bits & BT_BREAK_SIGINT) && t == in->main_thread) {
        atomic_fetch_and(&in->eval_breaker, ~(uint32_t)BT_BREAK_SIGINT);
        bt_raise_empty(t, BT_EXC(t, KeyboardInterrupt));
        return false;
    }
    return true;
}
