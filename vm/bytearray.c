/* bytearray.c: bytearray, the mutable bytes (vm stage; see vm/README.md).
 *
 * A bytearray owns a malloc'ed buffer that grows by doubling, like a list's
 * items. Its own code is what mutates (append, extend, item and slice
 * assignment, +=, pop, remove...). The many methods that only read (find,
 * split, upper, decode...) are bytes' own, run on a bytes copy of the
 * current contents; any bytes in their answer (also inside a list or tuple,
 * as split and partition give) comes back as a bytearray, as in CPython.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/buffer_internal.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/interp_internal.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/strformat.h"

typedef struct {
    BtObject hdr;
    BtByteBuf buf;
} BtByteArray;

static BtByteBuf *as_ba(BtValue v) {
    return &((BtByteArray *)bt_as_obj(v))->buf;
}

static bool is_ba(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_issubtype(bt_as_obj(v)->type, BT_TYPE(t, bytearray));
}

BtByteBuf *bt_bytearray_buf(BtThread *t, BtValue v) {
    return is_ba(t, v) ? as_ba(v) : NULL;
}

bool bt_byte_view(BtThread *t, BtValue v, BtByteView *out) {
    BtBufferInfo info;
    /* a strided view (m[::2]) is no run of bytes: CPython refuses it too */
    if (!bt_buffer_info(t, v, &info) || (info.len > 1 && info.stride != (ptrdiff_t)info.itemsize))
        return false;
    *out = (BtByteView){info.data, info.len * info.itemsize};
    return true;
}

/* The bytes of any bytes-like value (bt_byte_view); false for anything else. */
static bool bytes_like(BtThread *t, BtValue v, const uint8_t **p, size_t *n) {
    BtByteView view;
    if (!bt_byte_view(t, v, &view))
        return false;
    *p = view.data;
    *n = view.size;
    return true;
}

/* bytes or bytearray: what may stand left of a + that gives bytes. */
static bool is_bytes_or_ba(BtThread *t, BtValue v) {
    return bt_is_bytes(t, bt_unbox(v)) || is_ba(t, v);
}

bool bt_bytearray_reserve(BtThread *t, BtByteBuf *b, size_t need) {
    if (need <= b->cap)
        return true;
    if (need > bt_gc_memory_limit(t)) {
        bt_raise_memory(t);
        return false;
    }
    size_t cap = b->cap < 16 ? 16 : b->cap * 2;
    if (cap < need)
        cap = need;
    uint8_t *p = realloc(b->data, cap);
    if (!p) {
        bt_raise_memory(t);
        return false;
    }
    bt_gc_account(t, (ptrdiff_t)cap - (ptrdiff_t)b->cap);
    b->data = p;
    b->cap = cap;
    return true;
}

bool bt_bytearray_splice(BtThread *t, BtByteBuf *b, size_t at, size_t len, const uint8_t *p,
                         size_t n) {
    uint8_t *copy = NULL;
    if (n && b->data && p >= b->data && p < b->data + b->cap) {
        if (!(copy = malloc(n))) {
            bt_raise_memory(t);
            return false;
        }
        memcpy(copy, p, n);
        p = copy;
    }
    bool ok = n <= len || bt_bytearray_reserve(t, b, b->size - len + n);
    if (ok) {
        if (b->size > at + len) /* (an empty bytearray may have no buffer) */
            memmove(b->data + at + n, b->data + at + len, b->size - at - len);
        if (n)
            memcpy(b->data + at, p, n);
        b->size = b->size - len + n;
    }
    free(copy);
    return ok;
}

static BtValue new_ba(BtThread *t, BtType *type, const uint8_t *p, size_t n) {
    BtByteArray *b = bt_gc_alloc(t, type, type->instance_size);
    if (!b)
        return BT_UNDEF;
    BtValue v = bt_obj(b);
    BT_PUSH_ROOT(t, &v);
    bool ok = bt_bytearray_splice(t, &b->buf, 0, 0, p, n);
    BT_POP_ROOT(t, 1);
    return ok ? v : BT_UNDEF;
}

/* A bytearray copy of bytes b (b stays rooted while the copy is allocated). */
static BtValue ba_from_bytes(BtThread *t, BtValue b) {
    BT_PUSH_ROOT(t, &b);
    BtValue r = new_ba(t, BT_TYPE(t, bytearray), ((BtBytes *)bt_as_obj(b))->data,
                       ((BtBytes *)bt_as_obj(b))->size);
    BT_POP_ROOT(t, 1);
    return r;
}

static BtValue snapshot(BtThread *t, BtValue self) {
    BtBytes *b = bt_bytes_new(t, as_ba(self)->data, as_ba(self)->size);
    return b ? bt_obj(b) : BT_UNDEF;
}

/* An int in range(256) for item assignment, append, insert, `in`. */
static bool byte_arg(BtThread *t, BtValue v, uint8_t *out) {
    int64_t i;
    if (!bt_int_index(t, v, &i))
        return false;
    if (i < 0 || i > 255) {
        bt_raise(t, BT_EXC(t, ValueError), "byte must be in range(0, 256)");
        return false;
    }
    *out = (uint8_t)i;
    return true;
}

/* ---- slots ---- */

static BtValue ba_repr(BtThread *t, BtValue self) {
    BtValue b = snapshot(t, self);
    if (bt_is_undef(b))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &b);
    BtStr *s = bt_str_format(t, "%s(%R)", bt_type_name(t, self), b);
    BT_POP_ROOT(t, 1);
    return s ? bt_obj(s) : BT_UNDEF;
}

static int64_t ba_len(BtThread *t, BtValue self) {
    (void)t;
    return (int64_t)as_ba(self)->size;
}

static int ba_truth(BtThread *t, BtValue self) {
    (void)t;
    return as_ba(self)->size > 0;
}

static BtValue ba_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    const uint8_t *p, *q;
    size_t n, m;
    if (!bytes_like(t, a, &p, &n) || !bytes_like(t, b, &q, &m))
        return bt_obj(t->interp->not_implemented);
    int c = n && m ? memcmp(p, q, n < m ? n : m) : 0; /* an empty one may have no buffer */
    if (c == 0)
        c = (n > m) - (n < m);
    return bt_bool(bt_compare_holds(op, c));
}

static BtValue ba_getitem(BtThread *t, BtValue self, BtValue key) {
    BtByteBuf *b = as_ba(self);
    if (bt_is_slice(t, key)) {
        int64_t start, stop, step, count;
        if (!bt_slice_indices(t, key, (int64_t)b->size, &start, &stop, &step, &count))
            return BT_UNDEF;
        BtValue r = new_ba(t, BT_TYPE(t, bytearray), NULL, 0);
        if (bt_is_undef(r) || !bt_bytearray_reserve(t, as_ba(r), (size_t)count))
            return BT_UNDEF;
        for (int64_t i = 0; i < count; i++)
            as_ba(r)->data[i] = b->data[start + i * step];
        as_ba(r)->size = (size_t)count;
        return r;
    }
    int64_t i;
    if (!bt_int_seq_index(t, key, &i, false))
        return BT_UNDEF;
    if (i < 0)
        i += (int64_t)b->size;
    if (i < 0 || i >= (int64_t)b->size) {
        bt_raise(t, BT_EXC(t, IndexError), "bytearray index out of range");
        return BT_UNDEF;
    }
    return bt_int(b->data[i]);
}

/* The bytes a slice assignment puts in: bytes-like, or an iterable of ints. */
static BtValue source_bytes(BtThread *t, BtValue v) {
    const uint8_t *p;
    size_t n;
    if (bytes_like(t, v, &p, &n)) {
        BtBytes *copy = bt_bytes_new(t, p, n);
        return copy ? bt_obj(copy) : BT_UNDEF;
    }
    if (bt_is_intlike(v) || bt_is_str(t, v)) {
        bt_raise(t, BT_EXC(t, TypeError), "can assign only bytes, buffers, or iterables of ints "
                                          "in range(0, 256)");
        return BT_UNDEF;
    }
    return BT_TYPE(t, bytes)->construct(t, BT_TYPE(t, bytes), &v, 1, NULL); /* ints */
}

static bool set_slice(BtThread *t, BtValue self, BtValue key, BtValue v) {
    BtByteBuf *b = as_ba(self);
    BtValue src = bt_is_undef(v) ? bt_obj(bt_bytes_new(t, NULL, 0)) : source_bytes(t, v);
    if (bt_is_undef(src) || !bt_as_obj(src))
        return false;
    BT_PUSH_ROOT(t, &src);
    const uint8_t *p = ((BtBytes *)bt_as_obj(src))->data;
    size_t n = ((BtBytes *)bt_as_obj(src))->size;
    int64_t start, stop, step, count;
    bool ok = bt_slice_indices(t, key, (int64_t)b->size, &start, &stop, &step, &count);
    if (ok && step == 1) {
        ok = bt_bytearray_splice(t, b, (size_t)start, (size_t)count, p, n);
    } else if (ok && bt_is_undef(v)) {
        /* del b[::k]: keep the bytes the slice does not select. */
        size_t w = 0;
        for (size_t i = 0; i < b->size; i++) {
            int64_t off = (int64_t)i - start;
            bool hit = step > 0 ? (off >= 0 && off % step == 0 && off / step < count)
                                : (off <= 0 && off % step == 0 && off / step < count);
            if (!hit)
                b->data[w++] = b->data[i];
        }
        b->size = w;
    } else if (ok) {
        if ((int64_t)n != count) {
            bt_raise(t, BT_EXC(t, ValueError),
                     "attempt to assign bytes of size %zu to extended slice of size %lld", n,
                     (long long)count);
            ok = false;
        }
        for (int64_t i = 0; ok && i < count; i++)
            b->data[start + i * step] = p[i];
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

static bool ba_setitem(BtThread *t, BtValue self, BtValue key, BtValue v) {
    if (bt_is_slice(t, key))
        return set_slice(t, self, key, v);
    BtByteBuf *b = as_ba(self);
    int64_t i;
    if (!bt_int_seq_index(t, key, &i, false))
        return false;
    if (i < 0)
        i += (int64_t)b->size;
    if (i < 0 || i >= (int64_t)b->size) {
        bt_raise(t, BT_EXC(t, IndexError), "bytearray index out of range");
        return false;
    }
    if (bt_is_undef(v))
        return bt_bytearray_splice(t, b, (size_t)i, 1, NULL, 0);
    uint8_t byte;
    if (!byte_arg(t, v, &byte))
        return false;
    b->data[i] = byte;
    return true;
}

static int ba_contains(BtThread *t, BtValue self, BtValue item) {
    BtByteBuf *b = as_ba(self);
    const uint8_t *p;
    size_t n;
    if (bytes_like(t, item, &p, &n))
        return n == 0 || (b->size && memmem(b->data, b->size, p, n) != NULL);
    uint8_t byte;
    if (!byte_arg(t, item, &byte))
        return -1;
    return b->size && memchr(b->data, byte, b->size) != NULL;
}

static BtValue ba_iter(BtThread *t, BtValue self) {
    return bt_seq_iter_new(t, self); /* by index, so it sees later changes */
}

static BtValue repeat(BtThread *t, BtValue self, BtValue count, bool inplace) {
    int64_t k;
    if (!bt_int_index(t, count, &k))
        return BT_UNDEF;
    BtByteBuf *b = as_ba(self);
    size_t n = b->size;
    if (k <= 0 || n == 0) {
        if (inplace) {
            b->size = 0;
            return self;
        }
        return new_ba(t, BT_TYPE(t, bytearray), NULL, 0);
    }
    if ((uint64_t)k > bt_gc_memory_limit(t) / n) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    BtValue r = inplace ? self : new_ba(t, BT_TYPE(t, bytearray), b->data, n);
    if (bt_is_undef(r))
        return BT_UNDEF;
    BtByteBuf *rb = as_ba(r);
    BT_PUSH_ROOT(t, &r);
    bool ok = bt_bytearray_reserve(t, rb, n * (size_t)k);
    BT_POP_ROOT(t, 1);
    if (!ok)
        return BT_UNDEF;
    for (int64_t i = 1; i < k; i++)
        memcpy(rb->data + i * n, rb->data, n);
    rb->size = n * (size_t)k;
    return r;
}

static BtValue ba_binary(BtThread *t, int op, BtValue a, BtValue b) {
    bool inplace = op >= BT_BINOP__COUNT;
    int base = inplace ? op - BT_BINOP__COUNT : op;
    const uint8_t *p, *q;
    size_t n, m;
    if (base == BT_BINOP_ADD && is_bytes_or_ba(t, a) && bytes_like(t, a, &p, &n) &&
        bytes_like(t, b, &q, &m)) {
        if (inplace && is_ba(t, a))
            return bt_bytearray_splice(t, as_ba(a), n, 0, q, m) ? a : BT_UNDEF;
        /* bytes + bytearray is bytes; bytearray + anything bytes-like, a bytearray. */
        BtValue r = is_ba(t, a) ? new_ba(t, BT_TYPE(t, bytearray), p, n)
                                : bt_obj(bt_bytes_new(t, NULL, 0));
        if (bt_is_undef(r) || !bt_as_obj(r))
            return BT_UNDEF;
        if (!is_ba(t, a)) {
            BtBytes *joined = bt_bytes_new(t, NULL, n + m);
            if (!joined)
                return BT_UNDEF;
            if (n)
                memcpy(joined->data, p, n);
            if (m)
                memcpy(joined->data + n, q, m);
            return bt_obj(joined);
        }
        BT_PUSH_ROOT(t, &r);
        bool ok = bt_bytearray_splice(t, as_ba(r), n, 0, q, m);
        BT_POP_ROOT(t, 1);
        return ok ? r : BT_UNDEF;
    }
    if (base == BT_BINOP_MUL && is_ba(t, a) && bt_is_intlike(b))
        return repeat(t, a, b, inplace);
    if (base == BT_BINOP_MUL && !inplace && is_ba(t, b) && bt_is_intlike(a))
        return repeat(t, b, a, false);
    if (base == BT_BINOP_MOD && is_ba(t, a)) {
        BtValue s = snapshot(t, a);
        if (bt_is_undef(s))
            return BT_UNDEF;
        BT_PUSH_ROOT(t, &s);
        BtValue r = bt_binary_op(t, BT_BINOP_MOD, s, b);
        BT_POP_ROOT(t, 1);
        if (bt_is_undef(r) || !bt_is_bytes(t, r))
            return r;
        return ba_from_bytes(t, r);
    }
    return bt_obj(t->interp->not_implemented);
}

static BtValue ba_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    if (nargs == 0 && !(kwnames && kwnames->len))
        return new_ba(t, type, NULL, 0);
    /* bytes() knows every source (an int, a str and encoding, an iterable). */
    BtValue b = BT_TYPE(t, bytes)->construct(t, BT_TYPE(t, bytes), args, nargs, kwnames);
    if (bt_is_undef(b))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &b);
    BtValue r = new_ba(t, type, ((BtBytes *)bt_as_obj(b))->data, ((BtBytes *)bt_as_obj(b))->size);
    BT_POP_ROOT(t, 1);
    return r;
}

static void ba_finalize(BtInterp *interp, BtObject *self) {
    (void)interp;
    free(((BtByteArray *)self)->buf.data);
    ((BtByteArray *)self)->buf.data = NULL;
}

/* ---- methods that change the bytearray ---- */

static BtValue m_append(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    uint8_t byte;
    if (!bt_check_args(t, "append", nargs, kwnames, 1, 1) || !byte_arg(t, args[0], &byte))
        return BT_UNDEF;
    BtByteBuf *b = as_ba(self);
    return bt_bytearray_splice(t, b, b->size, 0, &byte, 1) ? BT_NONE : BT_UNDEF;
}

static BtValue m_extend(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "extend", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtValue src = source_bytes(t, args[0]);
    if (bt_is_undef(src))
        return BT_UNDEF;
    BtByteBuf *b = as_ba(self);
    BT_PUSH_ROOT(t, &src);
    bool ok =
        bt_bytearray_splice(t, b, b->size, 0, ((BtBytes *)bt_as_obj(src))->data, ((BtBytes *)bt_as_obj(src))->size);
    BT_POP_ROOT(t, 1);
    return ok ? BT_NONE : BT_UNDEF;
}

static BtValue m_insert(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    int64_t i;
    uint8_t byte;
    if (!bt_check_args(t, "insert", nargs, kwnames, 2, 2) || !bt_int_index(t, args[0], &i) ||
        !byte_arg(t, args[1], &byte))
        return BT_UNDEF;
    BtByteBuf *b = as_ba(self);
    int64_t n = (int64_t)b->size;
    if (i < 0)
        i = i + n < 0 ? 0 : i + n;
    if (i > n)
        i = n;
    return bt_bytearray_splice(t, b, (size_t)i, 0, &byte, 1) ? BT_NONE : BT_UNDEF;
}

static BtValue m_pop(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    int64_t i = -1;
    if (!bt_check_args(t, "pop", nargs, kwnames, 0, 1) ||
        (nargs == 1 && !bt_int_index(t, args[0], &i)))
        return BT_UNDEF;
    BtByteBuf *b = as_ba(self);
    if (b->size == 0) {
        bt_raise(t, BT_EXC(t, IndexError), "pop from empty bytearray");
        return BT_UNDEF;
    }
    if (i < 0)
        i += (int64_t)b->size;
    if (i < 0 || i >= (int64_t)b->size) {
        bt_raise(t, BT_EXC(t, IndexError), "pop index out of range");
        return BT_UNDEF;
    }
    uint8_t byte = b->data[i];
    return bt_bytearray_splice(t, b, (size_t)i, 1, NULL, 0) ? bt_int(byte) : BT_UNDEF;
}

static BtValue m_remove(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    uint8_t byte;
    if (!bt_check_args(t, "remove", nargs, kwnames, 1, 1) || !byte_arg(t, args[0], &byte))
        return BT_UNDEF;
    BtByteBuf *b = as_ba(self);
    uint8_t *at = b->size ? memchr(b->data, byte, b->size) : NULL;
    if (!at) {
        bt_raise(t, BT_EXC(t, ValueError), "value not found in bytearray");
        return BT_UNDEF;
    }
    return bt_bytearray_splice(t, b, (size_t)(at - b->data), 1, NULL, 0) ? BT_NONE : BT_UNDEF;
}

static BtValue m_clear(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "clear", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    as_ba(self)->size = 0;
    return BT_NONE;
}

static BtValue m_copy(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "copy", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return new_ba(t, BT_TYPE(t, bytearray), as_ba(self)->data, as_ba(self)->size);
}

static BtValue m_reverse(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "reverse", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtByteBuf *b = as_ba(self);
    for (size_t i = 0, j = b->size; i + 1 < j; i++, j--) {
        uint8_t c = b->data[i];
        b->data[i] = b->data[j - 1];
        b->data[j - 1] = c;
    }
    return BT_NONE;
}

/* ---- methods that only read: bytes' own, on a copy ---- */

/* bytes in a method's answer (also as list or tuple items) become bytearrays. */
static BtValue as_bytearray_result(BtThread *t, BtValue r) {
    if (bt_is_bytes(t, r))
        return ba_from_bytes(t, r);
    BtValue *items = NULL;
    size_t n = 0;
    if (bt_is_list(t, r))
        items = bt_as_list(r)->items, n = bt_as_list(r)->len;
    else if (bt_is_tuple(t, r))
        items = bt_as_tuple(r)->items, n = bt_as_tuple(r)->len;
    BT_PUSH_ROOT(t, &r);
    for (size_t i = 0; i < n; i++) {
        if (!bt_is_bytes(t, items[i]))
            continue;
        BtValue ba = as_bytearray_result(t, items[i]);
        if (bt_is_undef(ba)) {
            BT_POP_ROOT(t, 1);
            return BT_UNDEF;
        }
        items[i] = ba; /* a fresh list or tuple that no one else has seen */
    }
    BT_POP_ROOT(t, 1);
    return r;
}

static BtValue forward(BtThread *t, const char *name, BtValue self, BtValue *args, int nargs,
                       BtTuple *kwnames) {
    int total = nargs + (kwnames ? (int)kwnames->len : 0);
    /* self and the arguments as bytes (bytearray arguments too), rooted in a tuple. */
    BtValue keep = bt_obj(bt_tuple_new(t, (size_t)total + 1));
    if (!bt_as_obj(keep))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &keep);
    BtValue *v = bt_as_tuple(keep)->items;
    bool ok = !bt_is_undef(v[0] = snapshot(t, self));
    for (int i = 0; ok && i < total; i++)
        v[i + 1] = is_ba(t, args[i]) ? snapshot(t, args[i]) : args[i];
    for (int i = 0; ok && i <= total; i++)
        ok = !bt_is_undef(v[i]);
    BtStr *key = ok ? bt_str_intern_cstr(t, name) : NULL;
    BtValue method = key ? bt_getattr(t, v[0], key) : BT_UNDEF;
    BtValue r = bt_is_undef(method) ? BT_UNDEF : bt_call(t, method, v + 1, nargs, kwnames);
    if (!bt_is_undef(r))
        r = as_bytearray_result(t, r);
    BT_POP_ROOT(t, 1);
    return r;
}

#define READ_ONLY_METHODS(X)                                                                       \
    X(decode) X(join) X(find) X(rfind) X(index) X(rindex) X(count) X(split) X(rsplit)             \
    X(startswith) X(endswith) X(replace) X(strip) X(lstrip) X(rstrip) X(upper) X(lower) X(hex)    \
    X(center) X(ljust) X(rjust) X(zfill) X(partition) X(rpartition) X(splitlines)                 \
    X(expandtabs) X(translate) X(isdigit) X(isalpha) X(isspace) X(isalnum) X(isupper) X(islower)

#define FORWARDER(name)                                                                            \
    static BtValue ro_##name(BtThread *t, BtValue self, BtValue *args, int nargs,                 \
                             BtTuple *kwnames) {                                                   \
        return forward(t, #name, self, args, nargs, kwnames);                                      \
    }
READ_ONLY_METHODS(FORWARDER)
#undef FORWARDER

static const BtNativeDef bytearray_methods[] = {
    {"append", m_append}, {"extend", m_extend}, {"insert", m_insert},   {"pop", m_pop},
    {"remove", m_remove}, {"clear", m_clear},   {"copy", m_copy},       {"reverse", m_reverse},
#define DEF(name) {#name, ro_##name},
    READ_ONLY_METHODS(DEF)
#undef DEF
    {NULL, NULL},
};

bool bt_bytearray_init_type(BtThread *t) {
    BtType *ty = BT_TYPE(t, bytearray);
    ty->instance_size = sizeof(BtByteArray);
    ty->flags |= BT_TYPE_BASETYPE;
    ty->repr = ba_repr;
    ty->compare = ba_compare;
    ty->binary = ba_binary;
    ty->len = ba_len;
    ty->truth = ba_truth;
    ty->getitem = ba_getitem;
    ty->setitem = ba_setitem;
    ty->contains = ba_contains;
    ty->iter = ba_iter;
    ty->construct = ba_construct;
    ty->finalize = ba_finalize;
    return bt_type_add_methods(t, ty, bytearray_methods);
}
