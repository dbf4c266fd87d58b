/* num.h: int, bool, float, None and the other scalar singletons (vm stage).
 *
 * An int is immediate while it fits the value's inline payload and a heap
 * big int (vm/bigint.c, on GMP) beyond it; every operation moves between the
 * two forms as results grow and shrink, so Python code sees one int. Floats
 * are immediate doubles with CPython's shortest round-trip repr. This header
 * is the numeric toolbox the builtins (divmod, pow, round, abs, hex) and the
 * formatter share.
 */
#ifndef BT_NUM_H
#define BT_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/interp.h"
#include "vm/object.h"

/* The modulus of CPython's numeric hash (2**61 - 1). */
#define BT_HASH_MODULUS (((uint64_t)1 << 61) - 1)
/* hash(inf); hash(-inf) is its negation. */
#define BT_HASH_INF 314159

/* Set up int, bool, NoneType, NotImplementedType and ellipsis (called once by interp). */
bool bt_int_init_types(BtThread *t);
/* Set up float (called once by interp). */
bool bt_float_init_types(BtThread *t);

/* hdr.flags bit set on every big int, and on nothing else. */
#define BT_OBJ_BIGINT 0x40

/* A heap int, beyond the inline range. */
static inline bool bt_is_bigint(BtValue v) {
    return bt_is_obj(v) && (bt_as_obj(v)->flags & BT_OBJ_BIGINT);
}
/* Any exact int: immediate, bool or big (not an int subclass instance). */
static inline bool bt_is_integer(BtValue v) {
    return bt_is_intlike(v) || bt_is_bigint(v);
}

/* A big int: GMP's limbs, least significant first, after the header, whose
 * aux32 holds the signed limb count (negative for a negative number, as
 * GMP's _mp_size). bigint.c does the arithmetic; the layout is here so the
 * common case, a big int that fits 64 bits, reads without a call. */
typedef struct {
    BtObject hdr; /* type int, flags BT_OBJ_BIGINT */
    uint64_t limbs[];
} BtBigInt;

/* Make b, a fresh int object of one limb, hold the magnitude mag (nonzero)
 * with its sign; returns it as a value. */
static inline BtValue bt_bigint_set_limb(BtBigInt *b, uint64_t mag, bool negative) {
    b->hdr.flags = BT_OBJ_BIGINT;
    b->hdr.aux32 = negative ? (uint32_t)-1 : 1u;
    b->limbs[0] = mag;
    return bt_obj(b);
}

/* A big int as int64 into *out; false when it lies beyond 64 bits. */
static inline bool bt_bigint_as_i64(BtValue v, int64_t *out) {
    const BtBigInt *b = (const BtBigInt *)bt_as_obj(v);
    int32_t size = (int32_t)b->hdr.aux32;
    if (size != 1 && size != -1)
        return false;
    uint64_t mag = b->limbs[0];
    if (size > 0 ? mag > (uint64_t)INT64_MAX : mag > (uint64_t)INT64_MAX + 1)
        return false;
    *out = size > 0 ? (int64_t)mag : (int64_t)(0 - mag);
    return true;
}

/* A big int holding i, which lies beyond the inline range (vm/bigint.c);
 * BT_UNDEF with MemoryError. */
BtValue bt_bigint_from_i64(BtThread *t, int64_t i);
/* The int i: inline when it fits, a big int otherwise (BT_UNDEF: MemoryError). */
static inline BtValue bt_int_from_i64(BtThread *t, int64_t i) {
    return bt_int_fits(i) ? bt_int(i) : bt_bigint_from_i64(t, i);
}
/* The same for an unsigned 64-bit number. */
BtValue bt_int_from_u64(BtThread *t, uint64_t u);
/* An exact int (inline, bool or big) as int64 into *out; false (no exception)
 * when it lies beyond 64 bits. */
static inline bool bt_int_as_i64(BtValue v, int64_t *out) {
    if (!bt_is_bigint(v)) {
        *out = bt_as_int(v);
        return true;
    }
    return bt_bigint_as_i64(v, out);
}
/* A big int beyond 64 bits (where C-sized integers are needed, the too-big case). */
static inline bool bt_int_is_huge(BtValue v) {
    int64_t ignored;
    return bt_is_bigint(v) && !bt_int_as_i64(v, &ignored);
}


/* CPython's numeric hash: hash(1) == hash(1.0) == hash(True). Never -1. */
int64_t bt_int_hash(int64_t n);
int64_t bt_float_hash(double d);

/* Python's floor division and modulo for ints (round toward -inf); raise
 * ZeroDivisionError / OverflowError (INT64_MIN // -1). */
bool bt_int_floordiv(BtThread *t, int64_t a, int64_t b, int64_t *out);
bool bt_int_mod(BtThread *t, int64_t a, int64_t b, int64_t *out);

/* An index from v (int, bool, or an object with __index__) into *out; raises
 * TypeError "'X' object cannot be interpreted as an integer" otherwise, and
 * OverflowError "Python int too large to convert to C ssize_t" for a big int. */
bool bt_int_index(BtThread *t, BtValue v, int64_t *out);
/* bt_int_index for a slice-like bound (str.find's start, list.index's stop):
 * a big int is clamped to INT64_MIN or INT64_MAX, as CPython clamps them. */
bool bt_int_bound(BtThread *t, BtValue v, int64_t *out);
/* operator.index(v): v as an exact int of any size (through __index__). */
BtValue bt_index_value(BtThread *t, BtValue v);
/* The same for an index into a sequence: a big int is IndexError (or, with
 * repeat set, OverflowError) "cannot fit 'int' into an index-sized integer". */
bool bt_int_seq_index(BtThread *t, BtValue v, int64_t *out, bool repeat);

/* Parse an int literal as int(s, base) does: whitespace, sign, underscores,
 * prefixes (base 0 guesses them). BT_UNDEF with *syntax_error set and no
 * exception when the text is not one (the caller words the ValueError);
 * BT_UNDEF with an exception when it is too long (CPython's digit limit) or
 * memory runs out. base must be 0 or 2..36. */
BtValue bt_int_parse(BtThread *t, const char *s, size_t n, int base, bool *syntax_error);

/* An int in base 2, 8, 10 or 16, with the 0b/0o/0x prefix when prefix is set
 * (as bin(), oct(), hex()); upper selects A-F. */
BtStr *bt_int_to_base(BtThread *t, BtValue v, int base, bool prefix, bool upper);

/* ---- any int, small or big (vm/bigint.c) ---- */

/* The ops of int's binary slot for two ints of any size (big ones or ones
 * whose result leaves the inline range); TRUEDIV is correctly rounded. */
BtValue bt_bigint_binary(BtThread *t, int op, BtValue a, BtValue b);
/* -a, +a, ~a, or abs(a) for op 'a'. */
BtValue bt_bigint_unary(BtThread *t, int op, BtValue a);
/* Three-way comparison of two ints; of an int and a double (2: a NaN). Exact. */
int bt_int_cmp(BtValue a, BtValue b);
int bt_int_cmp_double(BtValue a, double f);
int bt_int_sign(BtValue v); /* -1, 0, 1 */
/* hash() of a big int (CPython's: the value modulo 2**61 - 1). */
int64_t bt_bigint_hash(BtValue v);
/* float(v), correctly rounded; OverflowError "int too large to convert to float". */
bool bt_int_to_double(BtThread *t, BtValue v, double *out);
/* The same for a big int, with +-inf beyond the double range (never raises). */
double bt_bigint_to_double_inf(BtValue v);
/* A positive int v as m * 2**e with 0.5 <= m < 1, for any size (math.log
 * of ints beyond the double range); e goes to *exp. */
double bt_int_frexp(BtValue v, int64_t *exp);
/* int(f) for a double of any size (OverflowError for inf, ValueError for nan). */
BtValue bt_int_from_double(BtThread *t, double f);
/* divmod(a, b) of two ints into *q, *r (ZeroDivisionError). */
bool bt_int_divmod(BtThread *t, BtValue a, BtValue b, BtValue *q, BtValue *r);
/* pow(a, b, m) of three ints, a negative b through the modular inverse. */
BtValue bt_int_powmod(BtThread *t, BtValue a, BtValue b, BtValue m);
/* round(x, ndigits) of two ints (halves to even). */
BtValue bt_int_round(BtThread *t, BtValue x, BtValue ndigits);
/* math's integer functions on ints of any size, the arguments' signs checked:
 * 'f' factorial(a), 's' isqrt(a), 'g' gcd(a, b) of |a|, |b|, 'l' lcm(a, b) of
 * |a|, |b|, 'c' comb(a, b), 'p' perm(a, b) with 0 <= b <= a. */
BtValue bt_int_math(BtThread *t, char fn, BtValue a, BtValue b);
uint64_t bt_int_bit_length(BtValue v);
uint64_t bt_int_bit_count(BtValue v); /* of |v| */
/* v in len bytes, two's complement when is_signed; OverflowError when it does not fit. */
bool bt_int_to_bytes(BtThread *t, BtValue v, uint8_t *out, size_t len, bool little, bool is_signed);
BtValue bt_int_from_bytes(BtThread *t, const uint8_t *data, size_t len, bool little, bool is_signed);
/* Append |v|'s digits in base 2..16 (base 10 obeys the digit limit: ValueError). */
typedef struct BtBuf BtBuf;
bool bt_int_append_digits(BtThread *t, BtBuf *out, BtValue v, int base, bool upper);
/* The int of n checked digits in base (no sign, prefix or underscore). */
BtValue bt_int_from_digits(BtThread *t, const char *digits, size_t n, int base, bool negative);

/* Convert a number (int, bool, float) to double; false (no exception) if v is
 * not one. A big int beyond the double range gives an infinity (comparisons
 * want that; arithmetic wants bt_num_to_double). */
static inline bool bt_num_as_double(BtValue v, double *out) {
    switch (bt_kind(v)) {
    case BT_V_OBJ:
        if (!bt_is_bigint(v))
            return false;
        *out = bt_bigint_to_double_inf(v);
        return true;
    case BT_V_INT:
        *out = (double)bt_as_i64(v);
        return true;
    case BT_V_BOOL:
        *out = bt_as_bool(v);
        return true;
    case BT_V_FLOAT:
        *out = bt_as_f64(v);
        return true;
    default:
        return false;
    }
}

/* bt_num_as_double for arithmetic with floats and math's functions: a big
 * int beyond the double range is CPython's OverflowError "int too large to
 * convert to float" (false, raised). False with nothing raised when v is not
 * a number. */
static inline bool bt_num_to_double(BtThread *t, BtValue v, double *out) {
    return bt_is_bigint(v) ? bt_int_to_double(t, v, out) : bt_num_as_double(v, out);
}

/* Compare two numbers exactly (also a large int against a float): -1, 0, 1,
 * or 2 when unordered (a NaN is involved). Both must be int/bool/float. */
int bt_num_cmp(BtValue a, BtValue b);

/* The repr of a double as CPython writes it ("0.1", "1e+16", "inf", "-0.0")
 * into buf (NUL-terminated); returns its length. cap >= 32 is always enough. */
size_t bt_float_repr(double d, char *buf, size_t cap);
/* Parse float(s) text (whitespace, underscores between digits, inf/nan words);
 * false if it is not a float literal. */
bool bt_float_parse(const char *s, size_t n, double *out);
/* float(v) for a number, a str or an object with __float__/__index__. */
BtValue bt_float_from(BtThread *t, BtValue v);
/* int(v) for a number, a str or an object with __int__/__index__ (no base). */
BtValue bt_int_from(BtThread *t, BtValue v);

/* Builtins helpers, each raising CPython's errors. */
BtValue bt_num_divmod(BtThread *t, BtValue a, BtValue b);            /* divmod(a, b) -> tuple */
BtValue bt_num_pow3(BtThread *t, BtValue a, BtValue b, BtValue mod); /* pow(a, b[, mod]) */
BtValue bt_num_round(BtThread *t, BtValue x, BtValue ndigits); /* ndigits BT_UNDEF/None: none */
BtValue bt_num_abs(BtThread *t, BtValue x);                    /* abs(x), also via __abs__ */

/* __format__ of the numbers and None (a native method: self, one str argument). */
BtValue bt_num_format_method(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames);

/* The slots of int and float, for other types that want number behaviour. */
BtValue bt_int_binary(BtThread *t, int op, BtValue a, BtValue b);
/* The same for two exact ints of any size (bt_is_integer), op not @. */
BtValue bt_int_binary_exact(BtThread *t, int op, BtValue a, BtValue b);
BtValue bt_float_binary(BtThread *t, int op, BtValue a, BtValue b);

#endif
