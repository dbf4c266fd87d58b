/* hook.h: structured trace events (vm stage; see vm/README.md).
 *
 * The VM reports what a student may want to watch (each instruction, frame
 * calls and returns, generators suspending, resuming and finishing,
 * exceptions unwinding, and later GIL and scheduler events) to one hook per
 * thread. The VM only reports; repl/ decides how to print, and the stepper
 * is a hook that reads commands. When t->hook is NULL the loop pays nothing:
 * it dispatches through its plain label table.
 */
#ifndef BT_HOOK_H
#define BT_HOOK_H

#include "vm/frame.h"

typedef enum {
    BT_EV_INSTR,      /* about to run instruction `index` of `frame` */
    BT_EV_CALL,       /* a new frame starts (value: unused) */
    BT_EV_RETURN,     /* a frame returns `value` */
    BT_EV_SUSPEND,    /* a generator frame yields `value` */
    BT_EV_RESUME,     /* a generator frame resumes with `value` sent in, or `exc` thrown */
    BT_EV_GEN_FINISH, /* a generator frame ends (returned `value`, or raised) */
    BT_EV_EXCEPTION,  /* `exc` unwinds out of `frame` (no handler there) */
    BT_EV_GIL,        /* the GIL changes hands (detail says how) */
    BT_EV_SCHED,      /* the built-in scheduler switches tasks (detail says why) */
    BT_EV_CAUGHT,     /* an except clause of `frame` takes `exc`; `index` is on its line */
} BtEventKind;

typedef struct {
    BtEventKind kind;
    BtFrame *frame;     /* the frame concerned (NULL for GIL events) */
    uint32_t index;     /* instruction index in frame->code */
    BtValue value;      /* value out / in / returned, or BT_UNDEF */
    BtValue exc;        /* exception thrown in or unwinding, or BT_UNDEF */
    const char *detail; /* extra words for GIL and scheduler events, or NULL */
} BtEvent;

struct BtHook {
    /* Called with the GIL held; must not raise (it may print, or read commands),
     * except at BT_EV_INSTR: an exception left pending there is raised by the
     * instruction about to run (how the stepper's `q` stops a program). */
    void (*fn)(BtThread *t, const BtEvent *ev, void *data);
    void *data;
    bool instructions; /* false: only the non-instruction events (--trace=events) */
    bool all_threads;  /* threads started while it watches get it too (the trace, not the stepper) */
};

/* Report an event to t's hook, if any. */
static inline void bt_hook_emit(BtThread *t, BtEventKind kind, BtFrame *frame, uint32_t index,
                                BtValue value, BtValue exc) {
    if (t->hook) {
        BtEvent ev = {kind, frame, index, value, exc, NULL};
        t->hook->fn(t, &ev, t->hook->data);
    }
}

#endif
