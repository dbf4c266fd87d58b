/* mod_itertools.c: the _itertools module (stdlib stage; see stdlib/README.md).
 *
 * itertools.py (stdlib/lib/) is Baton's own Python; the iterators that
 * pipelines lean on most (count, repeat, islice, chain) are C here, one
 * small struct and one next slot each, so a step costs no Python frame.
 */
#include <string.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

/* One layout for the four: what they step through, and two counters. */
typedef struct {
    BtObject hdr;
    BtValue a;   /* count: the next value; repeat: the object; islice, chain: an iterator */
    BtValue b;   /* count: the step; chain: the iterator of iterables */
    int64_t n;   /* repeat: times left (-1: forever); islice: the next index it yields */
    int64_t m;   /* islice: the stop (-1: none) */
    int64_t pos; /* islice: items taken from the source so far (its step is in b) */
} BtItObj;

static void itobj_trace(BtGc *gc, BtObject *self) {
    bt_gc_mark(gc, ((BtItObj *)self)->a);
    bt_gc_mark(gc, ((BtItObj *)self)->b);
}

static BtItObj *itobj_new(BtThread *t, BtType *type, BtValue a, BtValue b) {
    BT_PUSH_ROOT(t, &a);
    BT_PUSH_ROOT(t, &b);
    BtItObj *it = bt_gc_alloc(t, type, type->instance_size);
    BT_POP_ROOT(t, 2);
    if (it) {
        it->a = a;
        it->b = b;
    }
    return it;
}

static BtItObj *as_it(BtValue v) {
    return (BtItObj *)bt_as_obj(v);
}

/* ---- count(start=0, step=1) ---- */

static BtValue count_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    static const char *const params[] = {"|start", "step", NULL};
    BtValue a[2];
    if (!bt_parse_args(t, "count", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    BtValue start = bt_is_undef(a[0]) ? bt_int(0) : a[0];
    BtValue step = bt_is_undef(a[1]) ? bt_int(1) : a[1];
    double d;
    if (!bt_num_as_double(start, &d) || !bt_num_as_double(step, &d)) {
        bt_raise(t, BT_EXC(t, TypeError), "a number is required");
        return BT_UNDEF;
    }
    BtItObj *it = itobj_new(t, type, start, step);
    return it ? bt_obj(it) : BT_UNDEF;
}

static BtValue count_next(BtThread *t, BtValue self) {
    BtItObj *it = as_it(self);
    BtValue v = it->a;
    BT_PUSH_ROOT(t, &v);
    BtValue next = bt_binary_op(t, BT_BINOP_ADD, v, it->b);
    BT_POP_ROOT(t, 1);
    if (bt_is_undef(next))
        return BT_UNDEF;
    it->a = next;
    return v;
}

static BtValue count_repr(BtThread *t, BtValue self) {
    BtItObj *it = as_it(self);
    bool unit = bt_is_int(it->b) && bt_as_int(it->b) == 1;
    BtStr *s = unit ? bt_str_format(t, "count(%R)", it->a)
                    : bt_str_format(t, "count(%R, %R)", it->a, it->b);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* ---- repeat(object[, times]) ---- */

static BtValue repeat_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    static const char *const params[] = {"object", "|times", NULL};
    BtValue a[2];
    if (!bt_parse_args(t, "repeat", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    int64_t times = -1;
    if (!bt_is_undef(a[1])) {
        if (!bt_int_index(t, a[1], &times))
            return BT_UNDEF;
        if (times < 0)
            times = 0;
    }
    BtItObj *it = itobj_new(t, type, a[0], BT_NONE);
    if (!it)
        return BT_UNDEF;
    it->n = times;
    return bt_obj(it);
}

static BtValue repeat_next(BtThread *t, BtValue self) {
    (void)t;
    BtItObj *it = as_it(self);
    if (it->n == 0)
        return BT_UNDEF;
    if (it->n > 0)
        it->n--;
    return it->a;
}

static BtValue repeat_repr(BtThread *t, BtValue self) {
    BtItObj *it = as_it(self);
    BtStr *s = it->n < 0 ? bt_str_format(t, "repeat(%R)", it->a)
                         : bt_str_format(t, "repeat(%R, %lld)", it->a, (long long)it->n);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* ---- islice(iterable, stop) / islice(iterable, start, stop[, step]) ---- */

/* A None or a non-negative int index argument; -1 for None. */
static bool islice_arg(BtThread *t, BtValue v, const char *what, int64_t *out) {
    if (bt_is_none(v)) {
        *out = -1;
        return true;
    }
    BtValue n = bt_unbox(v);
    if (!bt_is_integer(n) || !bt_int_as_i64(n, out) || *out < 0) {
        bt_raise(t, BT_EXC(t, ValueError),
                 "%s argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
                 what);
        return false;
    }
    return true;
}

static BtValue islice_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "islice() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs < 2 || nargs > 4) {
        bt_raise(t, BT_EXC(t, TypeError), "islice expected %s arguments, got %d",
                 nargs < 2 ? "at least 2" : "at most 4", nargs);
        return BT_UNDEF;
    }
    int64_t start = 0, stop, step = 1;
    if (nargs == 2) {
        if (!islice_arg(t, args[1], "Stop", &stop))
            return BT_UNDEF;
    } else {
        if (!islice_arg(t, args[1], "Indices", &start) ||
            !islice_arg(t, args[2], "Stop", &stop))
            return BT_UNDEF;
        if (start < 0)
            start = 0;
        if (nargs == 4 && !bt_is_none(args[3])) {
            if (!bt_is_integer(args[3]) || !bt_int_as_i64(args[3], &step) || step <= 0) {
                bt_raise(t, BT_EXC(t, ValueError),
                         "Step for islice() must be a positive integer or None.");
                return BT_UNDEF;
            }
        }
    }
    BtValue source = bt_iter(t, args[0]);
    if (bt_is_undef(source))
        return BT_UNDEF;
    /* A step past the inline range skips more items than any source can give. */
    BtItObj *it = itobj_new(t, type, source, bt_int(step < BT_INT_INLINE_MAX ? step : BT_INT_INLINE_MAX));
    if (!it)
        return BT_UNDEF;
    it->n = start;
    it->m = stop;
    return bt_obj(it);
}

static BtValue islice_next(BtThread *t, BtValue self) {
    BtItObj *it = as_it(self);
    if (bt_is_undef(it->a))
        return BT_UNDEF;
    BtValue v;
    while (it->pos < it->n) { /* skip up to the next index wanted */
        v = bt_next_keep_stop(t, it->a);
        if (bt_is_undef(v))
            goto empty;
        it->pos++;
    }
    if (it->m >= 0 && it->pos >= it->m)
        goto empty;
    v = bt_next_keep_stop(t, it->a);
    if (bt_is_undef(v))
        goto empty;
    it->pos++;
    int64_t before = it->n;
    it->n += bt_as_int(it->b);
    if (it->n < before || (it->m >= 0 && it->n > it->m))
        it->n = it->m;
    return v;
empty:
    it->a = BT_UNDEF;
    return BT_UNDEF;
}

/* ---- chain(*iterables), chain.from_iterable(iterables) ---- */

static BtValue chain_make(BtThread *t, BtType *type, BtValue iterables) {
    BtValue source = bt_iter(t, iterables);
    if (bt_is_undef(source))
        return BT_UNDEF;
    BtItObj *it = itobj_new(t, type, BT_UNDEF, source);
    return it ? bt_obj(it) : BT_UNDEF;
}

static BtValue chain_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "chain() takes no keyword arguments");
        return BT_UNDEF;
    }
    BtValue all = bt_obj(bt_tuple_from(t, args, (size_t)nargs));
    if (!bt_as_obj(all))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &all); /* until its iterator holds it */
    BtValue r = chain_make(t, type, all);
    BT_POP_ROOT(t, 1);
    return r;
}

static BtValue chain_from_iterable(BtThread *t, BtValue self, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    /* A class method: the class comes first (or as self, when bound). */
    if (bt_is_undef(self) && nargs > 0)
        self = args[0], args++, nargs--;
    if (!bt_check_args(t, "from_iterable", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtType *type = bt_is_class(t, self)
                       ? (BtType *)bt_as_obj(self)
                       : NULL;
    if (!type) {
        bt_raise(t, BT_EXC(t, TypeError), "from_iterable() needs the chain class");
        return BT_UNDEF;
    }
    return chain_make(t, type, args[0]);
}

static BtValue chain_next(BtThread *t, BtValue self) {
    BtItObj *it = as_it(self);
    for (;;) {
        if (bt_is_undef(it->b))
            return BT_UNDEF;
        if (bt_is_undef(it->a)) {
            BtValue next = bt_next(t, it->b);
            if (bt_is_undef(next)) {
                if (!bt_has_exc(t))
                    it->b = BT_UNDEF;
                return BT_UNDEF;
            }
            BT_PUSH_ROOT(t, &next);
            BtValue sub = bt_iter(t, next);
            BT_POP_ROOT(t, 1);
            if (bt_is_undef(sub))
                return BT_UNDEF;
            it->a = sub;
        }
        BtValue v = bt_next(t, it->a);
        if (!bt_is_undef(v) || bt_has_exc(t))
            return v;
        it->a = BT_UNDEF; /* this one is done: on to the next iterable */
    }
}

/* ---- the module ---- */

static bool add_type(BtThread *t, BtModule *m, const char *name,
                     BtValue (*construct)(BtThread *, BtType *, BtValue *, int, BtTuple *),
                     BtValue (*next)(BtThread *, BtValue), BtValue (*repr)(BtThread *, BtValue),
                     BtType **out) {
    BtType *type = bt_type_new_native(t, name, NULL, sizeof(BtItObj));
    if (!type)
        return false;
    BtValue tv = bt_obj(type);
    BT_PUSH_ROOT(t, &tv);
    type->flags |= BT_TYPE_BASETYPE;
    type->construct = construct;
    if (repr)
        type->repr = repr;
    type->module = bt_str_intern_cstr(t, "itertools");
    bool ok = type->module && bt_iter_setup_type(t, type, sizeof(BtItObj), next, itobj_trace) &&
              bt_module_set(t, m, name, tv);
    BT_POP_ROOT(t, 1);
    if (out)
        *out = type;
    return ok;
}

BtModule *bt_mod_itertools_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "_itertools");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    BtType *chain = NULL;
    bool ok = add_type(t, m, "count", count_construct, count_next, count_repr, NULL) &&
              add_type(t, m, "repeat", repeat_construct, repeat_next, repeat_repr, NULL) &&
              add_type(t, m, "islice", islice_construct, islice_next, NULL, NULL) &&
              add_type(t, m, "chain", chain_construct, chain_next, NULL, &chain) &&
              bt_type_add_static(t, chain, "from_iterable", chain_from_iterable, true);
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
