/* gen_internal.h: the steps of a generator's run that the eval loop takes
 * inline (vm stage; internal to vm/, see gen.h and vm/README.md).
 *
 * Entering and leaving a generator's frame happens once per value a
 * generator hands out, so these are static inline: FOR_ITER, SEND and the
 * inline next()/send() calls in eval.c pay no call for them.
 */
#ifndef BT_GEN_INTERNAL_H
#define BT_GEN_INTERNAL_H

#include "vm/exc.h"
#include "vm/gen.h"
#include "vm/hook.h"

/* Give the resumer back its handled exception (sys.exc_info), keeping the
 * generator's own when it suspends inside an except block (keep_own). */
static inline void bt_gen_restore_handled(BtThread *t, BtGen *gen, bool keep_own) {
    BtValue caller = gen->exc_state;
    if (bt_is_undef(t->handled) && bt_is_undef(caller))
        return; /* the usual case: nothing is being handled */
    gen->exc_state = keep_own && !bt_same(t->handled, caller) ? t->handled : BT_UNDEF;
    t->handled = caller;
}

/* Link gen's frame onto t's chain to run it (sent value pushed, or exc made
 * pending to be raised at the yield).
 * false with an exception raised when gen cannot run (already executing,
 * non-None sent to a just-started generator, recursion limit). */
static inline bool bt_gen_enter(BtThread *t, BtGen *gen, BtValue sent, BtValue exc) {
    if (bt_gen_state(gen) == BT_GEN_RUNNING) {
        bt_raise(t, BT_EXC(t, ValueError), "generator already executing");
        return false;
    }
    if (bt_gen_state(gen) == BT_GEN_CREATED && bt_is_undef(exc) && !bt_is_none(sent)) {
        bt_raise(t, BT_EXC(t, TypeError), "can't send non-None value to a just-started generator");
        return false;
    }
    if (t->py_depth >= t->interp->recursion_limit) {
        bt_raise(t, BT_EXC(t, RecursionError), "maximum recursion depth exceeded");
        return false;
    }
    BtFrame *f = &gen->frame;
    if (bt_gen_state(gen) == BT_GEN_SUSPENDED && bt_is_undef(exc))
        *f->sp++ = sent;
    bt_gen_set_state(gen, BT_GEN_RUNNING);
    f->back = t->frame;
    t->frame = f;
    t->py_depth++;
    BtValue own = gen->exc_state; /* swapped: the resumer's is kept while it runs */
    gen->exc_state = t->handled;
    if (!bt_is_undef(own))
        t->handled = own;
    if (t->hook)
        bt_hook_emit(t, BT_EV_RESUME, f, (uint32_t)(f->ip - f->code->instrs), sent, exc);
    if (!bt_is_undef(exc))
        t->exc = exc;
    return true;
}

/* bt_gen_enter's common case, which FOR_ITER, SEND and the inline
 * next()/send() take once per value: gen is suspended, no trace hook is set,
 * gen has no handled exception of its own to put back, and the recursion
 * limit leaves room. Links gen's frame in and returns true; the caller
 * pushes the sent value, while the frame's stack pointer is in a register.
 * false, with nothing done, when any of that does not hold (take
 * bt_gen_enter, which handles every case). */
static inline bool bt_gen_enter_fast(BtThread *t, BtGen *gen) {
    if (bt_gen_state(gen) != BT_GEN_SUSPENDED || t->hook || !bt_is_undef(gen->exc_state) ||
        t->py_depth >= t->interp->recursion_limit)
        return false;
    bt_gen_set_state(gen, BT_GEN_RUNNING);
    gen->frame.back = t->frame;
    t->frame = &gen->frame;
    t->py_depth++;
    gen->exc_state = t->handled; /* the resumer's, kept while gen runs */
    return true;
}

/* The checks bt_gen_enter makes, worded for a coroutine or an async
 * generator ("coroutine already executing", ...): call it first when gen may
 * be one. false with the error raised; true when bt_gen_enter may go on (it
 * then finds nothing wrong). */
static inline bool bt_coro_may_enter(BtThread *t, BtGen *gen, BtValue sent, BtValue exc) {
    if (!bt_gen_is_coro(gen) && !bt_gen_is_agen(gen))
        return true;
    const char *kind = bt_gen_is_coro(gen) ? "coroutine" : "async generator";
    if (bt_gen_state(gen) == BT_GEN_RUNNING) {
        bt_raise(t, BT_EXC(t, ValueError), "%s already executing", kind);
        return false;
    }
    if (bt_gen_state(gen) == BT_GEN_CREATED && bt_is_undef(exc) && !bt_is_none(sent)) {
        bt_raise(t, BT_EXC(t, TypeError), "can't send non-None value to a just-started %s", kind);
        return false;
    }
    return true;
}

/* gen's frame yielded: it is suspended, its handled exception put aside. */
static inline void bt_gen_suspended(BtThread *t, BtGen *gen) {
    bt_gen_set_state(gen, BT_GEN_SUSPENDED);
    bt_gen_restore_handled(t, gen, true);
}

#endif
