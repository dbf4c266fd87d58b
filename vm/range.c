/* range.c: range, range_iterator and slice objects (vm stage; see vm/README.md).
 *
 * A range stores start, stop, step and its length; indexing, `in` and
 * slicing are arithmetic, so range(10 ** 15) costs nothing. Bounds past 64
 * bits are kept as ints of any size and take the slower paths below
 * ("ranges past 64 bits"), iterated by a longrange_iterator. Arithmetic on
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

/* ---- ranges past 64 bits ----
 * The same operations on ints of any size, through int's own arithmetic.
 * Rare, so written for clarity: every intermediate value is rooted in a
 * small array while the next one is computed. */

enum { B_START, B_STOP, B_STEP, B_LEN };

static BtValue range_iter(BtThread *t, BtValue self);

typedef struct {
    BtObject hdr;
    BtValue next, step, remaining; /* ints of any size */
} BtLongRangeIter;

static inline bool is_big(const BtRange *r) {
    return !bt_is_undef(r->big);
}

static void range_trace(BtGc *gc, BtObject *self) {
    bt_gc_mark(gc, ((BtRange *)self)->big);
}

static inline BtValue part(const BtRange *r, int i) {
    return bt_as_tuple(r->big)->items[i];
}

static BtValue arith(BtThread *t, int op, BtValue a, BtValue b) {
    return bt_int_binary(t, op, a, b);
}

/* The length of range(start, stop, step) as an int (step != 0). */
static BtValue big_length(BtThread *t, BtValue start, BtValue stop, BtValue step) {
    bool up = bt_int_sign(step) > 0;
    if (bt_int_cmp(start, stop) * (up ? 1 : -1) >= 0)
        return bt_int(0);
    BtValue v[2] = {up ? arith(t, BT_BINOP_SUB, stop, start) : arith(t, BT_BINOP_SUB, start, stop),
                    BT_NONE};
    if (bt_is_undef(v[0]))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &v[0]);
    BT_PUSH_ROOT(t, &v[1]);
    v[1] = up ? step : arith(t, BT_BINOP_SUB, bt_int(0), step); /* |step| */
    if (!bt_is_undef(v[1]))
        v[0] = arith(t, BT_BINOP_SUB, v[0], bt_int(1));
    if (!bt_is_undef(v[1]) && !bt_is_undef(v[0]))
        v[0] = arith(t, BT_BINOP_FLOORDIV, v[0], v[1]);
    BtValue len = bt_is_undef(v[1]) || bt_is_undef(v[0]) ? BT_UNDEF
                                                          : arith(t, BT_BINOP_ADD, v[0], bt_int(1));
    BT_POP_ROOT(t, 2);
    return len;
}

/* range(start, stop, step) for ints of any size; a 64-bit range when they fit. */
static BtValue range_from_ints(BtThread *t, BtValue start, BtValue stop, BtValue step) {
    int64_t a, b, c;
    if (bt_int_as_i64(start, &a) && bt_int_as_i64(stop, &b) && bt_int_as_i64(step, &c))
        return bt_range_new(t, a, b, c);
    if (bt_int_sign(step) == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "range() arg 3 must not be zero");
        return BT_UNDEF;
    }
    BtValue items[4] = {start, stop, step, BT_NONE};
    for (int i = 0; i < 4; i++)
        BT_PUSH_ROOT(t, &items[i]);
    items[B_LEN] = big_length(t, start, stop, step);
    BtTuple *tup = bt_is_undef(items[B_LEN]) ? NULL : bt_tuple_from(t, items, 4);
    BtValue tv = tup ? bt_obj(tup) : BT_UNDEF;
    BT_PUSH_ROOT(t, &tv);
    BtRange *r = tup ? bt_gc_alloc(t, BT_TYPE(t, range), sizeof(BtRange)) : NULL;
    if (r) {
        r->step = 1;
        r->big = tv;
    }
    BT_POP_ROOT(t, 5);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* start + i * step, the i-th value of the range p (start, stop, step, len). */
static BtValue big_at(BtThread *t, const BtValue *p, BtValue i) {
    BtValue off = arith(t, BT_BINOP_MUL, i, p[B_STEP]);
    if (bt_is_undef(off))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &off);
    BtValue v = arith(t, BT_BINOP_ADD, p[B_START], off);
    BT_POP_ROOT(t, 1);
    return v;
}

/* Is the int v one of r's values? Its position into *pos when it is. */
static int big_find(BtThread *t, const BtRange *r, BtValue v, BtValue *pos) {
    bool up = bt_int_sign(part(r, B_STEP)) > 0;
    int lo = bt_int_cmp(v, part(r, B_START)), hi = bt_int_cmp(v, part(r, B_STOP));
    if (up ? (lo < 0 || hi >= 0) : (lo > 0 || hi <= 0))
        return 0;
    BtValue off = arith(t, BT_BINOP_SUB, v, part(r, B_START));
    if (bt_is_undef(off))
        return -1;
    BT_PUSH_ROOT(t, &off);
    BtValue q, rem;
    bool ok = bt_int_divmod(t, off, part(r, B_STEP), &q, &rem);
    BT_POP_ROOT(t, 1);
    if (!ok)
        return -1;
    if (bt_int_sign(rem) != 0)
        return 0;
    *pos = q;
    return 1;
}

static BtValue big_repr(BtThread *t, const BtRange *r) {
    BtValue step = part(r, B_STEP);
    BtStr *s = bt_is_int(step) && bt_as_i64(step) == 1
                   ? bt_str_format(t, "range(%R, %R)", part(r, B_START), part(r, B_STOP))
                   : bt_str_format(t, "range(%R, %R, %R)", part(r, B_START), part(r, B_STOP), step);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue big_getitem(BtThread *t, BtValue self, BtValue key) {
    const BtRange *r = as_range(self);
    int64_t ignored;
    if (!bt_is_integer(key) && bt_index_of(t, key, &ignored) == 0) {
        bt_raise(t, BT_EXC(t, TypeError), "range indices must be integers or slices, not %T", key);
        return BT_UNDEF;
    }
    BtValue v[2] = {bt_index_value(t, key), BT_NONE};
    if (bt_is_undef(v[0]))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &v[0]);
    BT_PUSH_ROOT(t, &v[1]);
    BtValue result = BT_UNDEF;
    if (bt_int_sign(v[0]) < 0)
        v[0] = arith(t, BT_BINOP_ADD, v[0], part(r, B_LEN));
    if (!bt_is_undef(v[0])) {
        if (bt_int_sign(v[0]) < 0 || bt_int_cmp(v[0], part(r, B_LEN)) >= 0)
            bt_raise(t, BT_EXC(t, IndexError), "range object index out of range");
        else
            result = big_at(t, bt_as_tuple(r->big)->items, v[0]);
    }
    BT_POP_ROOT(t, 2);
    return result;
}

/* One bound of a slice of a big range, clamped as CPython's slice.indices
 * does: v (None: dflt) counted from the end when negative, then held in
 * [lower, upper]. */
static BtValue clamp_bound(BtThread *t, BtValue v, BtValue dflt, BtValue len, BtValue lower,
                           BtValue upper) {
    if (bt_is_none(v))
        return dflt;
    BtValue i = bt_index_value(t, v);
    if (bt_is_undef(i))
        return BT_UNDEF;
    if (bt_int_sign(i) < 0) {
        BT_PUSH_ROOT(t, &i);
        i = arith(t, BT_BINOP_ADD, i, len);
        BT_POP_ROOT(t, 1);
        if (bt_is_undef(i))
            return BT_UNDEF;
    }
    return bt_int_cmp(i, lower) < 0 ? lower : bt_int_cmp(i, upper) > 0 ? upper : i;
}

/* p[slice] for the range p (start, stop, step, len), with slice.indices done
 * on ints of any size (p's values rooted by the caller). */
static BtValue big_slice_of(BtThread *t, const BtValue *p, BtSlice *s) {
    BtValue v[6]; /* step, lower, upper, start, stop, then scratch */
    for (int i = 0; i < 6; i++) {
        v[i] = BT_NONE;
        BT_PUSH_ROOT(t, &v[i]);
    }
    BtValue result = BT_UNDEF;
    v[0] = bt_is_none(s->step) ? bt_int(1) : bt_index_value(t, s->step);
    if (bt_is_undef(v[0]))
        goto done;
    if (bt_int_sign(v[0]) == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "slice step cannot be zero");
        goto done;
    }
    bool down = bt_int_sign(v[0]) < 0;
    v[1] = down ? bt_int(-1) : bt_int(0);
    v[2] = down ? arith(t, BT_BINOP_SUB, p[B_LEN], bt_int(1)) : p[B_LEN];
    if (bt_is_undef(v[2]) ||
        bt_is_undef(v[3] = clamp_bound(t, s->start, down ? v[2] : v[1], p[B_LEN], v[1], v[2])) ||
        bt_is_undef(v[4] = clamp_bound(t, s->stop, down ? v[1] : v[2], p[B_LEN], v[1], v[2])))
        goto done;
    /* The slice of r is range(r[start], r[stop], r.step * step), computed past the ends. */
    v[3] = big_at(t, p, v[3]);
    if (!bt_is_undef(v[3]))
        v[4] = big_at(t, p, v[4]);
    if (!bt_is_undef(v[3]) && !bt_is_undef(v[4]))
        v[5] = arith(t, BT_BINOP_MUL, p[B_STEP], v[0]);
    if (!bt_is_undef(v[3]) && !bt_is_undef(v[4]) && !bt_is_undef(v[5]))
        result = range_from_ints(t, v[3], v[4], v[5]);
done:
    BT_POP_ROOT(t, 6);
    return result;
}

static BtValue longrange_iter_new(BtThread *t, BtValue first, BtValue step, BtValue n) {
    BtValue keep[3] = {first, step, n};
    for (int i = 0; i < 3; i++)
        BT_PUSH_ROOT(t, &keep[i]);
    BtLongRangeIter *it = bt_gc_alloc(t, BT_TYPE(t, longrange_iter), sizeof(BtLongRangeIter));
    BT_POP_ROOT(t, 3);
    if (!it)
        return BT_UNDEF;
    it->next = first;
    it->step = step;
    it->remaining = n;
    return bt_obj(it);
}

static BtValue longrange_iter_next(BtThread *t, BtValue self) {
    BtLongRangeIter *it = (BtLongRangeIter *)bt_as_obj(self);
    if (bt_int_sign(it->remaining) <= 0)
        return BT_UNDEF;
    BtValue v = it->next; /* handed out; rooted while the next one is made */
    BT_PUSH_ROOT(t, &v);
    BtValue next = arith(t, BT_BINOP_ADD, v, it->step);
    if (!bt_is_undef(next)) {
        it->next = next;
        next = arith(t, BT_BINOP_SUB, it->remaining, bt_int(1));
        if (!bt_is_undef(next))
            it->remaining = next;
    }
    BT_POP_ROOT(t, 1);
    return bt_is_undef(next) ? BT_UNDEF : v;
}

static void longrange_iter_trace(BtGc *gc, BtObject *self) {
    BtLongRangeIter *it = (BtLongRangeIter *)self;
    bt_gc_mark(gc, it->next);
    bt_gc_mark(gc, it->step);
    bt_gc_mark(gc, it->remaining);
}

static BtValue big_reversed(BtThread *t, const BtRange *r) {
    BtValue v[2] = {BT_NONE, BT_NONE};
    BT_PUSH_ROOT(t, &v[0]);
    BT_PUSH_ROOT(t, &v[1]);
    BtValue result = BT_UNDEF;
    v[0] = arith(t, BT_BINOP_SUB, part(r, B_LEN), bt_int(1));
    if (!bt_is_undef(v[0]))
        v[0] = big_at(t, bt_as_tuple(r->big)->items, v[0]); /* the last value */
    if (!bt_is_undef(v[0]))
        v[1] = arith(t, BT_BINOP_SUB, bt_int(0), part(r, B_STEP));
    if (!bt_is_undef(v[0]) && !bt_is_undef(v[1]))
        result = longrange_iter_new(t, v[0], v[1], part(r, B_LEN));
    BT_POP_ROOT(t, 2);
    return result;
}

/* `item in r` by comparing with each value, as CPython does for a non-int. */
static int contains_by_iteration(BtThread *t, BtValue self, BtValue item) {
    BtValue it = range_iter(t, self);
    if (bt_is_undef(it))
        return -1;
    BT_PUSH_ROOT(t, &it);
    int found = 0;
    for (;;) {
        BtValue v = bt_next(t, it);
        if (bt_is_undef(v)) {
            found = bt_has_exc(t) ? -1 : 0;
            break;
        }
        found = bt_equal(t, v, item);
        if (found != 0)
            break;
    }
    BT_POP_ROOT(t, 1);
    return found;
}

/* start, stop, step and len of any range as ints (for equality and hashing). */
static bool range_parts(BtThread *t, const BtRange *r, BtValue out[4]) {
    if (is_big(r)) {
        memcpy(out, bt_as_tuple(r->big)->items, 4 * sizeof(BtValue));
        return true;
    }
    /* out[] is rooted by the caller, so each boxed part survives the next. */
    return !bt_is_undef(out[B_START] = bt_int_from_i64(t, r->start)) &&
           !bt_is_undef(out[B_STOP] = bt_int_from_i64(t, r->stop)) &&
           !bt_is_undef(out[B_STEP] = bt_int_from_i64(t, r->step)) &&
           !bt_is_undef(out[B_LEN] = bt_int_from_u64(t, r->len));
}

BtValue bt_range_reversed(BtThread *t, BtRange *r) {
    if (is_big(r))
        return big_reversed(t, r);
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
    bool big = false;
    for (int i = 0; i < nargs; i++) {
        if (bt_int_is_huge(args[i]) || bt_int_is_huge(bt_unbox(args[i])))
            big = true;
        else if (!bt_index_or_raise(t, args[i], &v[i]))
            return BT_UNDEF;
    }
    if (big) {
        BtValue a[3] = {bt_int(0), bt_int(0), bt_int(1)};
        for (int i = 0; i < 3; i++)
            BT_PUSH_ROOT(t, &a[i]);
        for (int i = 0; i < nargs; i++)
            a[nargs == 1 ? 1 : i] = bt_index_value(t, args[i]); /* arguments: no collection frees them */
        BtValue r = range_from_ints(t, a[0], a[1], a[2]);
        BT_POP_ROOT(t, 3);
        return r;
    }
    if (nargs == 1)
        return bt_range_new(t, 0, v[0], 1);
    return bt_range_new(t, v[0], v[1], v[2]);
}

static BtValue range_repr(BtThread *t, BtValue self) {
    BtRange *r = as_range(self);
    if (is_big(r))
        return big_repr(t, r);
    BtStr *s = r->step == 1
                   ? bt_str_format(t, "range(%lld, %lld)", (long long)r->start, (long long)r->stop)
                   : bt_str_format(t, "range(%lld, %lld, %lld)", (long long)r->start,
                                   (long long)r->stop, (long long)r->step);
    return s ? bt_obj(s) : BT_UNDEF;
}

static int64_t range_len(BtThread *t, BtValue self) {
    BtRange *r = as_range(self);
    if (is_big(r)) {
        int64_t n;
        if (!bt_int_as_i64(part(r, B_LEN), &n)) {
            bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C ssize_t");
            return -1;
        }
        return n;
    }
    if (r->len > (uint64_t)INT64_MAX) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (int64_t)r->len;
}

static int range_truth(BtThread *t, BtValue self) {
    (void)t;
    BtRange *r = as_range(self);
    return is_big(r) ? bt_int_sign(part(r, B_LEN)) != 0 : r->len != 0;
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
        BtValue v = bt_int_from_i64(t, range_at(r, i));
        int eq = bt_is_undef(v) ? -1 : bt_equal(t, v, item);
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
    if (is_big(r) || bt_int_is_huge(item)) {
        BtValue at;
        if (bt_is_integer(item))
            return is_big(r) ? big_find(t, r, item, &at) : 0;
        return contains_by_iteration(t, self, item);
    }
    int64_t v;
    if (bt_is_integer(item) && bt_int_as_i64(item, &v))
        return range_find(r, v, &pos);
    int64_t i = range_search(t, r, item, NULL);
    return i == -2 ? -1 : i >= 0;
}

static BtValue range_slice(BtThread *t, BtRange *r, BtValue slice) {
    int64_t start, stop, step, count;
    BtSlice *sl = (BtSlice *)bt_as_obj(slice);
    if (is_big(r))
        return big_slice_of(t, bt_as_tuple(r->big)->items, sl);
    if (r->len <= (uint64_t)INT64_MAX && !bt_int_is_huge(sl->start) && !bt_int_is_huge(sl->stop) &&
        !bt_int_is_huge(sl->step)) {
        if (!bt_slice_indices(t, slice, (int64_t)r->len, &start, &stop, &step, &count))
            return BT_UNDEF;
        __int128 nstart = (__int128)r->start + (__int128)start * r->step;
        __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
        __int128 nstep = (__int128)r->step * step;
        if (nstart <= INT64_MAX && nstart >= INT64_MIN && nstop <= INT64_MAX &&
            nstop >= INT64_MIN && nstep <= INT64_MAX && nstep >= INT64_MIN)
            return bt_range_new(t, (int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
    }
    /* A part leaves 64 bits: the slice is computed on ints of any size. */
    BtValue parts[4] = {BT_NONE, BT_NONE, BT_NONE, BT_NONE};
    for (int i = 0; i < 4; i++)
        BT_PUSH_ROOT(t, &parts[i]);
    BtValue res = range_parts(t, r, parts) ? big_slice_of(t, parts, sl) : BT_UNDEF;
    BT_POP_ROOT(t, 4);
    return res;
}

static BtValue range_getitem(BtThread *t, BtValue self, BtValue key) {
    BtRange *r = as_range(self);
    if (bt_is_obj(key) && bt_as_obj(key)->type == BT_TYPE(t, slice))
        return range_slice(t, r, key);
    if (is_big(r))
        return big_getitem(t, self, key);
    if (bt_int_is_huge(key)) {
        bt_raise(t, BT_EXC(t, IndexError), "range object index out of range");
        return BT_UNDEF;
    }
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
    return bt_int_from_i64(t, range_at(r, u));
out_of_range:
    bt_raise(t, BT_EXC(t, IndexError), "range object index out of range");
    return BT_UNDEF;
}

static BtValue range_iter(BtThread *t, BtValue self) {
    BtRange *r = as_range(self);
    if (is_big(r))
        return longrange_iter_new(t, part(r, B_START), part(r, B_STEP), part(r, B_LEN));
    return range_iter_new(t, r->start, r->step, r->len);
}

static BtValue range_iter_next(BtThread *t, BtValue self) {
    (void)t;
    int64_t v;
    if (bt_range_iter_step((BtRangeIter *)bt_as_obj(self), &v))
        return bt_int_from_i64(t, v);
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

/* The same for ranges of any size, on their parts. */
static bool parts_same_values(const BtValue *a, const BtValue *b) {
    if (bt_int_cmp(a[B_LEN], b[B_LEN]) != 0)
        return false;
    if (bt_int_sign(a[B_LEN]) == 0)
        return true;
    if (bt_int_cmp(a[B_START], b[B_START]) != 0)
        return false;
    return (bt_is_int(a[B_LEN]) && bt_as_i64(a[B_LEN]) == 1) ||
           bt_int_cmp(a[B_STEP], b[B_STEP]) == 0;
}

static BtValue range_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (!is_range(t, a) || !is_range(t, b) || (op != BT_COMPARE_EQ && op != BT_COMPARE_NE))
        return bt_not_implemented(t);
    bool eq;
    if (is_big(as_range(a)) || is_big(as_range(b))) {
        BtValue pa[4], pb[4];
        for (int i = 0; i < 4; i++) {
            pa[i] = pb[i] = BT_NONE;
            BT_PUSH_ROOT(t, &pa[i]);
            BT_PUSH_ROOT(t, &pb[i]);
        }
        bool ok = range_parts(t, as_range(a), pa) && range_parts(t, as_range(b), pb);
        eq = ok && parts_same_values(pa, pb);
        BT_POP_ROOT(t, 8);
        if (!ok)
            return BT_UNDEF;
    } else {
        eq = range_same_values(as_range(a), as_range(b));
    }
    return bt_bool(eq == (op == BT_COMPARE_EQ));
}

static bool range_hash(BtThread *t, BtValue self, int64_t *out) {
    /* hash((len, start, step)), with None for what does not matter, as CPython. */
    BtRange *r = as_range(self);
    if (is_big(r)) {
        const BtValue *p = bt_as_tuple(r->big)->items;
        int n = bt_int_sign(p[B_LEN]) == 0 ? 0 : bt_is_int(p[B_LEN]) && bt_as_i64(p[B_LEN]) == 1 ? 1 : 2;
        BtValue parts[3] = {p[B_LEN], n > 0 ? p[B_START] : BT_NONE, n > 1 ? p[B_STEP] : BT_NONE};
        return bt_tuple_hash_items(t, parts, 3, out);
    }
    BtValue p[4] = {BT_NONE, BT_NONE, BT_NONE, BT_NONE};
    for (int i = 0; i < 4; i++)
        BT_PUSH_ROOT(t, &p[i]);
    bool ok = range_parts(t, r, p);
    if (ok) {
        BtValue parts[3] = {p[B_LEN], r->len > 0 ? p[B_START] : BT_NONE,
                            r->len > 1 ? p[B_STEP] : BT_NONE};
        ok = bt_tuple_hash_items(t, parts, 3, out);
    }
    BT_POP_ROOT(t, 4);
    return ok;
}

static BtValue range_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtRange *r = as_range(self);
    if (strcmp(name->data, "start") == 0)
        return is_big(r) ? part(r, B_START) : bt_int_from_i64(t, r->start);
    if (strcmp(name->data, "stop") == 0)
        return is_big(r) ? part(r, B_STOP) : bt_int_from_i64(t, r->stop);
    if (strcmp(name->data, "step") == 0)
        return is_big(r) ? part(r, B_STEP) : bt_int_from_i64(t, r->step);
    return bt_generic_getattr(t, self, name);
}

static BtValue range_index_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (!bt_args_one(t, "range.index", nargs, kwnames))
        return BT_UNDEF;
    BtRange *r = as_range(self);
    if ((is_big(r) || bt_int_is_huge(args[0])) && bt_is_integer(args[0])) {
        BtValue pos;
        int found = is_big(r) ? big_find(t, r, args[0], &pos) : 0;
        if (found == 0)
            bt_raise(t, BT_EXC(t, ValueError), "%R is not in range", args[0]);
        return found > 0 ? pos : BT_UNDEF;
    }
    if (is_big(r)) {
        int found = contains_by_iteration(t, self, args[0]);
        if (found == 0)
            bt_raise(t, BT_EXC(t, ValueError), "sequence.index(x): x not in sequence");
        if (found <= 0)
            return BT_UNDEF;
        bt_raise(t, BT_EXC(t, NotImplementedError),
                 "range.index() of a non-int item in a range past 64 bits");
        return BT_UNDEF;
    }
    int64_t v;
    if (bt_is_integer(args[0]) && bt_int_as_i64(args[0], &v)) {
        uint64_t pos;
        if (range_find(r, v, &pos))
            return bt_int_from_u64(t, pos);
        bt_raise(t, BT_EXC(t, ValueError), "%R is not in range", args[0]);
        return BT_UNDEF;
    }
    int64_t i = range_search(t, r, args[0], NULL);
    if (i == -1)
        bt_raise(t, BT_EXC(t, ValueError), "sequence.index(x): x not in sequence");
    return i >= 0 ? bt_int_from_i64(t, i) : BT_UNDEF;
}

static BtValue range_count_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (!bt_args_one(t, "range.count", nargs, kwnames))
        return BT_UNDEF;
    BtRange *r = as_range(self);
    int64_t v;
    if (is_big(r) || bt_int_is_huge(args[0])) {
        int found = range_contains(t, self, args[0]); /* values are distinct: 0 or 1 */
        return found < 0 ? BT_UNDEF : bt_int(found);
    }
    if (bt_is_integer(args[0]) && bt_int_as_i64(args[0], &v)) {
        uint64_t pos;
        return bt_int(range_find(r, v, &pos));
    }
    int64_t count;
    if (range_search(t, r, args[0], &count) == -2)
        return BT_UNDEF;
    return bt_int_from_i64(t, count);
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
    BtValue parts[3] = {BT_NONE, BT_NONE, BT_NONE};
    for (int i = 0; i < 3; i++)
        BT_PUSH_ROOT(t, &parts[i]);
    BtTuple *r = !bt_is_undef(parts[0] = bt_int_from_i64(t, start)) &&
                         !bt_is_undef(parts[1] = bt_int_from_i64(t, stop)) &&
                         !bt_is_undef(parts[2] = bt_int_from_i64(t, step))
                     ? bt_tuple_from(t, parts, 3)
                     : NULL;
    BT_POP_ROOT(t, 3);
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
    range->trace = range_trace;

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
           bt_iter_setup_type(t, BT_TYPE(t, longrange_iter), sizeof(BtLongRangeIter),
                              longrange_iter_next, longrange_iter_trace) &&
           bt_iter_init_types(t);
}
