/* bytes.c: the bytes type and the UTF-8/ASCII/Latin-1 decoders (vm stage).
 *
 * bytes is an immutable byte string laid out like str minus the code point
 * bookkeeping; indexing gives ints. Decoding lives here (bytes.decode and
 * str(b, encoding) both come through bt_bytes_decode) and reports errors with
 * CPython's UnicodeDecodeError wording.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/buffer_internal.h"
#include "vm/container_internal.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/strformat.h"

#define NOT_IMPLEMENTED(t) bt_obj((t)->interp->not_implemented)

static inline BtBytes *as_bytes(BtValue v) {
    return (BtBytes *)bt_as_obj(v);
}

static inline BtValue bytes_value(BtBytes *b) {
    return b ? bt_obj(b) : BT_UNDEF;
}

BtBytes *bt_bytes_new(BtThread *t, const uint8_t *data, size_t size) {
    if (size > BT_STR_MAX_BYTES) {
        bt_raise_memory(t);
        return NULL;
    }
    BtBytes *b = bt_gc_alloc(t, BT_TYPE(t, bytes), sizeof(BtBytes) + size + 1);
    if (!b)
        return NULL;
    b->hash = -1;
    b->size = size;
    if (size && data)
        memcpy(b->data, data, size);
    b->data[size] = 0;
    return b;
}

/* ---- decoding ---- */

bool bt_utf8_validate(const uint8_t *d, size_t n, size_t *bad_start, size_t *bad_end,
                      const char **reason) {
    size_t i = 0;
    while (i < n) {
        uint8_t c = d[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int need;
        uint8_t lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F; /* no surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else {
            *bad_start = i;
            *bad_end = i + 1;
            *reason = "invalid start byte";
            return false;
        }
        size_t j = 1;
        for (; j <= (size_t)need; j++) {
            if (i + j >= n) {
                *bad_start = i;
                *bad_end = n;
                *reason = "unexpected end of data";
                return false;
            }
            uint8_t cc = d[i + j];
            bool ok = j == 1 ? (cc >= lo && cc <= hi) : (cc >= 0x80 && cc <= 0xBF);
            if (!ok) {
                *bad_start = i;
                *bad_end = i + j;
                *reason = "invalid continuation byte";
                return false;
            }
        }
        i += j;
    }
    return true;
}

static void raise_decode(BtThread *t, const char *codec, const uint8_t *d, size_t start, size_t end,
                         const char *reason) {
    if (end - start == 1)
        bt_raise(t, BT_EXC(t, UnicodeDecodeError),
                 "'%s' codec can't decode byte 0x%02x in position %zu: %s", codec, d[start], start,
                 reason);
    else
        bt_raise(t, BT_EXC(t, UnicodeDecodeError),
                 "'%s' codec can't decode bytes in position %zu-%zu: %s", codec, start, end - 1,
                 reason);
}

/* Which codec: 0 utf-8, 1 ascii, 2 latin-1, -1 unknown. */
static int codec_of(const char *enc) {
    char n[32];
    if (!enc)
        return 0;
    size_t len = strlen(enc);
    if (len + 1 > sizeof n)
        return -1;
    for (size_t i = 0; i <= len; i++) {
        char c = enc[i];
        n[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    if (!strcmp(n, "utf-8") || !strcmp(n, "utf8") || !strcmp(n, "u8"))
        return 0;
    if (!strcmp(n, "ascii") || !strcmp(n, "us-ascii") || !strcmp(n, "646"))
        return 1;
    if (!strcmp(n, "latin-1") || !strcmp(n, "latin1") || !strcmp(n, "iso-8859-1") ||
        !strcmp(n, "iso8859-1") || !strcmp(n, "l1") || !strcmp(n, "8859") || !strcmp(n, "cp819") ||
        !strcmp(n, "latin"))
        return 2;
    return -1;
}

BtValue bt_bytes_decode(BtThread *t, const uint8_t *d, size_t n, const char *enc,
                        const char *errors) {
    int codec = codec_of(enc);
    if (codec < 0) {
        bt_raise(t, BT_EXC(t, LookupError), "unknown encoding: %s", enc);
        return BT_UNDEF;
    }
    int mode = 0; /* 0 strict, 1 ignore, 2 replace, 3 backslashreplace */
    if (errors && strcmp(errors, "strict") != 0) {
        if (!strcmp(errors, "ignore"))
            mode = 1;
        else if (!strcmp(errors, "replace"))
            mode = 2;
        else if (!strcmp(errors, "backslashreplace"))
            mode = 3;
        else {
            bt_raise(t, BT_EXC(t, LookupError), "unknown error handler name '%s'", errors);
            return BT_UNDEF;
        }
    }
    size_t bs, be;
    const char *reason;
    if (codec == 0 && bt_utf8_validate(d, n, &bs, &be, &reason)) {
        BtStr *s = bt_str_new(t, (const char *)d, n);
        return s ? bt_obj(s) : BT_UNDEF;
    }
    BtBuf b;
    bt_buf_init(&b);
    size_t i = 0;
    while (i < n) {
        size_t bad_start = 0, bad_end = 0;
        bool bad = false;
        if (codec == 0) {
            /* Copy the valid prefix, then handle one error. */
            if (bt_utf8_validate(d + i, n - i, &bad_start, &bad_end, &reason)) {
                bt_buf_append(&b, d + i, n - i);
                break;
            }
            bt_buf_append(&b, d + i, bad_start);
            bad_start += i;
            bad_end += i;
            bad = true;
        } else if (codec == 1 && d[i] >= 0x80) {
            bad_start = i;
            bad_end = i + 1;
            reason = "ordinal not in range(128)";
            bad = true;
        } else {
            bt_buf_put_cp(&b, d[i]);
            i++;
        }
        if (!bad)
            continue;
        if (mode == 0) {
            bt_buf_free(&b);
            raise_decode(t, codec == 0 ? "utf-8" : "ascii", d, bad_start, bad_end, reason);
            return BT_UNDEF;
        }
        if (mode == 2) {
            bt_buf_put_cp(&b, 0xFFFD);
        } else if (mode == 3) {
            for (size_t k = bad_start; k < bad_end; k++) {
                char esc[8];
                snprintf(esc, sizeof esc, "\\x%02x", d[k]);
                bt_buf_puts(&b, esc);
            }
        }
        i = bad_end;
    }
    BtStr *s = bt_buf_finish(t, &b);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* ---- repr ---- */

BtStr *bt_bytes_repr(BtThread *t, BtBytes *bytes) {
    const uint8_t *p = bytes->data, *end = p + bytes->size;
    bool has_single = memchr(p, '\'', bytes->size) != NULL;
    bool has_double = memchr(p, '"', bytes->size) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    BtBuf b;
    bt_buf_init(&b);
    bt_buf_putc(&b, 'b');
    bt_buf_putc(&b, quote);
    for (; p < end; p++) {
        uint8_t c = *p;
        if (c == (uint8_t)quote || c == '\\') {
            bt_buf_putc(&b, '\\');
            bt_buf_putc(&b, (char)c);
        } else if (c == '\t') {
            bt_buf_puts(&b, "\\t");
        } else if (c == '\n') {
            bt_buf_puts(&b, "\\n");
        } else if (c == '\r') {
            bt_buf_puts(&b, "\\r");
        } else if (c < 0x20 || c >= 0x7f) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\x%02x", c);
            bt_buf_puts(&b, esc);
        } else {
            bt_buf_putc(&b, (char)c);
        }
    }
    bt_buf_putc(&b, quote);
    return bt_buf_finish(t, &b);
}

/* ---- slots ---- */

static BtValue bytes_repr_slot(BtThread *t, BtValue self) {
    BtStr *s = bt_bytes_repr(t, as_bytes(self));
    return s ? bt_obj(s) : BT_UNDEF;
}

static bool bytes_hash_slot(BtThread *t, BtValue self, int64_t *out) {
    (void)t;
    BtBytes *b = as_bytes(self);
    if (b->hash == -1)
        b->hash = bt_hash_bytes(b->data, b->size);
    *out = b->hash;
    return true;
}

static BtValue bytes_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (!bt_is_bytes(t, a) || !bt_is_bytes(t, b))
        return NOT_IMPLEMENTED(t);
    BtBytes *x = as_bytes(a), *y = as_bytes(b);
    size_t n = x->size < y->size ? x->size : y->size;
    int c = memcmp(x->data, y->data, n);
    if (c == 0)
        c = (x->size > y->size) - (x->size < y->size);
    return bt_bool(bt_compare_holds(op, c));
}

/* a + b for bytes a and any bytes-like b (bytearray, array, memoryview): bytes. */
static BtValue bytes_concat(BtThread *t, BtValue a, BtValue b) {
    BtByteView x, y;
    if (!bt_byte_view(t, a, &x) || !bt_byte_view(t, b, &y))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &a);
    BT_PUSH_ROOT(t, &b);
    BtBytes *r = bt_bytes_new(t, NULL, x.size + y.size);
    BT_POP_ROOT(t, 2);
    if (!r)
        return BT_UNDEF;
    /* the views stay valid: the collector moves nothing, and a and b were rooted */
    memcpy(r->data, x.data, x.size);
    memcpy(r->data + x.size, y.data, y.size);
    return bt_obj(r);
}

static BtValue bytes_repeat(BtThread *t, BtValue self, int64_t n) {
    BtBytes *s = as_bytes(self);
    if (n <= 0 || s->size == 0)
        return bytes_value(bt_bytes_new(t, NULL, 0));
    /* CPython: past the largest index is an OverflowError; too big to
     * allocate is a MemoryError (bt_bytes_new's check). */
    if ((uint64_t)n > (uint64_t)INT64_MAX / s->size) {
        bt_raise(t, BT_EXC(t, OverflowError), "repeated bytes are too long");
        return BT_UNDEF;
    }
    BT_PUSH_ROOT(t, &self);
    BtBytes *r = bt_bytes_new(t, NULL, s->size * (size_t)n);
    BT_POP_ROOT(t, 1);
    if (!r)
        return BT_UNDEF;
    /* Doubling copies: log(n) memcpy calls. */
    memcpy(r->data, s->data, s->size);
    size_t done = s->size, total = r->size;
    while (done < total) {
        size_t chunk = done < total - done ? done : total - done;
        memcpy(r->data + done, r->data, chunk);
        done += chunk;
    }
    return bt_obj(r);
}

/* Does the other operand's class define the reflected operator? */
static bool other_handles(BtThread *t, BtValue other, int op) {
    return bt_user_defines(t, other, t->interp->binop_names[op][1]);
}

static BtValue bytes_binary(BtThread *t, int op, BtValue a, BtValue b) {
    if (op >= BT_BINOP__COUNT)
        op -= BT_BINOP__COUNT;
    bool ab = bt_is_bytes(t, a), bb = bt_is_bytes(t, b);
    if (op == BT_BINOP_ADD) {
        BtByteView view;
        if (ab && bb)
            return bytes_concat(t, a, b);
        if (!ab || other_handles(t, b, op))
            return NOT_IMPLEMENTED(t);
        if (bt_byte_view(t, b, &view))
            return bytes_concat(t, a, b);
        bt_raise(t, BT_EXC(t, TypeError), "can't concat %s to bytes", bt_type_name(t, b));
        return BT_UNDEF;
    }
    if (op == BT_BINOP_MOD) {
        if (!ab)
            return NOT_IMPLEMENTED(t);
        return bt_bytes_percent(t, a, b);
    }
    if (op == BT_BINOP_MUL) {
        BtValue seq = ab ? a : b, count = ab ? b : a;
        if (ab && bb) {
            bt_raise(t, BT_EXC(t, TypeError), "can't multiply sequence by non-int of type 'bytes'");
            return BT_UNDEF;
        }
        if (bt_is_integer(count)) {
            int64_t n;
            return bt_int_seq_index(t, count, &n, true) ? bytes_repeat(t, seq, n) : BT_UNDEF;
        }
        if (!ab || other_handles(t, count, op))
            return NOT_IMPLEMENTED(t);
        int64_t n;
        if (bt_is_obj(count) &&
            !bt_is_undef(bt_type_lookup(bt_type_of(t, count), BT_NAME(t, dunder_index)))) {
            if (!bt_int_index(t, count, &n))
                return BT_UNDEF;
            return bytes_repeat(t, seq, n);
        }
        bt_raise(t, BT_EXC(t, TypeError), "can't multiply sequence by non-int of type '%T'", count);
        return BT_UNDEF;
    }
    return NOT_IMPLEMENTED(t);
}

static int64_t bytes_len(BtThread *t, BtValue self) {
    (void)t;
    return (int64_t)as_bytes(self)->size;
}

static int bytes_truth(BtThread *t, BtValue self) {
    (void)t;
    return as_bytes(self)->size != 0;
}

static BtValue bytes_getitem(BtThread *t, BtValue self, BtValue key) {
    BtBytes *b = as_bytes(self);
    int64_t i;
    if (bt_is_intlike(key) ||
        (bt_is_obj(key) && !bt_is_slice(t, key) &&
         !bt_is_undef(bt_type_lookup(bt_type_of(t, key), BT_NAME(t, dunder_index))))) {
        if (!bt_int_seq_index(t, key, &i, false))
            return BT_UNDEF;
        if (i < 0)
            i += (int64_t)b->size;
        if (i < 0 || i >= (int64_t)b->size) {
            bt_raise(t, BT_EXC(t, IndexError), "index out of range");
            return BT_UNDEF;
        }
        return bt_int(b->data[i]);
    }
    if (bt_is_slice(t, key)) {
        int64_t start, stop, step, count;
        if (!bt_slice_indices(t, key, (int64_t)b->size, &start, &stop, &step, &count))
            return BT_UNDEF;
        if (count <= 0)
            return bytes_value(bt_bytes_new(t, NULL, 0));
        if (step == 1) {
            if (count == (int64_t)b->size)
                return self;
            return bytes_value(bt_bytes_new(t, b->data + start, (size_t)count));
        }
        BT_PUSH_ROOT(t, &self);
        BtBytes *r = bt_bytes_new(t, NULL, (size_t)count);
        BT_POP_ROOT(t, 1);
        if (!r)
            return BT_UNDEF;
        for (int64_t k = 0, j = start; k < count; k++, j += step)
            r->data[k] = b->data[j];
        return bt_obj(r);
    }
    bt_raise(t, BT_EXC(t, TypeError), "byte indices must be integers or slices, not %T", key);
    return BT_UNDEF;
}

/* The bytes-like argument of a method (bytes or bytearray) viewed in *view,
 * or NULL with TypeError "a bytes-like object is required". */
static BtByteView *bytes_arg(BtThread *t, BtValue v, BtByteView *view) {
    if (bt_byte_view(t, v, view))
        return view;
    bt_raise(t, BT_EXC(t, TypeError), "a bytes-like object is required, not '%T'", v);
    return NULL;
}

static int bytes_contains(BtThread *t, BtValue self, BtValue item) {
    BtBytes *b = as_bytes(self);
    if (bt_is_intlike(item)) {
        int64_t v = bt_as_int(item);
        if (v < 0 || v > 255) {
            bt_raise(t, BT_EXC(t, ValueError), "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(b->data, (int)v, b->size) != NULL;
    }
    BtByteView sub_view, *sub = bytes_arg(t, item, &sub_view);
    if (!sub)
        return -1;
    if (sub->size == 0)
        return 1;
    return memmem(b->data, b->size, sub->data, sub->size) != NULL;
}

/* ---- iterator ---- */

typedef struct {
    BtObject hdr;
    BtBytes *b; /* NULL once exhausted */
    size_t pos;
} BtBytesIter;

static void bytes_iter_trace(BtGc *gc, BtObject *self) {
    BtBytesIter *it = (BtBytesIter *)self;
    if (it->b)
        bt_gc_mark_obj(gc, &it->b->hdr);
}

static BtValue bytes_iter(BtThread *t, BtValue self) {
    BtBytesIter *it = bt_gc_alloc(t, BT_TYPE(t, bytes_iter), sizeof(BtBytesIter));
    if (!it)
        return BT_UNDEF;
    it->b = as_bytes(self);
    return bt_obj(it);
}

static BtValue bytes_iter_next(BtThread *t, BtValue self) {
    (void)t;
    BtBytesIter *it = (BtBytesIter *)bt_as_obj(self);
    if (!it->b || it->pos >= it->b->size) {
        it->b = NULL;
        return BT_UNDEF;
    }
    return bt_int(it->b->data[it->pos++]);
}

static BtValue iter_self(BtThread *t, BtValue self) {
    (void)t;
    return self;
}

/* ---- construct ---- */

static BtValue bytes_from_iterable(BtThread *t, BtValue src) {
    BtValue it = bt_iter(t, src);
    if (bt_is_undef(it)) {
        if (bt_exc_pending_is(t, BT_EXC(t, TypeError))) {
            bt_take_exc(t);
            bt_raise(t, BT_EXC(t, TypeError), "cannot convert '%T' object to bytes", src);
        }
        return BT_UNDEF;
    }
    BT_PUSH_ROOT(t, &it);
    BtBuf b;
    bt_buf_init(&b);
    for (;;) {
        BtValue x = bt_next(t, it);
        if (bt_is_undef(x)) {
            if (bt_has_exc(t))
                goto fail;
            break;
        }
        int64_t v;
        if (!bt_int_bound(t, x, &v)) /* a big int is out of range like any other */
            goto fail;
        if (v < 0 || v > 255) {
            bt_raise(t, BT_EXC(t, ValueError), "bytes must be in range(0, 256)");
            goto fail;
        }
        bt_buf_putc(&b, (char)v);
    }
    BT_POP_ROOT(t, 1);
    return bytes_value(bt_buf_finish_bytes(t, &b));
fail:
    BT_POP_ROOT(t, 1);
    bt_buf_free(&b);
    return BT_UNDEF;
}

BtBytes *bt_bytes_of_arg(BtThread *t, BtValue *slot) {
    BtByteView view;
    if (bt_is_bytes(t, *slot))
        return as_bytes(*slot);
    if (!bt_byte_view(t, *slot, &view))
        return NULL;
    BtBytes *copy = bt_bytes_new(t, view.data, view.size);
    if (copy)
        *slot = bt_obj(copy);
    return copy;
}

/* A bytes copy of a buffer's items, in order (a strided memoryview's too). */
static BtValue bytes_from_buffer(BtThread *t, BtValue src) {
    BtBufferInfo info;
    bt_buffer_info(t, src, &info);
    BtBytes *r = bt_bytes_new(t, NULL, info.len * info.itemsize);
    if (!r)
        return BT_UNDEF;
    bt_buffer_gather(&info, r->data);
    return bt_obj(r);
}

static BtValue bytes_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)type;
    static const char *const kw[] = {"source", "encoding", "errors", NULL};
    BtValue a[3];
    if (!bt_method_args(t, "bytes", BT_ARGS_OLD, args, nargs, kwnames, 0, 3, kw, a))
        return BT_UNDEF;
    BtValue src = a[0];
    if (!bt_is_undef(a[1]) || !bt_is_undef(a[2])) {
        if (!bt_is_str(t, src)) {
            bt_raise(t, BT_EXC(t, TypeError),
                     bt_is_undef(a[1]) ? "errors without a string argument"
                                       : "encoding without a string argument");
            return BT_UNDEF;
        }
        for (int i = 1; i < 3; i++)
            if (!bt_is_undef(a[i]) && !bt_is_str(t, a[i])) {
                bt_raise(t, BT_EXC(t, TypeError), "bytes() argument %d must be str, not %T", i + 1,
                         a[i]);
                return BT_UNDEF;
            }
        if (bt_is_undef(a[1])) {
            bt_raise(t, BT_EXC(t, TypeError), "string argument without an encoding");
            return BT_UNDEF;
        }
        return bt_str_encode(t, bt_as_str(src), bt_as_str(a[1])->data,
                             bt_is_undef(a[2]) ? NULL : bt_as_str(a[2])->data);
    }
    if (bt_is_undef(src))
        return bytes_value(bt_bytes_new(t, NULL, 0));
    if (bt_is_bytes(t, src))
        return src;
    if (bt_is_str(t, src)) {
        bt_raise(t, BT_EXC(t, TypeError), "string argument without an encoding");
        return BT_UNDEF;
    }
    if (bt_is_integer(src)) {
        int64_t n;
        if (!bt_int_seq_index(t, src, &n, true))
            return BT_UNDEF;
        if (n < 0) {
            bt_raise(t, BT_EXC(t, ValueError), "negative count");
            return BT_UNDEF;
        }
        return bytes_value(bt_bytes_new(t, NULL, (size_t)n));
    }
    BtBufferInfo info;
    if (bt_buffer_info(t, src, &info)) /* bytearray, array, memoryview: their bytes */
        return bytes_from_buffer(t, src);
    if (bt_is_float(src)) {
        bt_raise(t, BT_EXC(t, TypeError), "cannot convert 'float' object to bytes");
        return BT_UNDEF;
    }
    if (bt_is_list(t, src) || bt_is_tuple(t, src)) {
        const BtValue *items =
            bt_is_list(t, src) ? bt_as_list(src)->items : bt_as_tuple(src)->items;
        size_t n = bt_is_list(t, src) ? bt_as_list(src)->len : bt_as_tuple(src)->len;
        for (size_t i = 0; i < n; i++)
            if (!bt_is_intlike(items[i]))
                return bytes_from_iterable(t, src);
        BtBytes *r = bt_bytes_new(t, NULL, n);
        if (!r)
            return BT_UNDEF;
        items = bt_is_list(t, src) ? bt_as_list(src)->items : bt_as_tuple(src)->items;
        for (size_t i = 0; i < n; i++) {
            int64_t v = bt_as_int(items[i]);
            if (v < 0 || v > 255) {
                bt_raise(t, BT_EXC(t, ValueError), "bytes must be in range(0, 256)");
                return BT_UNDEF;
            }
            r->data[i] = (uint8_t)v;
        }
        return bt_obj(r);
    }
    return bytes_from_iterable(t, src);
}

/* ---- methods ---- */

#define METHOD(name)                                                                               \
    static BtValue name(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames)

#define SELF_BYTES(b, mname)                                                                       \
    if (!bt_is_bytes(t, self)) {                                                                   \
        bt_raise(t, BT_EXC(t, TypeError),                                                          \
                 "descriptor '" mname "' for 'bytes' objects doesn't apply to a '%T' object",      \
                 self);                                                                            \
        return BT_UNDEF;                                                                           \
    }                                                                                              \
    BtBytes *b = as_bytes(self)

METHOD(bytes_decode) {
    SELF_BYTES(b, "decode");
    static const char *const kw[] = {"encoding", "errors", NULL};
    BtValue a[2];
    if (!bt_method_args(t, "bytes.decode", BT_ARGS_OLD, args, nargs, kwnames, 0, 2, kw, a))
        return BT_UNDEF;
    for (int i = 0; i < 2; i++)
        if (!bt_is_undef(a[i]) && !bt_is_str(t, a[i])) {
            bt_raise(t, BT_EXC(t, TypeError), "decode() argument '%s' must be str, not %T", kw[i],
                     a[i]);
            return BT_UNDEF;
        }
    return bt_bytes_decode(t, b->data, b->size, bt_is_undef(a[0]) ? NULL : bt_as_str(a[0])->data,
                           bt_is_undef(a[1]) ? NULL : bt_as_str(a[1])->data);
}

METHOD(bytes_join) {
    SELF_BYTES(sep, "join");
    BtValue a[1];
    if (!bt_method_args(t, "bytes.join", BT_ARGS_ONE, args, nargs, kwnames, 1, 1, NULL, a))
        return BT_UNDEF;
    BtValue it = bt_iter(t, a[0]);
    if (bt_is_undef(it)) {
        if (bt_exc_pending_is(t, BT_EXC(t, TypeError))) {
            bt_take_exc(t);
            bt_raise(t, BT_EXC(t, TypeError), "can only join an iterable");
        }
        return BT_UNDEF;
    }
    BT_PUSH_ROOT(t, &it);
    BtBuf out;
    bt_buf_init(&out);
    for (size_t i = 0;; i++) {
        BtValue x = bt_next(t, it);
        if (bt_is_undef(x)) {
            if (bt_has_exc(t))
                goto fail;
            break;
        }
        BtByteView item;
        if (!bt_byte_view(t, x, &item)) {
            bt_raise(t, BT_EXC(t, TypeError),
                     "sequence item %zu: expected a bytes-like object, %T found", i, x);
            goto fail;
        }
        if (i)
            bt_buf_append(&out, sep->data, sep->size);
        bt_buf_append(&out, item.data, item.size);
    }
    BT_POP_ROOT(t, 1);
    return bytes_value(bt_buf_finish_bytes(t, &out));
fail:
    BT_POP_ROOT(t, 1);
    bt_buf_free(&out);
    return BT_UNDEF;
}

/* The needle argument: bytes or an int byte value (into one). */
static bool needle_arg(BtThread *t, BtValue v, const uint8_t **p, size_t *n, uint8_t *one) {
    if (bt_is_intlike(v)) {
        int64_t x = bt_as_int(v);
        if (x < 0 || x > 255) {
            bt_raise(t, BT_EXC(t, ValueError), "byte must be in range(0, 256)");
            return false;
        }
        *one = (uint8_t)x;
        *p = one;
        *n = 1;
        return true;
    }
    BtByteView view;
    if (!bt_byte_view(t, v, &view)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "argument should be integer or bytes-like object, not '%T'", v);
        return false;
    }
    *p = view.data;
    *n = view.size;
    return true;
}

enum { FIND_FIND, FIND_RFIND, FIND_INDEX, FIND_RINDEX, FIND_COUNT };

static BtValue do_find(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                       int mode, const char *name) {
    BtBytes *b = as_bytes(self);
    BtValue a[3];
    if (!bt_method_args(t, name, BT_ARGS_OLD, args, nargs, kwnames, 1, 3, NULL, a))
        return BT_UNDEF;
    const uint8_t *sub;
    size_t n;
    uint8_t one;
    if (!needle_arg(t, a[0], &sub, &n, &one))
        return BT_UNDEF;
    int64_t start, stop;
    if (!bt_span_args(t, a[1], a[2], (int64_t)b->size, &start, &stop))
        return BT_UNDEF;
    int64_t result = -1;
    if (start <= (int64_t)b->size && stop >= start) {
        const uint8_t *lo = b->data + start, *hi = b->data + stop;
        if (mode == FIND_COUNT) {
            if (n == 0)
                return bt_int(stop - start + 1);
            int64_t c = 0;
            const uint8_t *hit;
            while ((hit = memmem(lo, (size_t)(hi - lo), sub, n))) {
                c++;
                lo = hit + n;
            }
            return bt_int(c);
        }
        const uint8_t *hit = NULL;
        if (mode == FIND_FIND || mode == FIND_INDEX) {
            hit = memmem(lo, (size_t)(hi - lo), sub, n);
        } else if ((size_t)(hi - lo) >= n) {
            for (const uint8_t *q = hi - n;; q--) {
                if (memcmp(q, sub, n) == 0) {
                    hit = q;
                    break;
                }
                if (q == lo)
                    break;
            }
        }
        if (hit)
            result = hit - b->data;
    } else if (mode == FIND_COUNT) {
        return bt_int(0);
    }
    if (result < 0 && (mode == FIND_INDEX || mode == FIND_RINDEX)) {
        bt_raise(t, BT_EXC(t, ValueError), "subsection not found");
        return BT_UNDEF;
    }
    return bt_int(result);
}

METHOD(bytes_find) {
    SELF_BYTES(b, "find");
    (void)b;
    return do_find(t, self, args, nargs, kwnames, FIND_FIND, "bytes.find");
}
METHOD(bytes_rfind) {
    SELF_BYTES(b, "rfind");
    (void)b;
    return do_find(t, self, args, nargs, kwnames, FIND_RFIND, "bytes.rfind");
}
METHOD(bytes_index) {
    SELF_BYTES(b, "index");
    (void)b;
    return do_find(t, self, args, nargs, kwnames, FIND_INDEX, "bytes.index");
}
METHOD(bytes_rindex) {
    SELF_BYTES(b, "rindex");
    (void)b;
    return do_find(t, self, args, nargs, kwnames, FIND_RINDEX, "bytes.rindex");
}
METHOD(bytes_count) {
    SELF_BYTES(b, "count");
    (void)b;
    return do_find(t, self, args, nargs, kwnames, FIND_COUNT, "bytes.count");
}

static bool is_space(uint8_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Append the slice [a, z) of b to list l as a new bytes (l rooted by the caller). */
static bool push_part(BtThread *t, BtList *l, BtBytes *b, size_t a, size_t z) {
    BtBytes *part = bt_bytes_new(t, b->data + a, z - a);
    return part && bt_list_append(t, l, bt_obj(part));
}

static BtValue do_split(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                        bool right, const char *name) {
    BtBytes *b = as_bytes(self);
    static const char *const kw[] = {"sep", "maxsplit", NULL};
    BtValue a[2];
    if (!bt_method_args(t, name, BT_ARGS_OLD, args, nargs, kwnames, 0, 2, kw, a))
        return BT_UNDEF;
    int64_t maxsplit = -1;
    if (!bt_is_undef(a[1]) && !bt_int_index(t, a[1], &maxsplit))
        return BT_UNDEF;
    if (maxsplit < 0)
        maxsplit = INT64_MAX;
    BtByteView sep_view, *sep = NULL;
    if (!bt_is_undef(a[0]) && !bt_is_none(a[0])) {
        if (!(sep = bytes_arg(t, a[0], &sep_view)))
            return BT_UNDEF;
        if (sep->size == 0) {
            bt_raise(t, BT_EXC(t, ValueError), "empty separator");
            return BT_UNDEF;
        }
    }
    BtList *l = bt_list_new(t, 0);
    if (!l)
        return BT_UNDEF;
    BtValue lv = bt_obj(l);
    BT_PUSH_ROOT(t, &lv);
    const uint8_t *d = b->data;
    size_t n = b->size;
    bool ok = true;
    /* Right-to-left splits collect parts in reverse and flip the list at the end. */
    if (!sep) {
        if (!right) {
            size_t i = 0;
            while (ok) {
                while (i < n && is_space(d[i]))
                    i++;
                if (i >= n)
                    break;
                size_t j = i;
                if (maxsplit-- == 0) {
                    ok = push_part(t, l, b, i, n);
                    break;
                }
                while (j < n && !is_space(d[j]))
                    j++;
                ok = push_part(t, l, b, i, j);
                i = j;
            }
        } else {
            size_t j = n;
            while (ok) {
                while (j > 0 && is_space(d[j - 1]))
                    j--;
                if (j == 0)
                    break;
                size_t i = j;
                if (maxsplit-- == 0) {
                    ok = push_part(t, l, b, 0, j);
                    break;
                }
                while (i > 0 && !is_space(d[i - 1]))
                    i--;
                ok = push_part(t, l, b, i, j);
                j = i;
            }
        }
    } else if (!right) {
        size_t i = 0;
        while (ok) {
            const uint8_t *hit = maxsplit > 0 ? memmem(d + i, n - i, sep->data, sep->size) : NULL;
            if (!hit) {
                ok = push_part(t, l, b, i, n);
                break;
            }
            ok = push_part(t, l, b, i, (size_t)(hit - d));
            i = (size_t)(hit - d) + sep->size;
            maxsplit--;
        }
    } else {
        size_t j = n;
        while (ok) {
            size_t hit = SIZE_MAX;
            if (maxsplit > 0 && j >= sep->size)
                for (size_t q = j - sep->size + 1; q-- > 0;)
                    if (memcmp(d + q, sep->data, sep->size) == 0) {
                        hit = q;
                        break;
                    }
            if (hit == SIZE_MAX) {
                ok = push_part(t, l, b, 0, j);
                break;
            }
            ok = push_part(t, l, b, hit + sep->size, j);
            j = hit;
            maxsplit--;
        }
    }
    BT_POP_ROOT(t, 1);
    if (!ok)
        return BT_UNDEF;
    if (right)
        for (size_t i = 0, k = l->len; i < k / 2; i++) {
            BtValue tmp = l->items[i];
            l->items[i] = l->items[k - 1 - i];
            l->items[k - 1 - i] = tmp;
        }
    return lv;
}

METHOD(bytes_split) {
    SELF_BYTES(b, "split");
    (void)b;
    return do_split(t, self, args, nargs, kwnames, false, "bytes.split");
}
METHOD(bytes_rsplit) {
    SELF_BYTES(b, "rsplit");
    (void)b;
    return do_split(t, self, args, nargs, kwnames, true, "bytes.rsplit");
}

static BtValue do_affix(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                        bool end, const char *name) {
    BtBytes *b = as_bytes(self);
    BtValue a[3];
    if (!bt_method_args(t, name, BT_ARGS_OLD, args, nargs, kwnames, 1, 3, NULL, a))
        return BT_UNDEF;
    int64_t start, stop;
    if (!bt_span_args(t, a[1], a[2], (int64_t)b->size, &start, &stop))
        return BT_UNDEF;
    const char *pyname = strchr(name, '.') + 1;
    size_t nitems = 1;
    const BtValue *items = &a[0];
    if (bt_is_tuple(t, a[0])) {
        nitems = bt_as_tuple(a[0])->len;
        items = bt_as_tuple(a[0])->items;
    } else if (!bt_byte_view(t, a[0], &(BtByteView){0})) {
        bt_raise(t, BT_EXC(t, TypeError), "%s first arg must be bytes or a tuple of bytes, not %T",
                 pyname, a[0]);
        return BT_UNDEF;
    }
    if (start > (int64_t)b->size)
        return BT_FALSE;
    if (stop < start)
        stop = start;
    for (size_t i = 0; i < nitems; i++) {
        BtByteView x_view, *x = bytes_arg(t, items[i], &x_view);
        if (!x)
            return BT_UNDEF;
        if (x->size > (size_t)(stop - start))
            continue;
        const uint8_t *at = end ? b->data + stop - x->size : b->data + start;
        if (memcmp(at, x->data, x->size) == 0)
            return BT_TRUE;
    }
    return BT_FALSE;
}

METHOD(bytes_startswith) {
    SELF_BYTES(b, "startswith");
    (void)b;
    return do_affix(t, self, args, nargs, kwnames, false, "bytes.startswith");
}
METHOD(bytes_endswith) {
    SELF_BYTES(b, "endswith");
    (void)b;
    return do_affix(t, self, args, nargs, kwnames, true, "bytes.endswith");
}

METHOD(bytes_replace) {
    SELF_BYTES(b, "replace");
    BtValue a[3];
    if (!bt_method_args(t, "bytes.replace", BT_ARGS_CLINIC, args, nargs, kwnames, 2, 3, NULL, a))
        return BT_UNDEF;
    BtByteView old_view, new_view, *old = bytes_arg(t, a[0], &old_view);
    if (!old)
        return BT_UNDEF;
    BtByteView *new = bytes_arg(t, a[1], &new_view);
    if (!new)
        return BT_UNDEF;
    int64_t count = -1;
    if (!bt_is_undef(a[2]) && !bt_int_index(t, a[2], &count))
        return BT_UNDEF;
    if (count < 0)
        count = INT64_MAX;
    BtBuf out;
    bt_buf_init(&out);
    const uint8_t *p = b->data, *end = b->data + b->size;
    if (old->size == 0) {
        while (count > 0) {
            bt_buf_append(&out, new->data, new->size);
            count--;
            if (p >= end)
                break;
            bt_buf_putc(&out, (char)*p++);
        }
    } else {
        while (count > 0) {
            const uint8_t *hit = memmem(p, (size_t)(end - p), old->data, old->size);
            if (!hit)
                break;
            bt_buf_append(&out, p, (size_t)(hit - p));
            bt_buf_append(&out, new->data, new->size);
            p = hit + old->size;
            count--;
        }
    }
    bt_buf_append(&out, p, (size_t)(end - p));
    return bytes_value(bt_buf_finish_bytes(t, &out));
}

static BtValue do_strip(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                        bool left, bool right, const char *name) {
    BtBytes *b = as_bytes(self);
    BtValue a[1];
    if (!bt_method_args(t, name, BT_ARGS_CLINIC, args, nargs, kwnames, 0, 1, NULL, a))
        return BT_UNDEF;
    bool set[256] = {false};
    if (bt_is_undef(a[0]) || bt_is_none(a[0])) {
        for (int c = 0; c < 256; c++)
            set[c] = is_space((uint8_t)c);
    } else {
        BtByteView chars_view, *chars = bytes_arg(t, a[0], &chars_view);
        if (!chars)
            return BT_UNDEF;
        for (size_t i = 0; i < chars->size; i++)
            set[chars->data[i]] = true;
    }
    size_t i = 0, j = b->size;
    if (left)
        while (i < j && set[b->data[i]])
            i++;
    if (right)
        while (j > i && set[b->data[j - 1]])
            j--;
    if (i == 0 && j == b->size)
        return self;
    return bytes_value(bt_bytes_new(t, b->data + i, j - i));
}

METHOD(bytes_strip) {
    SELF_BYTES(b, "strip");
    (void)b;
    return do_strip(t, self, args, nargs, kwnames, true, true, "bytes.strip");
}
METHOD(bytes_lstrip) {
    SELF_BYTES(b, "lstrip");
    (void)b;
    return do_strip(t, self, args, nargs, kwnames, true, false, "bytes.lstrip");
}
METHOD(bytes_rstrip) {
    SELF_BYTES(b, "rstrip");
    (void)b;
    return do_strip(t, self, args, nargs, kwnames, false, true, "bytes.rstrip");
}

static BtValue do_case(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                       bool upper, const char *name) {
    if (!bt_method_args(t, name, BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &self);
    BtBytes *r = bt_bytes_new(t, NULL, as_bytes(self)->size);
    BT_POP_ROOT(t, 1);
    if (!r)
        return BT_UNDEF;
    BtBytes *b = as_bytes(self);
    for (size_t i = 0; i < b->size; i++) {
        uint8_t c = b->data[i];
        if (upper && c >= 'a' && c <= 'z')
            c -= 32;
        else if (!upper && c >= 'A' && c <= 'Z')
            c += 32;
        r->data[i] = c;
    }
    return bt_obj(r);
}

METHOD(bytes_upper) {
    SELF_BYTES(b, "upper");
    (void)b;
    return do_case(t, self, args, nargs, kwnames, true, "bytes.upper");
}
METHOD(bytes_lower) {
    SELF_BYTES(b, "lower");
    (void)b;
    return do_case(t, self, args, nargs, kwnames, false, "bytes.lower");
}

static bool int_arg(BtThread *t, BtValue v, int64_t *out);

/* b.hex(sep=None, bytes_per_sep=1): sep goes between groups counted from the
 * right (from the left when bytes_per_sep is negative). */
METHOD(bytes_hex) {
    SELF_BYTES(b, "hex");
    static const char *const kw[] = {"sep", "bytes_per_sep", NULL};
    BtValue a[2];
    if (!bt_method_args(t, "hex", BT_ARGS_CLINIC, args, nargs, kwnames, 0, 2, kw, a))
        return BT_UNDEF;
    char sep = 0;
    int64_t group = 1;
    if (!bt_is_undef(a[0]) && !bt_is_none(a[0])) {
        bool is_text = bt_is_str(t, a[0]);
        size_t len = is_text ? bt_as_str(a[0])->size : bt_is_bytes(t, a[0]) ? as_bytes(a[0])->size : 0;
        if (!is_text && !bt_is_bytes(t, a[0])) {
            bt_raise(t, BT_EXC(t, TypeError), "sep must be str or bytes.");
            return BT_UNDEF;
        }
        if (len != 1) {
            bt_raise(t, BT_EXC(t, ValueError), "sep must be length 1.");
            return BT_UNDEF;
        }
        sep = is_text ? bt_as_str(a[0])->data[0] : (char)as_bytes(a[0])->data[0];
        if ((unsigned char)sep >= 0x80) {
            bt_raise(t, BT_EXC(t, ValueError), "sep must be ASCII.");
            return BT_UNDEF;
        }
    }
    if (!bt_is_undef(a[1]) && !int_arg(t, a[1], &group))
        return BT_UNDEF;
    size_t every = group < 0 ? (size_t)(0 - group) : (size_t)group;
    BtBuf out;
    bt_buf_init(&out);
    for (size_t i = 0; i < b->size; i++) {
        if (sep && every && i > 0) {
            size_t from_edge = group < 0 ? i : b->size - i;
            if (from_edge % every == 0)
                bt_buf_putc(&out, sep);
        }
        bt_buf_putc(&out, "0123456789abcdef"[b->data[i] >> 4]);
        bt_buf_putc(&out, "0123456789abcdef"[b->data[i] & 15]);
    }
    BtStr *s = bt_buf_finish(t, &out);
    return s ? bt_obj(s) : BT_UNDEF;
}

static int hex_digit(char c) {
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* ---- padding, partition, lines, tabs, translation ----
 * Sizes are checked before any filling: a width of 10**12 is MemoryError at once. */

/* An integer argument of a bytes method (width, tabsize...). */
static bool int_arg(BtThread *t, BtValue v, int64_t *out) {
    if (bt_is_intlike(v)) {
        *out = bt_as_int(v);
        return true;
    }
    if (bt_is_obj(v) && !bt_is_undef(bt_type_lookup(bt_type_of(t, v), BT_NAME(t, dunder_index))))
        return bt_int_index(t, v, out);
    bt_raise(t, BT_EXC(t, TypeError), "'%T' object cannot be interpreted as an integer", v);
    return false;
}

static BtValue padded(BtThread *t, BtBytes *b, int64_t width, uint8_t fill, size_t left) {
    if (width <= (int64_t)b->size)
        return bt_obj(b);
    if (width > ((int64_t)1 << 46)) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    size_t total = (size_t)width, right = total - b->size - left;
    BtBytes *r = bt_bytes_new(t, NULL, total);
    if (!r)
        return BT_UNDEF;
    memset(r->data, fill, left);
    memcpy(r->data + left, b->data, b->size);
    memset(r->data + left + b->size, fill, right);
    return bt_obj(r);
}

/* center/ljust/rjust: where = 0 centre, 1 left-justify, 2 right-justify. */
static BtValue do_justify(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                          const char *name, int where) {
    BtValue a[2];
    if (!bt_method_args(t, name, BT_ARGS_CLINIC, args, nargs, kwnames, 1, 2, NULL, a))
        return BT_UNDEF;
    int64_t width;
    if (!int_arg(t, a[0], &width))
        return BT_UNDEF;
    uint8_t fill = ' ';
    if (!bt_is_undef(a[1])) {
        if (!bt_is_bytes(t, a[1]) || as_bytes(a[1])->size != 1) {
            bt_raise(t, BT_EXC(t, TypeError),
                     "%s() argument 2 must be a byte string of length 1, not %T", name, a[1]);
            return BT_UNDEF;
        }
        fill = as_bytes(a[1])->data[0];
    }
    BtBytes *b = as_bytes(self);
    size_t pad = width > (int64_t)b->size ? (size_t)width - b->size : 0;
    /* CPython's centring: the odd byte goes left when the width is odd too. */
    size_t left = where == 1 ? 0 : where == 2 ? pad : pad / 2 + (pad & (size_t)width & 1);
    return padded(t, b, width, fill, left);
}

METHOD(bytes_center) {
    SELF_BYTES(b, "center");
    (void)b;
    return do_justify(t, self, args, nargs, kwnames, "center", 0);
}
METHOD(bytes_ljust) {
    SELF_BYTES(b, "ljust");
    (void)b;
    return do_justify(t, self, args, nargs, kwnames, "ljust", 1);
}
METHOD(bytes_rjust) {
    SELF_BYTES(b, "rjust");
    (void)b;
    return do_justify(t, self, args, nargs, kwnames, "rjust", 2);
}

METHOD(bytes_zfill) {
    SELF_BYTES(b, "zfill");
    BtValue a[1];
    int64_t width;
    if (!bt_method_args(t, "zfill", BT_ARGS_CLINIC, args, nargs, kwnames, 1, 1, NULL, a) ||
        !int_arg(t, a[0], &width))
        return BT_UNDEF;
    BtValue r = padded(t, b, width, '0', width > (int64_t)b->size ? (size_t)width - b->size : 0);
    if (bt_is_undef(r) || bt_as_obj(r) == (BtObject *)b)
        return r;
    /* A sign moves to the front of the zeros. */
    BtBytes *z = as_bytes(r);
    size_t pad = z->size - b->size;
    if (b->size && (b->data[0] == '+' || b->data[0] == '-')) {
        z->data[0] = b->data[0];
        z->data[pad] = '0';
    }
    return r;
}

static BtValue do_partition(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames, bool from_right) {
    BtValue a[1];
    if (!bt_method_args(t, from_right ? "rpartition" : "partition", BT_ARGS_ONE, args, nargs,
                        kwnames, 1, 1, NULL, a))
        return BT_UNDEF;
    BtBytes *b = as_bytes(self);
    BtByteView sep_view, *sep = bytes_arg(t, a[0], &sep_view);
    if (!sep)
        return BT_UNDEF;
    if (sep->size == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "empty separator");
        return BT_UNDEF;
    }
    int64_t at = -1;
    for (size_t i = 0; i + sep->size <= b->size; i++) {
        size_t k = from_right ? b->size - sep->size - i : i;
        if (memcmp(b->data + k, sep->data, sep->size) == 0) {
            at = (int64_t)k;
            break;
        }
    }
    BtValue parts[3] = {BT_UNDEF, BT_UNDEF, BT_UNDEF};
    BT_PUSH_ROOT(t, &parts[0]);
    BT_PUSH_ROOT(t, &parts[1]);
    BT_PUSH_ROOT(t, &parts[2]);
    BtValue empty = bytes_value(bt_bytes_new(t, NULL, 0));
    BtValue r = BT_UNDEF;
    if (!bt_is_undef(empty)) {
        if (at < 0) {
            parts[from_right ? 2 : 0] = self;
            parts[1] = parts[from_right ? 0 : 2] = empty;
        } else {
            parts[0] = bytes_value(bt_bytes_new(t, b->data, (size_t)at));
            parts[1] = a[0]; /* the separator itself, as CPython */
            size_t rest = (size_t)at + sep->size;
            parts[2] = bt_is_undef(parts[0]) ? BT_UNDEF
                                             : bytes_value(bt_bytes_new(t, b->data + rest,
                                                                        b->size - rest));
        }
        if (!bt_is_undef(parts[0]) && !bt_is_undef(parts[2])) {
            BtTuple *tup = bt_tuple_from(t, parts, 3);
            r = tup ? bt_obj(tup) : BT_UNDEF;
        }
    }
    BT_POP_ROOT(t, 3);
    return r;
}

METHOD(bytes_partition) {
    SELF_BYTES(b, "partition");
    (void)b;
    return do_partition(t, self, args, nargs, kwnames, false);
}
METHOD(bytes_rpartition) {
    SELF_BYTES(b, "rpartition");
    (void)b;
    return do_partition(t, self, args, nargs, kwnames, true);
}

/* Lines end at \n, \r or \r\n only (str.splitlines knows more). */
METHOD(bytes_splitlines) {
    SELF_BYTES(b, "splitlines");
    static const char *const kw[] = {"keepends", NULL};
    BtValue a[1];
    if (!bt_method_args(t, "splitlines", BT_ARGS_CLINIC, args, nargs, kwnames, 0, 1, kw, a))
        return BT_UNDEF;
    int keep = bt_is_undef(a[0]) ? 0 : bt_truthy(t, a[0]);
    if (keep < 0)
        return BT_UNDEF;
    BtList *out = bt_list_new(t, 0);
    if (!out)
        return BT_UNDEF;
    BtValue keep_out = bt_obj(out);
    BT_PUSH_ROOT(t, &keep_out);
    size_t i = 0;
    bool ok = true;
    while (ok && i < b->size) {
        size_t start = i;
        while (i < b->size && b->data[i] != '\n' && b->data[i] != '\r')
            i++;
        size_t end = i;
        if (i < b->size)
            i += (b->data[i] == '\r' && i + 1 < b->size && b->data[i + 1] == '\n') ? 2 : 1;
        BtBytes *line = bt_bytes_new(t, b->data + start, (keep ? i : end) - start);
        ok = line && bt_list_append(t, out, bt_obj(line));
    }
    BT_POP_ROOT(t, 1);
    return ok ? keep_out : BT_UNDEF;
}

METHOD(bytes_expandtabs) {
    SELF_BYTES(b, "expandtabs");
    static const char *const kw[] = {"tabsize", NULL};
    BtValue a[1];
    if (!bt_method_args(t, "expandtabs", BT_ARGS_CLINIC, args, nargs, kwnames, 0, 1, kw, a))
        return BT_UNDEF;
    int64_t tab = 8;
    if (!bt_is_undef(a[0]) && !int_arg(t, a[0], &tab))
        return BT_UNDEF;
    BtBuf out;
    bt_buf_init(&out);
    size_t column = 0;
    for (size_t i = 0; i < b->size && !out.oom; i++) {
        uint8_t c = b->data[i];
        if (c == '\t') {
            if (tab > 0) {
                size_t n = (size_t)tab - column % (size_t)tab;
                if (n > ((size_t)1 << 40)) {
                    bt_buf_free(&out);
                    bt_raise_memory(t);
                    return BT_UNDEF;
                }
                bt_buf_fill(&out, ' ', n);
                column += n;
            }
        } else {
            bt_buf_putc(&out, (char)c);
            column = (c == '\n' || c == '\r') ? 0 : column + 1;
        }
    }
    return bytes_value(bt_buf_finish_bytes(t, &out));
}

/* b.translate(table, delete=b''): table is None or 256 bytes. */
METHOD(bytes_translate) {
    SELF_BYTES(b, "translate");
    static const char *const kw[] = {"", "delete", NULL}; /* table is positional-only */
    BtValue a[2];
    if (!bt_method_args(t, "translate", BT_ARGS_CLINIC, args, nargs, kwnames, 1, 2, kw, a))
        return BT_UNDEF;
    BtByteView table_view, del_view, *table = NULL, *del = NULL;
    if (!bt_is_none(a[0])) {
        if (!(table = bytes_arg(t, a[0], &table_view)))
            return BT_UNDEF;
        if (table->size != 256) {
            bt_raise(t, BT_EXC(t, ValueError), "translation table must be 256 characters long");
            return BT_UNDEF;
        }
    }
    if (!bt_is_undef(a[1]) && !(del = bytes_arg(t, a[1], &del_view)))
        return BT_UNDEF;
    bool drop[256] = {false};
    for (size_t i = 0; del && i < del->size; i++)
        drop[del->data[i]] = true;
    BtBuf out;
    bt_buf_init(&out);
    for (size_t i = 0; i < b->size; i++)
        if (!drop[b->data[i]])
            bt_buf_putc(&out, (char)(table ? table->data[b->data[i]] : b->data[i]));
    return bytes_value(bt_buf_finish_bytes(t, &out));
}

/* bytes.fromhex(s), a class method: pairs of hex digits, spaces between pairs. */
static BtValue bytes_fromhex(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "fromhex", nargs - 1, kwnames, 1, 1))
        return BT_UNDEF;
    if (!bt_is_str(t, args[1])) {
        bt_raise(t, BT_EXC(t, TypeError), "fromhex() argument must be str, not %T", args[1]);
        return BT_UNDEF;
    }
    BtStr *s = bt_as_str(args[1]);
    BtBuf out;
    bt_buf_init(&out);
    size_t i = 0;
    for (;;) {
        while (i < s->size && strchr(" \t\n\r\f\v", s->data[i]) && s->data[i])
            i++;
        if (i >= s->size)
            break;
        int hi = hex_digit(s->data[i]), lo = i + 1 < s->size ? hex_digit(s->data[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            bt_buf_free(&out);
            bt_raise(t, BT_EXC(t, ValueError),
                     "non-hexadecimal number found in fromhex() arg at position %zu",
                     hi < 0 ? i : i + 1);
            return BT_UNDEF;
        }
        bt_buf_putc(&out, (char)(hi * 16 + lo));
        i += 2;
    }
    BtValue r = bytes_value(bt_buf_finish_bytes(t, &out));
    if (!bt_is_undef(r) && bt_as_obj(args[0]) != (BtObject *)BT_TYPE(t, bytes))
        return bt_call(t, args[0], &r, 1, NULL);
    return r;
}

/* bytes.maketrans(from, to): the 256-byte table mapping from[i] to to[i]. */
static BtValue bytes_maketrans(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)self;
    BtValue a[2];
    if (!bt_method_args(t, "maketrans", BT_ARGS_CLINIC, args, nargs, kwnames, 2, 2, NULL, a))
        return BT_UNDEF;
    BtByteView from_view, to_view;
    BtByteView *from = bytes_arg(t, a[0], &from_view), *to = from ? bytes_arg(t, a[1], &to_view) : NULL;
    if (!to)
        return BT_UNDEF;
    if (from->size != to->size) {
        bt_raise(t, BT_EXC(t, ValueError), "maketrans arguments must have same length");
        return BT_UNDEF;
    }
    BtBytes *table = bt_bytes_new(t, NULL, 256);
    if (!table)
        return BT_UNDEF;
    for (int i = 0; i < 256; i++)
        table->data[i] = (uint8_t)i;
    for (size_t i = 0; i < from->size; i++)
        table->data[from->data[i]] = to->data[i];
    return bt_obj(table);
}

/* isdigit/isalpha/isspace/isalnum over ASCII bytes; empty gives False. */
static BtValue do_is(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                     int kind, const char *name) {
    if (!bt_method_args(t, name, BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    BtBytes *b = as_bytes(self);
    if (b->size == 0)
        return BT_FALSE;
    for (size_t i = 0; i < b->size; i++) {
        uint8_t c = b->data[i];
        bool digit = c >= '0' && c <= '9';
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool ok = kind == 0 ? digit : kind == 1 ? alpha : kind == 2 ? is_space(c) : digit || alpha;
        if (!ok)
            return BT_FALSE;
    }
    return BT_TRUE;
}

METHOD(bytes_isdigit) {
    SELF_BYTES(b, "isdigit");
    (void)b;
    return do_is(t, self, args, nargs, kwnames, 0, "bytes.isdigit");
}
METHOD(bytes_isalpha) {
    SELF_BYTES(b, "isalpha");
    (void)b;
    return do_is(t, self, args, nargs, kwnames, 1, "bytes.isalpha");
}
METHOD(bytes_isspace) {
    SELF_BYTES(b, "isspace");
    (void)b;
    return do_is(t, self, args, nargs, kwnames, 2, "bytes.isspace");
}
METHOD(bytes_isalnum) {
    SELF_BYTES(b, "isalnum");
    (void)b;
    return do_is(t, self, args, nargs, kwnames, 3, "bytes.isalnum");
}

/* isupper/islower: some cased ASCII byte, and none of the other case. */
static BtValue do_is_case(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                          bool upper, const char *name) {
    if (!bt_method_args(t, name, BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    BtBytes *b = as_bytes(self);
    bool cased = false;
    for (size_t i = 0; i < b->size; i++) {
        uint8_t c = b->data[i];
        bool lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
        if (upper ? lo : up)
            return BT_FALSE;
        cased |= lo || up;
    }
    return bt_bool(cased);
}

METHOD(bytes_isupper) {
    SELF_BYTES(b, "isupper");
    (void)b;
    return do_is_case(t, self, args, nargs, kwnames, true, "bytes.isupper");
}
METHOD(bytes_islower) {
    SELF_BYTES(b, "islower");
    (void)b;
    return do_is_case(t, self, args, nargs, kwnames, false, "bytes.islower");
}

static const BtNativeDef bytes_methods[] = {
    {"decode", bytes_decode},
    {"join", bytes_join},
    {"find", bytes_find},
    {"rfind", bytes_rfind},
    {"index", bytes_index},
    {"rindex", bytes_rindex},
    {"count", bytes_count},
    {"split", bytes_split},
    {"rsplit", bytes_rsplit},
    {"startswith", bytes_startswith},
    {"endswith", bytes_endswith},
    {"replace", bytes_replace},
    {"strip", bytes_strip},
    {"lstrip", bytes_lstrip},
    {"rstrip", bytes_rstrip},
    {"upper", bytes_upper},
    {"lower", bytes_lower},
    {"hex", bytes_hex},
    {"center", bytes_center},
    {"ljust", bytes_ljust},
    {"rjust", bytes_rjust},
    {"zfill", bytes_zfill},
    {"partition", bytes_partition},
    {"rpartition", bytes_rpartition},
    {"splitlines", bytes_splitlines},
    {"expandtabs", bytes_expandtabs},
    {"translate", bytes_translate},
    {"isdigit", bytes_isdigit},
    {"isalpha", bytes_isalpha},
    {"isspace", bytes_isspace},
    {"isalnum", bytes_isalnum},
    {"isupper", bytes_isupper},
    {"islower", bytes_islower},
    {NULL, NULL},
};

bool bt_bytes_init_types(BtThread *t) {
    BtType *bt = BT_TYPE(t, bytes);
    bt->instance_size = sizeof(BtBytes);
    bt->repr = bytes_repr_slot;
    bt->hash = bytes_hash_slot;
    bt->compare = bytes_compare;
    bt->binary = bytes_binary;
    bt->len = bytes_len;
    bt->truth = bytes_truth;
    bt->getitem = bytes_getitem;
    bt->contains = bytes_contains;
    bt->iter = bytes_iter;
    bt->construct = bytes_construct;
    if (!bt_type_add_methods(t, bt, bytes_methods) ||
        !bt_type_add_static(t, bt, "maketrans", bytes_maketrans, false) ||
        !bt_type_add_static(t, bt, "fromhex", bytes_fromhex, true))
        return false;

    BtType *it = BT_TYPE(t, bytes_iter);
    it->instance_size = sizeof(BtBytesIter);
    it->iter = iter_self;
    it->next = bytes_iter_next;
    it->trace = bytes_iter_trace;
    return true;
}
