/* array.c: array.array, a typed sequence of C numbers (vm stage; see vm/README.md).
 *
 * An array keeps its items packed in a BtByteBuf (buffer_internal.h), the
 * bytearray's growable buffer, so appending and slicing are bytearray's
 * splices counted in items, and bytes(a) or memoryview(a) see the raw
 * native-endian bytes, as in CPython. This file also owns the item codes:
 * packing with CPython's OverflowError texts and unpacking (big ints for
 * 64-bit items beyond the inline range), which memoryview shares. The
 * `array` module (stdlib/mod_array.c) hands the type out.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/buffer_internal.h"
#include "vm/container_internal.h"
#include "vm/dict.h"
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
    char code; /* the typecode, one of TYPECODES */
} BtArray;

#define TYPECODES "bBuhHiIlLqQfd"

static bool is_array(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_issubtype(bt_as_obj(v)->type, BT_TYPE(t, array));
}

static BtArray *as_arr(BtValue v) {
    return (BtArray *)bt_as_obj(v);
}

static size_t itemsize(const BtArray *a) {
    return bt_array_itemsize(a->code);
}

static size_t count(const BtArray *a) {
    return a->buf.size / itemsize(a);
}

static uint8_t *item(BtArray *a, size_t i) {
    return a->buf.data + i * itemsize(a);
}

BtByteBuf *bt_array_buf(BtThread *t, BtValue v, char *code) {
    if (!is_array(t, v))
        return NULL;
    *code = as_arr(v)->code;
    return &as_arr(v)->buf;
}

/* ---- items ---- */

size_t bt_array_itemsize(char code) {
    switch (code) {
    case 'b': case 'B': case 'c': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': case 'u': case 'w': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

static BtValue char_value(BtThread *t, uint32_t cp) {
    BtBuf b;
    bt_buf_init(&b);
    bt_buf_put_cp(&b, cp);
    BtStr *s = bt_buf_finish(t, &b);
    return s ? bt_obj(s) : BT_UNDEF;
}

BtValue bt_array_unpack(BtThread *t, char code, const uint8_t *p) {
    union {
        int8_t b; uint8_t B; int16_t h; uint16_t H; int32_t i; uint32_t I; int64_t q;
        uint64_t Q; float f; double d;
    } u;
    memcpy(&u, p, bt_array_itemsize(code));
    switch (code) {
    case 'b': return bt_int(u.b);
    case 'B': return bt_int(u.B);
    case 'h': return bt_int(u.h);
    case 'H': return bt_int(u.H);
    case 'i': return bt_int(u.i);
    case 'I': return bt_int(u.I);
    case 'l': case 'q': return bt_int_from_i64(t, u.q);
    case 'L': case 'Q': return bt_int_from_u64(t, u.Q);
    case 'f': return bt_float(u.f);
    case 'd': return bt_float(u.d);
    case 'c': {
        BtBytes *b = bt_bytes_new(t, p, 1);
        return b ? bt_obj(b) : BT_UNDEF;
    }
    default: return char_value(t, u.I); /* 'u', 'w' */
    }
}

int bt_array_items_equal(BtThread *t, BtValue x, BtValue y) {
    BtValue r = bt_compare(t, x, y, BT_COMPARE_EQ);
    return bt_is_undef(r) ? -1 : bt_truthy(t, r);
}

/* An integer item: range and the words of CPython's converter for each code. */
typedef struct {
    char code;
    int64_t min;
    uint64_t max;
    const char *name; /* "signed char is greater than maximum" ... */
} IntCode;

static const IntCode int_codes[] = {
    {'b', INT8_MIN, INT8_MAX, "signed char"},
    {'B', 0, UINT8_MAX, "unsigned byte integer"},
    {'h', INT16_MIN, INT16_MAX, "signed short integer"},
    {'H', 0, UINT16_MAX, "unsigned short"},
    {'i', INT32_MIN, INT32_MAX, "signed integer"},
    {'I', 0, UINT32_MAX, "unsigned int"},
    {'l', INT64_MIN, INT64_MAX, NULL},
    {'L', 0, UINT64_MAX, "unsigned int"},
};

static bool pack_unsigned(BtThread *t, const IntCode *c, BtValue n, uint8_t *p) {
    uint64_t u;
    if (bt_int_sign(n) < 0) {
        bt_raise(t, BT_EXC(t, OverflowError), "can't convert negative value to unsigned int");
        return false;
    }
    if (!bt_int_to_bytes(t, n, (uint8_t *)&u, 8, true, false)) {
        bt_take_exc(t);
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C unsigned long");
        return false;
    }
    if (u > c->max) {
        bt_raise(t, BT_EXC(t, OverflowError), "%s is greater than maximum", c->name);
        return false;
    }
    memcpy(p, &u, bt_array_itemsize(c->code));
    return true;
}

static bool pack_int(BtThread *t, char code, BtValue v, uint8_t *p) {
    BtValue n = bt_index_value(t, v);
    if (bt_is_undef(n))
        return false;
    if (code == 'q' || code == 'Q') /* CPython's own texts for long long */
        return bt_int_to_bytes(t, n, p, 8, true, code == 'q');
    const IntCode *c = int_codes;
    while (c->code != code)
        c++;
    if (c->min == 0 && c->max > UINT16_MAX) /* 'I' and 'L': through C's unsigned long */
        return pack_unsigned(t, c, n, p);
    int64_t x;
    if (!bt_int_as_i64(n, &x)) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C long");
        return false;
    }
    if (x < c->min || (x > 0 && (uint64_t)x > c->max)) {
        bt_raise(t, BT_EXC(t, OverflowError), "%s is %s", c->name,
                 x < c->min ? "less than minimum" : "greater than maximum");
        return false;
    }
    memcpy(p, &x, bt_array_itemsize(code)); /* little-endian: the low bytes */
    return true;
}

static bool pack_char(BtThread *t, BtValue v, uint8_t *p) {
    if (!bt_is_str(t, v) || bt_as_str(v)->length != 1) {
        bt_raise(t, BT_EXC(t, TypeError), "array item must be unicode character");
        return false;
    }
    const char *s = bt_as_str(v)->data;
    uint32_t cp = bt_utf8_next(&s);
    memcpy(p, &cp, 4);
    return true;
}

bool bt_array_pack(BtThread *t, char code, BtValue v, uint8_t *p) {
    if (code == 'u' || code == 'w')
        return pack_char(t, v, p);
    if (code == 'c') {
        BtByteView one;
        if (!bt_is_bytes(t, v) || !bt_byte_view(t, v, &one) || one.size != 1) {
            bt_raise(t, BT_EXC(t, TypeError), "memoryview: invalid type for format 'c'");
            return false;
        }
        *p = one.data[0];
        return true;
    }
    if (code != 'f' && code != 'd')
        return pack_int(t, code, v, p);
    double d;
    if (!bt_num_to_double(t, v, &d)) {
        if (bt_has_exc(t))
            return false;
        BtType *ty = bt_type_of(t, v);
        if (bt_is_undef(bt_type_lookup(ty, BT_NAME(t, dunder_float))) &&
            bt_is_undef(bt_type_lookup(ty, BT_NAME(t, dunder_index)))) {
            bt_raise(t, BT_EXC(t, TypeError), "must be real number, not %T", v);
            return false;
        }
        BtValue f = bt_float_from(t, v); /* through __float__ or __index__ */
        if (bt_is_undef(f))
            return false;
        d = bt_as_f64(f);
    } else if (bt_is_bigint(v) && !bt_int_to_double(t, v, &d)) {
        return false; /* "int too large to convert to float" */
    }
    if (code == 'f') {
        float f = (float)d;
        memcpy(p, &f, 4);
    } else {
        memcpy(p, &d, 8);
    }
    return true;
}

/* ---- making arrays ---- */

static BtValue new_array(BtThread *t, BtType *type, char code, const uint8_t *p, size_t n) {
    BtArray *a = bt_gc_alloc(t, type, type->instance_size);
    if (!a)
        return BT_UNDEF;
    a->code = code;
    BtValue v = bt_obj(a);
    BT_PUSH_ROOT(t, &v);
    bool ok = bt_bytearray_splice(t, &a->buf, 0, 0, p, n);
    BT_POP_ROOT(t, 1);
    return ok ? v : BT_UNDEF;
}

/* Append one item, checked and packed. */
static bool append_item(BtThread *t, BtArray *a, BtValue v) {
    uint8_t packed[8];
    return bt_array_pack(t, a->code, v, packed) &&
           bt_bytearray_splice(t, &a->buf, a->buf.size, 0, packed, itemsize(a));
}

/* Append every item of an iterable (a list of them first, so a failing item
 * leaves the array as it was, as CPython's extend from a list does). */
static bool extend_iterable(BtThread *t, BtValue self, BtValue iterable) {
    BtValue items = bt_obj(bt_list_from_iterable(t, iterable));
    if (!bt_as_obj(items))
        return false;
    BT_PUSH_ROOT(t, &items);
    bool ok = true;
    for (size_t i = 0; ok && i < bt_as_list(items)->len; i++)
        ok = append_item(t, as_arr(self), bt_as_list(items)->items[i]);
    BT_POP_ROOT(t, 1);
    return ok;
}

static bool frombytes(BtThread *t, BtValue self, BtValue src) {
    BtByteView view;
    if (!bt_byte_view(t, src, &view)) {
        bt_raise(t, BT_EXC(t, TypeError), "a bytes-like object is required, not '%T'", src);
        return false;
    }
    BtArray *a = as_arr(self);
    if (view.size % itemsize(a)) {
        bt_raise(t, BT_EXC(t, ValueError), "bytes length not a multiple of item size");
        return false;
    }
    return bt_bytearray_splice(t, &a->buf, a->buf.size, 0, view.data, view.size);
}

static bool fromunicode(BtThread *t, BtValue self, BtStr *s) {
    const char *p = s->data;
    for (size_t i = 0; i < s->length; i++) {
        uint32_t cp = bt_utf8_next(&p);
        if (!bt_bytearray_splice(t, &as_arr(self)->buf, as_arr(self)->buf.size, 0,
                                 (const uint8_t *)&cp, 4))
            return false;
    }
    return true;
}

/* array(typecode[, initializer]): the initializer as CPython reads it. */
static bool initialize(BtThread *t, BtValue self, BtValue init) {
    char code = as_arr(self)->code;
    if (bt_is_str(t, init)) {
        if (code != 'u') {
            bt_raise(t, BT_EXC(t, TypeError),
                     "cannot use a str to initialize an array with typecode '%c'", code);
            return false;
        }
        return fromunicode(t, self, bt_as_str(init));
    }
    if (is_array(t, init) && as_arr(init)->code == 'u' && code != 'u') {
        bt_raise(t, BT_EXC(t, TypeError),
                 "cannot use a unicode array to initialize an array with typecode '%c'", code);
        return false;
    }
    if (bt_is_bytes(t, bt_unbox(init)) || bt_bytearray_buf(t, init))
        return frombytes(t, self, init);
    return extend_iterable(t, self, init);
}

static BtValue arr_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "array.array() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs < 1 || nargs > 2) {
        bt_raise(t, BT_EXC(t, TypeError), nargs < 1 ? "array() takes at least 1 argument (0 given)"
                                                    : "array() takes at most 2 arguments (%d given)",
                 nargs);
        return BT_UNDEF;
    }
    if (!bt_is_str(t, args[0]) || bt_as_str(args[0])->length != 1) {
        bt_raise(t, BT_EXC(t, TypeError), "array() argument 1 must be a unicode character, not %T",
                 args[0]);
        return BT_UNDEF;
    }
    char code = bt_as_str(args[0])->data[0];
    if (!strchr(TYPECODES, code) || !code) {
        bt_raise(t, BT_EXC(t, ValueError),
                 "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return BT_UNDEF;
    }
    BtValue self = new_array(t, type, code, NULL, 0);
    if (bt_is_undef(self) || nargs == 1)
        return self;
    BT_PUSH_ROOT(t, &self);
    bool ok = initialize(t, self, args[1]);
    BT_POP_ROOT(t, 1);
    return ok ? self : BT_UNDEF;
}

/* ---- slots ---- */

static BtValue tolist(BtThread *t, BtValue self) {
    size_t n = count(as_arr(self));
    BtValue l = bt_obj(bt_list_new(t, n));
    if (!bt_as_obj(l))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &l);
    for (size_t i = 0; i < n; i++) {
        BtValue x = bt_array_unpack(t, as_arr(self)->code, item(as_arr(self), i));
        if (bt_is_undef(x)) {
            l = BT_UNDEF;
            break;
        }
        bt_as_list(l)->items[i] = x;
    }
    BT_POP_ROOT(t, 1);
    return l;
}

static BtValue tounicode(BtThread *t, BtValue self) {
    BtArray *a = as_arr(self);
    BtBuf b;
    bt_buf_init(&b);
    for (size_t i = 0; i < count(a); i++) {
        uint32_t cp;
        memcpy(&cp, item(a, i), 4);
        bt_buf_put_cp(&b, cp);
    }
    BtStr *s = bt_buf_finish(t, &b);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue arr_repr(BtThread *t, BtValue self) {
    BtArray *a = as_arr(self);
    if (a->buf.size == 0) {
        BtStr *s = bt_str_format(t, "%s('%c')", bt_type_name(t, self), a->code);
        return s ? bt_obj(s) : BT_UNDEF;
    }
    BtValue items = a->code == 'u' ? tounicode(t, self) : tolist(t, self);
    if (bt_is_undef(items))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &items);
    BtStr *s = bt_str_format(t, "%s('%c', %R)", bt_type_name(t, self), a->code, items);
    BT_POP_ROOT(t, 1);
    return s ? bt_obj(s) : BT_UNDEF;
}

static int64_t arr_len(BtThread *t, BtValue self) {
    (void)t;
    return (int64_t)count(as_arr(self));
}

/* Index i of an array of n items (negative counts from the end), made
 * absolute; false with IndexError "<what> out of range" when it is outside. */
static bool in_range(BtThread *t, int64_t n, int64_t *i, const char *what) {
    if (*i < 0)
        *i += n;
    if (*i >= 0 && *i < n)
        return true;
    bt_raise(t, BT_EXC(t, IndexError), "%s out of range", what);
    return false;
}

/* The item a key names, as in_range; false raised. */
static bool item_index(BtThread *t, BtValue self, BtValue key, const char *what, int64_t *i) {
    return bt_int_seq_index(t, key, i, false) &&
           in_range(t, (int64_t)count(as_arr(self)), i, what);
}

static bool is_index_key(BtThread *t, BtValue key) {
    return bt_is_integer(key) ||
           (bt_is_obj(key) && !bt_is_undef(bt_type_lookup(bt_type_of(t, key),
                                                           BT_NAME(t, dunder_index))));
}

static BtValue arr_getitem(BtThread *t, BtValue self, BtValue key) {
    BtArray *a = as_arr(self);
    int64_t i, start, stop, step, n;
    if (bt_is_slice(t, key)) {
        if (!bt_slice_indices(t, key, (int64_t)count(a), &start, &stop, &step, &n))
            return BT_UNDEF;
        BtValue r = new_array(t, BT_TYPE(t, array), a->code, NULL, 0);
        if (bt_is_undef(r) || !bt_bytearray_reserve(t, &as_arr(r)->buf, (size_t)n * itemsize(a)))
            return BT_UNDEF;
        for (int64_t k = 0; k < n; k++)
            memcpy(item(as_arr(r), (size_t)k), item(a, (size_t)(start + k * step)), itemsize(a));
        as_arr(r)->buf.size = (size_t)n * itemsize(a);
        return r;
    }
    if (!is_index_key(t, key)) {
        bt_raise(t, BT_EXC(t, TypeError), "array indices must be integers");
        return BT_UNDEF;
    }
    if (!item_index(t, self, key, "array index", &i))
        return BT_UNDEF;
    return bt_array_unpack(t, a->code, item(a, (size_t)i));
}

/* Which items a slice selects, as a mask pass for del a[::k]. */
static void delete_stepped(BtArray *a, int64_t start, int64_t step, int64_t n) {
    size_t size = itemsize(a), w = 0, len = count(a);
    for (size_t i = 0; i < len; i++) {
        int64_t off = (int64_t)i - start;
        bool hit = off % step == 0 && off / step >= 0 && off / step < n;
        if (!hit)
            memmove(item(a, w++), item(a, i), size);
    }
    a->buf.size = w * size;
}

static bool set_slice(BtThread *t, BtValue self, BtValue key, BtValue v) {
    BtArray *a = as_arr(self);
    if (!bt_is_undef(v) && !is_array(t, v)) {
        bt_raise(t, BT_EXC(t, TypeError), "can only assign array (not \"%T\") to array slice", v);
        return false;
    }
    if (!bt_is_undef(v) && as_arr(v)->code != a->code) {
        bt_raise(t, BT_EXC(t, TypeError), "bad argument type for built-in operation");
        return false;
    }
    int64_t start, stop, step, n;
    if (!bt_slice_indices(t, key, (int64_t)count(a), &start, &stop, &step, &n))
        return false;
    size_t size = itemsize(a), m = bt_is_undef(v) ? 0 : count(as_arr(v));
    const uint8_t *src = bt_is_undef(v) ? NULL : as_arr(v)->buf.data;
    if (step == 1)
        return bt_bytearray_splice(t, &a->buf, (size_t)start * size, (size_t)n * size, src,
                                   m * size);
    if (bt_is_undef(v)) {
        delete_stepped(a, start, step, n);
        return true;
    }
    if ((int64_t)m != n) {
        bt_raise(t, BT_EXC(t, ValueError),
                 "attempt to assign array of size %zu to extended slice of size %lld", m,
                 (long long)n);
        return false;
    }
    uint8_t *copy = malloc(m * size + 1); /* a[::2] = a[::-2] reads what it writes */
    if (!copy) {
        bt_raise_memory(t);
        return false;
    }
    memcpy(copy, src, m * size);
    for (int64_t k = 0; k < n; k++)
        memcpy(item(a, (size_t)(start + k * step)), copy + k * size, size);
    free(copy);
    return true;
}

static bool arr_setitem(BtThread *t, BtValue self, BtValue key, BtValue v) {
    if (bt_is_slice(t, key))
        return set_slice(t, self, key, v);
    if (!is_index_key(t, key)) {
        bt_raise(t, BT_EXC(t, TypeError), "array indices must be integers");
        return false;
    }
    int64_t i;
    if (!item_index(t, self, key, "array assignment index", &i))
        return false;
    BtArray *a = as_arr(self);
    if (bt_is_undef(v))
        return bt_bytearray_splice(t, &a->buf, (size_t)i * itemsize(a), itemsize(a), NULL, 0);
    return bt_array_pack(t, a->code, v, item(a, (size_t)i));
}

/* The index of the first item equal to v at or after from; -1 if none, -2 raised. */
static int64_t find_item(BtThread *t, BtValue self, BtValue v, size_t from) {
    for (size_t i = from; i < count(as_arr(self)); i++) {
        BtValue x = bt_array_unpack(t, as_arr(self)->code, item(as_arr(self), i));
        int eq = bt_is_undef(x) ? -1 : bt_array_items_equal(t, x, v);
        if (eq)
            return eq < 0 ? -2 : (int64_t)i;
    }
    return -1;
}

static int arr_contains(BtThread *t, BtValue self, BtValue v) {
    int64_t i = find_item(t, self, v, 0);
    return i == -2 ? -1 : i >= 0;
}

static BtValue arr_iter(BtThread *t, BtValue self) {
    return bt_seq_iter_new(t, self);
}

static BtValue arr_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (!is_array(t, a) || !is_array(t, b))
        return bt_not_implemented(t);
    size_t n = count(as_arr(a)), m = count(as_arr(b));
    if (n != m && (op == BT_COMPARE_EQ || op == BT_COMPARE_NE))
        return bt_bool(op == BT_COMPARE_NE);
    for (size_t i = 0; i < n && i < m; i++) {
        BtValue x = bt_array_unpack(t, as_arr(a)->code, item(as_arr(a), i));
        BT_PUSH_ROOT(t, &x);
        BtValue y = bt_is_undef(x) ? BT_UNDEF : bt_array_unpack(t, as_arr(b)->code, item(as_arr(b), i));
        BT_PUSH_ROOT(t, &y);
        int eq = bt_is_undef(y) ? -1 : bt_array_items_equal(t, x, y);
        BtValue r = eq == 0 ? bt_compare(t, x, y, op) : BT_FALSE;
        BT_POP_ROOT(t, 2);
        if (eq < 0)
            return BT_UNDEF;
        if (eq == 0) /* the first items that differ decide (NaN != NaN too) */
            return op == BT_COMPARE_EQ ? BT_FALSE : op == BT_COMPARE_NE ? BT_TRUE : r;
    }
    return bt_bool(bt_compare_holds(op, (n > m) - (n < m)));
}

static BtValue repeat(BtThread *t, BtValue self, int64_t k, bool inplace) {
    BtArray *a = as_arr(self);
    size_t n = a->buf.size;
    if (k <= 0 || n == 0) {
        if (inplace) {
            a->buf.size = 0;
            return self;
        }
        return new_array(t, BT_TYPE(t, array), a->code, NULL, 0);
    }
    if ((uint64_t)k > bt_gc_memory_limit(t) / n) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    BtValue r = inplace ? self : new_array(t, BT_TYPE(t, array), a->code, a->buf.data, n);
    if (bt_is_undef(r))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &r);
    bool ok = bt_bytearray_reserve(t, &as_arr(r)->buf, n * (size_t)k);
    BT_POP_ROOT(t, 1);
    if (!ok)
        return BT_UNDEF;
    for (int64_t i = 1; i < k; i++)
        memcpy(as_arr(r)->buf.data + i * n, as_arr(r)->buf.data, n);
    as_arr(r)->buf.size = n * (size_t)k;
    return r;
}

static BtValue concat(BtThread *t, BtValue a, BtValue b, bool inplace) {
    if (!is_array(t, b)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 inplace ? "can only extend array with array (not \"%T\")"
                         : "can only append array (not \"%T\") to array",
                 b);
        return BT_UNDEF;
    }
    if (as_arr(a)->code != as_arr(b)->code) {
        bt_raise(t, BT_EXC(t, TypeError), inplace ? "can only extend with array of same kind"
                                                  : "bad argument type for built-in operation");
        return BT_UNDEF;
    }
    BtValue r = inplace ? a
                        : new_array(t, BT_TYPE(t, array), as_arr(a)->code, as_arr(a)->buf.data,
                                    as_arr(a)->buf.size);
    if (bt_is_undef(r))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &r);
    bool ok = bt_bytearray_splice(t, &as_arr(r)->buf, as_arr(r)->buf.size, 0, as_arr(b)->buf.data,
                                  as_arr(b)->buf.size);
    BT_POP_ROOT(t, 1);
    return ok ? r : BT_UNDEF;
}

static BtValue arr_binary(BtThread *t, int op, BtValue a, BtValue b) {
    bool inplace = op >= BT_BINOP__COUNT;
    int base = inplace ? op - BT_BINOP__COUNT : op;
    if (base == BT_BINOP_ADD && is_array(t, a) && !bt_user_defines(t, b, t->interp->binop_names[base][1]))
        return concat(t, a, b, inplace);
    if (base == BT_BINOP_MUL && (is_array(t, a) || (!inplace && is_array(t, b)))) {
        BtValue seq = is_array(t, a) ? a : b, n = is_array(t, a) ? b : a;
        int64_t k;
        if (!is_index_key(t, n)) {
            if (bt_user_defines(t, n, t->interp->binop_names[base][1]))
                return bt_not_implemented(t);
            bt_raise(t, BT_EXC(t, TypeError), "can't multiply sequence by non-int of type '%T'",
                     n);
            return BT_UNDEF;
        }
        if (!bt_int_seq_index(t, n, &k, true))
            return BT_UNDEF;
        return repeat(t, seq, k, inplace);
    }
    return bt_not_implemented(t);
}

static bool arr_hash(BtThread *t, BtValue self, int64_t *out) {
    (void)self, (void)out; /* CPython names the type by its full name here */
    bt_raise(t, BT_EXC(t, TypeError), "unhashable type: 'array.array'");
    return false;
}

static void arr_finalize(BtInterp *interp, BtObject *self) {
    (void)interp;
    free(((BtArray *)self)->buf.data);
    ((BtArray *)self)->buf.data = NULL;
}

/* ---- methods ---- */

#define METHOD(name)                                                                               \
    static BtValue name(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames)

METHOD(m_append) {
    if (!bt_args_one(t, "array.append", nargs, kwnames))
        return BT_UNDEF;
    return append_item(t, as_arr(self), args[0]) ? BT_NONE : BT_UNDEF;
}

METHOD(m_extend) {
    if (!bt_args_one(t, "array.extend", nargs, kwnames))
        return BT_UNDEF;
    if (is_array(t, args[0]))
        return bt_is_undef(concat(t, self, args[0], true)) ? BT_UNDEF : BT_NONE;
    return extend_iterable(t, self, args[0]) ? BT_NONE : BT_UNDEF;
}

METHOD(m_insert) {
    int64_t i;
    uint8_t packed[8];
    BtArray *a = as_arr(self);
    if (!bt_args_range(t, "array.insert", "insert", nargs, kwnames, 2, 2) ||
        !bt_int_index(t, args[0], &i) || !bt_array_pack(t, a->code, args[1], packed))
        return BT_UNDEF;
    int64_t n = (int64_t)count(a);
    i = i < 0 ? (i + n < 0 ? 0 : i + n) : (i > n ? n : i);
    return bt_bytearray_splice(t, &a->buf, (size_t)i * itemsize(a), 0, packed, itemsize(a))
               ? BT_NONE
               : BT_UNDEF;
}

METHOD(m_pop) {
    int64_t i = -1;
    BtArray *a = as_arr(self);
    if (!bt_args_range(t, "array.pop", "pop", nargs, kwnames, 0, 1) ||
        (nargs == 1 && !bt_int_index(t, args[0], &i)))
        return BT_UNDEF;
    if (count(a) == 0) {
        bt_raise(t, BT_EXC(t, IndexError), "pop from empty array");
        return BT_UNDEF;
    }
    if (!in_range(t, (int64_t)count(a), &i, "pop index"))
        return BT_UNDEF;
    BtValue x = bt_array_unpack(t, a->code, item(a, (size_t)i));
    if (bt_is_undef(x))
        return BT_UNDEF;
    return bt_bytearray_splice(t, &a->buf, (size_t)i * itemsize(a), itemsize(a), NULL, 0)
               ? x
               : BT_UNDEF;
}

METHOD(m_remove) {
    if (!bt_args_one(t, "array.remove", nargs, kwnames))
        return BT_UNDEF;
    int64_t i = find_item(t, self, args[0], 0);
    if (i == -1)
        bt_raise(t, BT_EXC(t, ValueError), "array.remove(x): x not in array");
    if (i < 0)
        return BT_UNDEF;
    BtArray *a = as_arr(self);
    return bt_bytearray_splice(t, &a->buf, (size_t)i * itemsize(a), itemsize(a), NULL, 0)
               ? BT_NONE
               : BT_UNDEF;
}

METHOD(m_index) {
    int64_t start = 0, stop = INT64_MAX;
    if (!bt_args_range(t, "array.index", "index", nargs, kwnames, 1, 3) ||
        (nargs > 1 && !bt_int_bound(t, args[1], &start)) ||
        (nargs > 2 && !bt_int_bound(t, args[2], &stop)))
        return BT_UNDEF;
    int64_t n = (int64_t)count(as_arr(self));
    if (start < 0)
        start = start + n < 0 ? 0 : start + n;
    if (stop < 0)
        stop += n;
    int64_t i = find_item(t, self, args[0], (size_t)start);
    if (i == -1 || i >= stop) {
        bt_raise(t, BT_EXC(t, ValueError), "array.index(x): x not in array");
        return BT_UNDEF;
    }
    return i < 0 ? BT_UNDEF : bt_int(i);
}

METHOD(m_count) {
    if (!bt_args_one(t, "array.count", nargs, kwnames))
        return BT_UNDEF;
    int64_t c = 0;
    for (int64_t i = find_item(t, self, args[0], 0); i >= 0;
         i = find_item(t, self, args[0], (size_t)i + 1))
        c++;
    return bt_has_exc(t) ? BT_UNDEF : bt_int(c);
}

METHOD(m_reverse) {
    (void)args;
    if (!bt_args_none(t, "array.reverse", nargs, kwnames))
        return BT_UNDEF;
    BtArray *a = as_arr(self);
    uint8_t tmp[8];
    size_t size = itemsize(a);
    for (size_t i = 0, j = count(a); i + 1 < j; i++, j--) {
        memcpy(tmp, item(a, i), size);
        memcpy(item(a, i), item(a, j - 1), size);
        memcpy(item(a, j - 1), tmp, size);
    }
    return BT_NONE;
}

METHOD(m_byteswap) {
    (void)args;
    if (!bt_args_none(t, "array.byteswap", nargs, kwnames))
        return BT_UNDEF;
    BtArray *a = as_arr(self);
    size_t size = itemsize(a);
    for (size_t i = 0; i < count(a); i++)
        for (size_t lo = 0, hi = size - 1; lo < hi; lo++, hi--) {
            uint8_t c = item(a, i)[lo];
            item(a, i)[lo] = item(a, i)[hi];
            item(a, i)[hi] = c;
        }
    return BT_NONE;
}

METHOD(m_tobytes) {
    (void)args;
    if (!bt_args_none(t, "array.tobytes", nargs, kwnames))
        return BT_UNDEF;
    BtBytes *b = bt_bytes_new(t, as_arr(self)->buf.data, as_arr(self)->buf.size);
    return b ? bt_obj(b) : BT_UNDEF;
}

METHOD(m_frombytes) {
    if (!bt_args_one(t, "array.frombytes", nargs, kwnames))
        return BT_UNDEF;
    return frombytes(t, self, args[0]) ? BT_NONE : BT_UNDEF;
}

METHOD(m_tolist) {
    (void)args;
    if (!bt_args_none(t, "array.tolist", nargs, kwnames))
        return BT_UNDEF;
    return tolist(t, self);
}

METHOD(m_fromlist) {
    if (!bt_args_one(t, "array.fromlist", nargs, kwnames))
        return BT_UNDEF;
    if (!bt_is_list(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "arg must be list");
        return BT_UNDEF;
    }
    size_t before = as_arr(self)->buf.size;
    if (extend_iterable(t, self, args[0]))
        return BT_NONE;
    as_arr(self)->buf.size = before;
    return BT_UNDEF;
}

METHOD(m_tounicode) {
    (void)args;
    if (!bt_args_none(t, "array.tounicode", nargs, kwnames))
        return BT_UNDEF;
    if (as_arr(self)->code != 'u') {
        bt_raise(t, BT_EXC(t, ValueError), "tounicode() may only be called on unicode type arrays");
        return BT_UNDEF;
    }
    return tounicode(t, self);
}

METHOD(m_fromunicode) {
    if (!bt_args_one(t, "array.fromunicode", nargs, kwnames))
        return BT_UNDEF;
    if (!bt_is_str(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "fromunicode() argument must be str, not %T", args[0]);
        return BT_UNDEF;
    }
    if (as_arr(self)->code != 'u') {
        bt_raise(t, BT_EXC(t, ValueError),
                 "fromunicode() may only be called on unicode type arrays");
        return BT_UNDEF;
    }
    return fromunicode(t, self, bt_as_str(args[0])) ? BT_NONE : BT_UNDEF;
}

METHOD(m_buffer_info) {
    (void)args;
    if (!bt_args_none(t, "array.buffer_info", nargs, kwnames))
        return BT_UNDEF;
    BtValue addr = bt_int_from_u64(t, (uint64_t)(uintptr_t)as_arr(self)->buf.data);
    if (bt_is_undef(addr))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &addr);
    BtTuple *r = bt_tuple_from(t, (BtValue[]){addr, bt_int((int64_t)count(as_arr(self)))}, 2);
    BT_POP_ROOT(t, 1);
    return r ? bt_obj(r) : BT_UNDEF;
}

METHOD(m_typecode) {
    (void)nargs, (void)kwnames;
    char code[2] = {as_arr(args[0])->code, 0};
    (void)self;
    return bt_cstr_value(t, code);
}

METHOD(m_itemsize) {
    (void)t, (void)self, (void)nargs, (void)kwnames;
    return bt_int((int64_t)itemsize(as_arr(args[0])));
}

static const BtNativeDef array_methods[] = {
    {"append", m_append},       {"extend", m_extend},           {"insert", m_insert},
    {"pop", m_pop},             {"remove", m_remove},           {"index", m_index},
    {"count", m_count},         {"reverse", m_reverse},         {"byteswap", m_byteswap},
    {"tobytes", m_tobytes},     {"frombytes", m_frombytes},     {"tolist", m_tolist},
    {"fromlist", m_fromlist},   {"tounicode", m_tounicode},     {"fromunicode", m_fromunicode},
    {"buffer_info", m_buffer_info},
    {NULL, NULL},
};

bool bt_array_init_type(BtThread *t) {
    BtType *ty = BT_TYPE(t, array);
    ty->instance_size = sizeof(BtArray);
    ty->flags |= BT_TYPE_BASETYPE;
    ty->repr = arr_repr;
    ty->compare = arr_compare;
    ty->hash = arr_hash;
    ty->binary = arr_binary;
    ty->len = arr_len;
    ty->getitem = arr_getitem;
    ty->setitem = arr_setitem;
    ty->contains = arr_contains;
    ty->iter = arr_iter;
    ty->construct = arr_construct;
    ty->finalize = arr_finalize;
    ty->module = bt_str_intern_cstr(t, "array");
    return ty->module && bt_type_add_methods(t, ty, array_methods) &&
           bt_dict_set_str(t, ty->dict, BT_NAME(t, dunder_hash), BT_NONE) &&
           bt_type_add_getter(t, ty, "typecode", m_typecode) &&
           bt_type_add_getter(t, ty, "itemsize", m_itemsize);
}
