/* value.h: the one value type of the VM (vm stage; see vm/README.md).
 *
 * A BtValue is 8 bytes, NaN-boxed (the idea of clox's last chapter; this
 * layout is JavaScriptCore's): None, bools, floats and ints of up to 50 bits
 * are immediate, so arithmetic never allocates (a bigger int is a heap big
 * int, see num.h); everything else is a pointer to a heap object whose
 * header names its type. The 64 bits read, as an unsigned number:
 *
 *   0                      BT_UNDEF: no value (zeroed memory is "unbound")
 *   0x2, 0x4, 0x5          None, False, True
 *   8 .. 2**49 - 1         a pointer to a heap object, as it is (x86-64 and
 *                          AArch64 user addresses are below 2**47)
 *   2**49 .. 0xFFFA...     a double, its bits plus 2**49 (so no double lands
 *                          on a pointer; a NaN whose bits would pass 0xFFF8...
 *                          is stored as that one negative quiet NaN)
 *   0xFFFC... .. 2**64-1   an int: the top 14 bits set, the low 50 the int
 *                          in two's complement
 *
 * BT_UNDEF is not a Python value: it is the "no value" of an unbound local
 * and the failure sentinel of every function that returns a BtValue (the
 * exception is then in the thread state, see exc.h).
 *
 * No file but this one reads or writes the bits: everyone else goes through
 * bt_kind(), the bt_is_*() tests and the bt_as_*() payload readers (DESIGN.md's
 * value rule), so this header alone knows the layout above.
 */
#ifndef BT_VALUE_H
#define BT_VALUE_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct BtObject BtObject;

typedef enum {
    BT_V_UNDEF = 0, /* no value: unbound slot, or "an exception was raised" */
    BT_V_NONE,
    BT_V_BOOL,
    BT_V_INT,
    BT_V_FLOAT,
    BT_V_OBJ,
} BtValueTag;

/* A struct, not a bare integer, so that values cannot be mixed up with
 * numbers or compared with == by mistake (bt_same is Python's `is`). */
typedef struct {
    uint64_t bits;
} BtValue;

#define BT_VALUE_NONE_BITS 0x2u
#define BT_VALUE_FALSE_BITS 0x4u /* True is 0x5: the low bit is the bool */
#define BT_VALUE_DOUBLE_OFFSET ((uint64_t)1 << 49)
#define BT_VALUE_NAN_LIMIT 0xFFF8000000000000u /* the largest double bits stored */
#define BT_VALUE_INT_TAG 0xFFFC000000000000u

#define BT_UNDEF ((BtValue){0})
#define BT_NONE ((BtValue){BT_VALUE_NONE_BITS})
#define BT_TRUE ((BtValue){BT_VALUE_FALSE_BITS | 1})
#define BT_FALSE ((BtValue){BT_VALUE_FALSE_BITS})

/* The inline int range: a value holds a signed BT_INT_INLINE_BITS-bit int
 * without allocating; an int beyond it is a heap big int (num.h). */
#define BT_INT_INLINE_BITS 50
#define BT_INT_INLINE_MAX (((int64_t)1 << (BT_INT_INLINE_BITS - 1)) - 1)
#define BT_INT_INLINE_MIN (-BT_INT_INLINE_MAX - 1)

/* Whether i fits the inline range. */
static inline bool bt_int_fits(int64_t i) {
    return i >= BT_INT_INLINE_MIN && i <= BT_INT_INLINE_MAX;
}
/* An inline int; i must fit (bt_int_fits). Where it may not, use
 * bt_int_from_i64 (num.h), which makes a big int. */
static inline BtValue bt_int(int64_t i) {
    assert(bt_int_fits(i));
    /* i's top 15 bits all copy its sign: or-ing the tag keeps a negative as it is. */
    return (BtValue){(uint64_t)i | BT_VALUE_INT_TAG};
}
static inline BtValue bt_float(double f) {
    uint64_t bits;
    memcpy(&bits, &f, sizeof bits);
    if (bits > BT_VALUE_NAN_LIMIT) /* a negative NaN with payload bits: keep its sign only */
        bits = BT_VALUE_NAN_LIMIT;
    return (BtValue){bits + BT_VALUE_DOUBLE_OFFSET};
}
static inline BtValue bt_bool(bool b) {
    return (BtValue){BT_VALUE_FALSE_BITS | (uint64_t)b};
}
/* A heap object (NULL gives BT_UNDEF). */
static inline BtValue bt_obj(void *o) {
    assert((uintptr_t)o < BT_VALUE_DOUBLE_OFFSET);
    return (BtValue){(uint64_t)(uintptr_t)o};
}

/* Make *slot "no value" (the frame set-up of every call clears its locals with it). */
static inline void bt_clear_slot(BtValue *slot) {
    slot->bits = 0;
}

static inline bool bt_is_undef(BtValue v) {
    return v.bits == 0;
}
static inline bool bt_is_none(BtValue v) {
    return v.bits == BT_VALUE_NONE_BITS;
}
static inline bool bt_is_int(BtValue v) {
    return v.bits >= BT_VALUE_INT_TAG;
}
static inline bool bt_is_float(BtValue v) {
    return v.bits - BT_VALUE_DOUBLE_OFFSET < BT_VALUE_INT_TAG - BT_VALUE_DOUBLE_OFFSET;
}
static inline bool bt_is_bool(BtValue v) {
    return (v.bits | 1) == (BT_VALUE_FALSE_BITS | 1);
}
static inline bool bt_is_obj(BtValue v) {
    return v.bits - 8 < BT_VALUE_DOUBLE_OFFSET - 8; /* one compare: 8 <= bits < 2**49 */
}

/* What kind of value v is; the only way code outside this header reads it. */
static inline BtValueTag bt_kind(BtValue v) {
    if (bt_is_obj(v)) /* the commonest kind first */
        return BT_V_OBJ;
    if (bt_is_int(v))
        return BT_V_INT;
    if (v.bits >= BT_VALUE_DOUBLE_OFFSET)
        return BT_V_FLOAT;
    if (v.bits == 0)
        return BT_V_UNDEF;
    return v.bits == BT_VALUE_NONE_BITS ? BT_V_NONE : BT_V_BOOL;
}
/* The payload of a value of a known kind (check the kind first). */
static inline BtObject *bt_as_obj(BtValue v) {
    return (BtObject *)(uintptr_t)v.bits;
}
static inline int64_t bt_as_i64(BtValue v) {
    /* Shift the 50-bit payload to the top, then back: the sign comes along. */
    return (int64_t)(v.bits << (64 - BT_INT_INLINE_BITS)) >> (64 - BT_INT_INLINE_BITS);
}
/* An inline int times 2**(64 - BT_INT_INLINE_BITS): the payload moved to the
 * top bits. Scaled ints compare as the ints do, and add, subtract or multiply
 * (by a plain int) with a 64-bit overflow exactly when the result leaves the
 * inline range, so the eval loop's fast paths skip decoding. */
static inline int64_t bt_int_scaled(BtValue v) {
    return (int64_t)(v.bits << (64 - BT_INT_INLINE_BITS));
}
/* The inline int whose scaled form is s. */
static inline BtValue bt_int_from_scaled(int64_t s) {
    return (BtValue){(uint64_t)(s >> (64 - BT_INT_INLINE_BITS)) | BT_VALUE_INT_TAG};
}
static inline double bt_as_f64(BtValue v) {
    uint64_t bits = v.bits - BT_VALUE_DOUBLE_OFFSET;
    double f;
    memcpy(&f, &bits, sizeof f);
    return f;
}
static inline bool bt_as_bool(BtValue v) {
    return v.bits & 1;
}

/* True for int and bool: bool is a subclass of int in Python. */
static inline bool bt_is_intlike(BtValue v) {
    return bt_is_int(v) || bt_is_bool(v);
}
/* The int value of an int or bool (check bt_is_intlike first). */
static inline int64_t bt_as_int(BtValue v) {
    return bt_is_int(v) ? bt_as_i64(v) : (int64_t)(v.bits & 1);
}
/* Identity, as Python's `is`: the same bits (so a float is itself, and
 * 0.0 is not -0.0, as two float objects are not one in CPython). */
static inline bool bt_same(BtValue a, BtValue b) {
    return a.bits == b.bits;
}

#endif
