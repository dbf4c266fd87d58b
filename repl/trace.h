/* trace.h: the bytecode trace printer (repl stage; see repl/README.md).
 *
 * A BtTracer is a VM hook (vm/hook.h) that prints one aligned line per
 * instruction (thread, function, line, offset, opname, argument, meaning, and
 * the value stack after it) and one marked line per event (call, return,
 * generator suspend/resume/finish, exception unwinding, GIL). The stepper
 * reuses its formatting helpers so both show values the same way.
 */
#ifndef BT_TRACE_H
#define BT_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "vm/hook.h"

typedef enum {
    BT_TRACE_ALL,    /* every instruction and every event (--trace) */
    BT_TRACE_EVENTS, /* events only, indented by call depth (--trace=events) */
    BT_TRACE_GIL,    /* GIL and scheduler events only (--trace=gil) */
} BtTraceLevel;

typedef struct BtTracer BtTracer;

/* A tracer writing to out; filter is NULL or a comma-separated list of
 * function names (code name or qualified name) to show alone. NULL when
 * memory runs out. */
BtTracer *bt_trace_new(FILE *out, BtTraceLevel level, const char *filter);
void bt_trace_free(BtTracer *tr);
/* Install tr as t's hook (replacing any) / remove it, printing what is pending. */
void bt_trace_attach(BtThread *t, BtTracer *tr);
void bt_trace_detach(BtThread *t, BtTracer *tr);

/* ---- formatting shared with the stepper; none of these raise ---- */

/* A bounded repr of v into buf (at most cap bytes with the NUL): containers
 * show their first items, long strings are cut, "NULL" for BT_UNDEF. Runs a
 * user __repr__ with tracing suspended; a failing repr shows as "<?>". */
void bt_trace_repr(BtThread *t, BtValue v, char *buf, size_t cap);
/* The operand stack of a frame that is not running (ip/sp saved), bottom
 * first, as "[a, b]"; the oldest items give way to "..." past `width`. */
void bt_trace_stack(BtThread *t, BtFrame *f, char *buf, size_t cap, size_t width);
/* "f", "C.m", "class body C" or "gen my_range#2" (the second generator made
 * from my_range): how traces and the stepper name a frame. */
void bt_trace_frame_name(BtFrame *f, char *buf, size_t cap);
/* "x=1, y=[2]": the parameters of f with their values now (a frame just
 * called, or a generator's: what it was made with, unless it rebound them). */
void bt_trace_args(BtThread *t, BtFrame *f, char *buf, size_t cap);
/* The global names of __main__ bound to generator g ("mrp2" or "a, b");
 * false when none is. */
bool bt_trace_gen_binding(BtThread *t, BtGen *g, char *buf, size_t cap);
/* The text of a non-instruction event without thread or indentation:
 * "--> call f(x=2)", "<-- return 3 from f", "||  suspend gen g#1 yields 0",
 * "!!  KeyError raised, caught at line 7", ...; "" when the event says
 * nothing worth a line (an exception reaching a cleanup handler). */
void bt_trace_event_text(BtThread *t, const BtEvent *ev, char *buf, size_t cap);

#endif
