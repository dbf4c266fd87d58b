/* strformat.h: text building and formatting (vm stage; see vm/README.md).
 *
 * BtBuf is a growable byte buffer outside the GC heap: str and bytes code
 * builds results in one and turns it into an object at the end, so no half-
 * built object is ever exposed to a collection. The formatting entry points
 * implement format(v, spec) and f-string specs, printf-style `%`, and
 * str.format.
 */
#ifndef BT_STRFORMAT_H
#define BT_STRFORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vm/interp.h"
#include "vm/object.h"
#include "vm/str.h"

/* The most bytes a str or bytes can hold (an object's size is 32 bits in its
 * header). A BtBuf never grows past it: text that would be longer is a
 * MemoryError at once, before any loop starts filling it (CPython raises
 * MemoryError where its allocation fails: 'a'.ljust(10**12)). */
#define BT_STR_MAX_BYTES ((size_t)UINT32_MAX - 64)

/* A byte buffer; starts in the inline array, moves to malloc'ed memory when it grows.
 * Do not copy a BtBuf by value once used. oom records a failed growth. */
typedef struct BtBuf {
    char *data;
    size_t len, cap;
    bool oom;
    char inline_buf[200];
} BtBuf;

static inline void bt_buf_init(BtBuf *b) {
    b->data = b->inline_buf;
    b->len = 0;
    b->cap = sizeof b->inline_buf;
    b->oom = false;
}
/* Make room for `extra` more bytes; false (and oom set) when memory runs out
 * or the text would pass BT_STR_MAX_BYTES. */
bool bt_buf_grow(BtBuf *b, size_t extra);
static inline void bt_buf_append(BtBuf *b, const void *p, size_t n) {
    if (n > b->cap - b->len && !bt_buf_grow(b, n))
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
}
static inline void bt_buf_putc(BtBuf *b, char c) {
    if (b->len + 1 > b->cap && !bt_buf_grow(b, 1))
        return;
    b->data[b->len++] = c;
}
static inline void bt_buf_puts(BtBuf *b, const char *s) {
    bt_buf_append(b, s, strlen(s));
}
/* Append n copies of byte c. */
void bt_buf_fill(BtBuf *b, char c, size_t n);
/* Append n copies of the k bytes at unit: one growth (or oom at once when the
 * result would be too long), then doubling copies. */
void bt_buf_repeat(BtBuf *b, const char *unit, size_t k, size_t n);
/* Append code point cp in UTF-8. */
void bt_buf_put_cp(BtBuf *b, uint32_t cp);
void bt_buf_free(BtBuf *b);
/* The buffer's text as a new str (the buffer is freed either way); NULL with
 * MemoryError raised if the buffer ran out of memory. Text must be UTF-8. */
BtStr *bt_buf_finish(BtThread *t, BtBuf *b);
/* The same for bytes. */
BtBytes *bt_buf_finish_bytes(BtThread *t, BtBuf *b);

/* format(v, spec): int, float, str, bool, None natively; other objects via
 * __format__ (or str() when spec is empty). spec may be NULL for "". */
BtValue bt_format_value(BtThread *t, BtValue v, BtStr *spec);
/* fmt % args (printf-style). */
BtValue bt_str_percent(BtThread *t, BtStr *fmt, BtValue args);
/* b"..." % args (PEP 461); fmt is a bytes object. */
BtValue bt_bytes_percent(BtThread *t, BtValue fmt, BtValue args);
/* fmt.format(*args, **kwargs), the argument convention of a native function. */
BtValue bt_str_format_method(BtThread *t, BtStr *fmt, BtValue *args, int nargs, BtTuple *kwnames);

/* Append s with non-ASCII decimal digits turned into ASCII ones and Unicode
 * whitespace into spaces, as int() and float() read text. */
void bt_str_ascii_digits(const BtStr *s, BtBuf *out);
/* ascii(v): repr(v) with every non-ASCII code point escaped. */
BtValue bt_str_ascii(BtThread *t, BtValue v);

/* ---- shared between str.c, bytes.c and strformat.c (vm internals) ---- */

/* Decode one UTF-8 code point at *p (valid UTF-8 assumed) and advance *p. */
static inline uint32_t bt_utf8_next(const char **pp) {
    const unsigned char *p = (const unsigned char *)*pp;
    uint32_t c = p[0];
    int n;
    if (c < 0x80) {
        *pp += 1;
        return c;
    } else if (c < 0xE0) {
        c &= 0x1F;
        n = 1;
    } else if (c < 0xF0) {
        c &= 0x0F;
        n = 2;
    } else {
        c &= 0x07;
        n = 3;
    }
    for (int i = 1; i <= n; i++)
        c = (c << 6) | (p[i] & 0x3F);
    *pp += n + 1;
    return c;
}
/* Byte offset of code point index i in s (0 <= i <= length). O(1) for ASCII,
 * O(n) otherwise. */
size_t bt_str_cp_offset(const BtStr *s, size_t i);
/* str(text) from the utf-8 bytes of an already validated buffer, with ascii known. */
BtStr *bt_str_new_known(BtThread *t, const char *utf8, size_t size, size_t length);
/* Check that data is valid UTF-8; on failure bad_start, bad_end and
 * reason describe the first error in CPython's terms. */
bool bt_utf8_validate(const uint8_t *data, size_t n, size_t *bad_start, size_t *bad_end,
                      const char **reason);
/* Decode bytes to str with an encoding and errors handler (CPython's names);
 * enc/errors NULL mean utf-8/strict. Raises LookupError/UnicodeDecodeError. */
BtValue bt_bytes_decode(BtThread *t, const uint8_t *data, size_t n, const char *enc,
                        const char *errors);
/* s.encode(enc, errors); enc/errors NULL mean utf-8/strict. */
BtValue bt_str_encode(BtThread *t, BtStr *s, const char *enc, const char *errors);
/* The string hash (never -1); bytes and str share it. */
int64_t bt_hash_bytes(const void *data, size_t n);

/* Argument error styles of the methods of str and bytes, as CPython words them. */
enum {
    BT_ARGS_CLINIC, /* "center expected at least 1 argument, got 0" */
    BT_ARGS_OLD,    /* "find() takes at least 1 argument (0 given)" */
    BT_ARGS_ONE,    /* "str.join() takes exactly one argument (0 given)" */
    BT_ARGS_NONE,   /* "str.upper() takes no arguments (1 given)" */
};
/* Arguments of a method named qual ("str.split") into out[0..max): positional
 * first, then keywords named in kw (NULL-terminated; NULL: none accepted);
 * BT_UNDEF where not given. Raises CPython's TypeError in the given style. */
bool bt_method_args(BtThread *t, const char *qual, int style, BtValue *args, int nargs,
                    BtTuple *kwnames, int min, int max, const char *const *kw, BtValue *out);
/* Optional start/end arguments (int, None or BT_UNDEF) normalised against len
 * as slice bounds are (end clamped to len, negatives counted from the end). */
bool bt_span_args(BtThread *t, BtValue sv, BtValue ev, int64_t len, int64_t *start, int64_t *end);
/* Set up bytes and bytes_iter (called by bt_str_init_types). */
bool bt_bytes_init_types(BtThread *t);
/* Unicode case and class helpers for code points (tables in unicode_db.h). */
bool bt_uc_isspace(uint32_t cp);
/* Is v a slice object? */
static inline bool bt_is_slice(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == t->interp->types.slice;
}
/* Implemented in range.c (declared by the containers' list.h as well). */
bool bt_slice_indices(BtThread *t, BtValue slice, int64_t length, int64_t *start, int64_t *stop,
                      int64_t *step, int64_t *count);

#endif
