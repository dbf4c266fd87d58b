/* range.h: range, its iterator, slice objects and the generic iterators (vm stage).
 *
 * A range is four integers; iterating it never allocates. Its iterator keeps
 * the next value, the step and how many values remain, and steps with
 * wrapping unsigned arithmetic so that ranges ending near the int64 limits
 * never overflow. The eval loop's FOR_ITER steps a range_iterator inline
 * with bt_range_iter_step. A range whose bounds leave 64 bits keeps them as
 * ints of any size and takes slower paths (range.c, "ranges past 64 bits"),
 * iterated by a longrange_iterator. iter.c adds the iterator over an object with only
 * __getitem__ and iter(callable, sentinel).
 */
#ifndef BT_RANGE_H
#define BT_RANGE_H

#include "vm/interp.h"
#include "vm/object.h"

typedef struct {
    BtObject hdr;
    int64_t start, stop, step; /* step != 0 */
    uint64_t len;              /* number of values (may exceed INT64_MAX) */
    BtValue big; /* a range past 64 bits: the tuple (start, stop, step, len) of ints of
                    any size, and the fields above unused; BT_UNDEF otherwise */
} BtRange;

typedef struct {
    BtObject hdr;
    int64_t next;       /* the value handed out next */
    int64_t step;
    uint64_t remaining; /* values still to come */
} BtRangeIter;

typedef struct {
    BtObject hdr;
    BtValue start, stop, step; /* None when omitted */
} BtSlice;

static inline bool bt_is_range_iter(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == t->interp->types.range_iter;
}

/* Next value of a range iterator: false when exhausted. Never fails. */
static inline bool bt_range_iter_step(BtRangeIter *it, int64_t *out) {
    if (it->remaining == 0)
        return false;
    *out = it->next;
    it->next = (int64_t)((uint64_t)it->next + (uint64_t)it->step);
    it->remaining--;
    return true;
}

/* range(start, stop, step); raises "range() arg 3 must not be zero". */
BtValue bt_range_new(BtThread *t, int64_t start, int64_t stop, int64_t step);
/* reversed(r): a range_iterator from the last value down. */
BtValue bt_range_reversed(BtThread *t, BtRange *r);

/* bt_seq_iter_new and bt_callable_iter_new (iter.c) are declared in list.h. */

/* Set up range, range_iterator, slice, and the seq and callable iterators. */
bool bt_range_init_types(BtThread *t);

#endif
