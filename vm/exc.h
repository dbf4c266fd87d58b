/* exc.h: raising, catching and printing exceptions (vm stage; see vm/README.md).
 *
 * C code never jumps: to fail, it calls one of the bt_raise functions, which
 * store the exception in t->exc, and returns its sentinel (BT_UNDEF, NULL,
 * false, -1). Every caller checks at once and passes the failure up. The
 * eval loop then unwinds through the handler tables, adding a traceback
 * entry for each frame it leaves.
 */
#ifndef BT_EXC_H
#define BT_EXC_H

#include <stdio.h>

#include "vm/func.h"
#include "vm/interp.h"
#include "vm/object.h"

/* An exception instance; user exception classes extend this layout. */
typedef struct {
    BtInstance base;       /* attributes (errno, strerror, value, code, ...) */
    BtTuple *args;         /* .args */
    BtValue traceback;     /* __traceback__: a BtTraceback chain or None */
    BtValue cause;         /* __cause__ or None */
    BtValue context;       /* __context__ or None */
    bool suppress_context; /* __suppress_context__ (set by raise ... from) */
    /* CPython 3.11's "Did you mean" hint, searched when the traceback is
     * printed: the missing name, and the AttributeError's object (for dir())
     * or the NameError's globals dict and code object. BT_UNDEF if none. */
    BtValue hint_name, hint_obj, hint;
} BtException;

/* One traceback entry: a frame the exception passed through, outermost first. */
typedef struct BtTraceback {
    BtObject hdr;
    struct BtTraceback *next; /* tb_next: the frame called from this one */
    BtValue code;             /* the BtCode that ran */
    int lineno;               /* tb_lineno */
    BtValue frame;            /* tb_frame if one was materialized, else None */
} BtTraceback;

/* tb_frame of a frame that has finished: its code and the line it was at
 * (the variables are gone, so it has no f_locals/f_globals). */
typedef struct {
    BtObject hdr;
    BtValue code;
    int lineno;
} BtTracebackFrame;

/* Raise an instance of type with a message formatted as bt_str_format does
 * (%s C string, %S BtStr*, %R repr of a BtValue, %T type name of a BtValue,
 * %d int, %ld/%lld, %zu, %c). Always "returns" by setting t->exc. */
void bt_raise(BtThread *t, BtType *type, const char *fmt, ...);
/* After raising AttributeError for obj.name / NameError for name (looked up
 * in code's variables, then globals, then builtins): remember what the
 * traceback's "Did you mean: 'x'?" needs. Never raises. */
void bt_exc_hint_attribute(BtThread *t, BtValue obj, BtStr *name);
void bt_exc_hint_name(BtThread *t, BtStr *name, BtCode *code, BtDict *globals);
/* Raise an exception class with no arguments (e.g. StopIteration). */
void bt_raise_empty(BtThread *t, BtType *type);
/* Raise exc: an instance, or a class to be called with no arguments. Raises
 * TypeError "exceptions must derive from BaseException" for anything else. */
void bt_raise_value(BtThread *t, BtValue exc);
/* Raise the OSError subclass that errno err maps to, with CPython's
 * args (errno, strerror) and optional filename ("[Errno 2] No such file or
 * directory: 'x'"). */
void bt_raise_errno(BtThread *t, int err, const char *filename);
/* MemoryError without allocating. */
void bt_raise_memory(BtThread *t);
/* StopIteration carrying value (the return value of a generator). */
void bt_raise_stop_iteration(BtThread *t, BtValue value);

/* Is an exception pending? Take it (clearing t->exc); peek at it. */
static inline bool bt_has_exc(BtThread *t) {
    return !bt_is_undef(t->exc);
}
BtValue bt_take_exc(BtThread *t);
/* Does the pending exception match type (isinstance)? */
bool bt_exc_pending_is(BtThread *t, BtType *type);
/* isinstance check used by `except`: cls may be a class or a tuple of classes. */
int bt_exc_matches(BtThread *t, BtValue exc, BtValue cls);

/* New instance of an exception type from args (calls the type). */
BtValue bt_exc_new(BtThread *t, BtType *type, BtValue *args, int nargs);
/* Give a new exception e the fields its class has beyond args, from the
 * constructor's arguments: errno/strerror/filename for OSError and its
 * subclasses (user classes too), msg/filename/lineno/... for SyntaxError.
 * false with MemoryError raised. */
bool bt_exc_init_fields(BtThread *t, BtValue e, BtValue *args, int nargs);
/* Add a traceback entry for code at lineno to the pending exception. */
void bt_exc_add_traceback(BtThread *t, BtValue code, int lineno);

/* Print exc as CPython's default excepthook does: chained causes and
 * contexts first, each with "Traceback (most recent call last):", its frames
 * with their source lines, and the final "Type: message" line. */
void bt_exc_print(BtThread *t, BtValue exc, FILE *out);
/* CPython's report of an exception nobody can catch: "Exception ignored
 * WHERE: repr(obj)" and exc's traceback on stderr (where: "in", "in thread
 * started by"), or a call of the sys.unraisablehook the program set. */
void bt_exc_report_unraisable(BtThread *t, const char *where, BtValue obj, BtValue exc);
/* sys.__unraisablehook__'s printing: "ERR_MSG: repr(obj)" (err_msg None:
 * "Exception ignored in"; obj None: "ERR_MSG:" alone), then exc. */
void bt_exc_write_unraisable(BtThread *t, BtValue err_msg, BtValue obj, BtValue exc);

/* Set up the exception hierarchy (called once by interp). */
bool bt_exc_init_types(BtThread *t);

#endif
