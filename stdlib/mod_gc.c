/* mod_gc.c: the gc module (stdlib stage; see stdlib/README.md).
 *
 * Baton's collector traces (vm/gc.c); it has no generations, so collect()
 * runs the one full collection. Its answer is the number of objects freed:
 * CPython counts the unreachable objects its cycle collector found, which
 * is a different number for the same program. gc.disable() only changes
 * what gc.isenabled() says: in CPython it stops the cycle collector while
 * reference counting goes on freeing, and Baton's one collector is both, so
 * stopping it would let memory grow without bound.
 */
#include "stdlib/modules.h"
#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/gen.h"
#include "vm/gil.h"
#include "vm/str.h"

static size_t heap_objects(BtInterp *in) {
    size_t n = 0;
    BtHeapWalk walk;
    for (BtObject *o = bt_gc_first(in, &walk); o; o = bt_gc_next(&walk))
        n++;
    return n;
}

/* The calling frame's operand stack above its top holds values it popped,
 * which the collector would otherwise keep alive (it marks whole frames):
 * clear them, so that gc.collect() finds dead what CPython finds dead (the
 * result of r() after it was used). Only when that frame's CALL called us
 * itself (our arguments lie on its stack): then its saved top is exact.
 * Called from C code instead, a handler may hold a value it popped. */
static void forget_popped_values(BtThread *t, const BtValue *args) {
    BtFrame *f = t->frame;
    if (!f || !f->sp || args < bt_frame_slots(f) || args > f->sp)
        return;
    const BtCode *c = f->code;
    BtValue *end = bt_frame_slots(f) + c->nlocals + c->ncells + c->nfrees + c->stacksize;
    for (BtValue *v = f->sp; v < end; v++)
        *v = BT_UNDEF;
}

static BtValue gc_collect(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "collect", nargs, kwnames, 0, 1))
        return BT_UNDEF;
    size_t before = heap_objects(t->interp);
    forget_popped_values(t, args);
    BtHeap *h = &t->interp->heap;
    int disabled = h->disabled;
    h->disabled = 0; /* an explicit collect() runs even when disabled, as in CPython */
    bt_gc_collect(t);
    h->disabled = disabled;
    size_t after = heap_objects(t->interp);
    /* As CPython's: the unreachable generators' finally blocks and the weakref
     * callbacks have run when collect() returns (a collection set off by an
     * allocation leaves them to the next eval-breaker check). */
    if (atomic_load(&t->breaker) & BT_BREAK_FINALIZE) {
        atomic_fetch_and(&t->breaker, ~(uint32_t)BT_BREAK_FINALIZE);
        bt_gen_run_pending_closes(t);
    }
    return bt_int(before > after ? (int64_t)(before - after) : 0);
}

static BtValue gc_enable(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "enable", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    t->interp->heap.user_disabled = false;
    return BT_NONE;
}

static BtValue gc_disable(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "disable", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    t->interp->heap.user_disabled = true;
    return BT_NONE;
}

static BtValue gc_isenabled(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "isenabled", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_bool(!t->interp->heap.user_disabled);
}

static const BtNativeDef gc_functions[] = {
    {"collect", gc_collect},     {"enable", gc_enable},
    {"disable", gc_disable},     {"isenabled", gc_isenabled},
    {NULL, NULL},
};

BtModule *bt_mod_gc_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "gc");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    bool ok = bt_module_add_functions(t, m, gc_functions);
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
