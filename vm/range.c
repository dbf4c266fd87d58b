/* range.c: range, range_iterator and slice objects (vm stage; see vm/README.md).
 *
 * A range stores start, stop, step and its length; indexing, `in` and
 * slicing are arithmetic, so range(10 ** 15) costs nothing. Arithmetic on
 * positions is done in unsigned 64 bits (wrapping is defined there) or in
 * 128 bits where a result may leave the int64 range. Slice objects and the
 * index arithmetic every sequence shares (bt_slice_indices) live here too.
 */
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

static inline BtRange *as_range(BtValue v) {
    return (BtRange *)bt_as_obj(v);
}

static inline bool is_range(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, range);
}

static uint64_t range_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop)
        return ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    if (step < 0 && start > stop)
        return ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
    return 0;
}

/* The i-th value (i < len, so it fits in int64). */
static inline int64_t range_at(const BtRange *r, uint64_t i) {
    return (int64_t)((uint64_t)r->start + i * (uint64_t)r->step);
}

BtValue bt_range_new(BtThread *t, int64_t start, int64_t stop, int64_t step) {
    if (step == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "range() arg 3 must not be zero");
        return BT_UNDEF;
    }
    BtRange *r = bt_gc_alloc(t, BT_TYPE(t, range), sizeof(BtRange));
    if (!r)
        return BT_UNDEF;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_length(start, stop, step);
    return bt_obj(r);
}

static BtValue range_iter_new(BtThread *t, int64_t first, int64_t step, uint64_t n) {
    BtRangeIter *it = bt_gc_alloc(t, BT_TYPE(t, range_iter), sizeof(BtRangeIter));
    if (!it)
        return BT_UNDEF;
    it->next = first;
    it->step = step;
    it->remaining = n;
    return bt_obj(it);
}

BtValue bt_range_reversed(BtThread *t, BtRange *r) {
    int64_t last = r->len ? range_at(r, r->len - 1) : 0;
    return range_iter_new(t, last, (int64_t)(0 - (uint64_t)r->step), r->len);
}

/* ---- range slots ---- */

static BtValue range_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)type;
    if (bt_kwcount(kwnames)) {
        bt_raise(t, BT_EXC(t, TypeError), "range() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (!bt_args_range(t, "range", "range", nargs, NULL, 1, 3))
        return BT_UNDEF;
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (!bt_index_or_raise(t, args[i], &v[i]))
            return BT_UNDEF;
    if (nargs == 1)
        return bt_range_new(t, 0, v[0], 1);
    return bt_range_new(t, v[0], v[1], v[2]);
}

static BtValue range_repr(BtThread *t, BtValue self) {
    BtRange *r = as_range(self);
    BtStr *s = r->step == 1
                   ? bt_str_format(t, "range(%lld, %lld)", (long long)r->start, (long long)r->stop)
                   : bt_str_format(t, "range(%lld, %lld, %lld)", (long long)r->start,
                                   (long long)r->stop, (long long)r->step);
    return s ? bt_obj(s) : BT_UNDEF;
}

static int64_t range_len(BtThread *t, BtValue self) {
    BtRange *r = as_range(self);
    if (r->len > (uint64_t)INT64_MAX) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (int64_t)r->len;
}

static int range_truth(BtThread *t, BtValue self) {
    (void)t;
    return as_range(self)->len != 0;
}

/* Is the int v one of r's values; at which position? */
static bool range_find(const BtRange *r, int64_t v, uint64_t *pos) {
    if (r->len == 0)
        return false;
    uint64_t off;
    if (r->step > 0) {
        if (v < r->start || v >= r->stop)
            return false;
        off = (uint64_t)v - (uint64_t)r->start;
        if (off % (uint64_t)r->step)
            return false;
        *pos = off / (uint64_t)r->step;
    } else {
        if (v > r->start || v <= r->stop)
            return false;
        off = (uint64_t)r->start - (uint64_t)v;
        if (off % (0 - (uint64_t)r->step))
            return false;
        *pos = off / (0 - (uint64_t)r->step);
    }
    return true;
}

/* Linear search for non-int items (1.0 in range(3)): position, -1 absent, -2 raised. */
static int64_t range_search(BtThread *t, BtRange *r, BtValue item, int64_t *count) {
    int64_t found = -1;
    if (count)
        *count = 0;
    for (uint64_t i = 0; i < r->len; i++) {
        int eq = bt_equal(t, bt_int(range_at(r, i)), item);
        if (eq < 0)
            return -2;
        if (eq) {
            if (!count)
                return (int64_t)i;
            (*count)++;
            found = (int64_t)i;
        }
    }
    return found;
}

static int range_contains(BtThread *t, BtValue self, BtValue item) {
    BtRange *r = as_range(self);
    uint64_t pos;
    if (bt_is_intlike(item))
        return range_find(r, bt_as_int(item), &pos);
    int64_t i = range_search(t, r, item, NULL);
    return i == -2 ? -1 : i >= 0;
}

static BtValue range_slice(BtThread *t, BtRange *r, BtValue slice) {
    int64_t start, stop, step, count;
    if (r->len > (uint64_t)INT64_MAX) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C ssize_t");
        return BT_UNDEF;
    }
    if (!bt_slice_indices(t, slice, (int64_t)r->len, &start, &stop, &step, &count))
        return BT_UNDEF;
    __int128 nstart = (__int128)r->start + (__int128)start * r->step;
    __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
    __int128 nstep = (__int128)r->step * step;
    if (nstart > INT64_MAX || nstart < INT64_MIN || nstop > INT64_MAX || nstop < INT64_MIN ||
        nstep > INT64_MAX || nstep < INT64_MIN) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C long");
        return BT_UNDEF;
    }
    return bt_range_new(t, (int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
}

static BtValue range_getitem(BtThread *t, BtValue self, BtValue key) {
    BtRange *r = as_range(self);
    if (bt_is_obj(key) && bt_as_obj(key)->type == BT_TYPE(t, slice))
        return range_slice(t, r, key);
    int64_t i;
    int k = bt_index_of(t, key, &i);
    if (k == 0) {
        bt_raise(t, BT_EXC(t, TypeError), "range indices must be integers or slices, not %T",
                 key);
        return BT_UNDEF;
    }
    if (k < 0)
        return BT_UNDEF;
    uint64_t u;
    if (i < 0) {
        if ((uint64_t)0 - (uint64_t)i > r->len)
            goto out_of_range;
        u = r->len - ((uint64_t)0 - (uint64_t)i);
    } else {
        u = (uint64_t)i;
        if (u >= r->len)
            goto out_of_range;
    }
    return bt_int(range_at(r, u));
out_of_range:
    bt_raise(t, BT_EXC(t, IndexError), "range object index out of range");
    return BT_UNDEF;
}

static BtValue range_iter(BtThread *t, BtValue self) {
    BtRange *r = as_range(self);
    return range_iter_new(t, r->start, r->step, r->len);
}

static BtValue range_iter_next(BtThread *t, BtValue self) {
    (void)t;
    int64_t v;
    if (bt_range_iter_step((BtRangeIter *)bt_as_obj(self), &v))
        return bt_int(v);
    return BT_UNDEF;
}

/* Ranges are equal when they give the same values. */
static bool range_same_values(const BtRange *a, const BtRange *b) {
    if (a->len != b->len)
        return false;
    if (a->len == 0)
        return true;
    if (a->start != b->start)
        return false;
    return a->len == 1 || a->step == b->step;
}

static BtValue range_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (!is_range(t, a) || !is_range(t, b) || (op != BT_COMPARE_EQ && op != BT_COMPARE_NE))
        return bt_not_implemented(t);
    bool eq = range_same_values(as_range(a), as_range(b));
    return bt_bool(eq == (op == BT_COMPARE_EQ));
}

static bool range_hash(BtThread *t, BtValue self, int64_t *out) {
    /* hash((len, start, step)), with None for what does not matter, as CPython. */
    BtRange *r = as_range(self);
    BtValue parts[3] = {bt_int((int64_t)r->len), BT_NONE, BT_NONE};
    if (r->len > 0) {
        parts[1] = bt_int(r->start);
        if (r->len > 1)
            parts[2] = bt_int(r->step);
    }
    return bt_tuple_hash_items(t, parts, 3, out);
}

static BtValue range_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtRange *r = as_range(self);
    if (strcmp(name->data, "start") == 0)
        return bt_int(r->start);
    if (strcmp(name->data, "stop") == 0)
        return bt_int(r->stop);
    if (strcmp(name->data, "step") == 0)
        return bt_int(r->step);
    return bt_generic_getattr(t, self, name);
}

static BtValue range_index_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (!bt_args_one(t, "range.index", nargs, kwnames))
        return BT_UNDEF;
    BtRange *r = as_range(self);
    if (bt_is_intlike(args[0])) {
        uint64_t pos;
        if (range_find(r, bt_as_int(args[0]), &pos))
            return bt_int((int64_t)pos);
        bt_raise(t, BT_EXC(t, ValueError), "%R is not in range", args[0]);
        return BT_UNDEF;
    }
    int64_t i = range_search(t, r, args[0], NULL);
    if (i == -1)
        bt_raise(t, BT_EXC(t, ValueError), "sequence.index(x): x not in sequence");
    return i >= 0 ? bt_int(i) : BT_UNDEF;
}

static BtValue range_count_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (!bt_args_one(t, "range.count", nargs, kwnames))
        return BT_UNDEF;
    BtRange *r = as_range(self);
    if (bt_is_intlike(args[0])) {
        uint64_t pos;
        return bt_int(range_find(r, bt_as_int(args[0]), &pos));
    }
    int64_t count;
    if (range_search(t, r, args[0], &count) == -2)
        return BT_UNDEF;
    return bt_int(count);
}

static const BtNativeDef range_methods[] = {
    {"index", range_index_m},
    {"count", range_count_m},
    {NULL, NULL},
};

/* ---- slices ---- */

BtValue bt_slice_new(BtThread *t, BtValue start, BtValue stop, BtValue step) {
    BtSlice *s = bt_gc_alloc(t, BT_TYPE(t, slice), sizeof(BtSlice));
    if (!s)
        return BT_UNDEF;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return bt_obj(s);
}

/* One part of a slice as an integer; None gives `dflt`. */
static bool slice_part(BtThread *t, BtValue v, int64_t dflt, int64_t *out) {
    if (bt_is_int(v)) {
        *out = bt_as_i64(v);
        return true;
    }
    if (bt_is_none(v)) {
        *out = dflt;
        return true;
    }
    int r = bt_index_of(t, v, out);
    if (r == 0)
        bt_raise(t, BT_EXC(t, TypeError),
                 "slice indices must be integers or None or have an __index__ method");
    return r == 1;
}

bool bt_slice_unpack(BtThread *t, BtValue slice, int64_t *start, int64_t *stop, int64_t *step) {
    BtSlice *s = (BtSlice *)bt_as_obj(slice);
    if (!slice_part(t, s->step, 1, step))
        return false;
    if (*step == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "slice step cannot be zero");
        return false;
    }
    if (*step < -INT64_MAX)
        *step = -INT64_MAX; /* so that -step cannot overflow */
    return slice_part(t, s->start, *step < 0 ? INT64_MAX : 0, start) &&
           slice_part(t, s->stop, *step < 0 ? INT64_MIN : INT64_MAX, stop);
}

int64_t bt_slice_adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start)
            return (int64_t)(((uint64_t)*start - (uint64_t)*stop - 1) / (0 - (uint64_t)step) + 1);
    } else if (*start < *stop) {
        return (int64_t)(((uint64_t)*stop - (uint64_t)*start - 1) / (uint64_t)step + 1);
    }
    return 0;
}

bool bt_slice_indices(BtThread *t, BtValue slice, int64_t length, int64_t *start, int64_t *stop,
                      int64_t *step, int64_t *count) {
    if (!bt_slice_unpack(t, slice, start, stop, step))
        return false;
    *count = bt_slice_adjust(length, start, stop, *step);
    return true;
}

static BtValue slice_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)type;
    if (bt_kwcount(kwnames)) {
        bt_raise(t, BT_EXC(t, TypeError), "slice() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs < 1) {
        bt_raise(t, BT_EXC(t, TypeError), "slice expected at least 1 argument, got %d", nargs);
        return BT_UNDEF;
    }
    if (nargs > 3) {
        bt_raise(t, BT_EXC(t, TypeError), "slice expected at most 3 arguments, got %d", nargs);
        return BT_UNDEF;
    }
    if (nargs == 1)
        return bt_slice_new(t, BT_NONE, args[0], BT_NONE);
    return bt_slice_new(t, args[0], args[1], nargs == 3 ? args[2] : BT_NONE);
}

static BtValue slice_repr(BtThread *t, BtValue self) {
    BtSlice *s = (BtSlice *)bt_as_obj(self);
    BtStr *r = bt_str_format(t, "slice(%R, %R, %R)", s->start, s->stop, s->step);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* Slices compare as the tuples (start, stop, step). */
static BtValue slice_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    BtType *st = BT_TYPE(t, slice);
    if (!bt_is_obj(a) || !bt_is_obj(b) || bt_as_obj(a)->type != st || bt_as_obj(b)->type != st)
        return bt_not_implemented(t);
    BtSlice *x = (BtSlice *)bt_as_obj(a), *y = (BtSlice *)bt_as_obj(b);
    BtValue xv[3] = {x->start, x->stop, x->step}, yv[3] = {y->start, y->stop, y->step};
    BtTuple *tx = bt_tuple_from(t, xv, 3);
    if (!tx)
        return BT_UNDEF;
    BtValue txv = bt_obj(tx);
    BT_PUSH_ROOT(t, &txv);
    BtTuple *ty = bt_tuple_from(t, yv, 3);
    BtValue tyv = ty ? bt_obj(ty) : BT_NONE;
    BT_PUSH_ROOT(t, &tyv);
    BtValue r = ty ? bt_seq_compare(t, txv, tyv, op) : BT_UNDEF;
    BT_POP_ROOT(t, 2);
    return r;
}

static BtValue slice_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtSlice *s = (BtSlice *)bt_as_obj(self);
    if (strcmp(name->data, "start") == 0)
        return s->start;
    if (strcmp(name->data, "stop") == 0)
        return s->stop;
    if (strcmp(name->data, "step") == 0)
        return s->step;
    return bt_generic_getattr(t, self, name);
}

static BtValue slice_indices_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    if (!bt_args_one(t, "slice.indices", nargs, kwnames))
        return BT_UNDEF;
    int64_t len, start, stop, step, count;
    if (!bt_index_or_raise(t, args[0], &len))
        return BT_UNDEF;
    if (len < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "length should not be negative");
        return BT_UNDEF;
    }
    if (!bt_slice_indices(t, self, len, &start, &stop, &step, &count))
        return BT_UNDEF;
    BtValue parts[3] = {bt_int(start), bt_int(stop), bt_int(step)};
    BtTuple *r = bt_tuple_from(t, parts, 3);
    return r ? bt_obj(r) : BT_UNDEF;
}

static void slice_trace(BtGc *gc, BtObject *self) {
    BtSlice *s = (BtSlice *)self;
    bt_gc_mark(gc, s->start);
    bt_gc_mark(gc, s->stop);
    bt_gc_mark(gc, s->step);
}

static const BtNativeDef slice_methods[] = {
    {"indices", slice_indices_m},
    {NULL, NULL},
};

/* ---- set-up ---- */

bool bt_range_init_types(BtThread *t) {
    BtType *range = BT_TYPE(t, range);
    range->instance_size = sizeof(BtRange);
    range->repr = range_repr;
    range->hash = range_hash;
    range->compare = range_compare;
    range->truth = range_truth;
    range->len = range_len;
    range->getattr = range_getattr;
    range->getitem = range_getitem;
    range->contains = range_contains;
    range->iter = range_iter;
    range->construct = range_construct;

    BtType *slice = BT_TYPE(t, slice);
    slice->instance_size = sizeof(BtSlice);
    slice->repr = slice_repr;
    slice->compare = slice_compare;
    slice->getattr = slice_getattr;
    slice->construct = slice_construct;
    slice->trace = slice_trace;

    return bt_type_add_methods(t, range, range_methods) && bt_add_container_dunders(t, range) &&
           bt_type_add_methods(t, slice, slice_methods) &&
           bt_iter_setup_type(t, BT_TYPE(t, range_iter), sizeof(BtRangeIter), range_iter_next,
                              NULL) &&
           bt_iter_init_types(t);
}
