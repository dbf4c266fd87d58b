/* frame.h: activation records (vm stage; internal to vm/ and stdlib/).
 *
 * A frame holds where a code object is in its run: the instruction pointer,
 * the operand stack pointer, and a pointer to its slots (locals, then cells,
 * then free variables, then the operand stack). A plain call's frame and
 * slots sit on the thread's value stack and vanish on return; a generator's
 * frame is embedded in the generator object with its own slots, so a yield
 * only saves ip and sp and unlinks the frame, and a resume relinks it.
 */
#ifndef BT_FRAME_H
#define BT_FRAME_H

#include "vm/func.h"
#include "vm/interp.h"

typedef struct BtGen BtGen;

struct BtFrame {
    BtFrame *back; /* the caller (the frame that resumed us, for generators) */
    BtCode *code;
    BtDict *globals;
    BtValue *sp;          /* saved operand stack top (valid while not running) */
    const BtInstr *ip;    /* saved next instruction (valid while not running) */
};
/* Where a frame's run ends is the eval loop's business (the frame it was
 * entered with), and whether a frame sits in a generator is its code's (a
 * generator function's code always runs in one): the header keeps neither. */

_Static_assert(sizeof(BtFrame) % sizeof(BtValue) == 0, "a frame header is a whole number of values");

/* A frame's slots (locals, cells, free variables, then the operand stack)
 * start right after it, on the value stack and in a generator alike. A plain
 * frame's own address is also the thread's stack top before it was pushed. */
static inline BtValue *bt_frame_slots(const BtFrame *f) {
    return (BtValue *)(f + 1);
}

/* A module or class body's namespace dict, kept in the value just below
 * its header (such bodies run on the value stack, never in a generator);
 * NULL for a function's frame. */
static inline BtDict *bt_frame_locals_dict(const BtFrame *f) {
    return f->code->flags & BT_CODE_MODULE ? (BtDict *)bt_as_obj(((const BtValue *)f)[-1]) : NULL;
}

/* Where STORE_NAME stores: the body's namespace, else the globals. */
static inline BtDict *bt_frame_namespace(const BtFrame *f) {
    BtDict *ns = bt_frame_locals_dict(f);
    return ns ? ns : f->globals;
}

/* Variable i of frame f (0 <= i < nlocals + ncells + nfrees, in slot order):
 * sets *name and returns its value, a cell's content for cell and free
 * variables; BT_UNDEF when it is unbound. Never raises. */
BtValue bt_frame_var(BtThread *t, const BtFrame *f, int i, BtStr **name);
/* The bound variables of f by name, in slot order, as a new dict (locals(),
 * f_locals, the stepper); NULL with MemoryError raised. */
BtDict *bt_frame_variables(BtThread *t, const BtFrame *f);

/* Index of the instruction a frame is at (for tracebacks, f_lineno, the tracer). */
static inline uint32_t bt_frame_lasti(const BtFrame *f) {
    return f->ip > f->code->instrs ? (uint32_t)(f->ip - f->code->instrs - 1) : 0;
}

#endif
