/* memoryview.c: memoryview, a window on another object's bytes (vm stage; see vm/README.md).
 *
 * A view names its exporter (a bytes, bytearray or array.array, never another
 * view: a view of a view names the first one's exporter) and a window on its
 * buffer: a byte offset, a count of items and a stride, one-dimensional. It
 * holds no pointer into the buffer: every access asks the exporter for its
 * bytes now (bt_buffer_info), so writes through a view of a bytearray land in
 * the bytearray, and a bytearray that grew and moved is still read right.
 *
 * CPython forbids resizing an object while a view of it exists (BufferError
 * "Existing exports of data"). Baton does not: a view dropped without
 * release() lives on until the collector finds it, so counting views would
 * refuse resizes that CPython allows. A view whose window no longer fits its
 * shrunk exporter raises BufferError at its next use instead.
 */
#include <stdio.h>
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
    BtValue obj;      /* the exporter (bytes, bytearray, array or a subclass instance) */
    size_t offset;    /* byte offset of item 0 in the exporter's buffer */
    size_t len;       /* items in the window */
    ptrdiff_t stride; /* bytes from one item to the next (negative: reversed) */
    char format;      /* a struct code (buffer_internal.h) */
    bool readonly;
    bool released;    /* release() was called: every use is a ValueError */
} BtMemoryView;

static BtMemoryView *as_mv(BtValue v) {
    return (BtMemoryView *)bt_as_obj(v);
}

bool bt_is_memoryview(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, memoryview);
}

/* The whole buffer of an exporter (not a view), as a window of its items. */
static bool exporter_info(BtThread *t, BtValue v, BtBufferInfo *out) {
    static uint8_t empty[8];
    BtByteBuf *buf;
    char code = 'B';
    BtValue u = bt_unbox(v);
    if (bt_is_bytes(t, u)) {
        BtBytes *b = (BtBytes *)bt_as_obj(u);
        *out = (BtBufferInfo){b->data, b->size, 1, 1, 'B', true};
        return true;
    }
    if (!(buf = bt_bytearray_buf(t, v)) && !(buf = bt_array_buf(t, v, &code)))
        return false;
    code = code == 'u' ? 'w' : code; /* a view calls wchar_t 'w' */
    size_t size = bt_array_itemsize(code);
    *out = (BtBufferInfo){buf->data ? buf->data : empty, buf->size / size, (ptrdiff_t)size, size,
                          code, false};
    return true;
}

static bool check_live(BtThread *t, BtValue self) {
    if (!as_mv(self)->released)
        return true;
    bt_raise(t, BT_EXC(t, ValueError), "operation forbidden on released memoryview object");
    return false;
}

/* The items a view sees now; raises for a released view or one whose
 * exporter shrank under it. */
static bool view_info(BtThread *t, BtValue self, BtBufferInfo *out) {
    BtMemoryView *m = as_mv(self);
    BtBufferInfo base;
    if (!check_live(t, self) || !exporter_info(t, m->obj, &base))
        return false;
    size_t size = bt_array_itemsize(m->format);
    ptrdiff_t last = m->len ? (ptrdiff_t)(m->len - 1) * m->stride : 0;
    /* the window's far end (a slice never reaches below the buffer's start) */
    size_t end = m->offset + (size_t)(last > 0 ? last : 0) + size;
    if (m->len && end > base.len * base.itemsize) {
        bt_raise(t, BT_EXC(t, BufferError), "memoryview: underlying buffer was resized");
        return false;
    }
    *out = (BtBufferInfo){base.data + m->offset, m->len, m->stride, size, m->format, m->readonly};
    return true;
}

bool bt_buffer_info(BtThread *t, BtValue v, BtBufferInfo *out) {
    if (!bt_is_memoryview(t, v))
        return exporter_info(t, v, out);
    if (view_info(t, v, out))
        return true;
    bt_take_exc(t);
    return false;
}

void bt_buffer_gather(const BtBufferInfo *info, uint8_t *dst) {
    if (info->stride == (ptrdiff_t)info->itemsize) {
        if (info->len)
            memcpy(dst, info->data, info->len * info->itemsize);
        return;
    }
    for (size_t i = 0; i < info->len; i++)
        memcpy(dst + i * info->itemsize, info->data + (ptrdiff_t)i * info->stride,
               info->itemsize);
}

static BtValue new_view(BtThread *t, BtValue obj, size_t offset, size_t len, ptrdiff_t stride,
                        char format, bool readonly) {
    BT_PUSH_ROOT(t, &obj);
    BtMemoryView *m = bt_gc_alloc(t, BT_TYPE(t, memoryview), sizeof(BtMemoryView));
    BT_POP_ROOT(t, 1);
    if (!m)
        return BT_UNDEF;
    *m = (BtMemoryView){m->hdr, obj, offset, len, stride, format, readonly, false};
    return bt_obj(m);
}

static BtValue mv_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    (void)type;
    static const char *const params[] = {"object", NULL};
    BtValue a[1];
    if (!bt_parse_args(t, "memoryview", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    if (bt_is_memoryview(t, a[0])) {
        BtMemoryView *m = as_mv(a[0]);
        if (!check_live(t, a[0]))
            return BT_UNDEF;
        return new_view(t, m->obj, m->offset, m->len, m->stride, m->format, m->readonly);
    }
    BtBufferInfo info;
    if (!exporter_info(t, a[0], &info)) {
        bt_raise(t, BT_EXC(t, TypeError), "memoryview: a bytes-like object is required, not '%T'",
                 a[0]);
        return BT_UNDEF;
    }
    return new_view(t, a[0], 0, info.len, info.stride, info.format, info.readonly);
}

/* ---- slots ---- */

static BtValue mv_repr(BtThread *t, BtValue self) {
    BtStr *s = bt_str_format(t, as_mv(self)->released ? "<released memory at %p>"
                                                      : "<memory at %p>",
                             (void *)bt_as_obj(self));
    return s ? bt_obj(s) : BT_UNDEF;
}

static int64_t mv_len(BtThread *t, BtValue self) {
    return check_live(t, self) ? (int64_t)as_mv(self)->len : -1;
}

/* The item a key names: its address, or NULL raised. */
static uint8_t *item_at(BtThread *t, BtValue self, BtValue key, BtBufferInfo *info) {
    int64_t i;
    if (!view_info(t, self, info) || !bt_int_seq_index(t, key, &i, false))
        return NULL;
    if (i < 0)
        i += (int64_t)info->len;
    if (i < 0 || i >= (int64_t)info->len) {
        bt_raise(t, BT_EXC(t, IndexError), "index out of bounds on dimension 1");
        return NULL;
    }
    return info->data + i * info->stride;
}

static bool is_index_key(BtThread *t, BtValue key) {
    return bt_is_integer(key) ||
           (bt_is_obj(key) && !bt_is_slice(t, key) &&
            !bt_is_undef(bt_type_lookup(bt_type_of(t, key), BT_NAME(t, dunder_index))));
}

static bool key_kind(BtThread *t, BtValue key) {
    if (bt_is_slice(t, key) || is_index_key(t, key))
        return true;
    bt_raise(t, BT_EXC(t, TypeError), "memoryview: invalid slice key");
    return false;
}

static BtValue mv_getitem(BtThread *t, BtValue self, BtValue key) {
    BtBufferInfo info;
    if (!check_live(t, self) || !key_kind(t, key))
        return BT_UNDEF;
    if (!bt_is_slice(t, key)) {
        uint8_t *p = item_at(t, self, key, &info);
        return p ? bt_array_unpack(t, info.format, p) : BT_UNDEF;
    }
    BtMemoryView *m = as_mv(self);
    int64_t start, stop, step, n;
    if (!bt_slice_indices(t, key, (int64_t)m->len, &start, &stop, &step, &n))
        return BT_UNDEF;
    if (n == 0) /* an empty window stays inside the buffer (start may be -1) */
        start = 0;
    return new_view(t, m->obj, (size_t)((ptrdiff_t)m->offset + start * m->stride), (size_t)n,
                    m->stride * step, m->format, m->readonly);
}

/* Store one item, with memoryview's words for a bad value. */
static bool store_item(BtThread *t, char format, BtValue v, uint8_t *p) {
    if (bt_array_pack(t, format, v, p))
        return true;
    bool type_error = bt_exc_pending_is(t, BT_EXC(t, TypeError));
    if (!type_error && !bt_exc_pending_is(t, BT_EXC(t, OverflowError)))
        return false;
    bt_take_exc(t);
    bt_raise(t, type_error ? BT_EXC(t, TypeError) : BT_EXC(t, ValueError),
             "memoryview: invalid %s for format '%c'", type_error ? "type" : "value", format);
    return false;
}

static bool set_slice(BtThread *t, BtValue self, BtValue key, BtValue v) {
    BtBufferInfo dst, src;
    int64_t start, stop, step, n;
    if (!view_info(t, self, &dst) ||
        !bt_slice_indices(t, key, (int64_t)dst.len, &start, &stop, &step, &n))
        return false;
    if (!bt_buffer_info(t, v, &src)) {
        bt_raise(t, BT_EXC(t, TypeError), "a bytes-like object is required, not '%T'", v);
        return false;
    }
    if (src.format != dst.format || src.len != (size_t)n) {
        bt_raise(t, BT_EXC(t, ValueError),
                 "memoryview assignment: lvalue and rvalue have different structures");
        return false;
    }
    /* through a copy: m[1:] = m[:-1] reads what it writes */
    uint8_t *copy = malloc(src.len * src.itemsize + 1);
    if (!copy) {
        bt_raise_memory(t);
        return false;
    }
    bt_buffer_gather(&src, copy);
    for (int64_t k = 0; k < n; k++)
        memcpy(dst.data + (start + k * step) * dst.stride, copy + k * dst.itemsize, dst.itemsize);
    free(copy);
    return true;
}

static bool mv_setitem(BtThread *t, BtValue self, BtValue key, BtValue v) {
    if (!check_live(t, self))
        return false;
    if (as_mv(self)->readonly) {
        bt_raise(t, BT_EXC(t, TypeError), "cannot modify read-only memory");
        return false;
    }
    if (bt_is_undef(v)) {
        bt_raise(t, BT_EXC(t, TypeError), "cannot delete memory");
        return false;
    }
    if (!key_kind(t, key))
        return false;
    if (bt_is_slice(t, key))
        return set_slice(t, self, key, v);
    BtBufferInfo info;
    uint8_t *p = item_at(t, self, key, &info), packed[8];
    if (!p || !store_item(t, info.format, v, packed))
        return false;
    memcpy(p, packed, info.itemsize);
    return true;
}

/* Item-by-item equality of two buffers: 1, 0, or -1 raised. */
static int items_equal(BtThread *t, const BtBufferInfo *a, const BtBufferInfo *b) {
    if (a->len != b->len)
        return 0;
    bool bytewise = a->format == b->format && a->format != 'f' && a->format != 'd';
    for (size_t i = 0; i < a->len; i++) {
        const uint8_t *p = a->data + (ptrdiff_t)i * a->stride, *q = b->data + (ptrdiff_t)i * b->stride;
        if (bytewise) {
            if (memcmp(p, q, a->itemsize))
                return 0;
            continue;
        }
        BtValue x = bt_array_unpack(t, a->format, p);
        BT_PUSH_ROOT(t, &x);
        BtValue y = bt_is_undef(x) ? BT_UNDEF : bt_array_unpack(t, b->format, q);
        int eq = bt_is_undef(y) ? -1 : bt_array_items_equal(t, x, y);
        BT_POP_ROOT(t, 1);
        if (eq <= 0)
            return eq;
    }
    return 1;
}

static BtValue mv_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (op != BT_COMPARE_EQ && op != BT_COMPARE_NE)
        return bt_not_implemented(t);
    int eq;
    BtBufferInfo x, y;
    if ((bt_is_memoryview(t, a) && as_mv(a)->released) ||
        (bt_is_memoryview(t, b) && as_mv(b)->released))
        eq = bt_as_obj(a) == bt_as_obj(b); /* a released view equals only itself */
    else if (!bt_buffer_info(t, a, &x) || !bt_buffer_info(t, b, &y))
        return bt_not_implemented(t);
    else if ((eq = items_equal(t, &x, &y)) < 0)
        return BT_UNDEF;
    return bt_bool((eq == 1) == (op == BT_COMPARE_EQ));
}

/* The window's bytes as a new bytes object. */
static BtValue view_bytes(BtThread *t, BtValue self) {
    BtBufferInfo info;
    if (!view_info(t, self, &info))
        return BT_UNDEF;
    BtBytes *b = bt_bytes_new(t, NULL, info.len * info.itemsize);
    if (!b || !view_info(t, self, &info)) /* (re-read: nothing moves, but be plain) */
        return BT_UNDEF;
    bt_buffer_gather(&info, b->data);
    return bt_obj(b);
}

static bool mv_hash(BtThread *t, BtValue self, int64_t *out) {
    BtMemoryView *m = as_mv(self);
    if (!check_live(t, self))
        return false;
    if (!m->readonly) {
        bt_raise(t, BT_EXC(t, ValueError), "cannot hash writable memoryview object");
        return false;
    }
    if (m->format != 'B' && m->format != 'b' && m->format != 'c') {
        bt_raise(t, BT_EXC(t, ValueError),
                 "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return false;
    }
    BtValue b = view_bytes(t, self);
    if (bt_is_undef(b))
        return false;
    *out = bt_hash_bytes(((BtBytes *)bt_as_obj(b))->data, ((BtBytes *)bt_as_obj(b))->size);
    return true;
}

static BtValue mv_iter(BtThread *t, BtValue self) {
    return check_live(t, self) ? bt_seq_iter_new(t, self) : BT_UNDEF;
}

static void mv_trace(BtGc *gc, BtObject *self) {
    bt_gc_mark(gc, ((BtMemoryView *)self)->obj);
}

/* ---- methods ---- */

#define METHOD(name)                                                                               \
    static BtValue name(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames)

METHOD(m_tobytes) {
    static const char *const params[] = {"|order", NULL};
    BtValue a[1];
    if (!bt_parse_args(t, "tobytes", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    return view_bytes(t, self);
}

METHOD(m_tolist) {
    (void)args;
    BtBufferInfo info;
    if (!bt_args_none(t, "memoryview.tolist", nargs, kwnames) || !view_info(t, self, &info))
        return BT_UNDEF;
    if (info.format == 'w') {
        bt_raise(t, BT_EXC(t, NotImplementedError), "memoryview: format w not supported");
        return BT_UNDEF;
    }
    BtValue l = bt_obj(bt_list_new(t, info.len));
    if (!bt_as_obj(l))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &l);
    for (size_t i = 0; i < info.len && !bt_is_undef(l); i++) {
        BtValue x = bt_array_unpack(t, info.format, info.data + (ptrdiff_t)i * info.stride);
        if (bt_is_undef(x))
            l = BT_UNDEF;
        else
            bt_as_list(l)->items[i] = x;
    }
    BT_POP_ROOT(t, 1);
    return l;
}

/* m.hex(...) is bytes.hex of the window's bytes. */
METHOD(m_hex) {
    BtValue b = view_bytes(t, self);
    if (bt_is_undef(b))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &b);
    BtStr *name = bt_str_intern_cstr(t, "hex");
    BtValue hex = name ? bt_getattr(t, b, name) : BT_UNDEF;
    BtValue r = bt_is_undef(hex) ? BT_UNDEF : bt_call(t, hex, args, nargs, kwnames);
    BT_POP_ROOT(t, 1);
    return r;
}

METHOD(m_release) {
    (void)args;
    if (!bt_args_none(t, "memoryview.release", nargs, kwnames))
        return BT_UNDEF;
    as_mv(self)->released = true;
    return BT_NONE;
}

METHOD(m_enter) {
    (void)args;
    if (!bt_args_none(t, "memoryview.__enter__", nargs, kwnames) || !check_live(t, self))
        return BT_UNDEF;
    return self;
}

METHOD(m_exit) {
    (void)args, (void)nargs, (void)kwnames, (void)t;
    as_mv(self)->released = true;
    return BT_FALSE;
}

METHOD(m_toreadonly) {
    (void)args;
    if (!bt_args_none(t, "memoryview.toreadonly", nargs, kwnames) || !check_live(t, self))
        return BT_UNDEF;
    BtMemoryView *m = as_mv(self);
    return new_view(t, m->obj, m->offset, m->len, m->stride, m->format, true);
}

static bool is_byte_format(char f) {
    return f == 'B' || f == 'b' || f == 'c';
}

/* The format letter of a cast's argument ("@i" or "i"); 0 with ValueError. */
static char cast_format(BtThread *t, BtValue v) {
    if (!bt_is_str(t, v)) {
        bt_raise(t, BT_EXC(t, TypeError), "cast() argument 'format' must be str, not %T", v);
        return 0;
    }
    const char *s = bt_as_str(v)->data;
    s += *s == '@';
    if (!s[0] || s[1] || !strchr("bBhHiIlLqQfdc", s[0])) {
        bt_raise(t, BT_EXC(t, ValueError), "memoryview: destination format must be a native "
                                           "single character format prefixed with an optional '@'");
        return 0;
    }
    return s[0];
}

METHOD(m_cast) {
    static const char *const params[] = {"format", "|shape", NULL};
    BtValue a[2];
    BtBufferInfo info;
    if (!bt_parse_args(t, "cast", args, nargs, kwnames, params, a) || !view_info(t, self, &info))
        return BT_UNDEF;
    char f = cast_format(t, a[0]);
    if (!f)
        return BT_UNDEF;
    if (!bt_is_undef(a[1])) {
        bt_raise(t, BT_EXC(t, NotImplementedError),
                 "memoryview.cast() with a shape is not supported by Baton");
        return BT_UNDEF;
    }
    size_t size = bt_array_itemsize(f), nbytes = info.len * info.itemsize;
    const char *err = NULL;
    if (info.len > 1 && info.stride != (ptrdiff_t)info.itemsize)
        err = "memoryview: casts are restricted to C-contiguous views";
    else if (!is_byte_format(f) && !is_byte_format(info.format))
        err = "memoryview: cannot cast between two non-byte formats";
    else if (nbytes % size)
        err = "memoryview: length is not a multiple of itemsize";
    if (err) {
        bt_raise(t, BT_EXC(t, TypeError), "%s", err);
        return BT_UNDEF;
    }
    BtMemoryView *m = as_mv(self);
    return new_view(t, m->obj, m->offset, nbytes / size, (ptrdiff_t)size, f, m->readonly);
}

/* ---- attributes (read-only; each refuses a released view) ---- */

#define GETTER(name)                                                                               \
    static BtValue name(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames)

GETTER(g_obj) {
    (void)self, (void)nargs, (void)kwnames;
    return check_live(t, args[0]) ? as_mv(args[0])->obj : BT_UNDEF;
}

GETTER(g_nbytes) {
    (void)self, (void)nargs, (void)kwnames;
    BtMemoryView *m = as_mv(args[0]);
    return check_live(t, args[0]) ? bt_int((int64_t)(m->len * bt_array_itemsize(m->format)))
                                  : BT_UNDEF;
}

GETTER(g_readonly) {
    (void)self, (void)nargs, (void)kwnames;
    return check_live(t, args[0]) ? bt_bool(as_mv(args[0])->readonly) : BT_UNDEF;
}

GETTER(g_itemsize) {
    (void)self, (void)nargs, (void)kwnames;
    return check_live(t, args[0]) ? bt_int((int64_t)bt_array_itemsize(as_mv(args[0])->format))
                                  : BT_UNDEF;
}

GETTER(g_format) {
    (void)self, (void)nargs, (void)kwnames;
    char f[2] = {as_mv(args[0])->format, 0};
    return check_live(t, args[0]) ? bt_cstr_value(t, f) : BT_UNDEF;
}

GETTER(g_ndim) {
    (void)self, (void)nargs, (void)kwnames;
    return check_live(t, args[0]) ? bt_int(1) : BT_UNDEF;
}

/* A one-item tuple: shape (len,) or strides (stride,). */
static BtValue one_tuple(BtThread *t, BtValue self, int64_t n) {
    if (!check_live(t, self))
        return BT_UNDEF;
    BtTuple *r = bt_tuple_from(t, (BtValue[]){bt_int(n)}, 1);
    return r ? bt_obj(r) : BT_UNDEF;
}

GETTER(g_shape) {
    (void)self, (void)nargs, (void)kwnames;
    return one_tuple(t, args[0], (int64_t)as_mv(args[0])->len);
}

GETTER(g_strides) {
    (void)self, (void)nargs, (void)kwnames;
    return one_tuple(t, args[0], (int64_t)as_mv(args[0])->stride);
}

GETTER(g_contiguous) {
    (void)self, (void)nargs, (void)kwnames;
    BtMemoryView *m = as_mv(args[0]);
    return check_live(t, args[0])
               ? bt_bool(m->len <= 1 || m->stride == (ptrdiff_t)bt_array_itemsize(m->format))
               : BT_UNDEF;
}

static const BtNativeDef memoryview_methods[] = {
    {"tobytes", m_tobytes},   {"tolist", m_tolist},         {"hex", m_hex},
    {"release", m_release},   {"__enter__", m_enter},       {"__exit__", m_exit},
    {"cast", m_cast},         {"toreadonly", m_toreadonly}, {NULL, NULL},
};

static const BtNativeDef memoryview_getters[] = {
    {"obj", g_obj},           {"nbytes", g_nbytes},         {"readonly", g_readonly},
    {"itemsize", g_itemsize}, {"format", g_format},         {"ndim", g_ndim},
    {"shape", g_shape},       {"strides", g_strides},       {"contiguous", g_contiguous},
    {"c_contiguous", g_contiguous}, {"f_contiguous", g_contiguous},
    {NULL, NULL},
};

bool bt_memoryview_init_type(BtThread *t) {
    BtType *ty = BT_TYPE(t, memoryview);
    ty->instance_size = sizeof(BtMemoryView);
    ty->repr = mv_repr;
    ty->compare = mv_compare;
    ty->hash = mv_hash;
    ty->len = mv_len;
    ty->getitem = mv_getitem;
    ty->setitem = mv_setitem;
    ty->iter = mv_iter;
    ty->construct = mv_construct;
    ty->trace = mv_trace;
    bool ok = bt_type_add_methods(t, ty, memoryview_methods);
    for (const BtNativeDef *d = memoryview_getters; ok && d->name; d++)
        ok = bt_type_add_getter(t, ty, d->name, d->fn);
    return ok;
}
