/* iter.c: the generic iterators, and helpers shared by the containers (vm stage).
 *
 * seq_iter serves iter(x) for a class with __getitem__ but no __iter__, and
 * callable_iter serves iter(f, sentinel). The rest of this file is what
 * list.c, dict.c and range.c share (container_internal.h): CPython's
 * argument-count messages, the repr buffer, sequence comparison and index
 * conversion.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/container_internal.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/range.h"
#include "vm/str.h"

/* ---- argument-count messages ---- */

static bool no_keywords(BtThread *t, const char *qual, BtTuple *kwnames) {
    if (bt_kwcount(kwnames) == 0)
        return true;
    bt_raise(t, BT_EXC(t, TypeError), "%s() takes no keyword arguments", qual);
    return false;
}

bool bt_args_none(BtThread *t, const char *qual, int nargs, BtTuple *kwnames) {
    if (!no_keywords(t, qual, kwnames))
        return false;
    if (nargs == 0)
        return true;
    bt_raise(t, BT_EXC(t, TypeError), "%s() takes no arguments (%d given)", qual, nargs);
    return false;
}

bool bt_args_one(BtThread *t, const char *qual, int nargs, BtTuple *kwnames) {
    if (!no_keywords(t, qual, kwnames))
        return false;
    if (nargs == 1)
        return true;
    bt_raise(t, BT_EXC(t, TypeError), "%s() takes exactly one argument (%d given)", qual, nargs);
    return false;
}

bool bt_args_range(BtThread *t, const char *qual, const char *name, int nargs,
                   BtTuple *kwnames, int min, int max) {
    if (!no_keywords(t, qual, kwnames))
        return false;
    if (nargs >= min && nargs <= max)
        return true;
    int n = nargs < min ? min : max;
    const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
    bt_raise(t, BT_EXC(t, TypeError), "%s expected %s%d argument%s, got %d", name, how, n,
             n == 1 ? "" : "s", nargs);
    return false;
}

/* ---- the repr buffer ---- */

bool bt_reprbuf_put(BtThread *t, BtReprBuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            bt_raise_memory(t);
            return false;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return true;
}

bool bt_reprbuf_repr(BtThread *t, BtReprBuf *b, BtValue v) {
    if (bt_is_int(v)) {
        char num[24];
        int n = snprintf(num, sizeof num, "%" PRId64, bt_as_i64(v));
        return bt_reprbuf_put(t, b, num, (size_t)n);
    }
    BtStr *s;
    if (bt_is_str(t, v)) {
        s = bt_str_repr(t, bt_as_str(v));
        if (!s)
            return false;
    } else {
        BtValue r = bt_repr(t, v);
        if (bt_is_undef(r))
            return false;
        s = bt_as_str(r);
    }
    /* s is fresh, but copying it allocates nothing on the GC heap. */
    return bt_reprbuf_put(t, b, s->data, s->size);
}

void bt_reprbuf_free(BtReprBuf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

BtValue bt_reprbuf_finish(BtThread *t, BtReprBuf *b) {
    BtStr *s = bt_str_new(t, b->data ? b->data : "", b->len);
    bt_reprbuf_free(b);
    return s ? bt_obj(s) : BT_UNDEF;
}

BtValue bt_cstr_value(BtThread *t, const char *s) {
    BtStr *str = bt_str_from_cstr(t, s);
    return str ? bt_obj(str) : BT_UNDEF;
}

/* ---- comparison and conversion ---- */

/* Items and length of a list or tuple, read afresh. */
static inline void seq_parts(BtThread *t, BtValue v, BtValue **items, size_t *n) {
    if (bt_is_list(t, v)) {
        *items = bt_as_list(v)->items;
        *n = bt_as_list(v)->len;
    } else {
        *items = bt_as_tuple(v)->items;
        *n = bt_as_tuple(v)->len;
    }
}

static bool compare_sizes(size_t a, size_t b, BtCompareOp op) {
    switch (op) {
    case BT_COMPARE_LT: return a < b;
    case BT_COMPARE_LE: return a <= b;
    case BT_COMPARE_EQ: return a == b;
    case BT_COMPARE_NE: return a != b;
    case BT_COMPARE_GT: return a > b;
    case BT_COMPARE_GE: return a >= b;
    }
    return false;
}

BtValue bt_seq_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    BtValue *ia, *ib;
    size_t na, nb;
    seq_parts(t, a, &ia, &na);
    seq_parts(t, b, &ib, &nb);
    if (bt_as_obj(a) == bt_as_obj(b)) /* every item is itself: CPython's identity rule */
        return bt_bool(compare_sizes(na, na, op));
    if (na != nb && (op == BT_COMPARE_EQ || op == BT_COMPARE_NE))
        return bt_bool(op == BT_COMPARE_NE);
    BtValue x = BT_NONE, y = BT_NONE, result = BT_UNDEF;
    BT_PUSH_ROOT(t, &x);
    BT_PUSH_ROOT(t, &y);
    size_t i;
    for (i = 0;; i++) {
        seq_parts(t, a, &ia, &na);
        seq_parts(t, b, &ib, &nb);
        if (i >= na || i >= nb)
            break;
        x = ia[i];
        y = ib[i];
        if (bt_is_int(x) && bt_is_int(y)) {
            if (bt_as_i64(x) != bt_as_i64(y))
                goto differ;
            continue;
        }
        if (bt_same(x, y))
            continue;
        int eq = bt_equal(t, x, y);
        if (eq < 0)
            goto done;
        if (!eq)
            goto differ;
    }
    result = bt_bool(compare_sizes(na, nb, op));
    goto done;
differ:
    if (op == BT_COMPARE_EQ || op == BT_COMPARE_NE)
        result = bt_bool(op == BT_COMPARE_NE);
    else if (bt_is_int(x) && bt_is_int(y))
        result = bt_bool(compare_sizes((size_t)(bt_as_i64(x) ^ INT64_MIN), (size_t)(bt_as_i64(y) ^ INT64_MIN),
                                       op));
    else
        result = bt_compare(t, x, y, op);
done:
    BT_POP_ROOT(t, 2);
    return result;
}

/* A big int as an index, clamped to 64 bits as CPython clamps slice bounds. */
static int clamped(BtValue v, int64_t *out) {
    if (!bt_int_as_i64(v, out))
        *out = bt_int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
    return 1;
}

int bt_index_of(BtThread *t, BtValue v, int64_t *out) {
    if (bt_is_intlike(v)) {
        *out = bt_as_int(v);
        return 1;
    }
    if (bt_is_bigint(v))
        return clamped(v, out);
    if (!bt_is_obj(v))
        return 0;
    BtType *type = bt_type_of(t, v);
    if (!(type->flags & BT_TYPE_HEAPTYPE))
        return 0;
    BtValue fn = bt_type_lookup(type, BT_NAME(t, dunder_index));
    if (bt_is_undef(fn))
        return 0;
    BtValue r = bt_call(t, fn, &v, 1, NULL);
    if (bt_is_undef(r))
        return -1;
    if (!bt_is_integer(r)) {
        bt_raise(t, BT_EXC(t, TypeError), "__index__ returned non-int (type %T)", r);
        return -1;
    }
    if (bt_is_bigint(r))
        return clamped(r, out);
    *out = bt_as_int(r);
    return 1;
}

bool bt_index_or_raise(BtThread *t, BtValue v, int64_t *out) {
    if (bt_is_bigint(v))
        return bt_int_index(t, v, out); /* OverflowError: no clamping here */
    int r = bt_index_of(t, v, out);
    if (r == 0)
        bt_raise(t, BT_EXC(t, TypeError), "'%T' object cannot be interpreted as an integer", v);
    return r == 1;
}

bool bt_user_defines(BtThread *t, BtValue v, BtStr *name) {
    BtType *type = bt_type_of(t, v);
    if (!(type->flags & BT_TYPE_HEAPTYPE))
        return false;
    /* A built-in base's own method (int.__radd__) is not the class's doing. */
    BtValue m = bt_type_lookup(type, name);
    return !bt_is_undef(m) && !(bt_is_obj(m) && bt_as_obj(m)->type == BT_TYPE(t, native) &&
                                ((BtNative *)bt_as_obj(m))->owner != NULL);
}

void bt_raise_key_error(BtThread *t, BtValue key) {
    BT_PUSH_ROOT(t, &key); /* callers often hold a fresh message str */
    BtValue exc = bt_exc_new(t, BT_EXC(t, KeyError), &key, 1);
    BT_POP_ROOT(t, 1);
    if (!bt_is_undef(exc))
        bt_raise_value(t, exc);
}

/* ---- seq_iter: iter() over __getitem__ ---- */

typedef struct {
    BtObject hdr;
    BtValue seq;   /* BT_UNDEF once exhausted */
    int64_t index; /* next index to ask for */
} BtSeqIter;

static void seq_iter_trace(BtGc *gc, BtObject *self) {
    bt_gc_mark(gc, ((BtSeqIter *)self)->seq);
}

BtValue bt_seq_iter_new(BtThread *t, BtValue seq) {
    BtSeqIter *it = bt_gc_alloc(t, BT_TYPE(t, seq_iter), sizeof(BtSeqIter));
    if (!it)
        return BT_UNDEF;
    it->seq = seq;
    return bt_obj(it);
}

static BtValue seq_iter_next(BtThread *t, BtValue self) {
    BtSeqIter *it = (BtSeqIter *)bt_as_obj(self);
    if (bt_is_undef(it->seq))
        return BT_UNDEF;
    BtValue v = bt_getitem(t, it->seq, bt_int(it->index));
    if (bt_is_undef(v)) {
        if (bt_exc_pending_is(t, BT_EXC(t, IndexError)) ||
            bt_exc_pending_is(t, BT_EXC(t, StopIteration))) {
            bt_take_exc(t);
            it->seq = BT_UNDEF;
        }
        return BT_UNDEF;
    }
    it->index++;
    return v;
}

/* ---- callable_iter: iter(callable, sentinel) ---- */

typedef struct {
    BtObject hdr;
    BtValue callable; /* BT_UNDEF once exhausted */
    BtValue sentinel;
} BtCallableIter;

static void callable_iter_trace(BtGc *gc, BtObject *self) {
    BtCallableIter *it = (BtCallableIter *)self;
    bt_gc_mark(gc, it->callable);
    bt_gc_mark(gc, it->sentinel);
}

BtValue bt_callable_iter_new(BtThread *t, BtValue callable, BtValue sentinel) {
    BtCallableIter *it = bt_gc_alloc(t, BT_TYPE(t, callable_iter), sizeof(BtCallableIter));
    if (!it)
        return BT_UNDEF;
    it->callable = callable;
    it->sentinel = sentinel;
    return bt_obj(it);
}

static BtValue callable_iter_next(BtThread *t, BtValue self) {
    BtCallableIter *it = (BtCallableIter *)bt_as_obj(self);
    if (bt_is_undef(it->callable))
        return BT_UNDEF;
    /* iter(iter(f, s).__next__, s)... nests C calls without Python frames. */
    if (!bt_c_stack_ok(t, ""))
        return BT_UNDEF;
    BtValue r = bt_call(t, it->callable, NULL, 0, NULL);
    if (bt_is_undef(r)) {
        if (bt_exc_pending_is(t, BT_EXC(t, StopIteration))) {
            bt_take_exc(t);
            it->callable = it->sentinel = BT_UNDEF;
        }
        return BT_UNDEF;
    }
    BT_PUSH_ROOT(t, &r);
    int eq = bt_is_undef(it->callable) ? 0 : bt_equal(t, r, it->sentinel);
    BT_POP_ROOT(t, 1);
    if (eq < 0)
        return BT_UNDEF;
    if (eq) {
        it->callable = it->sentinel = BT_UNDEF;
        return BT_UNDEF;
    }
    return r;
}

static BtValue iter_self(BtThread *t, BtValue self) {
    (void)t;
    return self;
}

static BtValue iter_dunder_iter(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "__iter__", nargs, kwnames))
        return BT_UNDEF;
    return self;
}

static BtValue iter_dunder_next(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "__next__", nargs, kwnames))
        return BT_UNDEF;
    /* The built-in's own next: a subclass's slot would call back here. */
    BtValue v = bt_type_of(t, self)->native->next(t, self);
    if (bt_is_undef(v) && !bt_has_exc(t))
        bt_raise_empty(t, BT_EXC(t, StopIteration));
    return v;
}

/* __iter__ and __next__ as methods, for every native iterator type. */
static const BtNativeDef iterator_methods[] = {
    {"__iter__", iter_dunder_iter},
    {"__next__", iter_dunder_next},
    {NULL, NULL},
};

/* ---- dunder methods of the container types, for explicit calls ---- */

/* The slots of the built-in type whose layout self has (its own, or the
 * built-in base of a subclass), so super().__getitem__ cannot loop back
 * into an override; and "list.__getitem__" for messages. */
static BtType *native_of(BtThread *t, BtValue self, const char *dunder, char *qual, size_t n) {
    BtType *nt = bt_type_of(t, self)->native;
    snprintf(qual, n, "%s.%s", nt->name->data, dunder);
    return nt;
}

static BtValue dunder_getitem(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    char qual[64];
    BtType *nt = native_of(t, self, "__getitem__", qual, sizeof qual);
    if (!bt_args_one(t, qual, nargs, kwnames))
        return BT_UNDEF;
    return nt->getitem(t, self, args[0]);
}

static BtValue dunder_setitem(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    char qual[64];
    BtType *nt = native_of(t, self, "__setitem__", qual, sizeof qual);
    if (!bt_args_range(t, qual, "__setitem__", nargs, kwnames, 2, 2))
        return BT_UNDEF;
    return nt->setitem(t, self, args[0], args[1]) ? BT_NONE : BT_UNDEF;
}

static BtValue dunder_delitem(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    char qual[64];
    BtType *nt = native_of(t, self, "__delitem__", qual, sizeof qual);
    if (!bt_args_one(t, qual, nargs, kwnames))
        return BT_UNDEF;
    return nt->setitem(t, self, args[0], BT_UNDEF) ? BT_NONE : BT_UNDEF;
}

static BtValue dunder_len(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    (void)args;
    char qual[64];
    BtType *nt = native_of(t, self, "__len__", qual, sizeof qual);
    if (!bt_args_none(t, qual, nargs, kwnames))
        return BT_UNDEF;
    int64_t n = nt->len(t, self);
    return n < 0 ? BT_UNDEF : bt_int(n);
}

static BtValue dunder_contains(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    char qual[64];
    BtType *nt = native_of(t, self, "__contains__", qual, sizeof qual);
    if (!bt_args_one(t, qual, nargs, kwnames))
        return BT_UNDEF;
    int r = nt->contains(t, self, args[0]);
    return r < 0 ? BT_UNDEF : bt_bool(r);
}

static BtValue dunder_iter(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    (void)args;
    char qual[64];
    BtType *nt = native_of(t, self, "__iter__", qual, sizeof qual);
    if (!bt_args_none(t, qual, nargs, kwnames))
        return BT_UNDEF;
    return nt->iter(t, self);
}

bool bt_add_container_dunders(BtThread *t, BtType *type) {
    BtNativeDef defs[7];
    int n = 0;
    if (type->getitem)
        defs[n++] = (BtNativeDef){"__getitem__", dunder_getitem};
    if (type->setitem) {
        defs[n++] = (BtNativeDef){"__setitem__", dunder_setitem};
        defs[n++] = (BtNativeDef){"__delitem__", dunder_delitem};
    }
    if (type->len)
        defs[n++] = (BtNativeDef){"__len__", dunder_len};
    if (type->contains)
        defs[n++] = (BtNativeDef){"__contains__", dunder_contains};
    if (type->iter)
        defs[n++] = (BtNativeDef){"__iter__", dunder_iter};
    defs[n] = (BtNativeDef){NULL, NULL};
    return bt_type_add_methods(t, type, defs);
}

bool bt_iter_setup_type(BtThread *t, BtType *type, size_t size, BtValue (*next)(BtThread *, BtValue),
                        void (*trace)(BtGc *, BtObject *)) {
    type->instance_size = size;
    type->iter = iter_self;
    type->next = next;
    type->trace = trace;
    return bt_type_add_methods(t, type, iterator_methods);
}

bool bt_iter_init_types(BtThread *t) {
    return bt_iter_setup_type(t, BT_TYPE(t, seq_iter), sizeof(BtSeqIter), seq_iter_next,
                              seq_iter_trace) &&
           bt_iter_setup_type(t, BT_TYPE(t, callable_iter), sizeof(BtCallableIter),
                              callable_iter_next, callable_iter_trace);
}
