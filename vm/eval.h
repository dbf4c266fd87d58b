/* eval.h: running code (vm stage; see vm/README.md).
 *
 * The eval loop runs frames. Python-to-Python calls and generator resumes
 * stay inside one C call of the loop; C code re-enters it only through the
 * functions below (bt_call on a Python function, a class body, a module),
 * and each re-entry counts against the C-depth guard, which raises
 * RecursionError instead of overflowing the C stack.
 */
#ifndef BT_EVAL_H
#define BT_EVAL_H

#include "vm/frame.h"
#include "vm/func.h"

/* Call a Python function with vectorcall-style arguments (see BtNativeFn). */
BtValue bt_eval_call_function(BtThread *t, BtFunction *func, BtValue *args, int nargs,
                              BtTuple *kwnames);
/* Run a class body function with ns as its locals dict; returns the body's
 * return value (the __class__ cell, or None). */
BtValue bt_eval_class_body(BtThread *t, BtFunction *func, BtDict *ns);
/* Run module-level code with globals (also its locals). */
BtValue bt_eval_module_code(BtThread *t, BtCode *code, BtDict *globals);
/* Run a frame that is already set up (generators use this to resume). */
BtValue bt_eval_frame(BtThread *t, BtFrame *frame);

/* The innermost Python frame of t, or NULL. */
static inline BtFrame *bt_eval_current_frame(BtThread *t) {
    return t->frame;
}

#endif
