/* num.h: int, bool, float, None and the other scalar singletons (vm stage).
 *
 * Ints are immediate 64-bit values: every operation checks for overflow and
 * raises OverflowError instead of growing (until big integers land). Floats
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

/* Raise OverflowError "integer overflow (Baton integers are 64-bit)". */
void bt_int_overflow(BtThread *t);

/* CPython's numeric hash: hash(1) == hash(1.0) == hash(True). Never -1. */
int64_t bt_int_hash(int64_t n);
int64_t bt_float_hash(double d);

/* Python's floor division and modulo for ints (round toward -inf); raise
 * ZeroDivisionError / OverflowError (INT64_MIN // -1). */
bool bt_int_floordiv(BtThread *t, int64_t a, int64_t b, int64_t *out);
bool bt_int_mod(BtThread *t, int64_t a, int64_t b, int64_t *out);

/* An index from v (int, bool, or an object with __index__) into *out; raises
 * TypeError "'X' object cannot be interpreted as an integer" otherwise. */
bool bt_int_index(BtThread *t, BtValue v, int64_t *out);

/* Parse an int literal as int(s, base) does: whitespace, sign, underscores,
 * prefixes (base 0 guesses them). Returns false without raising on a syntax
 * error (the caller words the ValueError) and raises OverflowError if it
 * does not fit in 64 bits. base must be 0 or 2..36. */
bool bt_int_parse(BtThread *t, const char *s, size_t n, int base, int64_t *out, bool *raised);

/* n in base 2, 8, 10 or 16, with the 0b/0o/0x prefix when prefix is set
 * (as bin(), oct(), hex()); upper selects A-F. */
BtStr *bt_int_to_base(BtThread *t, int64_t n, int base, bool prefix, bool upper);

/* Convert a number (int, bool, float) to double; false (no exception) if v is
 * not one. */
static inline bool bt_num_as_double(BtValue v, double *out) {
    switch (bt_kind(v)) {
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
BtValue bt_float_binary(BtThread *t, int op, BtValue a, BtValue b);

#endif
