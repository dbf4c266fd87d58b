/* list.h: list and tuple (vm stage; see vm/README.md).
 *
 * Both are arrays of values. A tuple's items follow its header in the same
 * allocation (it never changes size); a list owns a separate growable array
 * (amortized doubling), so appending does not move the list object itself.
 */
#ifndef BT_LIST_H
#define BT_LIST_H

#include "vm/interp.h"
#include "vm/object.h"

typedef struct {
    BtObject hdr;
    size_t len, cap;
    BtValue *items; /* malloc'ed, accounted to the GC */
} BtList;

struct BtTuple {
    BtObject hdr;
    int64_t hash; /* cached hash, -1 until computed (only when all items hash) */
    size_t len;
    BtValue items[];
};

/* A list, or an instance of a class derived from list (same C layout). */
static inline bool bt_is_list(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type->native == t->interp->types.list;
}
static inline bool bt_is_tuple(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == t->interp->types.tuple;
}
static inline BtList *bt_as_list(BtValue v) {
    return (BtList *)bt_as_obj(v);
}
static inline BtTuple *bt_as_tuple(BtValue v) {
    return (BtTuple *)bt_as_obj(v);
}

/* A list of len items, all None (fill them before anything else can run), or
 * an empty list with room for cap. */
BtList *bt_list_new(BtThread *t, size_t len);
BtList *bt_list_with_capacity(BtThread *t, size_t cap);
/* A list holding copies of items[0..n). */
BtList *bt_list_from(BtThread *t, const BtValue *items, size_t n);
bool bt_list_append(BtThread *t, BtList *l, BtValue v);
/* Append every item of an iterable (list.extend). */
bool bt_list_extend(BtThread *t, BtList *l, BtValue iterable);
/* list(iterable) */
BtList *bt_list_from_iterable(BtThread *t, BtValue iterable);
/* Sort in place with an optional key function (BT_UNDEF for none); stable. */
bool bt_list_sort(BtThread *t, BtList *l, BtValue key, bool reverse);

/* A tuple of len items, all None: fill it before anything else can run. */
BtTuple *bt_tuple_new(BtThread *t, size_t len);
BtTuple *bt_tuple_from(BtThread *t, const BtValue *items, size_t n);
BtTuple *bt_tuple_from_iterable(BtThread *t, BtValue iterable);
BtTuple *bt_tuple_empty(BtThread *t);

/* A struct-sequence type (CPython's structseq: sys.version_info,
 * UnraisableHookArgs): a tuple whose items also have the names in fields
 * (its __match_args__), shown as NAME(field=value, ...), where NAME is
 * module.name unless module is NULL. NULL with MemoryError. */
BtType *bt_structseq_type(BtThread *t, const char *module, const char *name,
                          const char *const *fields, int nfields);
/* An instance of such a type holding items (one per field). */
BtValue bt_structseq_new(BtThread *t, BtType *type, const BtValue *items);

/* list_iterator / tuple_iterator: the eval loop's FOR_ITER may step these
 * inline: while seq is not NULL and index < its len, yield items[index++];
 * at the end set seq to NULL (an exhausted iterator stays exhausted). */
typedef struct {
    BtObject hdr;
    BtObject *seq; /* the BtList or BtTuple, NULL once exhausted */
    size_t index;  /* next position */
} BtListIter;

/* reversed(l): a list_reverseiterator over l. */
BtValue bt_list_reversed(BtThread *t, BtList *l);
/* Hash of a tuple with these items (CPython's algorithm), as hash(tuple(items)). */
bool bt_tuple_hash_items(BtThread *t, const BtValue *items, size_t n, int64_t *out);

/* ---- generic iterators (implemented in iter.c) ---- */

/* iter(seq) for an object with __getitem__ but no __iter__: calls
 * seq[0], seq[1], ... until IndexError (or StopIteration). */
BtValue bt_seq_iter_new(BtThread *t, BtValue seq);
/* iter(callable, sentinel): calls callable() until it returns sentinel. */
BtValue bt_callable_iter_new(BtThread *t, BtValue callable, BtValue sentinel);

/* ---- slices (implemented in range.c, with the slice type) ---- */

/* slice(start, stop, step) (BUILD_SLICE); parts are None when omitted. */
BtValue bt_slice_new(BtThread *t, BtValue start, BtValue stop, BtValue step);
/* A slice's parts as integers, before they meet a length: a None start or
 * stop becomes an end sentinel (INT64_MAX / INT64_MIN by the step's sign), a
 * None step 1. Raises for a zero step or parts that are not indices. */
bool bt_slice_unpack(BtThread *t, BtValue slice, int64_t *start, int64_t *stop, int64_t *step);
/* Clamp unpacked start/stop to a sequence of `length` items; returns how many
 * items the slice selects. Never fails. */
int64_t bt_slice_adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step);
/* Resolve a slice object against a sequence of `length` items, as CPython's
 * PySlice_Unpack + PySlice_AdjustIndices: clamped start/stop, the step, and
 * the number of items selected. Raises "slice step cannot be zero" and the
 * TypeError for parts that are not ints, None or __index__ objects. */
bool bt_slice_indices(BtThread *t, BtValue slice, int64_t length, int64_t *start, int64_t *stop,
                      int64_t *step, int64_t *count);

/* Set up list and tuple (and their iterators). */
bool bt_list_init_types(BtThread *t);

#endif
