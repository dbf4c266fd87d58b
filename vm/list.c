/* list.c: list, tuple, their iterators, and sorting (vm stage; see vm/README.md).
 *
 * A list owns a malloc'ed item array, accounted to the GC, that grows by
 * doubling; a tuple's items follow its header. Any loop that calls out to
 * Python code (__eq__, __lt__, __repr__, a key function) re-reads the list's
 * length and items afterwards, because that code may have changed the list.
 * list.sort is a stable merge sort of a permutation: the keys never move
 * while user comparisons run, so a comparison that raises, or that collects,
 * leaves nothing half-moved.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/container_internal.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/range.h"
#include "vm/str.h"

/* Larger requests are a MemoryError before any arithmetic can overflow. */
#define MAX_ITEMS ((size_t)1 << 56)

typedef struct {
    BtObject hdr;
    BtList *list; /* NULL once exhausted */
    int64_t index; /* next position, counting down */
} BtListRevIter;

/* ---- the item array ---- */

/* A list made with a known small size (a display, a slice) keeps its items
 * in the same allocation, right after the header, until it outgrows them:
 * one allocation instead of two. Only list.c's constructors make such lists
 * (a subclass instance has its attribute dict there instead). */
#define LIST_INLINE_MAX 8

static inline bool items_inline(const BtList *l) {
    return l->items == (const BtValue *)(l + 1);
}

/* The bytes of l->items accounted to the GC (inline items are part of the object). */
static inline size_t owned_bytes(const BtList *l) {
    return items_inline(l) ? 0 : l->cap * sizeof(BtValue);
}

/* Make room for `need` items (amortized doubling). */
static bool list_grow(BtThread *t, BtList *l, size_t need) {
    if (need <= l->cap)
        return true;
    if (need > MAX_ITEMS || need > bt_gc_memory_limit(t) / sizeof(BtValue)) {
        bt_raise_memory(t);
        return false;
    }
    size_t cap = l->cap < 4 ? 4 : l->cap * 2;
    if (cap < need)
        cap = need;
    if (cap > bt_gc_memory_limit(t) / sizeof(BtValue))
        cap = need; /* doubling would ask for more than the machine has */
    size_t before = owned_bytes(l);
    BtValue *p;
    if (items_inline(l)) {
        p = malloc(cap * sizeof(BtValue));
        if (p)
            memcpy(p, l->items, l->len * sizeof(BtValue));
    } else {
        p = realloc(l->items, cap * sizeof(BtValue));
    }
    if (!p) {
        bt_raise_memory(t);
        return false;
    }
    bt_gc_account(t, (ptrdiff_t)(cap * sizeof(BtValue)) - (ptrdiff_t)before);
    l->items = p;
    l->cap = cap;
    return true;
}

/* Give memory back after the list shrank to under a quarter of its array. */
static void list_maybe_shrink(BtThread *t, BtList *l) {
    if (l->cap <= 16 || l->len >= l->cap / 4 || items_inline(l))
        return;
    size_t cap = l->len * 2 < 8 ? 8 : l->len * 2;
    BtValue *p = realloc(l->items, cap * sizeof(BtValue));
    if (!p)
        return;
    bt_gc_account(t, -(ptrdiff_t)((l->cap - cap) * sizeof(BtValue)));
    l->items = p;
    l->cap = cap;
}

static void list_release(BtThread *t, BtList *l) {
    bt_gc_account(t, -(ptrdiff_t)owned_bytes(l));
    if (!items_inline(l))
        free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}

BtList *bt_list_with_capacity(BtThread *t, size_t cap) {
    if (cap > 0 && cap <= LIST_INLINE_MAX) {
        BtList *l = bt_gc_alloc(t, BT_TYPE(t, list), sizeof(BtList) + cap * sizeof(BtValue));
        if (!l)
            return NULL;
        l->items = (BtValue *)(l + 1);
        l->cap = cap;
        return l;
    }
    BtList *l = bt_gc_alloc(t, BT_TYPE(t, list), sizeof(BtList));
    if (!l)
        return NULL;
    if (cap && !list_grow(t, l, cap))
        return NULL;
    return l;
}

BtList *bt_list_new(BtThread *t, size_t len) {
    BtList *l = bt_list_with_capacity(t, len);
    if (!l)
        return NULL;
    for (size_t i = 0; i < len; i++)
        l->items[i] = BT_NONE;
    l->len = len;
    return l;
}

BtList *bt_list_from(BtThread *t, const BtValue *items, size_t n) {
    BtList *l = bt_list_with_capacity(t, n);
    if (!l)
        return NULL;
    if (n)
        memcpy(l->items, items, n * sizeof(BtValue));
    l->len = n;
    return l;
}

bool bt_list_append(BtThread *t, BtList *l, BtValue v) {
    if (l->len == l->cap && !list_grow(t, l, l->len + 1))
        return false;
    l->items[l->len++] = v;
    return true;
}

/* Append copies of src[0..n); src may be l's own items. */
static bool list_append_array(BtThread *t, BtList *l, const BtValue *src, size_t n) {
    if (n == 0)
        return true;
    bool self = src == l->items;
    if (!list_grow(t, l, l->len + n))
        return false;
    memcpy(l->items + l->len, self ? l->items : src, n * sizeof(BtValue));
    l->len += n;
    return true;
}

/* Exactly a list (not a subclass, which may iterate differently). */
static inline bool is_exact_list(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, list);
}

bool bt_list_extend(BtThread *t, BtList *l, BtValue iterable) {
    if (is_exact_list(t, iterable) || (bt_is_obj(iterable) && bt_as_obj(iterable) == &l->hdr)) {
        BtList *src = bt_as_list(iterable);
        return list_append_array(t, l, src->items, src->len);
    }
    if (bt_is_tuple(t, iterable)) {
        BtTuple *src = bt_as_tuple(iterable);
        return list_append_array(t, l, src->items, src->len);
    }
    if (bt_is_obj(iterable) && bt_as_obj(iterable)->type == BT_TYPE(t, range) &&
        bt_is_undef(((BtRange *)bt_as_obj(iterable))->big)) {
        BtRange *r = (BtRange *)bt_as_obj(iterable);
        if (r->len > MAX_ITEMS) {
            bt_raise_memory(t);
            return false;
        }
        if (!list_grow(t, l, l->len + r->len))
            return false;
        uint64_t v = (uint64_t)r->start;
        for (uint64_t i = 0; i < r->len; i++, v += (uint64_t)r->step) {
            BtValue x = bt_int_from_i64(t, (int64_t)v); /* l holds what came before */
            if (bt_is_undef(x))
                return false;
            l->items[l->len++] = x;
        }
        return true;
    }
    if (bt_is_obj(iterable) && bt_as_obj(iterable)->type == BT_TYPE(t, range)) {
        /* A range past 64 bits: its length says at once whether it can fit
         * (CPython's OverflowError or MemoryError), rather than filling
         * memory one item at a time. */
        int64_t n = bt_len(t, iterable);
        if (n < 0)
            return false;
        if ((uint64_t)n > MAX_ITEMS) {
            bt_raise_memory(t);
            return false;
        }
    }
    BtValue it = bt_iter(t, iterable);
    if (bt_is_undef(it))
        return false;
    BT_PUSH_ROOT(t, &it);
    bool ok = true;
    for (;;) {
        BtValue v = bt_next(t, it);
        if (bt_is_undef(v)) {
            ok = !bt_has_exc(t);
            break;
        }
        if (!bt_list_append(t, l, v)) {
            ok = false;
            break;
        }
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

BtList *bt_list_from_iterable(BtThread *t, BtValue iterable) {
    if (is_exact_list(t, iterable))
        return bt_list_from(t, bt_as_list(iterable)->items, bt_as_list(iterable)->len);
    if (bt_is_tuple(t, iterable))
        return bt_list_from(t, bt_as_tuple(iterable)->items, bt_as_tuple(iterable)->len);
    BtList *l = bt_list_with_capacity(t, 0);
    if (!l)
        return NULL;
    BtValue lv = bt_obj(l);
    BT_PUSH_ROOT(t, &lv);
    bool ok = bt_list_extend(t, l, iterable);
    BT_POP_ROOT(t, 1);
    return ok ? l : NULL;
}

/* list(v) for slice assignment: TypeError `msg` when v is not iterable. */
static BtList *list_for_assign(BtThread *t, BtValue v, const char *msg) {
    BtValue it = bt_iter(t, v);
    if (bt_is_undef(it)) {
        if (bt_exc_pending_is(t, BT_EXC(t, TypeError))) {
            bt_take_exc(t);
            bt_raise(t, BT_EXC(t, TypeError), "%s", msg);
        }
        return NULL;
    }
    BT_PUSH_ROOT(t, &it);
    BtList *l = bt_list_from_iterable(t, it);
    BT_POP_ROOT(t, 1);
    return l;
}

/* ---- tuples ---- */

BtTuple *bt_tuple_empty(BtThread *t) {
    BtInterp *in = t->interp;
    if (!in->empty_tuple) {
        BtTuple *e = bt_gc_alloc(t, BT_TYPE(t, tuple), sizeof(BtTuple));
        if (!e)
            return NULL;
        e->hash = -1;
        in->empty_tuple = e;
    }
    return in->empty_tuple;
}

BtTuple *bt_tuple_new(BtThread *t, size_t len) {
    if (len == 0)
        return bt_tuple_empty(t);
    if (len > MAX_ITEMS) {
        bt_raise_memory(t);
        return NULL;
    }
    BtTuple *tu = bt_gc_alloc(t, BT_TYPE(t, tuple), sizeof(BtTuple) + len * sizeof(BtValue));
    if (!tu)
        return NULL;
    tu->hash = -1;
    for (size_t i = 0; i < len; i++)
        tu->items[i] = BT_NONE;
    tu->len = len;
    return tu;
}

BtTuple *bt_tuple_from(BtThread *t, const BtValue *items, size_t n) {
    BtTuple *tu = bt_tuple_new(t, n);
    if (tu && n)
        memcpy(tu->items, items, n * sizeof(BtValue));
    return tu;
}

BtTuple *bt_tuple_from_iterable(BtThread *t, BtValue iterable) {
    if (bt_is_tuple(t, iterable))
        return bt_as_tuple(iterable);
    if (is_exact_list(t, iterable))
        return bt_tuple_from(t, bt_as_list(iterable)->items, bt_as_list(iterable)->len);
    BtList *l = bt_list_from_iterable(t, iterable);
    if (!l)
        return NULL;
    BtValue lv = bt_obj(l);
    BT_PUSH_ROOT(t, &lv);
    BtTuple *tu = bt_tuple_from(t, l->items, l->len);
    BT_POP_ROOT(t, 1);
    return tu;
}

#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL

bool bt_tuple_hash_items(BtThread *t, const BtValue *items, size_t n, int64_t *out) {
    /* The xxHash-style mix of CPython 3.11, so hash((1, 2)) matches. */
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < n; i++) {
        int64_t h;
        if (!bt_hash(t, items[i], &h))
            return false;
        acc += (uint64_t)h * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += n ^ (XXPRIME_5 ^ 3527539ULL);
    if (acc == UINT64_MAX)
        acc = 1546275796;
    *out = (int64_t)acc;
    return true;
}

/* ---- index helpers ---- */

/* The int behind a subscript, or 0 with nothing raised for a slice or a
 * non-index (the caller decides); -1 raised. */
static inline int subscript_index(BtThread *t, BtValue key, int64_t *out) {
    if (bt_is_int(key)) {
        *out = bt_as_i64(key);
        return 1;
    }
    if (bt_is_obj(key) && bt_as_obj(key)->type == BT_TYPE(t, slice))
        return 0;
    if (bt_is_bigint(key))
        return bt_int_seq_index(t, key, out, false) ? 1 : -1;
    return bt_index_of(t, key, out);
}

static bool is_slice(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, slice);
}

/* start/stop arguments of index(): None is not allowed, __index__ is. */
static bool index_arg(BtThread *t, BtValue v, int64_t len, int64_t *out) {
    int r = bt_index_of(t, v, out);
    if (r == 0)
        bt_raise(t, BT_EXC(t, TypeError),
                 "slice indices must be integers or have an __index__ method");
    if (r != 1)
        return false;
    if (*out < 0) {
        *out += len;
        if (*out < 0)
            *out = 0;
    }
    return true;
}

/* ---- shared list/tuple behaviour ---- */

static inline void parts(BtThread *t, BtValue v, BtValue **items, size_t *n) {
    if (bt_is_list(t, v)) {
        *items = bt_as_list(v)->items;
        *n = bt_as_list(v)->len;
    } else {
        *items = bt_as_tuple(v)->items;
        *n = bt_as_tuple(v)->len;
    }
}

/* repr of a list or tuple, with the "[...]" guard for cycles. */
static BtValue seq_repr(BtThread *t, BtValue self, bool is_list) {
    BtValue *items;
    size_t n;
    parts(t, self, &items, &n);
    if (n == 0)
        return bt_cstr_value(t, is_list ? "[]" : "()");
    BtObject *o = bt_as_obj(self);
    if (o->flags & BT_FLAG_REPR_ACTIVE)
        return bt_cstr_value(t, is_list ? "[...]" : "(...)");
    o->flags |= BT_FLAG_REPR_ACTIVE;
    BtReprBuf b = {0};
    bool ok = bt_reprbuf_puts(t, &b, is_list ? "[" : "(");
    for (size_t i = 0; ok; i++) {
        parts(t, self, &items, &n);
        if (i >= n)
            break;
        if (i > 0)
            ok = bt_reprbuf_put(t, &b, ", ", 2);
        ok = ok && bt_reprbuf_repr(t, &b, items[i]);
    }
    parts(t, self, &items, &n);
    if (ok && !is_list && n == 1)
        ok = bt_reprbuf_put(t, &b, ",", 1);
    ok = ok && bt_reprbuf_puts(t, &b, is_list ? "]" : ")");
    o->flags &= (uint8_t)~BT_FLAG_REPR_ACTIVE;
    if (!ok) {
        bt_reprbuf_free(&b);
        return BT_UNDEF;
    }
    return bt_reprbuf_finish(t, &b);
}

static int seq_contains(BtThread *t, BtValue self, BtValue item) {
    BtValue *items;
    size_t n;
    for (size_t i = 0;; i++) {
        parts(t, self, &items, &n);
        if (i >= n)
            return 0;
        BtValue x = items[i];
        if (bt_is_int(x) && bt_is_int(item)) {
            if (bt_as_i64(x) == bt_as_i64(item))
                return 1;
            continue;
        }
        int r = bt_equal(t, x, item);
        if (r != 0)
            return r;
    }
}

static BtValue seq_count(BtThread *t, BtValue self, BtValue item) {
    BtValue *items;
    size_t n;
    int64_t count = 0;
    for (size_t i = 0;; i++) {
        parts(t, self, &items, &n);
        if (i >= n)
            return bt_int(count);
        int r = bt_equal(t, items[i], item);
        if (r < 0)
            return BT_UNDEF;
        count += r;
    }
}

/* index(x[, start[, stop]]): position or -1 absent; -2 raised. */
static int64_t seq_index(BtThread *t, BtValue self, const char *qual, BtValue *args, int nargs,
                         BtTuple *kwnames) {
    if (!bt_args_range(t, qual, "index", nargs, kwnames, 1, 3))
        return -2;
    BtValue *items;
    size_t n;
    parts(t, self, &items, &n);
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 1 && !index_arg(t, args[1], (int64_t)n, &start))
        return -2;
    if (nargs > 2 && !index_arg(t, args[2], (int64_t)n, &stop))
        return -2;
    for (int64_t i = start; i < stop; i++) {
        parts(t, self, &items, &n);
        if ((uint64_t)i >= n)
            break;
        int r = bt_equal(t, items[i], args[0]);
        if (r < 0)
            return -2;
        if (r)
            return i;
    }
    return -1;
}

static BtValue seq_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    bool lists = bt_is_list(t, a) && bt_is_list(t, b); /* subclasses included */
    BtType *tuple = BT_TYPE(t, tuple);
    bool tuples = bt_is_obj(a) && bt_is_obj(b) && bt_as_obj(a)->type->native == tuple &&
                  bt_as_obj(b)->type->native == tuple; /* tuple-laid-out types too */
    if (!lists && !tuples)
        return bt_not_implemented(t);
    return bt_seq_compare(t, a, b, op);
}

/* The right operand of list + x / tuple + x is not of the same kind. */
static BtValue concat_mismatch(BtThread *t, const char *kind, BtValue b) {
    if (bt_user_defines(t, b, t->interp->binop_names[BT_BINOP_ADD][1]))
        return bt_not_implemented(t);
    bt_raise(t, BT_EXC(t, TypeError), "can only concatenate %s (not \"%T\") to %s", kind, b,
             kind);
    return BT_UNDEF;
}

/* The repeat count of seq * n (either side); 0 with NotImplemented wanted,
 * -1 raised. */
static int repeat_count(BtThread *t, BtValue other, bool seq_left, int64_t *n) {
    if (bt_is_intlike(other)) {
        *n = bt_as_int(other);
        return 1;
    }
    if (bt_is_bigint(other))
        return bt_int_seq_index(t, other, n, true) ? 1 : -1;
    if (seq_left && bt_user_defines(t, other, t->interp->binop_names[BT_BINOP_MUL][1]))
        return 0;
    int r = bt_index_of(t, other, n);
    if (r == 0) {
        bt_raise(t, BT_EXC(t, TypeError), "can't multiply sequence by non-int of type '%T'",
                 other);
        return -1;
    }
    return r;
}

/* ---- list slots ---- */

static BtValue list_repr(BtThread *t, BtValue self) {
    return seq_repr(t, self, true);
}

static int64_t list_len(BtThread *t, BtValue self) {
    (void)t;
    return (int64_t)bt_as_list(self)->len;
}

static int list_truth(BtThread *t, BtValue self) {
    (void)t;
    return bt_as_list(self)->len != 0;
}

static BtValue list_slice(BtThread *t, BtList *l, BtValue slice) {
    int64_t start, stop, step, count;
    if (!bt_slice_indices(t, slice, (int64_t)l->len, &start, &stop, &step, &count))
        return BT_UNDEF;
    if (step == 1) {
        /* An empty list may have no array: no offset from NULL. */
        BtList *r = bt_list_from(t, count ? l->items + start : NULL, (size_t)count);
        return r ? bt_obj(r) : BT_UNDEF;
    }
    BtList *r = bt_list_with_capacity(t, (size_t)count);
    if (!r)
        return BT_UNDEF;
    for (int64_t i = 0, j = start; i < count; i++, j += step)
        r->items[i] = l->items[j];
    r->len = (size_t)count;
    return bt_obj(r);
}

static BtValue list_getitem(BtThread *t, BtValue self, BtValue key) {
    BtList *l = bt_as_list(self);
    int64_t i;
    int r = subscript_index(t, key, &i);
    if (r == 1) {
        if (i < 0)
            i += (int64_t)l->len;
        if ((uint64_t)i >= l->len) {
            bt_raise(t, BT_EXC(t, IndexError), "list index out of range");
            return BT_UNDEF;
        }
        return l->items[i];
    }
    if (r < 0)
        return BT_UNDEF;
    if (is_slice(t, key))
        return list_slice(t, l, key);
    bt_raise(t, BT_EXC(t, TypeError), "list indices must be integers or slices, not %T", key);
    return BT_UNDEF;
}

/* del l[slice] */
static bool list_delete_slice(BtThread *t, BtList *l, BtValue slice) {
    int64_t start, stop, step;
    if (!bt_slice_unpack(t, slice, &start, &stop, &step))
        return false;
    int64_t count = bt_slice_adjust((int64_t)l->len, &start, &stop, step);
    if (count <= 0)
        return true;
    if (step < 0) {
        start += step * (count - 1);
        step = -step;
    }
    if (step == 1) {
        memmove(l->items + start, l->items + start + count,
                (l->len - (size_t)(start + count)) * sizeof(BtValue));
        l->len -= (size_t)count;
    } else {
        size_t w = (size_t)start, k = 0;
        for (size_t r = (size_t)start; r < l->len; r++) {
            if (k < (size_t)count && r == (size_t)start + k * (size_t)step) {
                k++;
                continue;
            }
            l->items[w++] = l->items[r];
        }
        l->len = w;
    }
    list_maybe_shrink(t, l);
    return true;
}

/* l[slice] = v */
static bool list_assign_slice(BtThread *t, BtList *l, BtValue slice, BtValue v) {
    int64_t start, stop, step;
    if (!bt_slice_unpack(t, slice, &start, &stop, &step))
        return false;
    BtValue held = BT_UNDEF;
    const BtValue *src;
    size_t n;
    if (bt_is_tuple(t, v) || (bt_is_list(t, v) && bt_as_list(v) != l)) {
        parts(t, v, (BtValue **)&src, &n);
    } else {
        BtList *copy = list_for_assign(t, v, step == 1 ? "can only assign an iterable"
                                                        : "must assign iterable to extended slice");
        if (!copy)
            return false;
        held = bt_obj(copy);
        src = copy->items;
        n = copy->len;
    }
    BT_PUSH_ROOT(t, &held);
    bool ok = true;
    int64_t count = bt_slice_adjust((int64_t)l->len, &start, &stop, step);
    if (step == 1) {
        if (stop < start)
            stop = start;
        size_t nold = (size_t)(stop - start), tail = l->len - (size_t)stop;
        size_t newlen = l->len - nold + n;
        if (n > nold && !list_grow(t, l, newlen)) {
            ok = false;
        } else {
            memmove(l->items + start + n, l->items + stop, tail * sizeof(BtValue));
            if (n)
                memcpy(l->items + start, src, n * sizeof(BtValue));
            l->len = newlen;
            list_maybe_shrink(t, l);
        }
    } else if ((int64_t)n != count) {
        bt_raise(t, BT_EXC(t, ValueError),
                 "attempt to assign sequence of size %zu to extended slice of size %lld", n,
                 (long long)count);
        ok = false;
    } else {
        for (int64_t k = 0, j = start; k < count; k++, j += step)
            l->items[j] = src[k];
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

static bool list_setitem(BtThread *t, BtValue self, BtValue key, BtValue v) {
    BtList *l = bt_as_list(self);
    int64_t i;
    int r = subscript_index(t, key, &i);
    if (r == 1) {
        if (i < 0)
            i += (int64_t)l->len;
        if ((uint64_t)i >= l->len) {
            bt_raise(t, BT_EXC(t, IndexError), "list assignment index out of range");
            return false;
        }
        if (bt_is_undef(v)) {
            memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(BtValue));
            l->len--;
            list_maybe_shrink(t, l);
        } else {
            l->items[i] = v;
        }
        return true;
    }
    if (r < 0)
        return false;
    if (is_slice(t, key))
        return bt_is_undef(v) ? list_delete_slice(t, l, key) : list_assign_slice(t, l, key, v);
    bt_raise(t, BT_EXC(t, TypeError), "list indices must be integers or slices, not %T", key);
    return false;
}

/* l * n as a new list. */
static BtValue list_repeat(BtThread *t, BtList *l, int64_t n) {
    if (n <= 0 || l->len == 0) {
        BtList *r = bt_list_with_capacity(t, 0);
        return r ? bt_obj(r) : BT_UNDEF;
    }
    if ((uint64_t)n > MAX_ITEMS / l->len) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    size_t len = l->len, total = len * (size_t)n;
    BtList *r = bt_list_with_capacity(t, total);
    if (!r)
        return BT_UNDEF;
    if (len == 1) {
        for (size_t i = 0; i < total; i++)
            r->items[i] = l->items[0];
    } else {
        for (size_t i = 0; i < total; i += len)
            memcpy(r->items + i, l->items, len * sizeof(BtValue));
    }
    r->len = total;
    return bt_obj(r);
}

static BtValue list_binary(BtThread *t, int op, BtValue a, BtValue b) {
    int64_t n;
    int r;
    switch (op) {
    case BT_BINOP_ADD:
        if (!bt_is_list(t, a))
            return bt_not_implemented(t);
        if (!bt_is_list(t, b))
            return concat_mismatch(t, "list", b);
        {
            BtList *x = bt_as_list(a), *y = bt_as_list(b);
            BtList *res = bt_list_with_capacity(t, x->len + y->len);
            if (!res)
                return BT_UNDEF;
            list_append_array(t, res, x->items, x->len);
            list_append_array(t, res, y->items, y->len);
            return bt_obj(res);
        }
    case BT_BINOP_MUL:
        if (bt_is_list(t, a)) {
            r = repeat_count(t, b, true, &n);
            return r == 1 ? list_repeat(t, bt_as_list(a), n)
                          : r == 0 ? bt_not_implemented(t) : BT_UNDEF;
        }
        r = repeat_count(t, a, false, &n);
        return r == 1 ? list_repeat(t, bt_as_list(b), n) : BT_UNDEF;
    case BT_BINOP_ADD + BT_BINOP__COUNT:
        if (!bt_is_list(t, a))
            return bt_not_implemented(t);
        return bt_list_extend(t, bt_as_list(a), b) ? a : BT_UNDEF;
    case BT_BINOP_MUL + BT_BINOP__COUNT: {
        if (!bt_is_list(t, a))
            return bt_not_implemented(t);
        r = repeat_count(t, b, true, &n);
        if (r != 1)
            return r == 0 ? bt_not_implemented(t) : BT_UNDEF;
        BtList *l = bt_as_list(a);
        if (n <= 0 || l->len == 0) {
            list_release(t, l);
            return a;
        }
        if ((uint64_t)n > MAX_ITEMS / l->len) {
            bt_raise_memory(t);
            return BT_UNDEF;
        }
        size_t len = l->len, total = len * (size_t)n;
        if (!list_grow(t, l, total))
            return BT_UNDEF;
        for (size_t i = len; i < total; i += len)
            memcpy(l->items + i, l->items, len * sizeof(BtValue));
        l->len = total;
        return a;
    }
    }
    return bt_not_implemented(t);
}

static BtValue list_iter(BtThread *t, BtValue self) {
    BtListIter *it = bt_gc_alloc(t, BT_TYPE(t, list_iter), sizeof(BtListIter));
    if (!it)
        return BT_UNDEF;
    it->seq = bt_as_obj(self);
    return bt_obj(it);
}

static BtValue list_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)type;
    if (bt_kwcount(kwnames)) {
        bt_raise(t, BT_EXC(t, TypeError), "list() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs > 1) {
        bt_raise(t, BT_EXC(t, TypeError), "list expected at most 1 argument, got %d", nargs);
        return BT_UNDEF;
    }
    BtList *l = nargs ? bt_list_from_iterable(t, args[0]) : bt_list_with_capacity(t, 0);
    return l ? bt_obj(l) : BT_UNDEF;
}

static void list_trace(BtGc *gc, BtObject *self) {
    BtList *l = (BtList *)self;
    if (l->items)
        bt_gc_mark_array(gc, l->items, l->len);
}

static void list_finalize(BtInterp *interp, BtObject *self) {
    (void)interp;
    BtList *l = (BtList *)self;
    if (!items_inline(l))
        free(l->items);
    l->items = NULL;
}

/* ---- list iterators ---- */

static BtValue list_iter_next(BtThread *t, BtValue self) {
    (void)t;
    BtListIter *it = (BtListIter *)bt_as_obj(self);
    BtList *l = (BtList *)it->seq;
    if (l && it->index < l->len)
        return l->items[it->index++];
    it->seq = NULL;
    return BT_UNDEF;
}

static void list_iter_trace(BtGc *gc, BtObject *self) {
    if (((BtListIter *)self)->seq)
        bt_gc_mark_obj(gc, ((BtListIter *)self)->seq);
}

BtValue bt_list_reversed(BtThread *t, BtList *l) {
    BtListRevIter *it = bt_gc_alloc(t, BT_TYPE(t, list_reviter), sizeof(BtListRevIter));
    if (!it)
        return BT_UNDEF;
    it->list = l;
    it->index = (int64_t)l->len - 1;
    return bt_obj(it);
}

static BtValue list_reviter_next(BtThread *t, BtValue self) {
    (void)t;
    BtListRevIter *it = (BtListRevIter *)bt_as_obj(self);
    BtList *l = it->list;
    if (l && it->index >= 0 && (uint64_t)it->index < l->len)
        return l->items[it->index--];
    it->list = NULL;
    return BT_UNDEF;
}

static void list_reviter_trace(BtGc *gc, BtObject *self) {
    if (((BtListRevIter *)self)->list)
        bt_gc_mark_obj(gc, (BtObject *)((BtListRevIter *)self)->list);
}

/* ---- sorting ---- */

enum { SORT_GENERIC, SORT_INT, SORT_FLOAT, SORT_STR };

typedef struct {
    BtThread *t;
    const BtValue *keys;
    int kind;
} SortCtx;

static inline bool str_less(const BtStr *a, const BtStr *b) {
    size_t n = a->size < b->size ? a->size : b->size;
    int c = memcmp(a->data, b->data, n);
    return c < 0 || (c == 0 && a->size < b->size);
}

/* keys[i] < keys[j]: 1 or 0, -1 raised. */
static int sort_less(SortCtx *c, size_t i, size_t j) {
    BtValue x = c->keys[i], y = c->keys[j];
    switch (c->kind) {
    case SORT_INT: return bt_as_i64(x) < bt_as_i64(y);
    case SORT_FLOAT: return bt_as_f64(x) < bt_as_f64(y);
    case SORT_STR: return str_less(bt_as_str(x), bt_as_str(y));
    }
    BtValue r = bt_compare(c->t, x, y, BT_COMPARE_LT);
    if (bt_is_undef(r))
        return -1;
    if (bt_is_bool(r))
        return bt_as_bool(r);
    return bt_truthy(c->t, r);
}

/* "a goes before b" for a descending sort keeps equal keys in order: b must
 * be strictly greater to go first. */
static inline int sort_before(SortCtx *c, bool reverse, size_t b, size_t a) {
    return reverse ? sort_less(c, a, b) : sort_less(c, b, a);
}

/* Stable merge sort of perm[0..n) by keys; tmp has room for n/2+1. */
static bool merge_sort(SortCtx *c, bool reverse, size_t *perm, size_t *tmp, size_t n) {
    if (n <= 12) {
        for (size_t i = 1; i < n; i++) {
            size_t x = perm[i], j = i;
            while (j > 0) {
                int r = sort_before(c, reverse, x, perm[j - 1]);
                if (r < 0)
                    return false;
                if (!r)
                    break;
                perm[j] = perm[j - 1];
                j--;
            }
            perm[j] = x;
        }
        return true;
    }
    size_t m = n / 2;
    if (!merge_sort(c, reverse, perm, tmp, m) || !merge_sort(c, reverse, perm + m, tmp, n - m))
        return false;
    int r = sort_before(c, reverse, perm[m], perm[m - 1]);
    if (r <= 0)
        return r == 0; /* already in order (the common presorted case) */
    memcpy(tmp, perm, m * sizeof(size_t));
    size_t i = 0, j = m, k = 0;
    while (i < m && j < n) {
        r = sort_before(c, reverse, perm[j], tmp[i]);
        if (r < 0)
            return false;
        perm[k++] = r ? perm[j++] : tmp[i++];
    }
    while (i < m)
        perm[k++] = tmp[i++];
    return true;
}

/* Stable merge sorts of plain values for the kinds that compare without
 * calling out (no key function): no permutation, no indirection. tmp has
 * room for n/2+1 values; nothing here allocates or runs Python code. */
#define INT_LESS(x, y) (bt_as_i64((x)) < bt_as_i64((y)))
#define FLOAT_LESS(x, y) (bt_as_f64((x)) < bt_as_f64((y)))
#define STR_LESS(x, y) str_less(bt_as_str(x), bt_as_str(y))
#define INT_MORE(x, y) INT_LESS(y, x)
#define FLOAT_MORE(x, y) FLOAT_LESS(y, x)
#define STR_MORE(x, y) STR_LESS(y, x)
#define DEFINE_VALUE_SORT(name, BEFORE)                                                            \
    static void name(BtValue *a, BtValue *tmp, size_t n) {                                         \
        if (n <= 16) {                                                                             \
            for (size_t i = 1; i < n; i++) {                                                       \
                BtValue x = a[i];                                                                  \
                size_t j = i;                                                                      \
                for (; j > 0 && BEFORE(x, a[j - 1]); j--)                                          \
                    a[j] = a[j - 1];                                                               \
                a[j] = x;                                                                          \
            }                                                                                      \
            return;                                                                                \
        }                                                                                          \
        size_t m = n / 2;                                                                          \
        name(a, tmp, m);                                                                           \
        name(a + m, tmp, n - m);                                                                   \
        if (!BEFORE(a[m], a[m - 1]))                                                               \
            return;                                                                                \
        memcpy(tmp, a, m * sizeof(BtValue));                                                       \
        size_t i = 0, j = m, k = 0;                                                                \
        while (i < m && j < n)                                                                     \
            a[k++] = BEFORE(a[j], tmp[i]) ? a[j++] : tmp[i++];                                     \
        while (i < m)                                                                              \
            a[k++] = tmp[i++];                                                                     \
    }
DEFINE_VALUE_SORT(sort_ints, INT_LESS)
DEFINE_VALUE_SORT(sort_ints_rev, INT_MORE)
DEFINE_VALUE_SORT(sort_floats, FLOAT_LESS)
DEFINE_VALUE_SORT(sort_floats_rev, FLOAT_MORE)
DEFINE_VALUE_SORT(sort_strs, STR_LESS)
DEFINE_VALUE_SORT(sort_strs_rev, STR_MORE)

/* Sort values in place when their kind allows it; false when it does not
 * (or memory ran out: then the caller's general path reports it). */
static bool sort_plain_values(int kind, bool reverse, BtValue *v, size_t n) {
    if (kind == SORT_GENERIC)
        return false;
    BtValue *tmp = malloc((n / 2 + 1) * sizeof(BtValue));
    if (!tmp)
        return false;
    switch (kind) {
    case SORT_INT: (reverse ? sort_ints_rev : sort_ints)(v, tmp, n); break;
    case SORT_FLOAT: (reverse ? sort_floats_rev : sort_floats)(v, tmp, n); break;
    default: (reverse ? sort_strs_rev : sort_strs)(v, tmp, n); break;
    }
    free(tmp);
    return true;
}

/* Is perm already in order, or in strictly reverse order (then reversed in
 * place)? 1 sorted, 0 not, -1 raised. Costs a comparison or two on random
 * input and makes re-sorting sorted or reversed data linear. */
static int sort_presorted(SortCtx *c, bool reverse, size_t *perm, size_t n) {
    size_t i;
    for (i = 1; i < n; i++) {
        int r = sort_before(c, reverse, perm[i], perm[i - 1]);
        if (r < 0)
            return -1;
        if (r)
            break;
    }
    if (i == n)
        return 1;
    if (i > 1)
        return 0;
    for (i = 2; i < n; i++) {
        int r = sort_before(c, reverse, perm[i], perm[i - 1]);
        if (r <= 0)
            return r;
    }
    for (size_t a = 0, b = n - 1; a < b; a++, b--) {
        size_t x = perm[a];
        perm[a] = perm[b];
        perm[b] = x;
    }
    return 1;
}

static int sort_kind(BtThread *t, const BtValue *keys, size_t n) {
    BtValueTag tag = bt_kind(keys[0]);
    if (tag == BT_V_INT || tag == BT_V_FLOAT) {
        for (size_t i = 1; i < n; i++)
            if (bt_kind(keys[i]) != tag)
                return SORT_GENERIC;
        return tag == BT_V_INT ? SORT_INT : SORT_FLOAT;
    }
    for (size_t i = 0; i < n; i++)
        if (!bt_is_str(t, keys[i]))
            return SORT_GENERIC;
    return SORT_STR;
}

bool bt_list_sort(BtThread *t, BtList *l, BtValue key, bool reverse) {
    bool use_key = !bt_is_undef(key) && !bt_is_none(key);
    if (l->len < 2 && !use_key)
        return true;
    /* The items move to `hold` while user code runs, so l looks empty to it
     * (as in CPython) and any change to l can be detected afterwards. */
    BtList *hold = bt_list_with_capacity(t, 0);
    if (!hold)
        return false;
    BtValue holdv = bt_obj(hold), keysv = BT_UNDEF;
    BT_PUSH_ROOT(t, &holdv);
    BT_PUSH_ROOT(t, &keysv);
    hold->items = l->items;
    hold->len = l->len;
    hold->cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    size_t n = hold->len;
    size_t *perm = NULL;
    bool ok = true;
    const BtValue *keys = hold->items;
    if (use_key) {
        BtList *kl = bt_list_with_capacity(t, n);
        ok = kl != NULL;
        if (ok)
            keysv = bt_obj(kl);
        for (size_t i = 0; ok && i < n; i++) {
            BtValue k = bt_call(t, key, &hold->items[i], 1, NULL);
            ok = !bt_is_undef(k);
            if (ok)
                kl->items[kl->len++] = k;
        }
        if (ok)
            keys = kl->items;
    }
    bool done = false;
    if (ok && n > 1 && !use_key)
        done = sort_plain_values(sort_kind(t, keys, n), reverse, hold->items, n);
    if (ok && n > 1 && !done) {
        perm = malloc(n * sizeof(size_t) + (n / 2 + 1) * sizeof(size_t));
        if (!perm) {
            bt_raise_memory(t);
            ok = false;
        }
    }
    if (ok && n > 1 && !done) {
        for (size_t i = 0; i < n; i++)
            perm[i] = i;
        SortCtx c = {t, keys, sort_kind(t, keys, n)};
        int pre = sort_presorted(&c, reverse, perm, n);
        ok = pre == 1 || (pre == 0 && merge_sort(&c, reverse, perm, perm + n, n));
        if (ok) {
            BtValue *sorted = malloc(n * sizeof(BtValue));
            if (!sorted) {
                bt_raise_memory(t);
                ok = false;
            } else {
                for (size_t i = 0; i < n; i++)
                    sorted[i] = hold->items[perm[i]];
                memcpy(hold->items, sorted, n * sizeof(BtValue));
                free(sorted);
            }
        }
    }
    free(perm);
    bool modified = l->items != NULL || l->len != 0;
    if (modified)
        list_release(t, l); /* what user code appended; l's own items are in hold */
    l->items = hold->items;
    l->len = hold->len;
    l->cap = hold->cap;
    hold->items = NULL;
    hold->len = hold->cap = 0;
    if (ok && modified) {
        bt_raise(t, BT_EXC(t, ValueError), "list modified during sort");
        ok = false;
    }
    BT_POP_ROOT(t, 2);
    return ok;
}

/* ---- list methods ---- */

static BtValue list_append_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (!bt_args_one(t, "list.append", nargs, kwnames))
        return BT_UNDEF;
    return bt_list_append(t, bt_as_list(self), args[0]) ? BT_NONE : BT_UNDEF;
}

static BtValue list_extend_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (!bt_args_one(t, "list.extend", nargs, kwnames))
        return BT_UNDEF;
    return bt_list_extend(t, bt_as_list(self), args[0]) ? BT_NONE : BT_UNDEF;
}

static BtValue list_insert(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    if (!bt_args_range(t, "list.insert", "insert", nargs, kwnames, 2, 2))
        return BT_UNDEF;
    int64_t i;
    if (!bt_index_or_raise(t, args[0], &i))
        return BT_UNDEF;
    BtList *l = bt_as_list(self);
    int64_t len = (int64_t)l->len;
    if (i < 0) {
        i += len;
        if (i < 0)
            i = 0;
    } else if (i > len) {
        i = len;
    }
    if (!list_grow(t, l, l->len + 1))
        return BT_UNDEF;
    memmove(l->items + i + 1, l->items + i, (l->len - (size_t)i) * sizeof(BtValue));
    l->items[i] = args[1];
    l->len++;
    return BT_NONE;
}

static BtValue list_pop(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_args_range(t, "list.pop", "pop", nargs, kwnames, 0, 1))
        return BT_UNDEF;
    int64_t i = -1;
    if (nargs && !bt_index_or_raise(t, args[0], &i))
        return BT_UNDEF;
    BtList *l = bt_as_list(self);
    if (l->len == 0) {
        bt_raise(t, BT_EXC(t, IndexError), "pop from empty list");
        return BT_UNDEF;
    }
    if (i < 0)
        i += (int64_t)l->len;
    if ((uint64_t)i >= l->len) {
        bt_raise(t, BT_EXC(t, IndexError), "pop index out of range");
        return BT_UNDEF;
    }
    BtValue v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(BtValue));
    l->len--;
    list_maybe_shrink(t, l);
    return v;
}

static BtValue list_remove(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    if (!bt_args_one(t, "list.remove", nargs, kwnames))
        return BT_UNDEF;
    BtList *l = bt_as_list(self);
    for (size_t i = 0; i < l->len; i++) {
        int r = bt_equal(t, l->items[i], args[0]);
        if (r < 0)
            return BT_UNDEF;
        if (r && i < l->len) {
            memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(BtValue));
            l->len--;
            list_maybe_shrink(t, l);
            return BT_NONE;
        }
    }
    bt_raise(t, BT_EXC(t, ValueError), "list.remove(x): x not in list");
    return BT_UNDEF;
}

static BtValue list_index(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    int64_t i = seq_index(t, self, "list.index", args, nargs, kwnames);
    if (i == -1)
        bt_raise(t, BT_EXC(t, ValueError), "%R is not in list", args[0]);
    return i >= 0 ? bt_int(i) : BT_UNDEF;
}

static BtValue list_count(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    if (!bt_args_one(t, "list.count", nargs, kwnames))
        return BT_UNDEF;
    return seq_count(t, self, args[0]);
}

static BtValue list_sort_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    if (nargs > 0) {
        bt_raise(t, BT_EXC(t, TypeError), "sort() takes no positional arguments");
        return BT_UNDEF;
    }
    BtValue key = BT_UNDEF;
    bool reverse = false;
    for (int i = 0; i < bt_kwcount(kwnames); i++) {
        BtStr *name = bt_as_str(kwnames->items[i]);
        BtValue v = args[nargs + i];
        if (strcmp(name->data, "key") == 0) {
            key = v;
        } else if (strcmp(name->data, "reverse") == 0) {
            int64_t r;
            if (!bt_index_or_raise(t, v, &r))
                return BT_UNDEF;
            reverse = r != 0;
        } else {
            bt_raise(t, BT_EXC(t, TypeError), "'%S' is an invalid keyword argument for sort()",
                     name);
            return BT_UNDEF;
        }
    }
    return bt_list_sort(t, bt_as_list(self), key, reverse) ? BT_NONE : BT_UNDEF;
}

static BtValue list_reverse(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "list.reverse", nargs, kwnames))
        return BT_UNDEF;
    BtList *l = bt_as_list(self);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        BtValue x = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = x;
    }
    return BT_NONE;
}

static BtValue list_copy(BtThread *t, BtValue self, BtValue *args, int nargs,
                         BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "list.copy", nargs, kwnames))
        return BT_UNDEF;
    BtList *l = bt_list_from(t, bt_as_list(self)->items, bt_as_list(self)->len);
    return l ? bt_obj(l) : BT_UNDEF;
}

static BtValue list_clear(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "list.clear", nargs, kwnames))
        return BT_UNDEF;
    list_release(t, bt_as_list(self));
    return BT_NONE;
}

static const BtNativeDef list_methods[] = {
    {"append", list_append_m}, {"extend", list_extend_m}, {"insert", list_insert},
    {"pop", list_pop},         {"remove", list_remove},   {"index", list_index},
    {"count", list_count},     {"sort", list_sort_m},     {"reverse", list_reverse},
    {"copy", list_copy},       {"clear", list_clear},     {NULL, NULL},
};

/* ---- tuple slots and methods ---- */

static BtValue tuple_repr(BtThread *t, BtValue self) {
    return seq_repr(t, self, false);
}

static int64_t tuple_len(BtThread *t, BtValue self) {
    (void)t;
    return (int64_t)bt_as_tuple(self)->len;
}

static int tuple_truth(BtThread *t, BtValue self) {
    (void)t;
    return bt_as_tuple(self)->len != 0;
}

static bool tuple_hash(BtThread *t, BtValue self, int64_t *out) {
    BtTuple *tu = bt_as_tuple(self);
    if (tu->hash != -1) {
        *out = tu->hash;
        return true;
    }
    /* Items may be tuples themselves, nested as deep as memory allows:
     * CPython does not count hashing against the recursion limit, only the
     * C stack bounds it. */
    if (!bt_c_stack_ok(t, ""))
        return false;
    if (!bt_tuple_hash_items(t, tu->items, tu->len, out))
        return false;
    tu->hash = *out;
    return true;
}

static BtValue tuple_getitem(BtThread *t, BtValue self, BtValue key) {
    BtTuple *tu = bt_as_tuple(self);
    int64_t i;
    int r = subscript_index(t, key, &i);
    if (r == 1) {
        if (i < 0)
            i += (int64_t)tu->len;
        if ((uint64_t)i >= tu->len) {
            bt_raise(t, BT_EXC(t, IndexError), "tuple index out of range");
            return BT_UNDEF;
        }
        return tu->items[i];
    }
    if (r < 0)
        return BT_UNDEF;
    if (!is_slice(t, key)) {
        bt_raise(t, BT_EXC(t, TypeError), "tuple indices must be integers or slices, not %T",
                 key);
        return BT_UNDEF;
    }
    int64_t start, stop, step, count;
    if (!bt_slice_indices(t, key, (int64_t)tu->len, &start, &stop, &step, &count))
        return BT_UNDEF;
    if (step == 1 && count == (int64_t)tu->len)
        return self;
    BtTuple *res = bt_tuple_new(t, (size_t)count);
    if (!res)
        return BT_UNDEF;
    for (int64_t k = 0, j = start; k < count; k++, j += step)
        res->items[k] = tu->items[j];
    return bt_obj(res);
}

static BtValue tuple_binary(BtThread *t, int op, BtValue a, BtValue b) {
    int64_t n;
    int r;
    BtValue seq;
    switch (op) {
    case BT_BINOP_ADD: {
        if (!bt_is_tuple(t, a))
            return bt_not_implemented(t);
        if (!bt_is_tuple(t, b))
            return concat_mismatch(t, "tuple", b);
        BtTuple *x = bt_as_tuple(a), *y = bt_as_tuple(b);
        if (y->len == 0)
            return a;
        if (x->len == 0)
            return b;
        BtTuple *res = bt_tuple_new(t, x->len + y->len);
        if (!res)
            return BT_UNDEF;
        memcpy(res->items, x->items, x->len * sizeof(BtValue));
        memcpy(res->items + x->len, y->items, y->len * sizeof(BtValue));
        return bt_obj(res);
    }
    case BT_BINOP_MUL:
        if (bt_is_tuple(t, a)) {
            seq = a;
            r = repeat_count(t, b, true, &n);
        } else {
            seq = b;
            r = repeat_count(t, a, false, &n);
        }
        if (r != 1)
            return r == 0 ? bt_not_implemented(t) : BT_UNDEF;
        {
            BtTuple *tu = bt_as_tuple(seq);
            if (n == 1 || tu->len == 0)
                return seq;
            if (n <= 0)
                return bt_obj(bt_tuple_empty(t));
            if ((uint64_t)n > MAX_ITEMS / tu->len) {
                bt_raise_memory(t);
                return BT_UNDEF;
            }
            BtTuple *res = bt_tuple_new(t, tu->len * (size_t)n);
            if (!res)
                return BT_UNDEF;
            for (size_t i = 0; i < res->len; i += tu->len)
                memcpy(res->items + i, tu->items, tu->len * sizeof(BtValue));
            return bt_obj(res);
        }
    }
    return bt_not_implemented(t);
}

static BtValue tuple_iter(BtThread *t, BtValue self) {
    BtListIter *it = bt_gc_alloc(t, BT_TYPE(t, tuple_iter), sizeof(BtListIter));
    if (!it)
        return BT_UNDEF;
    it->seq = bt_as_obj(self);
    return bt_obj(it);
}

static BtValue tuple_iter_next(BtThread *t, BtValue self) {
    (void)t;
    BtListIter *it = (BtListIter *)bt_as_obj(self);
    BtTuple *tu = (BtTuple *)it->seq;
    if (tu && it->index < tu->len)
        return tu->items[it->index++];
    it->seq = NULL;
    return BT_UNDEF;
}

static BtValue tuple_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)type;
    if (bt_kwcount(kwnames)) {
        bt_raise(t, BT_EXC(t, TypeError), "tuple() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs > 1) {
        bt_raise(t, BT_EXC(t, TypeError), "tuple expected at most 1 argument, got %d", nargs);
        return BT_UNDEF;
    }
    BtTuple *tu = nargs ? bt_tuple_from_iterable(t, args[0]) : bt_tuple_empty(t);
    return tu ? bt_obj(tu) : BT_UNDEF;
}

static void tuple_trace(BtGc *gc, BtObject *self) {
    BtTuple *tu = (BtTuple *)self;
    bt_gc_mark_array(gc, tu->items, tu->len);
}

static BtValue tuple_index(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    int64_t i = seq_index(t, self, "tuple.index", args, nargs, kwnames);
    if (i == -1)
        bt_raise(t, BT_EXC(t, ValueError), "tuple.index(x): x not in tuple");
    return i >= 0 ? bt_int(i) : BT_UNDEF;
}

static BtValue tuple_count(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    if (!bt_args_one(t, "tuple.count", nargs, kwnames))
        return BT_UNDEF;
    return seq_count(t, self, args[0]);
}

static const BtNativeDef tuple_methods[] = {
    {"index", tuple_index},
    {"count", tuple_count},
    {NULL, NULL},
};

/* ---- set-up ---- */

bool bt_list_init_types(BtThread *t) {
    BtType *list = BT_TYPE(t, list);
    list->instance_size = sizeof(BtList);
    list->repr = list_repr;
    list->compare = seq_compare;
    list->binary = list_binary;
    list->truth = list_truth;
    list->len = list_len;
    list->getitem = list_getitem;
    list->setitem = list_setitem;
    list->contains = seq_contains;
    list->iter = list_iter;
    list->construct = list_construct;
    list->trace = list_trace;
    list->finalize = list_finalize;

    BtType *tuple = BT_TYPE(t, tuple);
    tuple->instance_size = sizeof(BtTuple);
    tuple->repr = tuple_repr;
    tuple->hash = tuple_hash;
    tuple->compare = seq_compare;
    tuple->binary = tuple_binary;
    tuple->truth = tuple_truth;
    tuple->len = tuple_len;
    tuple->getitem = tuple_getitem;
    tuple->contains = seq_contains;
    tuple->iter = tuple_iter;
    tuple->construct = tuple_construct;
    tuple->trace = tuple_trace;

    return bt_type_add_methods(t, list, list_methods) &&
           bt_type_add_methods(t, tuple, tuple_methods) && bt_add_container_dunders(t, list) &&
           bt_add_container_dunders(t, tuple) &&
           bt_iter_setup_type(t, BT_TYPE(t, list_iter), sizeof(BtListIter), list_iter_next,
                              list_iter_trace) &&
           bt_iter_setup_type(t, BT_TYPE(t, tuple_iter), sizeof(BtListIter), tuple_iter_next,
                              list_iter_trace) &&
           bt_iter_setup_type(t, BT_TYPE(t, list_reviter), sizeof(BtListRevIter),
                              list_reviter_next, list_reviter_trace) &&
           bt_tuple_empty(t) != NULL;
}

/* ---- struct sequences ---- */

static BtTuple *structseq_fields(BtThread *t, BtType *ty) {
    BtStr *key = bt_str_intern_cstr(t, "__match_args__");
    BtValue f = key ? bt_dict_get_str(ty->dict, key) : BT_UNDEF;
    return bt_is_undef(f) ? NULL : bt_as_tuple(f);
}

static BtValue structseq_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtTuple *fields = structseq_fields(t, bt_as_obj(self)->type);
    for (size_t i = 0; fields && i < fields->len; i++)
        if (bt_as_str(fields->items[i]) == name) /* both interned */
            return bt_as_tuple(self)->items[i];
    return bt_generic_getattr(t, self, name);
}

static BtValue structseq_repr(BtThread *t, BtValue self) {
    BtType *ty = bt_as_obj(self)->type;
    BtTuple *fields = structseq_fields(t, ty), *items = bt_as_tuple(self);
    BtStr *acc = ty->module ? bt_str_format(t, "%S.%S(", ty->module, ty->name)
                            : bt_str_format(t, "%S(", ty->name);
    for (size_t i = 0; acc && fields && i < fields->len && i < items->len; i++)
        acc = bt_str_format(t, "%S%s%S=%R", acc, i ? ", " : "", bt_as_str(fields->items[i]),
                            items->items[i]);
    acc = acc ? bt_str_format(t, "%S)", acc) : NULL;
    return acc ? bt_obj(acc) : BT_UNDEF;
}

BtType *bt_structseq_type(BtThread *t, const char *module, const char *name,
                          const char *const *fields, int nfields) {
    BtType *tuple = BT_TYPE(t, tuple);
    BtType *ty = bt_type_new_native(t, name, tuple, tuple->instance_size);
    if (!ty)
        return NULL;
    BtValue keep = bt_obj(ty), names = BT_UNDEF;
    BT_PUSH_ROOT(t, &keep);
    BT_PUSH_ROOT(t, &names);
    BtTuple *nt = bt_tuple_new(t, (size_t)nfields);
    names = nt ? bt_obj(nt) : BT_UNDEF;
    bool ok = nt != NULL;
    for (int i = 0; ok && i < nfields; i++) {
        BtStr *f = bt_str_intern_cstr(t, fields[i]);
        ok = f != NULL;
        if (ok)
            nt->items[i] = bt_obj(f);
    }
    BtStr *key = ok ? bt_str_intern_cstr(t, "__match_args__") : NULL;
    ok = key && bt_dict_set_str(t, ty->dict, key, names);
    if (ok && module) {
        ty->module = bt_str_intern_cstr(t, module);
        ok = ty->module != NULL;
    } else if (ok) {
        ty->module = NULL; /* a builtins type: the repr shows the bare name */
    }
    BT_POP_ROOT(t, 2);
    if (!ok)
        return NULL;
    /* Laid out as a tuple, so it takes every tuple slot but these. */
    ty->native = tuple;
    ty->trace = tuple->trace;
    ty->len = tuple->len;
    ty->getitem = tuple->getitem;
    ty->iter = tuple->iter;
    ty->contains = tuple->contains;
    ty->truth = tuple->truth;
    ty->binary = tuple->binary;
    ty->getattr = structseq_getattr;
    ty->repr = structseq_repr;
    ty->str = NULL;
    ty->construct = NULL;
    return ty;
}

BtValue bt_structseq_new(BtThread *t, BtType *type, const BtValue *items) {
    BtTuple *fields = structseq_fields(t, type);
    BtTuple *tp = fields ? bt_tuple_from(t, items, fields->len) : NULL;
    if (!tp)
        return BT_UNDEF;
    tp->hdr.type = type;
    return bt_obj(tp);
}
