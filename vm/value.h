/* value.h: the one value type of the VM (vm stage; see vm/README.md).
 *
 * A BtValue is a 16-byte tagged union: None, bools, 64-bit ints and floats
 * are immediate (arithmetic never allocates; a bigger int is a heap big int,
 * see num.h); everything else is a pointer
 * to a heap object whose header names its type. The tag BT_V_UNDEF is not a
 * Python value: it is the "no value" of an unbound local and the failure
 * sentinel of every function that returns a BtValue (the exception is then
 * in the thread state, see exc.h).
 *
 * No file but this one reads or writes the fields: everyone else goes through
 * bt_kind(), the bt_is_*() tests and the bt_as_*() payload readers, so that
 * the encoding can change here alone (DESIGN.md's value rule).
 */
#ifndef BT_VALUE_H
#define BT_VALUE_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct BtObject BtObject;

typedef enum {
    BT_V_UNDEF = 0, /* no value: unbound slot, or "an exception was raised" */
    BT_V_NONE,
    BT_V_BOOL,
    BT_V_INT,
    BT_V_FLOAT,
    BT_V_OBJ,
} BtValueTag;

typedef struct {
    uint64_t tag; /* a BtValueTag, word-sized so that a value moves as two whole words */
    union {
        bool b;
        int64_t i;
        double f;
        BtObject *o;
    } as;
} BtValue;

#define BT_UNDEF ((BtValue){.tag = BT_V_UNDEF})
#define BT_NONE ((BtValue){.tag = BT_V_NONE})
#define BT_TRUE ((BtValue){.tag = BT_V_BOOL, .as.b = true})
#define BT_FALSE ((BtValue){.tag = BT_V_BOOL, .as.b = false})

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
    return (BtValue){.tag = BT_V_INT, .as.i = i};
}
static inline BtValue bt_float(double f) {
    return (BtValue){.tag = BT_V_FLOAT, .as.f = f};
}
static inline BtValue bt_bool(bool b) {
    return (BtValue){.tag = BT_V_BOOL, .as.b = b};
}
static inline BtValue bt_obj(void *o) {
    return (BtValue){.tag = BT_V_OBJ, .as.o = (BtObject *)o};
}

/* Make *slot "no value" with the fewest stores (the frame set-up of every
 * call clears its locals with it): the payload may keep stale bits. */
static inline void bt_clear_slot(BtValue *slot) {
    slot->tag = BT_V_UNDEF;
}

/* What kind of value v is; the only way code outside this header reads it. */
static inline BtValueTag bt_kind(BtValue v) {
    return (BtValueTag)v.tag;
}
/* The payload of a value of a known kind (check the kind first). */
static inline BtObject *bt_as_obj(BtValue v) {
    return v.as.o;
}
static inline int64_t bt_as_i64(BtValue v) {
    return v.as.i;
}
static inline double bt_as_f64(BtValue v) {
    return v.as.f;
}
static inline bool bt_as_bool(BtValue v) {
    return v.as.b;
}

static inline bool bt_is_undef(BtValue v) {
    return v.tag == BT_V_UNDEF;
}
static inline bool bt_is_none(BtValue v) {
    return v.tag == BT_V_NONE;
}
static inline bool bt_is_int(BtValue v) {
    return v.tag == BT_V_INT;
}
static inline bool bt_is_float(BtValue v) {
    return v.tag == BT_V_FLOAT;
}
static inline bool bt_is_bool(BtValue v) {
    return v.tag == BT_V_BOOL;
}
static inline bool bt_is_obj(BtValue v) {
    return v.tag == BT_V_OBJ;
}
/* True for int and bool: bool is a subclass of int in Python. */
static inline bool bt_is_intlike(BtValue v) {
    return v.tag == BT_V_INT || v.tag == BT_V_BOOL;
}
/* The int value of an int or bool (check bt_is_intlike first). */
static inline int64_t bt_as_int(BtValue v) {
    return v.tag == BT_V_INT ? v.as.i : (int64_t)v.as.b;
}
/* Identity, as Python's `is`. */
static inline bool bt_same(BtValue a, BtValue b) {
    if (a.tag != b.tag)
        return false;
    switch (a.tag) {
    case BT_V_UNDEF:
    case BT_V_NONE:
        return true;
    case BT_V_BOOL:
        return a.as.b == b.as.b;
    case BT_V_INT:
        return a.as.i == b.as.i;
    case BT_V_FLOAT:
        return a.as.f == b.as.f || (a.as.f != a.as.f && b.as.f != b.as.f);
    case BT_V_OBJ:
        return a.as.o == b.as.o;
    }
    return false;
}

#endif
