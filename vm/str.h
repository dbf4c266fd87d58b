/* str.h: str and bytes (vm stage; see vm/README.md).
 *
 * A str is immutable UTF-8 with its length in bytes and in code points; an
 * all-ASCII str (the common case) indexes in O(1). The hash is computed once
 * and cached. Interned strings (identifiers, attribute names) are unique, so
 * the VM compares them by pointer. bytes is the same shape without the
 * character bookkeeping.
 */
#ifndef BT_STR_H
#define BT_STR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/interp.h"
#include "vm/object.h"

#define BT_STR_INTERNED 0x01 /* hdr.flags bit: the str is the interned copy */

struct BtStr {
    BtObject hdr;
    int64_t hash;     /* cached hash, -1 until computed */
    size_t size;      /* length in bytes of data (excluding the NUL) */
    size_t length;    /* length in code points */
    bool ascii;       /* size == length: index by byte */
    char data[];      /* UTF-8, NUL-terminated */
};

typedef struct {
    BtObject hdr;
    int64_t hash; /* cached hash, -1 until computed */
    size_t size;
    uint8_t data[]; /* NUL-terminated for convenience */
} BtBytes;

/* The bytes of a bytes-like object (bytes or bytearray) as a borrowed view,
 * valid while the object is alive and, for a bytearray, not resized. */
typedef struct {
    const uint8_t *data;
    size_t size;
} BtByteView;
/* Fill *out for a bytes-like v (bytes, bytearray, array.array, a contiguous
 * memoryview, their subclasses); false (no exception) for anything else. */
bool bt_byte_view(BtThread *t, BtValue v, BtByteView *out);
/* The bytes of a bytes-like *slot for a call that may release the GIL (a
 * write, a send): *slot itself when it is bytes, else a bytes copy, stored
 * into *slot, which must be a root (a native's argument). NULL when *slot is
 * not bytes-like (nothing raised) or memory ran out (MemoryError raised). */
BtBytes *bt_bytes_of_arg(BtThread *t, BtValue *slot);

static inline bool bt_is_str(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == t->interp->types.str;
}
static inline bool bt_is_bytes(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == t->interp->types.bytes;
}
static inline BtStr *bt_as_str(BtValue v) {
    return (BtStr *)bt_as_obj(v);
}

/* New str from UTF-8 (must be valid UTF-8; the lexer and decoders ensure it). */
BtStr *bt_str_new(BtThread *t, const char *utf8, size_t size);
BtStr *bt_str_from_cstr(BtThread *t, const char *cstr);
/* printf-style; %s takes a C string, %S a BtStr*, %R a BtValue (its repr),
 * %T a BtValue (its type name). Returns NULL if a repr raised. */
BtStr *bt_str_format(BtThread *t, const char *fmt, ...);
BtStr *bt_str_vformat(BtThread *t, const char *fmt, va_list ap);
/* The unique interned copy of this text / of s. */
BtStr *bt_str_intern(BtThread *t, const char *utf8, size_t size);
BtStr *bt_str_intern_cstr(BtThread *t, const char *cstr);
BtStr *bt_str_intern_str(BtThread *t, BtStr *s);
/* Hash of s's bytes, stored in s->hash (use bt_str_hash). Never fails. */
int64_t bt_str_hash_compute(BtStr *s);
/* Hash (cached). Never fails. */
static inline int64_t bt_str_hash(BtStr *s) {
    return s->hash != -1 ? s->hash : bt_str_hash_compute(s);
}
bool bt_str_equal(const BtStr *a, const BtStr *b);
/* Concatenation a + b. */
BtStr *bt_str_concat(BtThread *t, BtStr *a, BtStr *b);
/* The concatenation of n strs (f-strings' BUILD_STRING); items must stay
 * rooted (e.g. on the value stack) and are read again after the allocation. */
BtStr *bt_str_concat_n(BtThread *t, const BtValue *items, size_t n);
/* repr() of a str with CPython's quoting and escapes. */
BtStr *bt_str_repr(BtThread *t, BtStr *s);

BtBytes *bt_bytes_new(BtThread *t, const uint8_t *data, size_t size);
BtStr *bt_bytes_repr(BtThread *t, BtBytes *b);

/* Set up the str and bytes types and their methods (called once by interp). */
bool bt_str_init_types(BtThread *t);

#endif
