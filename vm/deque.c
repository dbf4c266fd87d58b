/* deque.c: collections.deque, the double-ended queue (vm stage; see vm/README.md).
 *
 * Schedulers live on queues: the talk's round robin pops a task from the
 * left and appends it on the right, thousands of times a second. A deque is
 * a ring of value slots (head, len, a power-of-two capacity) that doubles
 * when full, so both ends cost O(1) and no call allocates. `state` counts
 * changes, so an iterator notices that its deque changed under it, as
 * CPython's does. The `_collections` module (stdlib/) hands the type to
 * collections.py.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/container_internal.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/interp_internal.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

typedef struct {
    BtObject hdr;
    BtValue *slots;  /* cap slots, malloc'ed (accounted to the GC); NULL while cap is 0 */
    size_t cap;      /* 0 or a power of two */
    size_t head;     /* slot of item 0 */
    size_t len;
    int64_t maxlen1; /* maxlen + 1, and 0 for unbounded: a zeroed deque is a valid empty one */
    uint64_t state;  /* bumped by every change of length or order */
} BtDeque;

typedef struct {
    BtObject hdr;
    BtValue deque;
    size_t index;    /* items handed out so far */
    uint64_t state;  /* the deque's state when the iterator was made */
} BtDequeIter;

static BtDeque *as_dq(BtValue v) {
    return (BtDeque *)bt_as_obj(v);
}

static int64_t maxlen_of(const BtDeque *d) {
    return d->maxlen1 - 1; /* -1: unbounded */
}

static bool is_deque(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_issubtype(bt_as_obj(v)->type, BT_TYPE(t, deque));
}

static BtValue *slot(BtDeque *d, size_t i) {
    return &d->slots[(d->head + i) & (d->cap - 1)];
}

static bool grow(BtThread *t, BtDeque *d) {
    size_t cap = d->cap ? d->cap * 2 : 8;
    if (cap > bt_gc_memory_limit(t) / sizeof(BtValue)) {
        bt_raise_memory(t);
        return false;
    }
    BtValue *s = malloc(cap * sizeof *s);
    if (!s) {
        bt_raise_memory(t);
        return false;
    }
    for (size_t i = 0; i < d->len; i++)
        s[i] = *slot(d, i);
    free(d->slots);
    bt_gc_account(t, (ptrdiff_t)((cap - d->cap) * sizeof(BtValue)));
    d->slots = s;
    d->cap = cap;
    d->head = 0;
    return true;
}

static BtValue pop_right(BtDeque *d) {
    d->state++;
    BtValue v = *slot(d, --d->len);
    return v;
}

static BtValue pop_left(BtDeque *d) {
    d->state++;
    BtValue v = *slot(d, 0);
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    return v;
}

/* Append on the right (or the left); a full bounded deque drops from the other end. */
static bool push(BtThread *t, BtDeque *d, BtValue v, bool left) {
    int64_t maxlen = maxlen_of(d);
    if (maxlen == 0)
        return true;
    if (maxlen > 0 && d->len == (size_t)maxlen)
        (void)(left ? pop_right(d) : pop_left(d));
    if (d->len == d->cap && !grow(t, d))
        return false;
    d->state++;
    if (left) {
        d->head = (d->head - 1) & (d->cap - 1);
        d->slots[d->head] = v;
    } else {
        *slot(d, d->len) = v;
    }
    d->len++;
    return true;
}

/* The items of an iterable, as a list (for extend(self) and friends). */
static bool extend(BtThread *t, BtValue self, BtValue iterable, bool left) {
    BtValue items = bt_obj(bt_list_from_iterable(t, iterable));
    if (!bt_as_obj(items))
        return false;
    BT_PUSH_ROOT(t, &items);
    bool ok = true;
    for (size_t i = 0; ok && i < bt_as_list(items)->len; i++)
        ok = push(t, as_dq(self), bt_as_list(items)->items[i], left);
    BT_POP_ROOT(t, 1);
    return ok;
}

/* Index i of the deque, Python-style (negative from the end); -1 raised. */
static int64_t index_arg(BtThread *t, BtDeque *d, BtValue key) {
    int64_t i;
    if (bt_index_of(t, key, &i) <= 0) {
        if (!bt_has_exc(t))
            bt_raise(t, BT_EXC(t, TypeError), "sequence index must be integer, not '%T'", key);
        return -1;
    }
    if (i < 0)
        i += (int64_t)d->len;
    if (i < 0 || i >= (int64_t)d->len) {
        bt_raise(t, BT_EXC(t, IndexError), "deque index out of range");
        return -1;
    }
    return i;
}

/* Remove item i, shifting the shorter side. */
static void delete_at(BtDeque *d, size_t i) {
    d->state++;
    if (i < d->len / 2) {
        for (size_t k = i; k > 0; k--)
            *slot(d, k) = *slot(d, k - 1);
        d->head = (d->head + 1) & (d->cap - 1);
    } else {
        for (size_t k = i; k + 1 < d->len; k++)
            *slot(d, k) = *slot(d, k + 1);
    }
    d->len--;
}

static BtValue new_deque(BtThread *t, BtType *type, int64_t maxlen) {
    BtDeque *d = bt_gc_alloc(t, type, type->instance_size);
    if (!d)
        return BT_UNDEF;
    d->maxlen1 = maxlen + 1;
    return bt_obj(d);
}

/* ---- construction: deque(iterable=(), maxlen=None) ---- */

static BtValue m_init(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    static const char *const params[] = {"|iterable", "maxlen", NULL};
    BtValue a[2];
    if (!bt_parse_args(t, "deque", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    BtDeque *d = as_dq(self);
    int64_t maxlen = -1;
    if (!bt_is_undef(a[1]) && !bt_is_none(a[1])) {
        if (!bt_int_index(t, a[1], &maxlen))
            return BT_UNDEF;
        if (maxlen < 0) {
            bt_raise(t, BT_EXC(t, ValueError), "maxlen must be non-negative");
            return BT_UNDEF;
        }
    }
    d->maxlen1 = maxlen + 1;
    d->len = 0;
    d->state++;
    if (!bt_is_undef(a[0]) && !extend(t, self, a[0], false))
        return BT_UNDEF;
    return BT_NONE;
}

static BtValue dq_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    BtValue d = new_deque(t, type, -1);
    if (bt_is_undef(d))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &d);
    BtValue r = m_init(t, d, args, nargs, kwnames);
    BT_POP_ROOT(t, 1);
    return bt_is_undef(r) ? BT_UNDEF : d;
}

/* ---- methods ---- */

static BtValue m_append(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_args_one(t, "deque.append", nargs, kwnames))
        return BT_UNDEF;
    return push(t, as_dq(self), args[0], false) ? BT_NONE : BT_UNDEF;
}

static BtValue m_appendleft(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    if (!bt_args_one(t, "deque.appendleft", nargs, kwnames))
        return BT_UNDEF;
    return push(t, as_dq(self), args[0], true) ? BT_NONE : BT_UNDEF;
}

static BtValue pop_method(BtThread *t, BtValue self, int nargs, BtTuple *kwnames, bool left) {
    if (!bt_args_none(t, left ? "deque.popleft" : "deque.pop", nargs, kwnames))
        return BT_UNDEF;
    BtDeque *d = as_dq(self);
    if (d->len == 0) {
        bt_raise(t, BT_EXC(t, IndexError), "pop from an empty deque");
        return BT_UNDEF;
    }
    return left ? pop_left(d) : pop_right(d);
}

static BtValue m_pop(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return pop_method(t, self, nargs, kwnames, false);
}

static BtValue m_popleft(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return pop_method(t, self, nargs, kwnames, true);
}

static BtValue m_extend(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_args_one(t, "deque.extend", nargs, kwnames))
        return BT_UNDEF;
    return extend(t, self, args[0], false) ? BT_NONE : BT_UNDEF;
}

static BtValue m_extendleft(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    if (!bt_args_one(t, "deque.extendleft", nargs, kwnames))
        return BT_UNDEF;
    return extend(t, self, args[0], true) ? BT_NONE : BT_UNDEF;
}

static BtValue m_clear(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "deque.clear", nargs, kwnames))
        return BT_UNDEF;
    as_dq(self)->len = 0;
    as_dq(self)->state++;
    return BT_NONE;
}

static BtValue m_copy(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "deque.copy", nargs, kwnames))
        return BT_UNDEF;
    BtDeque *d = as_dq(self);
    BtValue r = new_deque(t, BT_TYPE(t, deque), maxlen_of(d));
    if (bt_is_undef(r))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &r);
    bool ok = true;
    for (size_t i = 0; ok && i < d->len; i++)
        ok = push(t, as_dq(r), *slot(d, i), false);
    BT_POP_ROOT(t, 1);
    return ok ? r : BT_UNDEF;
}

/* The position of x in [start, stop), -1 when absent, -2 raised. Raises
 * RuntimeError if a comparison changed the deque, as CPython does. */
static int64_t find(BtThread *t, BtValue self, BtValue x, size_t start, size_t stop) {
    BtDeque *d = as_dq(self);
    uint64_t state = d->state;
    for (size_t i = start; i < stop && i < d->len; i++) {
        BtValue y = *slot(d, i);
        int eq = bt_same(y, x) ? 1 : bt_equal(t, y, x);
        if (eq < 0)
            return -2;
        if (d->state != state) {
            bt_raise(t, BT_EXC(t, RuntimeError), "deque mutated during iteration");
            return -2;
        }
        if (eq)
            return (int64_t)i;
    }
    return -1;
}

static BtValue m_count(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_args_one(t, "deque.count", nargs, kwnames))
        return BT_UNDEF;
    int64_t n = 0;
    for (int64_t at = find(t, self, args[0], 0, SIZE_MAX); at >= 0;
         at = find(t, self, args[0], (size_t)at + 1, SIZE_MAX))
        n++;
    return bt_has_exc(t) ? BT_UNDEF : bt_int(n);
}

static BtValue m_index(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_args_range(t, "deque.index", "index", nargs, kwnames, 1, 3))
        return BT_UNDEF;
    int64_t n = (int64_t)as_dq(self)->len, start = 0, stop = n;
    if ((nargs > 1 && !bt_int_index(t, args[1], &start)) ||
        (nargs > 2 && !bt_int_index(t, args[2], &stop)))
        return BT_UNDEF;
    if (start < 0)
        start = start + n < 0 ? 0 : start + n;
    if (stop < 0)
        stop = stop + n < 0 ? 0 : stop + n;
    int64_t at = find(t, self, args[0], (size_t)start, stop > start ? (size_t)stop : 0);
    if (at == -1)
        bt_raise(t, BT_EXC(t, ValueError), "%R is not in deque", args[0]);
    return at < 0 ? BT_UNDEF : bt_int(at);
}

static BtValue m_insert(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    int64_t i;
    if (!bt_args_range(t, "deque.insert", "insert", nargs, kwnames, 2, 2) ||
        !bt_int_index(t, args[0], &i))
        return BT_UNDEF;
    BtDeque *d = as_dq(self);
    if (maxlen_of(d) >= 0 && d->len == (size_t)maxlen_of(d)) {
        bt_raise(t, BT_EXC(t, IndexError), "deque already at its maximum size");
        return BT_UNDEF;
    }
    int64_t n = (int64_t)d->len;
    if (i < 0)
        i = i + n < 0 ? 0 : i + n;
    if (i > n)
        i = n;
    if (!push(t, d, args[1], false))
        return BT_UNDEF;
    for (size_t k = d->len - 1; k > (size_t)i; k--) {
        BtValue tmp = *slot(d, k);
        *slot(d, k) = *slot(d, k - 1);
        *slot(d, k - 1) = tmp;
    }
    return BT_NONE;
}

static BtValue m_remove(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_args_one(t, "deque.remove", nargs, kwnames))
        return BT_UNDEF;
    int64_t at = find(t, self, args[0], 0, SIZE_MAX);
    if (at == -1)
        bt_raise(t, BT_EXC(t, ValueError), "%R is not in deque", args[0]);
    if (at < 0)
        return BT_UNDEF;
    delete_at(as_dq(self), (size_t)at);
    return BT_NONE;
}

static BtValue m_reverse(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "deque.reverse", nargs, kwnames))
        return BT_UNDEF;
    BtDeque *d = as_dq(self);
    d->state++;
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        BtValue tmp = *slot(d, i);
        *slot(d, i) = *slot(d, j - 1);
        *slot(d, j - 1) = tmp;
    }
    return BT_NONE;
}

static BtValue m_rotate(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    int64_t n = 1;
    if (!bt_args_range(t, "deque.rotate", "rotate", nargs, kwnames, 0, 1) ||
        (nargs == 1 && !bt_int_index(t, args[0], &n)))
        return BT_UNDEF;
    BtDeque *d = as_dq(self);
    if (d->len <= 1)
        return BT_NONE;
    int64_t len = (int64_t)d->len;
    n = ((n % len) + len) % len; /* steps to the right */
    d->state++;
    for (int64_t k = 0; k < n; k++) {
        BtValue v = *slot(d, d->len - 1);
        d->head = (d->head - 1) & (d->cap - 1);
        d->slots[d->head] = v; /* the freed right slot is the new left one */
    }
    return BT_NONE;
}

/* A getter: the deque comes as args[0] (property calls fget(obj)). */
static BtValue m_maxlen(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)t, (void)self, (void)nargs, (void)kwnames;
    int64_t m = maxlen_of(as_dq(args[0]));
    return m < 0 ? BT_NONE : bt_int(m);
}

static BtValue m_reversed(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames);

static const BtNativeDef deque_methods[] = {
    {"__init__", m_init},     {"append", m_append},   {"appendleft", m_appendleft},
    {"pop", m_pop},           {"popleft", m_popleft}, {"extend", m_extend},
    {"extendleft", m_extendleft}, {"clear", m_clear}, {"copy", m_copy},
    {"__copy__", m_copy},     {"count", m_count},     {"index", m_index},
    {"insert", m_insert},     {"remove", m_remove},   {"reverse", m_reverse},
    {"rotate", m_rotate},     {"__reversed__", m_reversed}, {NULL, NULL},
};

/* ---- slots ---- */

static BtValue dq_repr(BtThread *t, BtValue self) {
    BtDeque *d = as_dq(self);
    BtObject *o = bt_as_obj(self);
    if (o->flags & BT_FLAG_REPR_ACTIVE)
        return bt_cstr_value(t, "[...]");
    o->flags |= BT_FLAG_REPR_ACTIVE;
    BtReprBuf b = {0};
    bool ok = bt_reprbuf_puts(t, &b, bt_type_name(t, self)) && bt_reprbuf_puts(t, &b, "([");
    for (size_t i = 0; ok && i < d->len; i++) {
        if (i > 0)
            ok = bt_reprbuf_put(t, &b, ", ", 2);
        ok = ok && bt_reprbuf_repr(t, &b, *slot(d, i)); /* re-read: a repr may change d */
    }
    ok = ok && bt_reprbuf_puts(t, &b, "]");
    if (ok && maxlen_of(d) >= 0) {
        char tail[40];
        snprintf(tail, sizeof tail, ", maxlen=%lld", (long long)maxlen_of(d));
        ok = bt_reprbuf_puts(t, &b, tail);
    }
    ok = ok && bt_reprbuf_puts(t, &b, ")");
    o->flags &= (uint8_t)~BT_FLAG_REPR_ACTIVE;
    if (!ok) {
        bt_reprbuf_free(&b);
        return BT_UNDEF;
    }
    return bt_reprbuf_finish(t, &b);
}

static int64_t dq_len(BtThread *t, BtValue self) {
    (void)t;
    return (int64_t)as_dq(self)->len;
}

static int dq_truth(BtThread *t, BtValue self) {
    (void)t;
    return as_dq(self)->len > 0;
}

static BtValue dq_getitem(BtThread *t, BtValue self, BtValue key) {
    int64_t i = index_arg(t, as_dq(self), key);
    return i < 0 ? BT_UNDEF : *slot(as_dq(self), (size_t)i);
}

static bool dq_setitem(BtThread *t, BtValue self, BtValue key, BtValue v) {
    int64_t i = index_arg(t, as_dq(self), key);
    if (i < 0)
        return false;
    if (bt_is_undef(v))
        delete_at(as_dq(self), (size_t)i);
    else
        *slot(as_dq(self), (size_t)i) = v;
    return true;
}

static int dq_contains(BtThread *t, BtValue self, BtValue item) {
    int64_t at = find(t, self, item, 0, SIZE_MAX);
    return at == -2 ? -1 : at >= 0;
}

static BtValue as_list(BtThread *t, BtValue self) {
    BtDeque *d = as_dq(self);
    BtList *l = bt_list_new(t, d->len);
    if (!l)
        return BT_UNDEF;
    for (size_t i = 0; i < d->len; i++)
        l->items[i] = *slot(d, i);
    return bt_obj(l);
}

static BtValue dq_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (!is_deque(t, a) || !is_deque(t, b))
        return bt_obj(t->interp->not_implemented);
    BtValue la = as_list(t, a);
    if (bt_is_undef(la))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &la);
    BtValue lb = as_list(t, b);
    BT_PUSH_ROOT(t, &lb);
    BtValue r = bt_is_undef(lb) ? BT_UNDEF : bt_seq_compare(t, la, lb, op);
    BT_POP_ROOT(t, 2);
    return r;
}

static BtValue dq_binary(BtThread *t, int op, BtValue a, BtValue b) {
    bool inplace = op >= BT_BINOP__COUNT;
    int base = inplace ? op - BT_BINOP__COUNT : op;
    if (base == BT_BINOP_ADD && is_deque(t, a)) {
        if (inplace)
            return extend(t, a, b, false) ? a : BT_UNDEF;
        if (!is_deque(t, b)) {
            bt_raise(t, BT_EXC(t, TypeError),
                     "can only concatenate deque (not \"%T\") to deque", b);
            return BT_UNDEF;
        }
        BtValue r = m_copy(t, a, NULL, 0, NULL);
        if (bt_is_undef(r))
            return BT_UNDEF;
        BT_PUSH_ROOT(t, &r);
        bool ok = extend(t, r, b, false);
        BT_POP_ROOT(t, 1);
        return ok ? r : BT_UNDEF;
    }
    if (base == BT_BINOP_MUL && (is_deque(t, a) || is_deque(t, b))) {
        BtValue dv = is_deque(t, a) ? a : b, nv = is_deque(t, a) ? b : a;
        int64_t n;
        if (!bt_is_integer(nv) || (inplace && !is_deque(t, a)))
            return bt_obj(t->interp->not_implemented);
        if (!bt_int_seq_index(t, nv, &n, true))
            return BT_UNDEF;
        BtValue items = as_list(t, dv);
        if (bt_is_undef(items))
            return BT_UNDEF;
        BT_PUSH_ROOT(t, &items);
        BtValue r = inplace ? dv : new_deque(t, BT_TYPE(t, deque), maxlen_of(as_dq(dv)));
        BT_PUSH_ROOT(t, &r);
        bool ok = !bt_is_undef(r);
        if (ok && inplace && n <= 0)
            as_dq(r)->len = 0, as_dq(r)->state++;
        size_t m = bt_as_list(items)->len;
        for (int64_t k = inplace ? 1 : 0; ok && k < n; k++)
            for (size_t i = 0; ok && i < m; i++)
                ok = push(t, as_dq(r), bt_as_list(items)->items[i], false);
        BT_POP_ROOT(t, 2);
        return ok ? r : BT_UNDEF;
    }
    return bt_obj(t->interp->not_implemented);
}

static bool dq_hash(BtThread *t, BtValue self, int64_t *out) {
    (void)self, (void)out; /* CPython names the type by its full name here */
    bt_raise(t, BT_EXC(t, TypeError), "unhashable type: 'collections.deque'");
    return false;
}

static void dq_trace(BtGc *gc, BtObject *self) {
    BtDeque *d = (BtDeque *)self;
    for (size_t i = 0; i < d->len; i++)
        bt_gc_mark(gc, *slot(d, i));
}

static void dq_finalize(BtInterp *interp, BtObject *self) {
    (void)interp;
    free(((BtDeque *)self)->slots);
    ((BtDeque *)self)->slots = NULL;
}

/* ---- iterators ---- */

static BtValue new_iter(BtThread *t, BtType *type, BtValue self) {
    BtDequeIter *it = bt_gc_alloc(t, type, sizeof(BtDequeIter));
    if (!it)
        return BT_UNDEF;
    it->deque = self;
    it->state = as_dq(self)->state;
    return bt_obj(it);
}

static BtValue dq_iter(BtThread *t, BtValue self) {
    return new_iter(t, BT_TYPE(t, deque_iter), self);
}

static BtValue m_reversed(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "deque.__reversed__", nargs, kwnames))
        return BT_UNDEF;
    return new_iter(t, BT_TYPE(t, deque_reviter), self);
}

static BtValue iter_step(BtThread *t, BtValue self, bool reversed) {
    BtDequeIter *it = (BtDequeIter *)bt_as_obj(self);
    if (bt_is_undef(it->deque))
        return BT_UNDEF;
    BtDeque *d = as_dq(it->deque);
    if (d->state != it->state) {
        it->deque = BT_UNDEF;
        bt_raise(t, BT_EXC(t, RuntimeError), "deque mutated during iteration");
        return BT_UNDEF;
    }
    if (it->index >= d->len) {
        it->deque = BT_UNDEF;
        return BT_UNDEF;
    }
    size_t i = it->index++;
    return *slot(d, reversed ? d->len - 1 - i : i);
}

static BtValue iter_next(BtThread *t, BtValue self) {
    return iter_step(t, self, false);
}

static BtValue reviter_next(BtThread *t, BtValue self) {
    return iter_step(t, self, true);
}

static void iter_trace(BtGc *gc, BtObject *self) {
    bt_gc_mark(gc, ((BtDequeIter *)self)->deque);
}

bool bt_deque_init_types(BtThread *t) {
    BtType *ty = BT_TYPE(t, deque);
    ty->instance_size = sizeof(BtDeque);
    ty->flags |= BT_TYPE_BASETYPE;
    ty->repr = dq_repr;
    ty->compare = dq_compare;
    ty->hash = dq_hash;
    ty->binary = dq_binary;
    ty->len = dq_len;
    ty->truth = dq_truth;
    ty->getitem = dq_getitem;
    ty->setitem = dq_setitem;
    ty->contains = dq_contains;
    ty->iter = dq_iter;
    ty->construct = dq_construct;
    ty->trace = dq_trace;
    ty->finalize = dq_finalize;
    ty->module = bt_str_intern_cstr(t, "collections");
    return ty->module && bt_type_add_methods(t, ty, deque_methods) &&
           bt_dict_set_str(t, ty->dict, BT_NAME(t, dunder_hash), BT_NONE) &&
           bt_type_add_getter(t, ty, "maxlen", m_maxlen) &&
           bt_iter_setup_type(t, BT_TYPE(t, deque_iter), sizeof(BtDequeIter), iter_next,
                              iter_trace) &&
           bt_iter_setup_type(t, BT_TYPE(t, deque_reviter), sizeof(BtDequeIter), reviter_next,
                              iter_trace);
}
