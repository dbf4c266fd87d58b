/* exc.c: exception objects, raising, chaining and tracebacks (vm stage; exc.h).
 *
 * Design notes. An exception in flight lives in t->exc; the exception being
 * handled by an except block lives in t->handled. Raising while something is
 * handled sets the new exception's __context__ (implicit chaining), as
 * CPython's _PyErr_SetObject does, for exceptions raised by Python code and
 * by C code alike. Traceback entries are prepended as frames unwind, so the
 * chain reads outermost first, which is the order tracebacks print in.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/gil.h"
#include "vm/func.h"
#include "vm/import.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

static bool is_exception(BtThread *t, BtValue v) {
    (void)t;
    return bt_is_obj(v) && bt_as_obj(v)->type->layout == BT_LAYOUT_EXCEPTION;
}

static BtException *as_exc(BtValue v) {
    return (BtException *)bt_as_obj(v);
}

/* ---- the exception in flight ---- */

/* Make exc the pending exception, chaining the handled one as its context. */
static void set_pending(BtThread *t, BtValue exc) {
    BtValue handled = t->handled;
    if (is_exception(t, handled) && !bt_same(handled, exc) && is_exception(t, exc)) {
        BtException *e = as_exc(exc);
        if (bt_is_none(e->context) || bt_is_undef(e->context)) {
            /* Cut a cycle: if exc is already in handled's context chain, drop the link. */
            BtValue o = handled;
            for (int guard = 0; is_exception(t, o) && guard < 10000; guard++) {
                BtValue next = as_exc(o)->context;
                if (bt_same(next, exc)) {
                    as_exc(o)->context = BT_NONE;
                    break;
                }
                o = next;
            }
            e->context = handled;
        }
    }
    t->exc = exc;
}

BtValue bt_take_exc(BtThread *t) {
    BtValue e = t->exc;
    t->exc = BT_UNDEF;
    return e;
}

bool bt_exc_pending_is(BtThread *t, BtType *type) {
    return bt_has_exc(t) && bt_issubtype(bt_type_of(t, t->exc), type);
}

static bool is_exception_class(BtThread *t, BtValue cls) {
    return bt_is_class(t, cls) &&
           bt_issubtype((BtType *)bt_as_obj(cls), BT_EXC(t, BaseException));
}

int bt_exc_matches(BtThread *t, BtValue exc, BtValue cls) {
    BtType *et = bt_type_of(t, exc);
    /* Like CPython, every class of a tuple is checked before any matches, so
     * `except (E, 1):` fails even when the exception is an E. */
    bool is_tuple = bt_is_obj(cls) && bt_as_obj(cls)->type == BT_TYPE(t, tuple);
    BtValue *items = is_tuple ? ((BtTuple *)bt_as_obj(cls))->items : &cls;
    size_t n = is_tuple ? ((BtTuple *)bt_as_obj(cls))->len : 1;
    for (size_t i = 0; i < n; i++)
        if (!is_exception_class(t, items[i])) {
            bt_raise(t, BT_EXC(t, TypeError),
                     "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }
    for (size_t i = 0; i < n; i++)
        if (bt_issubtype(et, (BtType *)bt_as_obj(items[i])))
            return 1;
    return 0;
}

/* ---- making exceptions ---- */

static BtValue exc_alloc(BtThread *t, BtType *type, BtTuple *args) {
    BtException *e = bt_gc_alloc(t, type, type->instance_size);
    if (!e)
        return BT_UNDEF;
    e->args = args ? args : t->interp->empty_tuple;
    e->traceback = e->cause = e->context = BT_NONE;
    e->hint_name = e->hint_obj = e->hint = BT_UNDEF;
    return bt_obj(e);
}

BtValue bt_exc_new(BtThread *t, BtType *type, BtValue *args, int nargs) {
    return bt_call(t, bt_obj(type), args, nargs, NULL);
}

void bt_raise_memory(BtThread *t) {
    BT_ASSERT_GIL(t);
    /* Allocating could fail again: MemoryError uses a preallocated-free path,
     * the class itself, which bt_raise_value instantiates lazily if it can. */
    BtValue e = exc_alloc(t, BT_EXC(t, MemoryError), NULL);
    t->exc = bt_is_undef(e) ? bt_obj(BT_EXC(t, MemoryError)) : e;
}

void bt_raise(BtThread *t, BtType *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    BtStr *msg = bt_str_vformat(t, fmt, ap);
    va_end(ap);
    if (!msg)
        return; /* formatting raised (a failing __repr__): that exception stands */
    BtValue m = bt_obj(msg);
    BT_PUSH_ROOT(t, &m);
    BtTuple *args = bt_tuple_from(t, &m, 1);
    BT_POP_ROOT(t, 1);
    if (!args)
        return;
    BtValue a = bt_obj(args);
    BT_PUSH_ROOT(t, &a);
    BtValue e = exc_alloc(t, type, args);
    BT_PUSH_ROOT(t, &e);
    bool ok = !bt_is_undef(e) && bt_exc_init_fields(t, e, &args->items[0], 1);
    BT_POP_ROOT(t, 2);
    if (ok)
        set_pending(t, e);
}

void bt_raise_empty(BtThread *t, BtType *type) {
    BtValue e = exc_alloc(t, type, NULL);
    if (!bt_is_undef(e))
        set_pending(t, e);
}

void bt_raise_value(BtThread *t, BtValue exc) {
    BT_ASSERT_GIL(t);
    if (bt_is_class(t, exc) &&
        bt_issubtype((BtType *)bt_as_obj(exc), BT_EXC(t, BaseException))) {
        BtValue inst = bt_call(t, exc, NULL, 0, NULL);
        if (bt_is_undef(inst))
            return;
        if (!is_exception(t, inst)) {
            bt_raise(t, BT_EXC(t, TypeError),
                     "calling %R should have returned an instance of BaseException, not %R", exc,
                     bt_obj(bt_type_of(t, inst)));
            return;
        }
        exc = inst;
    } else if (!is_exception(t, exc)) {
        bt_raise(t, BT_EXC(t, TypeError), "exceptions must derive from BaseException");
        return;
    }
    set_pending(t, exc);
}

void bt_raise_stop_iteration(BtThread *t, BtValue value) {
    if (bt_is_none(value) || bt_is_undef(value)) {
        bt_raise_empty(t, BT_EXC(t, StopIteration));
        return;
    }
    BT_PUSH_ROOT(t, &value);
    BtTuple *args = bt_tuple_from(t, &value, 1);
    BT_POP_ROOT(t, 1);
    if (!args)
        return;
    BtValue a = bt_obj(args);
    BT_PUSH_ROOT(t, &a);
    BtValue e = exc_alloc(t, BT_EXC(t, StopIteration), args);
    BT_POP_ROOT(t, 1);
    if (!bt_is_undef(e))
        set_pending(t, e);
}

/* The OSError subclass CPython picks for an errno. */
static BtType *errno_type(BtThread *t, int err) {
    switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return BT_EXC(t, BlockingIOError);
    case ECHILD:
        return BT_EXC(t, ChildProcessError);
    case EPIPE:
    case ESHUTDOWN:
        return BT_EXC(t, BrokenPipeError);
    case ECONNABORTED:
        return BT_EXC(t, ConnectionAbortedError);
    case ECONNREFUSED:
        return BT_EXC(t, ConnectionRefusedError);
    case ECONNRESET:
        return BT_EXC(t, ConnectionResetError);
    case EEXIST:
        return BT_EXC(t, FileExistsError);
    case ENOENT:
        return BT_EXC(t, FileNotFoundError);
    case EISDIR:
        return BT_EXC(t, IsADirectoryError);
    case ENOTDIR:
        return BT_EXC(t, NotADirectoryError);
    case EINTR:
        return BT_EXC(t, InterruptedError);
    case EACCES:
    case EPERM:
        return BT_EXC(t, PermissionError);
    case ESRCH:
        return BT_EXC(t, ProcessLookupError);
    case ETIMEDOUT:
        return BT_EXC(t, TimeoutError);
    default:
        return BT_EXC(t, OSError);
    }
}

/* Store errno/strerror/filename on an OSError instance (its attribute dict). */
static bool oserror_set_fields(BtThread *t, BtValue e, BtValue err, BtValue strerror,
                               BtValue filename) {
    BtDict **d = &((BtInstance *)bt_as_obj(e))->dict;
    if (!*d && !(*d = bt_dict_new(t)))
        return false;
    return bt_dict_set_str(t, *d, BT_NAME(t, errno_), err) &&
           bt_dict_set_str(t, *d, BT_NAME(t, strerror), strerror) &&
           bt_dict_set_str(t, *d, BT_NAME(t, filename), filename);
}

/* ImportError's fields: msg (its one argument, else None), and name and path,
 * the only keywords it takes (None when not given). */
static bool import_error_set_fields(BtThread *t, BtValue e, BtValue *args, int nargs,
                                    BtTuple *kwnames) {
    BtValue name = BT_NONE, path = BT_NONE;
    for (size_t i = 0; kwnames && i < kwnames->len; i++) {
        BtStr *k = bt_as_str(kwnames->items[i]);
        if (strcmp(k->data, "name") == 0) {
            name = args[nargs + (int)i];
        } else if (strcmp(k->data, "path") == 0) {
            path = args[nargs + (int)i];
        } else {
            bt_raise(t, BT_EXC(t, TypeError),
                     "'%S' is an invalid keyword argument for ImportError()", k);
            return false;
        }
    }
    BtDict **d = &((BtInstance *)bt_as_obj(e))->dict;
    BtStr *key = (*d || (*d = bt_dict_new(t))) ? bt_str_intern_cstr(t, "path") : NULL;
    return key && bt_dict_set_str(t, *d, BT_NAME(t, msg), nargs == 1 ? args[0] : BT_NONE) &&
           bt_dict_set_str(t, *d, BT_NAME(t, name), name) && bt_dict_set_str(t, *d, key, path);
}

static bool is_import_error(BtThread *t, BtType *type) {
    return bt_issubtype(type, BT_EXC(t, ImportError));
}

bool bt_exc_init_fields(BtThread *t, BtValue e, BtValue *args, int nargs) {
    BtType *type = bt_as_obj(e)->type;
    bool ok = !is_import_error(t, type) || import_error_set_fields(t, e, args, nargs, NULL);
    if (bt_issubtype(type, BT_EXC(t, OSError))) {
        bool with_errno = nargs >= 2 && nargs <= 3;
        ok = with_errno
                 ? oserror_set_fields(t, e, args[0], args[1], nargs == 3 ? args[2] : BT_NONE)
                 : oserror_set_fields(t, e, BT_NONE, BT_NONE, BT_NONE);
        BtException *x = as_exc(e);
        if (ok && nargs == 3 && x->args->len == 3) { /* the filename is not in args */
            BtTuple *two = bt_tuple_from(t, args, 2);
            ok = two != NULL;
            if (ok)
                x->args = two;
        }
    }
    if (ok && bt_issubtype(type, BT_EXC(t, SyntaxError))) {
        BtDict **d = &((BtInstance *)bt_as_obj(e))->dict;
        ok = *d || (*d = bt_dict_new(t)) != NULL;
        static const char *const fields[] = {"filename", "lineno", "offset", "text",
                                             "end_lineno", "end_offset"};
        BtValue msg = nargs >= 1 ? args[0] : BT_NONE;
        ok = ok && bt_dict_set_str(t, *d, BT_NAME(t, msg), msg);
        BtTuple *info = nargs >= 2 && bt_is_obj(args[1]) && bt_as_obj(args[1])->type == BT_TYPE(t, tuple)
                            ? (BtTuple *)bt_as_obj(args[1])
                            : NULL;
        for (size_t i = 0; ok && i < 6; i++) {
            BtStr *key = bt_str_intern_cstr(t, fields[i]);
            ok = key && bt_dict_set_str(t, *d, key, info && i < info->len ? info->items[i] : BT_NONE);
        }
    }
    return ok;
}

void bt_raise_errno(BtThread *t, int err, const char *filename) {
    BtValue vals[2] = {bt_int(err), BT_UNDEF};
    BtValue fname = BT_NONE, e = BT_UNDEF;
    BT_PUSH_ROOT(t, &vals[1]);
    BT_PUSH_ROOT(t, &fname);
    BT_PUSH_ROOT(t, &e);
    BtStr *msg = bt_str_from_cstr(t, strerror(err));
    if (msg) {
        vals[1] = bt_obj(msg);
        BtStr *fn = filename ? bt_str_from_cstr(t, filename) : NULL;
        if (!filename || fn) {
            fname = fn ? bt_obj(fn) : BT_NONE;
            BtTuple *args = bt_tuple_from(t, vals, 2);
            BtValue keep_args = args ? bt_obj(args) : BT_NONE;
            BT_PUSH_ROOT(t, &keep_args);
            e = args ? exc_alloc(t, errno_type(t, err), args) : BT_UNDEF;
            BT_POP_ROOT(t, 1);
            if (!bt_is_undef(e) && oserror_set_fields(t, e, vals[0], vals[1], fname))
                set_pending(t, e);
        }
    }
    BT_POP_ROOT(t, 3);
}

void bt_exc_add_traceback(BtThread *t, BtValue code, int lineno) {
    BtValue exc = t->exc;
    if (!is_exception(t, exc))
        return;
    BT_PUSH_ROOT(t, &exc);
    BtTraceback *tb = bt_gc_alloc(t, BT_TYPE(t, traceback), sizeof(BtTraceback));
    BT_POP_ROOT(t, 1);
    if (!tb) {
        /* Out of memory while unwinding: keep the original exception. */
        t->exc = exc;
        return;
    }
    BtException *e = as_exc(exc);
    tb->next = bt_is_obj(e->traceback) ? (BtTraceback *)bt_as_obj(e->traceback) : NULL;
    tb->code = code;
    tb->lineno = lineno;
    tb->frame = BT_NONE;
    e->traceback = bt_obj(tb);
}

/* ---- the exception types ---- */

static void exc_trace(BtGc *gc, BtObject *o) {
    BtException *e = (BtException *)o;
    bt_gc_mark_obj(gc, (BtObject *)e->base.dict);
    bt_gc_mark_obj(gc, (BtObject *)e->args);
    bt_gc_mark(gc, e->traceback);
    bt_gc_mark(gc, e->cause);
    bt_gc_mark(gc, e->context);
    bt_gc_mark(gc, e->hint_name);
    bt_gc_mark(gc, e->hint_obj);
    bt_gc_mark(gc, e->hint);
}

static void traceback_trace(BtGc *gc, BtObject *o) {
    BtTraceback *tb = (BtTraceback *)o;
    bt_gc_mark_obj(gc, (BtObject *)tb->next);
    bt_gc_mark(gc, tb->code);
    bt_gc_mark(gc, tb->frame);
}

static BtValue traceback_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtTraceback *tb = (BtTraceback *)bt_as_obj(self);
    if (strcmp(name->data, "tb_next") == 0)
        return tb->next ? bt_obj(tb->next) : BT_NONE;
    if (strcmp(name->data, "tb_lineno") == 0)
        return bt_int(tb->lineno);
    if (strcmp(name->data, "tb_lasti") == 0)
        return bt_int(-1);
    if (strcmp(name->data, "tb_frame") == 0) {
        if (bt_is_none(tb->frame)) {
            BtTracebackFrame *fr =
                bt_gc_alloc(t, BT_TYPE(t, tb_frame), sizeof(BtTracebackFrame));
            if (!fr)
                return BT_UNDEF;
            fr->code = tb->code;
            fr->lineno = tb->lineno;
            tb->frame = bt_obj(fr);
        }
        return tb->frame;
    }
    return bt_generic_getattr(t, self, name);
}

static void tb_frame_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark(gc, ((BtTracebackFrame *)o)->code);
}

static BtValue tb_frame_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtTracebackFrame *fr = (BtTracebackFrame *)bt_as_obj(self);
    if (strcmp(name->data, "f_code") == 0)
        return fr->code;
    if (strcmp(name->data, "f_lineno") == 0)
        return bt_int(fr->lineno);
    if (strcmp(name->data, "f_back") == 0)
        return BT_NONE;
    return bt_generic_getattr(t, self, name);
}

static BtValue tb_frame_repr(BtThread *t, BtValue self) {
    BtTracebackFrame *fr = (BtTracebackFrame *)bt_as_obj(self);
    BtCode *c = (BtCode *)bt_as_obj(fr->code);
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)bt_as_obj(self));
    BtStr *s = bt_str_format(t, "<frame at %s, file '%S', line %d, code %S>", addr, c->filename,
                             fr->lineno, c->name);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue exc_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (kwnames && kwnames->len && !is_import_error(t, type)) {
        bt_raise(t, BT_EXC(t, TypeError), "%S() takes no keyword arguments", type->name);
        return BT_UNDEF;
    }
    /* OSError(errno, strerror) picks its subclass from errno, as in CPython. */
    if (type == BT_EXC(t, OSError) && nargs >= 2 && bt_is_int(args[0]))
        type = errno_type(t, (int)bt_as_i64(args[0]));
    BtTuple *tup = bt_tuple_from(t, args, (size_t)nargs);
    if (!tup)
        return BT_UNDEF;
    BtValue a = bt_obj(tup);
    BT_PUSH_ROOT(t, &a);
    BtValue e = exc_alloc(t, type, tup);
    BT_PUSH_ROOT(t, &e);
    bool ok = !bt_is_undef(e) && bt_exc_init_fields(t, e, args, nargs) &&
              (!kwnames || import_error_set_fields(t, e, args, nargs, kwnames));
    BT_POP_ROOT(t, 2);
    return ok ? e : BT_UNDEF;
}

/* str(exc): the message CPython's final traceback line shows. */
static BtValue exc_str(BtThread *t, BtValue self) {
    BtException *e = as_exc(self);
    BtType *ty = bt_type_of(t, self);
    BtDict *d = e->base.dict;
    if (bt_issubtype(ty, BT_EXC(t, OSError)) && d) {
        BtValue err = bt_dict_get_str(d, BT_NAME(t, errno_));
        BtValue se = bt_dict_get_str(d, BT_NAME(t, strerror));
        BtValue fn = bt_dict_get_str(d, BT_NAME(t, filename));
        if (!bt_is_undef(err) && !bt_is_none(err) && !bt_is_undef(se) && !bt_is_none(se)) {
            if (!bt_is_undef(fn) && !bt_is_none(fn))
                return bt_obj(bt_str_format(t, "[Errno %R] %S: %R", err, bt_as_str(bt_str(t, se)), fn));
            return bt_obj(bt_str_format(t, "[Errno %R] %S", err, bt_as_str(bt_str(t, se))));
        }
    }
    if (bt_issubtype(ty, BT_EXC(t, SyntaxError)) && d) {
        BtValue msg = bt_dict_get_str(d, BT_NAME(t, msg));
        BtValue fn = bt_dict_get_str(d, BT_NAME(t, filename));
        BtValue ln = bt_dict_get_str(d, BT_NAME(t, lineno));
        BtValue ms = bt_str(t, bt_is_undef(msg) ? BT_NONE : msg);
        if (bt_is_undef(ms))
            return BT_UNDEF;
        if (bt_is_str(t, fn) && bt_is_intlike(ln)) {
            const char *full = bt_as_str(fn)->data, *base = strrchr(full, '/');
            return bt_obj(bt_str_format(t, "%S (%s, line %lld)", bt_as_str(ms),
                                        base ? base + 1 : full, (long long)bt_as_int(ln)));
        }
        return ms;
    }
    if (e->args->len == 0)
        return bt_obj(BT_NAME(t, empty));
    if (e->args->len == 1) {
        if (bt_issubtype(ty, BT_EXC(t, KeyError)))
            return bt_repr(t, e->args->items[0]);
        return bt_str(t, e->args->items[0]);
    }
    return bt_str(t, bt_obj(e->args));
}

static BtValue exc_repr(BtThread *t, BtValue self) {
    BtException *e = as_exc(self);
    BtType *ty = bt_type_of(t, self);
    if (e->args->len == 1) {
        BtValue r = bt_repr(t, e->args->items[0]);
        return bt_is_undef(r) ? r : bt_obj(bt_str_format(t, "%S(%S)", ty->name, bt_as_str(r)));
    }
    BtValue r = bt_repr(t, bt_obj(e->args));
    if (bt_is_undef(r))
        return r;
    if (e->args->len == 0)
        return bt_obj(bt_str_format(t, "%S()", ty->name));
    return bt_obj(bt_str_format(t, "%S%S", ty->name, bt_as_str(r)));
}

static BtValue exc_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtException *e = as_exc(self);
    const char *n = name->data;
    if (name == BT_NAME(t, args))
        return bt_obj(e->args);
    if (name == BT_NAME(t, dunder_traceback))
        return e->traceback;
    if (name == BT_NAME(t, dunder_cause))
        return e->cause;
    if (name == BT_NAME(t, dunder_context))
        return e->context;
    if (strcmp(n, "__suppress_context__") == 0)
        return bt_bool(e->suppress_context);
    BtType *ty = bt_type_of(t, self);
    if (name == BT_NAME(t, value) && bt_issubtype(ty, BT_EXC(t, StopIteration)) &&
        !(e->base.dict && !bt_is_undef(bt_dict_get_str(e->base.dict, name))))
        return e->args->len ? e->args->items[0] : BT_NONE;
    if (name == BT_NAME(t, code) && bt_issubtype(ty, BT_EXC(t, SystemExit)) &&
        !(e->base.dict && !bt_is_undef(bt_dict_get_str(e->base.dict, name))))
        return e->args->len == 0 ? BT_NONE : e->args->len == 1 ? e->args->items[0] : bt_obj(e->args);
    return bt_generic_getattr(t, self, name);
}

static bool exc_setattr(BtThread *t, BtValue self, BtStr *name, BtValue v) {
    BtException *e = as_exc(self);
    if (name == BT_NAME(t, args)) {
        BtTuple *tup = bt_is_undef(v) ? NULL : bt_tuple_from_iterable(t, v);
        if (!tup)
            return false;
        e->args = tup;
        return true;
    }
    if (name == BT_NAME(t, dunder_traceback)) {
        e->traceback = bt_is_undef(v) ? BT_NONE : v;
        return true;
    }
    if (name == BT_NAME(t, dunder_cause)) {
        e->cause = bt_is_undef(v) ? BT_NONE : v;
        e->suppress_context = true;
        return true;
    }
    if (name == BT_NAME(t, dunder_context)) {
        e->context = bt_is_undef(v) ? BT_NONE : v;
        return true;
    }
    if (strcmp(name->data, "__suppress_context__") == 0) {
        int b = bt_truthy(t, v);
        if (b < 0)
            return false;
        e->suppress_context = b;
        return true;
    }
    return bt_generic_setattr(t, self, name, v);
}

static BtValue exc_init_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    BtTuple *tup = bt_tuple_from(t, args, (size_t)nargs);
    if (!tup)
        return BT_UNDEF;
    as_exc(self)->args = tup;
    if (is_import_error(t, bt_type_of(t, self)) &&
        !import_error_set_fields(t, self, args, nargs, kwnames))
        return BT_UNDEF;
    return BT_NONE;
}

static BtValue exc_str_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__str__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return exc_str(t, self);
}

static BtValue exc_repr_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__repr__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return exc_repr(t, self);
}

static BtValue exc_with_traceback(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    if (!bt_check_args(t, "with_traceback", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    as_exc(self)->traceback = args[0];
    return self;
}

static const BtNativeDef exc_methods[] = {
    {"__init__", exc_init_method},
    {"__str__", exc_str_method},
    {"__repr__", exc_repr_method},
    {"with_traceback", exc_with_traceback},
    {NULL, NULL},
};

bool bt_exc_init_types(BtThread *t) {
    BtInterp *in = t->interp;
    BtType *tb = BT_TYPE(t, traceback);
    tb->instance_size = sizeof(BtTraceback);
    tb->trace = traceback_trace;
    tb->getattr = traceback_getattr;
    BtType *fr = BT_TYPE(t, tb_frame);
    fr->instance_size = sizeof(BtTracebackFrame);
    fr->trace = tb_frame_trace;
    fr->getattr = tb_frame_getattr;
    fr->repr = tb_frame_repr;
#define MAKE_EXC(name, basename)                                                                   \
    {                                                                                              \
        BtType *base = strcmp(#name, "BaseException") == 0 ? BT_TYPE(t, object)                  \
                                                           : in->exc.basename;                     \
        BtType *ty = bt_type_new_native(t, #name, base, sizeof(BtException));                      \
        if (!ty)                                                                                   \
            return false;                                                                          \
        in->exc.name = ty;                                                                         \
        ty->layout = BT_LAYOUT_EXCEPTION;                                                          \
        ty->flags |= BT_TYPE_BASETYPE;                                                             \
        ty->trace = exc_trace;                                                                     \
        ty->construct = exc_construct;                                                             \
        ty->repr = exc_repr;                                                                       \
        ty->str = exc_str;                                                                         \
        ty->getattr = exc_getattr;                                                                 \
        ty->setattr = exc_setattr;                                                                 \
    }
    BT_EXCEPTION_TYPES(MAKE_EXC)
#undef MAKE_EXC
    return bt_type_add_methods(t, in->exc.BaseException, exc_methods);
}

/* ---- printing tracebacks ---- */

/* Lines of a source file, cached by file name; NULL when it cannot be read. */
static BtList *source_lines(BtThread *t, BtStr *filename) {
    BtInterp *in = t->interp;
    if (!in->source_cache && !(in->source_cache = bt_dict_new(t)))
        return NULL;
    BtValue cached = bt_dict_get_str(in->source_cache, filename);
    if (!bt_is_undef(cached))
        return bt_is_none(cached) ? NULL : (BtList *)bt_as_obj(cached);
    BtValue lines = BT_NONE;
    BT_PUSH_ROOT(t, &lines);
    FILE *f = filename->data[0] == '<' ? NULL : fopen(filename->data, "rb");
    if (f) {
        BtList *l = bt_list_new(t, 0);
        lines = l ? bt_obj(l) : BT_NONE;
        char *buf = NULL;
        size_t cap = 0;
        ssize_t n;
        while (l && (n = getline(&buf, &cap, f)) >= 0) {
            BtStr *s = bt_str_new(t, buf, (size_t)n);
            if (!s || !bt_list_append(t, l, bt_obj(s)))
                break;
        }
        free(buf);
        fclose(f);
    }
    bool ok = bt_dict_set_str(t, in->source_cache, filename, lines);
    BT_POP_ROOT(t, 1);
    if (!ok)
        bt_take_exc(t);
    return bt_is_none(lines) ? NULL : (BtList *)bt_as_obj(lines);
}

/* Write line `lineno` of filename stripped of surrounding blanks, if available. */
static void print_source_line(BtThread *t, BtStr *filename, int lineno, FILE *out) {
    BtList *lines = source_lines(t, filename);
    if (!lines || lineno < 1 || (size_t)lineno > lines->len)
        return;
    BtStr *s = bt_as_str(lines->items[lineno - 1]);
    const char *p = s->data, *end = s->data + s->size;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    while (end > p && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (end > p)
        fprintf(out, "    %.*s\n", (int)(end - p), p);
}

/* sys.tracebacklimit as CPython's printer reads it: how many of the most
 * recent entries to print (0 for none, not even the header), or -1 unset. */
static int64_t traceback_limit(BtThread *t) {
    BtStr *sys_name = bt_str_intern_cstr(t, "sys"), *key = bt_str_intern_cstr(t, "tracebacklimit");
    if (!sys_name || !key) { /* out of memory while reporting: print it all */
        bt_take_exc(t);
        return -1;
    }
    BtValue sys = bt_dict_get_str(t->interp->modules, sys_name);
    if (!bt_is_obj(sys) || bt_as_obj(sys)->type != BT_TYPE(t, module))
        return -1;
    BtValue v = bt_dict_get_str(((BtModule *)bt_as_obj(sys))->dict, key);
    if (!bt_is_integer(v))
        return -1;
    int64_t limit;
    if (!bt_int_as_i64(v, &limit))
        limit = bt_int_sign(v) < 0 ? 0 : INT64_MAX;
    return limit < 0 ? 0 : limit;
}

static void print_traceback(BtThread *t, BtValue tbv, FILE *out) {
    BtTraceback *first = bt_is_obj(tbv) ? (BtTraceback *)bt_as_obj(tbv) : NULL;
    int64_t limit = traceback_limit(t), n = 0;
    for (BtTraceback *tb = first; tb; tb = tb->next)
        n++;
    if (limit == 0)
        return;
    for (; limit > 0 && n > limit; n--) /* keep the most recent entries */
        first = first->next;
    fputs("Traceback (most recent call last):\n", out);
    BtStr *last_file = NULL, *last_name = NULL;
    int last_line = -1, repeats = 0;
    for (BtTraceback *tb = first; tb; tb = tb->next) {
        BtCode *code = (BtCode *)bt_as_obj(tb->code);
        bool same = code->filename == last_file && code->name == last_name &&
                    tb->lineno == last_line;
        if (same && ++repeats >= 3)
            continue;
        if (!same) {
            if (repeats > 2)
                fprintf(out, "  [Previous line repeated %d more time%s]\n", repeats - 2,
                        repeats - 2 == 1 ? "" : "s");
            repeats = 0;
        }
        last_file = code->filename, last_name = code->name, last_line = tb->lineno;
        fprintf(out, "  File \"%s\", line %d, in %s\n", code->filename->data, tb->lineno,
                code->name->data);
        print_source_line(t, code->filename, tb->lineno, out);
    }
    if (repeats > 2)
        fprintf(out, "  [Previous line repeated %d more time%s]\n", repeats - 2,
                repeats - 2 == 1 ? "" : "s");
}

/* The SyntaxError block: location, source text and caret. */
static void print_syntax_error_location(BtThread *t, BtValue exc, FILE *out) {
    BtDict *d = as_exc(exc)->base.dict;
    if (!d)
        return;
    BtValue fn = bt_dict_get_str(d, BT_NAME(t, filename));
    BtValue ln = bt_dict_get_str(d, BT_NAME(t, lineno));
    BtValue off = bt_dict_get_str(d, BT_NAME(t, offset));
    BtValue text = bt_dict_get_str(d, BT_NAME(t, text));
    BtValue endoff = bt_dict_get_str(d, bt_str_intern_cstr(t, "end_offset"));
    if (!bt_is_str(t, fn) || !bt_is_intlike(ln))
        return;
    fprintf(out, "  File \"%s\", line %lld\n", bt_as_str(fn)->data, (long long)bt_as_int(ln));
    if (!bt_is_str(t, text))
        return;
    const char *p = bt_as_str(text)->data, *end = p + bt_as_str(text)->size;
    const char *start = p;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    while (end > p && (end[-1] == '\n' || end[-1] == '\r'))
        end--;
    fprintf(out, "    %.*s\n", (int)(end - p), p);
    if (bt_is_intlike(off) && bt_as_int(off) > 0) {
        int64_t col = bt_as_int(off) - 1 - (p - start);
        int64_t width = bt_is_intlike(endoff) && bt_as_int(endoff) > bt_as_int(off)
                            ? bt_as_int(endoff) - bt_as_int(off)
                            : 1;
        if (col < 0)
            col = 0;
        fputs("    ", out);
        for (int64_t i = 0; i < col; i++)
            fputc(' ', out);
        for (int64_t i = 0; i < width; i++)
            fputc('^', out);
        fputc('\n', out);
    }
}

/* ---- "Did you mean" (CPython 3.11's Python/suggestions.c, same costs) ---- */

enum { SUGGEST_MAX_ITEMS = 750, SUGGEST_MAX_STRING = 40, MOVE_COST = 2, CASE_COST = 1 };

static size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31))
        return MOVE_COST; /* not the same letter, not a case flip */
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a += 'a' - 'A';
    if (b >= 'A' && b <= 'Z')
        b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

/* Edit distance with moves costing 2 and case flips 1; max_cost + 1 once it
 * is sure to be above max_cost. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost) {
    while (na && nb && a[0] == b[0]) {
        a++, b++;
        na--, nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (na == 0 || nb == 0)
        return (na + nb) * MOVE_COST;
    if (na > SUGGEST_MAX_STRING || nb > SUGGEST_MAX_STRING)
        return max_cost + 1;
    if (nb < na) { /* the shorter one is the row */
        const char *s = a;
        a = b, b = s;
        size_t n = na;
        na = nb, nb = n;
    }
    if ((nb - na) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t row[SUGGEST_MAX_STRING];
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t distance = result = j * MOVE_COST, minimum = (size_t)-1;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = distance + substitution_cost(b[j], a[i]);
            distance = row[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The closest of n candidate names to `name`, or NULL: at most a third of
 * the characters changed, the first of equals winning. */
static BtStr *closest_name(BtThread *t, const BtValue *items, size_t n, BtStr *name) {
    if (n >= SUGGEST_MAX_ITEMS)
        return NULL;
    BtStr *best = NULL;
    size_t best_distance = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (!bt_is_str(t, items[i]))
            continue;
        BtStr *c = bt_as_str(items[i]);
        if (c->size == name->size && memcmp(c->data, name->data, c->size) == 0)
            continue;
        size_t max = (name->size + c->size + 3) * MOVE_COST / 6;
        if (best && best_distance - 1 < max)
            max = best_distance - 1;
        size_t d = edit_distance(name->data, name->size, c->data, c->size, max);
        if (d > max)
            continue;
        if (!best || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

/* The keys of d, in order, into a new list (NULL without memory). */
static BtList *dict_keys(BtThread *t, BtDict *d) {
    BtList *l = bt_list_new(t, 0);
    BtValue lv = l ? bt_obj(l) : BT_UNDEF;
    BT_PUSH_ROOT(t, &lv);
    size_t pos = 0;
    BtValue k, v;
    while (l && bt_dict_next(d, &pos, &k, &v))
        if (!bt_list_append(t, l, k))
            l = NULL;
    BT_POP_ROOT(t, 1);
    return l;
}

static BtException *pending_exception(BtThread *t, BtType *type) {
    if (!bt_is_obj(t->exc) || !bt_isinstance(t, t->exc, type))
        return NULL;
    return (BtException *)bt_as_obj(t->exc);
}

void bt_exc_hint_attribute(BtThread *t, BtValue obj, BtStr *name) {
    BtException *e = pending_exception(t, BT_EXC(t, AttributeError));
    if (e) {
        e->hint_name = bt_obj(name);
        e->hint_obj = obj;
    }
}

void bt_exc_hint_name(BtThread *t, BtStr *name, BtCode *code, BtDict *globals) {
    BtException *e = pending_exception(t, BT_EXC(t, NameError));
    if (!e)
        return;
    /* Searched only if the traceback is printed, as CPython does: a NameError
     * caught in a loop costs nothing more. */
    e->hint_name = bt_obj(name);
    e->hint_obj = globals ? bt_obj(globals) : BT_UNDEF;
    e->hint = code ? bt_obj(code) : BT_UNDEF;
}

/* A NameError's suggestion: the code's variables, then globals, then builtins. */
static BtStr *closest_variable(BtThread *t, BtException *e) {
    BtStr *name = bt_as_str(e->hint_name);
    BtStr *best = NULL;
    if (bt_is_obj(e->hint) && bt_as_obj(e->hint)->type == BT_TYPE(t, code)) {
        BtCode *code = (BtCode *)bt_as_obj(e->hint);
        if (code->varnames)
            best = closest_name(t, code->varnames->items, code->varnames->len, name);
    }
    BtDict *scopes[2] = {bt_is_obj(e->hint_obj) ? (BtDict *)bt_as_obj(e->hint_obj) : NULL,
                         t->interp->builtins};
    for (int i = 0; i < 2 && !best; i++) {
        BtList *keys = scopes[i] ? dict_keys(t, scopes[i]) : NULL;
        BtValue kv = keys ? bt_obj(keys) : BT_UNDEF;
        BT_PUSH_ROOT(t, &kv);
        if (keys)
            best = closest_name(t, keys->items, keys->len, name);
        BT_POP_ROOT(t, 1);
    }
    bt_take_exc(t); /* running out of memory here only costs the hint */
    return best;
}

/* The name to suggest for exc, or NULL, looked for now, as CPython's
 * traceback printing does (dir() of an AttributeError's object). */
static BtStr *suggestion_for(BtThread *t, BtException *e) {
    if (!bt_is_str(t, e->hint_name))
        return NULL;
    if (bt_isinstance(t, bt_obj(e), BT_EXC(t, NameError)))
        return closest_variable(t, e);
    if (bt_is_undef(e->hint_obj))
        return NULL;
    BtValue dir = bt_dict_get_str(t->interp->builtins, bt_str_intern_cstr(t, "dir"));
    BtValue names = bt_is_undef(dir) ? BT_UNDEF : bt_call(t, dir, &e->hint_obj, 1, NULL);
    BT_PUSH_ROOT(t, &names);
    BtStr *best = NULL;
    if (bt_is_list(t, names))
        best = closest_name(t, bt_as_list(names)->items, bt_as_list(names)->len,
                            bt_as_str(e->hint_name));
    bt_take_exc(t);
    BT_POP_ROOT(t, 1);
    return best;
}

static void print_final_line(BtThread *t, BtValue exc, FILE *out) {
    BtType *ty = bt_type_of(t, exc);
    const char *mod = ty->module ? ty->module->data : "builtins";
    if (strcmp(mod, "builtins") != 0 && strcmp(mod, "__main__") != 0)
        fprintf(out, "%s.", mod);
    fputs(ty->qualname->data, out);
    BtValue s = bt_str(t, exc);
    if (bt_is_undef(s)) {
        bt_take_exc(t);
        fputs(": <exception str() failed>\n", out);
        return;
    }
    BT_PUSH_ROOT(t, &s);
    BtStr *str = bt_as_str(s);
    if (str->size > 0) {
        fputs(": ", out);
        fwrite(str->data, 1, str->size, out);
    }
    BtStr *hint = is_exception(t, exc) ? suggestion_for(t, as_exc(exc)) : NULL;
    if (hint)
        fprintf(out, ". Did you mean: '%s'?", hint->data);
    BT_POP_ROOT(t, 1);
    fputc('\n', out);
}

static void print_one(BtThread *t, BtValue exc, FILE *out, int depth) {
    if (!is_exception(t, exc)) {
        fprintf(out, "%s\n", bt_type_name(t, exc));
        return;
    }
    BtException *e = as_exc(exc);
    if (depth < 100) {
        if (is_exception(t, e->cause)) {
            print_one(t, e->cause, out, depth + 1);
            fputs("\nThe above exception was the direct cause of the following exception:\n\n",
                  out);
        } else if (is_exception(t, e->context) && !e->suppress_context) {
            print_one(t, e->context, out, depth + 1);
            fputs("\nDuring handling of the above exception, another exception occurred:\n\n",
                  out);
        }
    }
    if (bt_is_obj(e->traceback))
        print_traceback(t, e->traceback, out);
    if (bt_issubtype(bt_type_of(t, exc), BT_EXC(t, SyntaxError)))
        print_syntax_error_location(t, exc, out);
    print_final_line(t, exc, out);
}

void bt_exc_write_unraisable(BtThread *t, BtValue err_msg, BtValue obj, BtValue exc) {
    BT_PUSH_ROOT(t, &exc);
    BT_PUSH_ROOT(t, &obj);
    BT_PUSH_ROOT(t, &err_msg);
    fflush(stdout);
    if (!bt_is_none(obj)) {
        BtValue r = bt_repr(t, obj);
        if (bt_is_undef(r))
            bt_take_exc(t);
        fprintf(stderr, "%s: %s\n",
                bt_is_str(t, err_msg) ? bt_as_str(err_msg)->data : "Exception ignored in",
                bt_is_undef(r) ? "<object repr() failed>" : bt_as_str(r)->data);
    } else if (bt_is_str(t, err_msg)) {
        fprintf(stderr, "%s:\n", bt_as_str(err_msg)->data);
    }
    bt_exc_print(t, exc, stderr);
    fflush(stderr);
    BT_POP_ROOT(t, 3);
}

/* Hand an unraisable exception to a sys.unraisablehook the program set;
 * false when it has set none (or sys is not there yet). */
static bool call_unraisable_hook(BtThread *t, BtValue err_msg, BtValue obj, BtValue exc) {
    BtValue hook = bt_import_sys_attr(t, "unraisablehook");
    if (bt_is_undef(hook) || !t->interp->unraisable_args)
        return false;
    BT_PUSH_ROOT(t, &hook);
    BtValue dflt = bt_import_sys_attr(t, "__unraisablehook__");
    bool custom = !bt_same(hook, dflt);
    if (custom) {
        BtValue items[5] = {bt_obj(bt_as_obj(exc)->type), exc, as_exc(exc)->traceback, err_msg,
                            obj};
        BtValue args = bt_structseq_new(t, t->interp->unraisable_args, items);
        BT_PUSH_ROOT(t, &args);
        BtValue r = bt_is_undef(args) ? BT_UNDEF : bt_call(t, hook, &args, 1, NULL);
        BT_POP_ROOT(t, 1);
        if (bt_is_undef(r)) { /* as CPython: the hook's own failure is what gets reported */
            BtValue failed = bt_take_exc(t);
            BT_PUSH_ROOT(t, &failed);
            BtStr *msg = bt_str_from_cstr(t, "Exception ignored in sys.unraisablehook");
            bt_exc_write_unraisable(t, msg ? bt_obj(msg) : BT_NONE, hook, failed);
            BT_POP_ROOT(t, 1);
        }
    }
    BT_POP_ROOT(t, 1);
    return custom;
}

void bt_exc_report_unraisable(BtThread *t, const char *where, BtValue obj, BtValue exc) {
    BtValue err_msg = BT_NONE;
    BT_PUSH_ROOT(t, &exc);
    BT_PUSH_ROOT(t, &obj);
    BT_PUSH_ROOT(t, &err_msg);
    /* An exception raised by C code that no frame has seen (close()'s
     * "ignored GeneratorExit") shows the frame running now, as CPython's. */
    BtFrame *f = t->frame;
    if (is_exception(t, exc) && bt_is_none(as_exc(exc)->traceback) && f && f->code) {
        BtValue pending = t->exc;
        t->exc = exc;
        bt_exc_add_traceback(t, bt_obj(f->code), bt_code_line(f->code, bt_frame_lasti(f)));
        t->exc = pending;
    }
    if (strcmp(where, "in") != 0) { /* "Exception ignored in" is the hook's default text */
        BtStr *msg = bt_str_format(t, "Exception ignored %s", where);
        err_msg = msg ? bt_obj(msg) : BT_NONE;
    }
    if (!is_exception(t, exc) || !call_unraisable_hook(t, err_msg, obj, exc))
        bt_exc_write_unraisable(t, err_msg, obj, exc);
    BT_POP_ROOT(t, 3);
}

void bt_exc_print(BtThread *t, BtValue exc, FILE *out) {
    BtValue saved = t->exc, keep = exc;
    t->exc = BT_UNDEF;
    BT_PUSH_ROOT(t, &keep);
    BT_PUSH_ROOT(t, &saved);
    print_one(t, exc, out, 0);
    BT_POP_ROOT(t, 2);
    t->exc = saved;
    fflush(out);
}
