/* buffer_internal.h: the buffer protocol of bytes, bytearray, array and memoryview
 * (vm stage; internal to vm/, see vm/README.md).
 *
 * bytearray and array.array own a growable malloc'ed byte buffer (BtByteBuf);
 * memoryview reads and writes the bytes of any of them, or of a bytes,
 * through BtBufferInfo. A view keeps its exporter alive but does not pin
 * its buffer: it asks for the exporter's bytes at every access, so a
 * bytearray that grew or moved is still read right (see memoryview.c).
 * Items are struct's native codes (b B h H i I l L q Q f d, u for array
 * and its 'w' in a view, c for a cast view), packed and unpacked by array.c.
 */
#ifndef BT_BUFFER_INTERNAL_H
#define BT_BUFFER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/interp.h"

/* A growable byte buffer: size bytes used out of cap, data NULL while cap is 0. */
typedef struct {
    size_t size, cap;
    uint8_t *data; /* malloc'ed (accounted to the GC) */
} BtByteBuf;

/* Make room for need bytes in b (MemoryError when it cannot). */
bool bt_bytearray_reserve(BtThread *t, BtByteBuf *b, size_t need);
/* Replace [at, at + len) of b with n bytes from p (p may point into b itself). */
bool bt_bytearray_splice(BtThread *t, BtByteBuf *b, size_t at, size_t len, const uint8_t *p,
                         size_t n);
/* The buffer of a bytearray (or of an instance of a subclass); NULL for anything else. */
BtByteBuf *bt_bytearray_buf(BtThread *t, BtValue v);
/* The buffer and typecode of an array.array (or subclass instance); NULL otherwise. */
BtByteBuf *bt_array_buf(BtThread *t, BtValue v, char *code);

/* The items of a buffer: len items of itemsize bytes, `stride` bytes apart
 * from data (negative for a reversed view). */
typedef struct {
    uint8_t *data;   /* item 0; never NULL (an empty buffer points at a static byte) */
    size_t len;      /* items */
    ptrdiff_t stride;
    size_t itemsize;
    char format;     /* a struct code: 'B' for bytes and bytearray */
    bool readonly;
} BtBufferInfo;

/* The buffer of bytes, bytearray, array or a live memoryview (also of their
 * subclasses' instances); false, raising nothing, for anything else. */
bool bt_buffer_info(BtThread *t, BtValue v, BtBufferInfo *out);
/* Copy a buffer's items, in order, to dst (info->len * itemsize bytes). */
void bt_buffer_gather(const BtBufferInfo *info, uint8_t *dst);
/* Is v a memoryview (released or not)? */
bool bt_is_memoryview(BtThread *t, BtValue v);

/* Bytes per item of a struct code array and memoryview know; 0 for an unknown one. */
size_t bt_array_itemsize(char code);
/* The item at p as a Python value (an int, a float, a 1-char str for 'u'/'w',
 * a 1-byte bytes for 'c'). */
BtValue bt_array_unpack(BtThread *t, char code, const uint8_t *p);
/* x == y for two items, without the identity shortcut: a NaN item is unequal
 * to itself, as CPython's fresh float objects are. 1, 0, or -1 raised. */
int bt_array_items_equal(BtThread *t, BtValue x, BtValue y);
/* Store v at p as an item of code, with array's errors (TypeError for the
 * wrong type, OverflowError out of range, CPython's words); p is untouched
 * on failure. */
bool bt_array_pack(BtThread *t, char code, BtValue v, uint8_t *p);

#endif
