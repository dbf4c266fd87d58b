/* gen.h: generator objects (vm stage; see vm/README.md).
 *
 * A generator is one allocation: its header, its embedded frame, and the
 * frame's slots (locals, cells, free variables, operand stack) sized from
 * the code object. `yield` saves only ip and sp and unlinks the frame;
 * resuming relinks it. next(), send(), throw(), close(), `for` and `yield
 * from` all resume through bt_gen_resume or its inline twin in the eval loop.
 */
#ifndef BT_GEN_H
#define BT_GEN_H

#include "vm/frame.h"
#include "vm/list.h"

typedef enum {
    BT_GEN_CREATED,   /* made by a call, no instruction run yet */
    BT_GEN_SUSPENDED, /* stopped at a yield */
    BT_GEN_RUNNING,   /* its frame is on a thread's frame chain */
    BT_GEN_DONE,      /* returned or raised; the frame is gone */
} BtGenState;

/* What a resume ended with. */
typedef enum {
    BT_RESUME_YIELDED,  /* *out is the value handed out */
    BT_RESUME_RETURNED, /* *out is the return value (StopIteration.value) */
    BT_RESUME_RAISED,   /* the exception is pending in t */
} BtResumeResult;

struct BtGen {
    BtObject hdr;          /* its aux8[0] is the BtGenState, aux8[1] the finalized flag
                              (the collector queued its close() once), aux32 the number:
                              the n-th generator made from this code, from 1: "my_range#2" */
    BtValue exc_state;     /* suspended: the exception its except blocks are handling;
                              running: the resumer's, given back at suspend */
    BtFrame frame;         /* the embedded frame (its code and globals are the function's) */
    BtValue slots[];       /* the frame's slots: nlocals + ncells + nfrees + stacksize */
};

static inline BtGenState bt_gen_state(const BtGen *g) {
    return (BtGenState)g->hdr.aux8[0];
}
static inline void bt_gen_set_state(BtGen *g, BtGenState state) {
    g->hdr.aux8[0] = (uint8_t)state;
}
static inline bool bt_gen_finalized(const BtGen *g) {
    return g->hdr.aux8[1];
}
static inline void bt_gen_set_finalized(BtGen *g, bool finalized) {
    g->hdr.aux8[1] = finalized;
}
static inline uint32_t bt_gen_number(const BtGen *g) {
    return g->hdr.aux32;
}

/* A generator's __name__ and __qualname__: the function's when it was made
 * (settable); only those that differ from its code's names are stored, in
 * the interpreter's table of renamed generators. Never raise. */
BtStr *bt_gen_name(BtInterp *in, const BtGen *g);
BtStr *bt_gen_qualname(BtInterp *in, const BtGen *g);

/* For the collector: mark the names of renamed generators (roots), and once
 * marking is over, forget the generators it did not mark. */
void bt_gen_mark_renamed(BtGc *gc);
void bt_gen_forget_unmarked(BtInterp *in);

/* The generator whose embedded frame f is, or NULL for a call's frame. */
static inline BtGen *bt_frame_gen(const BtFrame *f) {
    return f->code->flags & BT_CODE_GENERATOR ? (BtGen *)((char *)f - offsetof(BtGen, frame))
                                               : NULL;
}

/* The generator whose embedded frame f is known to be (a frame that yields). */
static inline BtGen *bt_gen_of_frame(BtFrame *f) {
    return (BtGen *)((char *)f - offsetof(BtGen, frame));
}

/* Is gen a coroutine (made by calling an async def)? It is a BtGen of type
 * `coroutine`: the same frame, states and resumes, other names and rules. */
static inline bool bt_gen_is_coro(const BtGen *g) {
    return g->frame.code->flags & BT_CODE_COROUTINE;
}

/* Is gen an async generator (an async def with yield, type `async_generator`)?
 * Only its asend/athrow awaitables resume it (gen.c). */
static inline bool bt_gen_is_agen(const BtGen *g) {
    return g->frame.code->flags & BT_CODE_ASYNC_GENERATOR;
}

/* A generator or a coroutine: an object whose frame the loop resumes inline. */
static inline bool bt_is_genobj(BtThread *t, BtValue v) {
    return bt_is_obj(v) && (bt_as_obj(v)->type == t->interp->types.generator ||
                            bt_as_obj(v)->type == t->interp->types.coroutine);
}

/* Any object built on a generator's frame, an async generator included (for
 * the tools that list and name them: trace, stepper, timeline). */
static inline bool bt_is_framed_gen(BtThread *t, BtValue v) {
    return bt_is_genobj(t, v) ||
           (bt_is_obj(v) && bt_as_obj(v)->type == t->interp->types.async_generator);
}

/* A new generator (a coroutine for an async def) for a call of func (its
 * arguments still to be bound into gen->slots by the caller). */
BtGen *bt_gen_new(BtThread *t, BtFunction *func);

/* Resume gen: with `value` sent in (None for next()), or with `exc` thrown in
 * when exc is not BT_UNDEF. Handles "already executing", "can't send
 * non-None value to a just-started generator", PEP 479. */
BtResumeResult bt_gen_resume(BtThread *t, BtGen *gen, BtValue value, BtValue exc, BtValue *out);

/* "GEN_CREATED", "GEN_RUNNING", "GEN_SUSPENDED" or "GEN_CLOSED" for inspect
 * ("CORO_..." for a coroutine). */
const char *bt_gen_state_name(BtValue gen);

/* What `await v` iterates (GET_AWAITABLE): v itself when it is a coroutine or
 * a generator of a types.coroutine function, else the iterator v.__await__()
 * returns. BT_UNDEF with CPython's TypeError or RuntimeError otherwise; where
 * is 1 or 2 when v came from __aenter__ or __aexit__ (their own messages). */
BtValue bt_gen_awaitable(BtThread *t, BtValue v, int where);

/* anext(aiterator, default): an awaitable over `awaitable` (what __anext__
 * returned) whose StopAsyncIteration becomes StopIteration(dflt). */
BtValue bt_gen_anext_awaitable(BtThread *t, BtValue awaitable, BtValue dflt);

/* Raise what resuming the finished coroutine gen raises ("cannot reuse
 * already awaited coroutine"); always returns false. */
bool bt_coro_reused(BtThread *t);

/* The sub-iterator gen is delegating to (yield from), or BT_UNDEF. */
BtValue bt_gen_yieldfrom(BtGen *gen);

/* next(gen) as gen.__next__ does it: the next value, or BT_UNDEF with
 * StopIteration(return value) raised when the generator finishes. */
BtValue bt_gen_next(BtThread *t, BtGen *gen);

/* Does a suspended gen sit inside a try/with block, so that dropping it
 * must run close() (its finally blocks), as CPython does? */
bool bt_gen_needs_close(const BtGen *gen);
/* Close the generators the collector found unreachable (gc.c queues them);
 * errors are reported CPython's way ("Exception ignored in: ...") on stderr. */
void bt_gen_run_pending_closes(BtThread *t);

/* gen.send(value), the native behind the method; the eval loop recognises it
 * to resume the generator inline instead of through a C call. */
BtValue bt_gen_send_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames);

/* gen.close(): GeneratorExit thrown in; None, or BT_UNDEF with the error
 * ("generator ignored GeneratorExit", or what the generator raised). */
BtValue bt_gen_close(BtThread *t, BtGen *gen);

/* ---- for the eval loop (eval.c) ---- */

/* Allocate a generator object of `size` bytes (gen.c's bt_gen_new uses it). */
BtGen *bt_gen_alloc_raw(BtThread *t, size_t size);

/* Entering a generator's frame and its yield are in gen_internal.h (inlined
 * by the loop). The loop reports how else gen's frame left: it returned, or
 * raised (PEP 479: a StopIteration escaping becomes RuntimeError here). */
void bt_gen_finished(BtThread *t, BtGen *gen);
void bt_gen_raised(BtThread *t, BtGen *gen);

#endif
