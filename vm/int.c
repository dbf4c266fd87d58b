/* int.c: int, bool, NoneType, NotImplementedType and ellipsis (vm stage).
 *
 * Ints are immediate while they fit the inline range (value.h); a result
 * that leaves it is boxed by bt_int_from_i64, one that leaves 64 bits on the
 * way (__builtin_mul_overflow) is computed by bigint.c, which also takes every
 * operation with a big operand. bool shares int's arithmetic
 * (True + 1 == 2) except that & | ^ of two bools stay bools. Mixed int/float
 * arithmetic is handed to float.c. The numeric hash follows CPython's
 * definition (value mod 2**61 - 1), so equal numbers hash equally.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/strformat.h"

#define NOT_IMPLEMENTED(t) bt_obj((t)->interp->not_implemented)

/* An int or bool as an exact int (True -> 1). */
static BtValue exact_int(BtValue v) {
    return bt_is_bigint(v) ? v : bt_int(bt_as_int(v));
}

int64_t bt_int_hash(int64_t n) {
    /* |n| mod (2**61 - 1) with n's sign; unsigned so that INT64_MIN is fine. */
    uint64_t mag = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    int64_t h = (int64_t)(mag % BT_HASH_MODULUS);
    if (n < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

bool bt_int_floordiv(BtThread *t, int64_t a, int64_t b, int64_t *out) {
    if (b == 0) {
        bt_raise(t, BT_EXC(t, ZeroDivisionError), "integer division or modulo by zero");
        return false;
    }
    if (b == -1 && a == INT64_MIN) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C long");
        return false;
    }
    if (b == -1) {
        *out = -a;
        return true;
    }
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    *out = q;
    return true;
}

bool bt_int_mod(BtThread *t, int64_t a, int64_t b, int64_t *out) {
    if (b == 0) {
        bt_raise(t, BT_EXC(t, ZeroDivisionError), "integer modulo by zero");
        return false;
    }
    if (b == -1) {
        *out = 0;
        return true;
    }
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    *out = r;
    return true;
}

/* a ** b for b >= 0 by repeated squaring; false when it leaves 64 bits. */
static bool int_pow(int64_t a, int64_t b, int64_t *out) {
    int64_t result = 1, base = a;
    while (b > 0) {
        if (b & 1) {
            if (__builtin_mul_overflow(result, base, &result))
                return false;
        }
        b >>= 1;
        /* base only matters if another bit is set; |a| >= 2 so the result overflows. */
        if (b > 0 && __builtin_mul_overflow(base, base, &base))
            return false;
    }
    *out = result;
    return true;
}

/* The binary slot for two ints a and b (av and bv) that fit 64 bits, inline
 * or big: done in int64 when the result fits (bt_int_from_i64 boxes one past
 * the inline range without GMP), by bigint.c when it leaves 64 bits. */
static BtValue int64_binary(BtThread *t, int op, int64_t a, int64_t b, BtValue av, BtValue bv) {
    int64_t r;
    switch (op) {
    case BT_BINOP_ADD:
        if (__builtin_add_overflow(a, b, &r))
            break;
        return bt_int_from_i64(t, r);
    case BT_BINOP_SUB:
        if (__builtin_sub_overflow(a, b, &r))
            break;
        return bt_int_from_i64(t, r);
    case BT_BINOP_MUL:
        if (__builtin_mul_overflow(a, b, &r))
            break;
        return bt_int_from_i64(t, r);
    case BT_BINOP_TRUEDIV: {
        if (b == 0) {
            bt_raise(t, BT_EXC(t, ZeroDivisionError), "division by zero");
            return BT_UNDEF;
        }
        const int64_t lim = (int64_t)1 << 53; /* both exact as doubles: one rounding */
        if (a > -lim && a < lim && b > -lim && b < lim)
            return bt_float((double)a / (double)b);
        break;
    }
    case BT_BINOP_FLOORDIV:
        if (a == INT64_MIN && b == -1)
            break;
        return bt_int_floordiv(t, a, b, &r) ? bt_int_from_i64(t, r) : BT_UNDEF;
    case BT_BINOP_MOD:
        return bt_int_mod(t, a, b, &r) ? bt_int_from_i64(t, r) : BT_UNDEF;
    case BT_BINOP_POW:
        if (b < 0) {
            if (a == 0) {
                bt_raise(t, BT_EXC(t, ZeroDivisionError),
                         "0.0 cannot be raised to a negative power");
                return BT_UNDEF;
            }
            return bt_float(pow((double)a, (double)b));
        }
        if (int_pow(a, b, &r))
            return bt_int_from_i64(t, r);
        break;
    case BT_BINOP_LSHIFT:
        if (b < 0) {
            bt_raise(t, BT_EXC(t, ValueError), "negative shift count");
            return BT_UNDEF;
        }
        if (a == 0)
            return bt_int(0);
        if (b >= 64)
            break;
        r = (int64_t)((uint64_t)a << b);
        if ((r >> b) != a)
            break;
        return bt_int_from_i64(t, r);
    case BT_BINOP_RSHIFT:
        if (b < 0) {
            bt_raise(t, BT_EXC(t, ValueError), "negative shift count");
            return BT_UNDEF;
        }
        return bt_int_from_i64(t, b >= 64 ? (a < 0 ? -1 : 0) : a >> b);
    case BT_BINOP_AND:
        if (bt_is_bool(av) && bt_is_bool(bv))
            return bt_bool(bt_as_bool(av) & bt_as_bool(bv));
        return bt_int_from_i64(t, a & b);
    case BT_BINOP_OR:
        if (bt_is_bool(av) && bt_is_bool(bv))
            return bt_bool(bt_as_bool(av) | bt_as_bool(bv));
        return bt_int_from_i64(t, a | b);
    case BT_BINOP_XOR:
        if (bt_is_bool(av) && bt_is_bool(bv))
            return bt_bool(bt_as_bool(av) ^ bt_as_bool(bv));
        return bt_int_from_i64(t, a ^ b);
    default:
        return NOT_IMPLEMENTED(t);
    }
    return bt_bigint_binary(t, op, av, bv); /* the result leaves 64 bits */
}

BtValue bt_int_binary_exact(BtThread *t, int op, BtValue a, BtValue b) {
    if (op >= BT_BINOP__COUNT)
        op -= BT_BINOP__COUNT;
    int64_t x, y; /* big ints that fit 64 bits (a running total, a hash) skip GMP */
    if (bt_int_as_i64(a, &x) && bt_int_as_i64(b, &y))
        return int64_binary(t, op, x, y, a, b);
    return bt_bigint_binary(t, op, a, b);
}

BtValue bt_int_binary(BtThread *t, int op, BtValue a, BtValue b) {
    if (op >= BT_BINOP__COUNT)
        op -= BT_BINOP__COUNT; /* ints are immutable: in-place is the plain op */
    if (bt_is_intlike(a) && bt_is_intlike(b))
        return int64_binary(t, op, bt_as_int(a), bt_as_int(b), a, b);
    if (bt_is_integer(a) && bt_is_integer(b)) {
        return op == BT_BINOP_MATMUL ? NOT_IMPLEMENTED(t) : bt_int_binary_exact(t, op, a, b);
    }
    if ((bt_is_float(a) || bt_is_float(b)) && (bt_is_integer(a) || bt_is_float(a)) &&
        (bt_is_integer(b) || bt_is_float(b)))
        return bt_float_binary(t, op, a, b);
    return NOT_IMPLEMENTED(t);
}

static BtValue int_unary(BtThread *t, int op, BtValue a) {
    if (bt_is_bigint(a))
        return bt_bigint_unary(t, op, a);
    int64_t v = bt_as_int(a);
    switch (op) {
    case '-':
        return bt_int_from_i64(t, -v); /* -BT_INT_INLINE_MIN is one past the range */
    case '+':
        return bt_int(v);
    case '~':
        return bt_int(~v);
    }
    bt_raise(t, BT_EXC(t, TypeError), "bad operand type for unary %c: '%T'", op, a);
    return BT_UNDEF;
}

int bt_num_cmp(BtValue a, BtValue b) {
    if (bt_is_intlike(a) && bt_is_intlike(b)) {
        int64_t x = bt_as_int(a), y = bt_as_int(b);
        return (x > y) - (x < y);
    }
    if (bt_is_integer(a) && bt_is_integer(b))
        return bt_int_cmp(a, b);
    if (bt_is_bigint(a) || bt_is_bigint(b)) {
        int c = bt_int_cmp_double(bt_is_bigint(a) ? a : b, bt_as_f64(bt_is_bigint(a) ? b : a));
        return c == 2 || bt_is_bigint(a) ? c : -c;
    }
    if (bt_is_float(a) && bt_is_float(b)) {
        double x = bt_as_f64(a), y = bt_as_f64(b);
        if (x != x || y != y)
            return 2;
        return (x > y) - (x < y);
    }
    /* int against float, compared exactly. */
    bool swapped = bt_is_float(a);
    int64_t i = bt_as_int(swapped ? b : a);
    double f = swapped ? bt_as_f64(a) : bt_as_f64(b);
    int r;
    if (f != f)
        return 2;
    const int64_t lim = (int64_t)1 << 53;
    if (i > -lim && i < lim) {
        double d = (double)i;
        r = (d > f) - (d < f);
    } else if (f >= 9223372036854775808.0) {
        r = -1;
    } else if (f < -9223372036854775808.0) {
        r = 1;
    } else {
        double tr = trunc(f);
        int64_t fi = (int64_t)tr;
        if (i != fi)
            r = i > fi ? 1 : -1;
        else
            r = (tr > f) - (tr < f); /* i == trunc(f): the fraction decides */
    }
    return swapped ? -r : r;
}

/* Shared by int, bool and float: numbers compare with numbers. */
static BtValue num_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    bool an = bt_is_integer(a) || bt_is_float(a), bn = bt_is_integer(b) || bt_is_float(b);
    if (!an || !bn)
        return NOT_IMPLEMENTED(t);
    int c = bt_num_cmp(a, b);
    if (c == 2)
        return bt_bool(op == BT_COMPARE_NE);
    return bt_bool(bt_compare_holds(op, c));
}

static bool int_hash(BtThread *t, BtValue self, int64_t *out) {
    (void)t;
    *out = bt_is_bigint(self) ? bt_bigint_hash(self) : bt_int_hash(bt_as_int(self));
    return true;
}

/* Decimal digits of n into the end of buf; returns the start. Two digits
 * per division, from a table of "00".."99". */
static char *int_digits(int64_t n, char *end) {
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    uint64_t mag = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    char *p = end;
    while (mag >= 100) {
        const char *two = pairs + 2 * (mag % 100);
        mag /= 100;
        *--p = two[1];
        *--p = two[0];
    }
    if (mag >= 10) {
        *--p = pairs[2 * mag + 1];
        *--p = pairs[2 * mag];
    } else {
        *--p = (char)('0' + mag);
    }
    if (n < 0)
        *--p = '-';
    return p;
}

/* n in decimal as a new str. */
static BtStr *int_decimal(BtThread *t, int64_t n) {
    char buf[24];
    char *p = int_digits(n, buf + sizeof buf);
    size_t len = (size_t)(buf + sizeof buf - p);
    return bt_str_new_known(t, p, len, len);
}

static BtValue int_repr(BtThread *t, BtValue self) {
    BtStr *s = bt_int_to_base(t, self, 10, false, false);
    return s ? bt_obj(s) : BT_UNDEF;
}

static int int_truth(BtThread *t, BtValue self) {
    (void)t;
    return bt_is_bigint(self) || bt_as_int(self) != 0; /* a big int is never zero */
}

/* A big int's text: sign, prefix, digits from bigint.c. */
static BtStr *bigint_to_base(BtThread *t, BtValue v, int base, bool prefix, bool upper) {
    BtBuf b;
    bt_buf_init(&b);
    if (bt_int_sign(v) < 0)
        bt_buf_putc(&b, '-');
    if (prefix && base != 10) {
        bt_buf_putc(&b, '0');
        bt_buf_putc(&b, base == 16 ? (upper ? 'X' : 'x') : base == 8 ? 'o' : 'b');
    }
    if (!bt_int_append_digits(t, &b, v, base, upper)) {
        bt_buf_free(&b);
        return NULL;
    }
    return bt_buf_finish(t, &b);
}

BtStr *bt_int_to_base(BtThread *t, BtValue v, int base, bool prefix, bool upper) {
    if (bt_is_bigint(v))
        return bigint_to_base(t, v, base, prefix, upper);
    int64_t n = bt_as_int(v);
    if (base == 10)
        return int_decimal(t, n);
    char buf[72];
    char *p = buf + sizeof buf;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    uint64_t mag = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    do {
        *--p = digits[mag % (uint64_t)base];
        mag /= (uint64_t)base;
    } while (mag);
    if (prefix && base != 10) {
        *--p = base == 16 ? (upper ? 'X' : 'x') : base == 8 ? 'o' : 'b';
        *--p = '0';
    }
    if (n < 0)
        *--p = '-';
    size_t len = (size_t)(buf + sizeof buf - p);
    return bt_str_new_known(t, p, len, len);
}

/* A big int where a C-sized integer is needed. */
static bool index_too_big(BtThread *t) {
    bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C ssize_t");
    return false;
}

bool bt_int_index(BtThread *t, BtValue v, int64_t *out) {
    if (bt_is_intlike(v)) {
        *out = bt_as_int(v);
        return true;
    }
    if (bt_is_bigint(v))
        return bt_int_as_i64(v, out) || index_too_big(t);
    if (bt_is_obj(v)) {
        BtValue m = bt_type_lookup(bt_type_of(t, v), BT_NAME(t, dunder_index));
        if (!bt_is_undef(m)) {
            BtValue r = bt_call(t, m, &v, 1, NULL);
            if (bt_is_undef(r))
                return false;
            if (!bt_is_integer(r)) {
                bt_raise(t, BT_EXC(t, TypeError), "__index__ returned non-int (type %T)", r);
                return false;
            }
            return bt_int_as_i64(r, out) || index_too_big(t);
        }
    }
    bt_raise(t, BT_EXC(t, TypeError), "'%T' object cannot be interpreted as an integer", v);
    return false;
}

bool bt_int_bound(BtThread *t, BtValue v, int64_t *out) {
    BtValue i = bt_index_value(t, v);
    if (bt_is_undef(i))
        return false;
    if (!bt_int_as_i64(i, out))
        *out = bt_int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    return true;
}

BtValue bt_index_value(BtThread *t, BtValue v) {
    if (bt_is_integer(v))
        return exact_int(v);
    BtValue m = bt_is_obj(v) ? bt_type_lookup(bt_type_of(t, v), BT_NAME(t, dunder_index)) : BT_UNDEF;
    if (bt_is_undef(m)) {
        bt_raise(t, BT_EXC(t, TypeError), "'%T' object cannot be interpreted as an integer", v);
        return BT_UNDEF;
    }
    BtValue r = bt_call(t, m, &v, 1, NULL);
    if (bt_is_undef(r))
        return BT_UNDEF;
    if (!bt_is_integer(r)) {
        bt_raise(t, BT_EXC(t, TypeError), "__index__ returned non-int (type %T)", r);
        return BT_UNDEF;
    }
    return exact_int(r);
}

bool bt_int_seq_index(BtThread *t, BtValue v, int64_t *out, bool repeat) {
    if (bt_int_is_huge(v) || bt_int_is_huge(bt_unbox(v))) {
        bt_raise(t, repeat ? BT_EXC(t, OverflowError) : BT_EXC(t, IndexError),
                 "cannot fit '%T' into an index-sized integer", v);
        return false;
    }
    return bt_int_index(t, v, out);
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

BtValue bt_int_parse(BtThread *t, const char *s, size_t n, int base, bool *syntax_error) {
    const char *p = s, *end = s + n;
    *syntax_error = true;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    bool prefixed = false;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            prefixed = true;
        }
    }
    bool guess_decimal = base == 0;
    if (base == 0)
        base = 10;
    if (p == end)
        return BT_UNDEF;
    /* After a prefix one underscore may lead ("0x_ff"); elsewhere they only separate digits. */
    if (*p == '_') {
        if (!prefixed)
            return BT_UNDEF;
        p++;
    }
    const char *digits_start = p;
    uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t acc = 0;
    bool overflow = false, nonzero = false;
    size_t ndigits = 0;
    for (; p < end; p++) {
        if (*p == '_') {
            if (p + 1 == end || p[1] == '_' || p == digits_start)
                return BT_UNDEF;
            continue;
        }
        int d = digit_value(*p);
        if (d >= base)
            return BT_UNDEF;
        ndigits++;
        if (d)
            nonzero = true;
        if (!overflow) {
            if (acc > (limit - (uint64_t)d) / (uint64_t)base)
                overflow = true;
            else
                acc = acc * (uint64_t)base + (uint64_t)d;
        }
    }
    if (ndigits == 0)
        return BT_UNDEF;
    /* Base 0 rejects "010": leading zeros are only allowed in zero itself. */
    if (guess_decimal && !prefixed && *digits_start == '0' && nonzero)
        return BT_UNDEF;
    *syntax_error = false;
    if (!overflow)
        return bt_int_from_i64(t, neg ? (int64_t)((uint64_t)0 - acc) : (int64_t)acc);
    /* Too big for 64 bits: the digits again, without underscores, for GMP. */
    char *digits = malloc((size_t)ndigits);
    if (!digits) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    size_t nd = 0;
    for (const char *q = digits_start; q < end; q++)
        if (*q != '_')
            digits[nd++] = *q;
    BtValue r = bt_int_from_digits(t, digits, nd, base, neg);
    free(digits);
    return r;
}

/* int(text, base) for str/bytes text; raises CPython's ValueError. */
static BtValue int_from_text(BtThread *t, BtValue text, const char *s, size_t n, int base) {
    bool syntax_error;
    BtValue v = bt_int_parse(t, s, n, base, &syntax_error);
    if (bt_is_undef(v) && syntax_error)
        bt_raise(t, BT_EXC(t, ValueError), "invalid literal for int() with base %d: %R", base,
                 text);
    return v;
}

/* int(s, base) for a str; non-ASCII digits and spaces are read as CPython does. */
static BtValue int_from_str(BtThread *t, BtValue v, int base) {
    BtStr *s = bt_as_str(v);
    if (base == 10 && s->size > 0 && s->size <= 18) {
        /* Plain decimal digits with an optional sign: at most 18 digits cannot overflow. */
        const char *p = s->data, *end = p + s->size;
        bool neg = *p == '-';
        p += neg || *p == '+';
        int64_t acc = 0;
        const char *q = p;
        while (q < end && *q >= '0' && *q <= '9')
            acc = acc * 10 + (*q++ - '0');
        if (q == end && q > p)
            return bt_int_from_i64(t, neg ? -acc : acc);
    }
    if (s->ascii)
        return int_from_text(t, v, s->data, s->size, base);
    BtBuf b;
    bt_buf_init(&b);
    bt_str_ascii_digits(s, &b);
    BtValue r = b.oom ? BT_UNDEF : int_from_text(t, v, b.data, b.len, base);
    if (b.oom)
        bt_raise_memory(t);
    bt_buf_free(&b);
    return r;
}

BtValue bt_int_from(BtThread *t, BtValue v) {
    switch (bt_kind(v)) {
    case BT_V_INT:
        return v;
    case BT_V_BOOL:
        return bt_int(bt_as_bool(v));
    case BT_V_FLOAT:
        return bt_int_from_double(t, bt_as_f64(v));
    default:
        break;
    }
    if (bt_is_bigint(v))
        return v;
    if (bt_is_str(t, v))
        return int_from_str(t, v, 10);
    if (bt_is_bytes(t, v)) {
        BtBytes *b = (BtBytes *)bt_as_obj(v);
        return int_from_text(t, v, (const char *)b->data, b->size, 10);
    }
    if (bt_is_obj(v)) {
        BtType *tp = bt_type_of(t, v);
        BtValue m = bt_type_lookup(tp, BT_NAME(t, dunder_int));
        bool via_int = !bt_is_undef(m);
        if (!via_int)
            m = bt_type_lookup(tp, BT_NAME(t, dunder_index));
        if (!bt_is_undef(m)) {
            BtValue r = bt_call(t, m, &v, 1, NULL);
            if (bt_is_undef(r))
                return BT_UNDEF;
            if (!bt_is_integer(r)) {
                bt_raise(t, BT_EXC(t, TypeError), "%s returned non-int (type %T)",
                         via_int ? "__int__" : "__index__", r);
                return BT_UNDEF;
            }
            return bt_is_bigint(r) ? r : bt_int(bt_as_int(r));
        }
        if (bt_is_boxed(v)) /* a subclass of float, str or bytes */
            return bt_int_from(t, bt_unbox(v));
        BtByteView view; /* bytearray, array, memoryview: read as the bytes they hold */
        if (bt_byte_view(t, v, &view)) {
            BtBytes *copy = bt_bytes_new(t, view.data, view.size);
            return copy ? bt_int_from(t, bt_obj(copy)) : BT_UNDEF;
        }
    }
    bt_raise(t, BT_EXC(t, TypeError),
             "int() argument must be a string, a bytes-like object or a real number, not '%T'", v);
    return BT_UNDEF;
}

static BtValue int_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)type;
    int npos = nargs; /* keyword values follow at args[nargs..] */
    BtValue x = BT_UNDEF, basev = BT_UNDEF;
    if (kwnames) {
        for (size_t i = 0; i < kwnames->len; i++) {
            BtStr *k = bt_as_str(kwnames->items[i]);
            if (strcmp(k->data, "base") != 0 || !bt_is_undef(basev) || npos >= 2) {
                if (strcmp(k->data, "base") == 0)
                    bt_raise(t, BT_EXC(t, TypeError),
                             "argument for int() given by name ('base') and position (2)");
                else
                    bt_raise(t, BT_EXC(t, TypeError),
                             "'%S' is an invalid keyword argument for int()", k);
                return BT_UNDEF;
            }
            basev = args[npos + (int)i];
        }
    }
    if (npos > 2) {
        bt_raise(t, BT_EXC(t, TypeError), "int() takes at most 2 arguments (%d given)", npos);
        return BT_UNDEF;
    }
    if (npos >= 1)
        x = args[0];
    if (npos == 2)
        basev = args[1];
    if (bt_is_undef(basev)) {
        if (bt_is_undef(x))
            return bt_int(0);
        return bt_int_from(t, x);
    }
    int64_t base;
    if (!bt_int_index(t, basev, &base))
        return BT_UNDEF;
    if (bt_is_undef(x)) {
        bt_raise(t, BT_EXC(t, TypeError), "int() missing string argument");
        return BT_UNDEF;
    }
    if (base != 0 && (base < 2 || base > 36)) {
        bt_raise(t, BT_EXC(t, ValueError), "int() base must be >= 2 and <= 36, or 0");
        return BT_UNDEF;
    }
    if (bt_is_str(t, x))
        return int_from_str(t, x, (int)base);
    if (bt_is_bytes(t, x)) {
        BtBytes *b = (BtBytes *)bt_as_obj(x);
        return int_from_text(t, x, (const char *)b->data, b->size, (int)base);
    }
    BtByteView view; /* with a base, CPython reads a bytearray too, but no other buffer */
    if (bt_is_obj(x) && bt_as_obj(x)->type == BT_TYPE(t, bytearray) && bt_byte_view(t, x, &view)) {
        BtBytes *copy = bt_bytes_new(t, view.data, view.size);
        return copy ? int_from_text(t, bt_obj(copy), (const char *)copy->data, copy->size, (int)base)
                    : BT_UNDEF;
    }
    bt_raise(t, BT_EXC(t, TypeError), "int() can't convert non-string with explicit base");
    return BT_UNDEF;
}

/* Raise "int.bit_length() takes no arguments (1 given)"-style errors. */
static bool no_args(BtThread *t, const char *name, int nargs, BtTuple *kwnames) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() takes no keyword arguments", name);
        return false;
    }
    if (nargs) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() takes no arguments (%d given)", name, nargs);
        return false;
    }
    return true;
}

static BtValue int_bit_length(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "int.bit_length", nargs, kwnames))
        return BT_UNDEF;
    return bt_int((int64_t)bt_int_bit_length(bt_unbox(self)));
}

static BtValue int_bit_count(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "int.bit_count", nargs, kwnames))
        return BT_UNDEF;
    return bt_int((int64_t)bt_int_bit_count(bt_unbox(self)));
}

static BtValue int_conjugate(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "int.conjugate", nargs, kwnames))
        return BT_UNDEF;
    return exact_int(bt_unbox(self));
}

/* (self, 1) as exact ints: an int is its own numerator. */
static BtValue int_as_integer_ratio(BtThread *t, BtValue self, BtValue *args, int nargs,
                                    BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "int.as_integer_ratio", nargs, kwnames))
        return BT_UNDEF;
    BtValue items[2] = {exact_int(bt_unbox(self)), bt_int(1)};
    BtTuple *tp = bt_tuple_from(t, items, 2);
    return tp ? bt_obj(tp) : BT_UNDEF;
}

static BtValue int_index_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "int.__index__", nargs, kwnames))
        return BT_UNDEF;
    return exact_int(bt_unbox(self));
}

/* __format__(spec) for int, bool, float and None: the shared formatter. */
BtValue bt_num_format_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "__format__() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs != 1) {
        bt_raise(t, BT_EXC(t, TypeError), "__format__() takes exactly one argument (%d given)",
                 nargs);
        return BT_UNDEF;
    }
    if (!bt_is_str(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "__format__() argument must be str, not %T", args[0]);
        return BT_UNDEF;
    }
    return bt_format_value(t, self, bt_as_str(args[0]));
}

/* "big" -> true, "little" -> false; -1 with ValueError otherwise. */
static int byteorder_arg(BtThread *t, BtValue v) {
    if (bt_is_str(t, v)) {
        if (strcmp(bt_as_str(v)->data, "big") == 0)
            return 1;
        if (strcmp(bt_as_str(v)->data, "little") == 0)
            return 0;
        bt_raise(t, BT_EXC(t, ValueError), "byteorder must be either 'little' or 'big'");
    } else {
        bt_raise(t, BT_EXC(t, TypeError), "to_bytes() argument 'byteorder' must be str, not %T", v);
    }
    return -1;
}

/* n.to_bytes(length=1, byteorder='big', *, signed=False) */
static BtValue int_to_bytes(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    static const char *const params[] = {"|length", "byteorder", "$signed", NULL};
    BtValue a[3];
    if (!bt_parse_args(t, "to_bytes", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    int64_t length = 1;
    if (!bt_is_undef(a[0]) && !bt_int_index(t, a[0], &length))
        return BT_UNDEF;
    if (length < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "length argument must be non-negative");
        return BT_UNDEF;
    }
    int big = bt_is_undef(a[1]) ? 1 : byteorder_arg(t, a[1]);
    int is_signed = bt_is_undef(a[2]) ? 0 : bt_truthy(t, a[2]);
    if (big < 0 || is_signed < 0)
        return BT_UNDEF;
    BtValue v = bt_unbox(self);
    if (length > ((int64_t)1 << 40)) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    BtBytes *b = bt_bytes_new(t, NULL, (size_t)length);
    if (!b)
        return BT_UNDEF;
    if (!bt_int_to_bytes(t, v, b->data, (size_t)length, !big, is_signed))
        return BT_UNDEF;
    return bt_obj(b);
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False), a class method. */
static BtValue int_from_bytes(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"bytes", "|byteorder", "$signed", NULL};
    BtValue a[3];
    if (!bt_parse_args(t, "from_bytes", args + 1, nargs - 1, kwnames, params, a))
        return BT_UNDEF;
    BtValue data = a[0];
    if (!bt_is_bytes(t, data)) {
        if (bt_is_str(t, data)) {
            bt_raise(t, BT_EXC(t, TypeError), "cannot convert 'str' object to bytes");
            return BT_UNDEF;
        }
        BtValue bytes_type = bt_obj(BT_TYPE(t, bytes));
        data = bt_call(t, bytes_type, &a[0], 1, NULL);
        if (bt_is_undef(data))
            return BT_UNDEF;
    }
    int big = bt_is_undef(a[1]) ? 1 : byteorder_arg(t, a[1]);
    int is_signed = bt_is_undef(a[2]) ? 0 : bt_truthy(t, a[2]);
    if (big < 0 || is_signed < 0)
        return BT_UNDEF;
    BtBytes *b = (BtBytes *)bt_as_obj(data);
    BtValue v = bt_int_from_bytes(t, b->data, b->size, !big, is_signed);
    if (bt_is_undef(v))
        return BT_UNDEF;
    /* A class other than int gets cls(value), as CPython does. */
    if (bt_is_obj(args[0]) && bt_as_obj(args[0]) != (BtObject *)BT_TYPE(t, int_)) {
        BT_PUSH_ROOT(t, &v);
        BtValue r = bt_call(t, args[0], &v, 1, NULL);
        BT_POP_ROOT(t, 1);
        return r;
    }
    return v;
}

static BtValue int_real(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)t, (void)self, (void)nargs, (void)kwnames;
    return exact_int(bt_unbox(args[0]));
}

static BtValue int_zero(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)t, (void)self, (void)args, (void)nargs, (void)kwnames;
    return bt_int(0);
}

static BtValue int_one(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)t, (void)self, (void)args, (void)nargs, (void)kwnames;
    return bt_int(1);
}

static const BtNativeDef int_methods[] = {
    {"to_bytes", int_to_bytes},
    {"bit_length", int_bit_length},
    {"bit_count", int_bit_count},
    {"conjugate", int_conjugate},
    {"as_integer_ratio", int_as_integer_ratio},
    {"__index__", int_index_method},
    {"__int__", int_index_method},
    {"__format__", bt_num_format_method},
    {NULL, NULL},
};

/* ---- bool ---- */

static BtValue bool_repr(BtThread *t, BtValue self) {
    /* True/False are used constantly (print(x == y)): intern them. */
    return bt_obj(bt_str_intern_cstr(t, bt_as_int(self) ? "True" : "False"));
}

static BtValue bool_binary(BtThread *t, int op, BtValue a, BtValue b) {
    return bt_int_binary(t, op, a, b);
}

static BtValue bool_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)type;
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "bool() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs > 1) {
        bt_raise(t, BT_EXC(t, TypeError), "bool expected at most 1 argument, got %d", nargs);
        return BT_UNDEF;
    }
    if (nargs == 0)
        return BT_FALSE;
    int r = bt_truthy(t, args[0]);
    return r < 0 ? BT_UNDEF : bt_bool(r);
}

/* ---- None, NotImplemented, Ellipsis ---- */

static BtValue none_repr(BtThread *t, BtValue self) {
    (void)self;
    return bt_obj(bt_str_intern_cstr(t, "None"));
}

static int none_truth(BtThread *t, BtValue self) {
    (void)t;
    (void)self;
    return 0;
}

static bool identity_hash(BtThread *t, BtValue self, int64_t *out) {
    (void)t;
    /* Like object.__hash__: the address, shifted past alignment bits. */
    uintptr_t a = bt_is_obj(self) ? (uintptr_t)bt_as_obj(self) : (uintptr_t)0x6e6f6e65;
    int64_t h = (int64_t)((a >> 4) | (a << (8 * sizeof a - 4)));
    *out = h == -1 ? -2 : h;
    return true;
}

/* Calling a singleton's type gives the singleton (NoneType() is None). */
static BtValue singleton_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    (void)args;
    if (nargs || (kwnames && kwnames->len)) {
        bt_raise(t, BT_EXC(t, TypeError), "%S takes no arguments", type->name);
        return BT_UNDEF;
    }
    if (type == BT_TYPE(t, none))
        return BT_NONE;
    if (type == BT_TYPE(t, not_implemented))
        return bt_obj(t->interp->not_implemented);
    return bt_obj(t->interp->ellipsis);
}

static BtValue notimpl_repr(BtThread *t, BtValue self) {
    (void)self;
    return bt_obj(bt_str_intern_cstr(t, "NotImplemented"));
}

static BtValue ellipsis_repr(BtThread *t, BtValue self) {
    (void)self;
    return bt_obj(bt_str_intern_cstr(t, "Ellipsis"));
}

static BtValue none_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    /* Identity equality only, and NotImplemented otherwise so that the other
     * side's reflected __eq__ gets its turn (None == E() calls E.__eq__). */
    if (op == BT_COMPARE_EQ && bt_same(a, b))
        return BT_TRUE;
    if (op == BT_COMPARE_NE && bt_same(a, b))
        return BT_FALSE;
    return NOT_IMPLEMENTED(t);
}

bool bt_int_init_types(BtThread *t) {
    BtType *it = BT_TYPE(t, int_);
    it->instance_size = 0;
    it->repr = int_repr;
    it->hash = int_hash;
    it->compare = num_compare;
    it->binary = bt_int_binary;
    it->unary = int_unary;
    it->truth = int_truth;
    it->construct = int_construct;
    if (!bt_type_add_methods(t, it, int_methods) ||
        !bt_type_add_static(t, it, "from_bytes", int_from_bytes, true) ||
        !bt_type_add_getter(t, it, "real", int_real) ||
        !bt_type_add_getter(t, it, "numerator", int_real) ||
        !bt_type_add_getter(t, it, "imag", int_zero) ||
        !bt_type_add_getter(t, it, "denominator", int_one))
        return false;

    BtType *bo = BT_TYPE(t, bool_);
    bo->repr = bool_repr;
    bo->hash = int_hash;
    bo->compare = num_compare;
    bo->binary = bool_binary;
    bo->unary = int_unary;
    bo->truth = int_truth;
    bo->construct = bool_construct;

    static const BtNativeDef none_methods[] = {
        {"__format__", bt_num_format_method},
        {NULL, NULL},
    };
    BtType *no = BT_TYPE(t, none);
    if (!bt_type_add_methods(t, no, none_methods))
        return false;
    no->repr = none_repr;
    no->truth = none_truth;
    no->hash = identity_hash;
    no->compare = none_compare;
    no->construct = singleton_construct;

    BtType *ni = BT_TYPE(t, not_implemented);
    ni->repr = notimpl_repr;
    ni->hash = identity_hash;
    ni->construct = singleton_construct;

    BtType *el = BT_TYPE(t, ellipsis);
    el->repr = ellipsis_repr;
    el->hash = identity_hash;
    el->construct = singleton_construct;
    return true;
}

/* ---- helpers for the builtins ---- */

BtValue bt_num_divmod(BtThread *t, BtValue a, BtValue b) {
    BtValue q, r;
    if (bt_is_integer(a) && bt_is_integer(b)) {
        if (!bt_int_divmod(t, a, b, &q, &r))
            return BT_UNDEF;
    } else {
        double x, y;
        if (!bt_num_to_double(t, a, &x) || !bt_num_to_double(t, b, &y)) {
            if (bt_has_exc(t))
                return BT_UNDEF; /* an int too large to convert to float */
            bt_raise(t, BT_EXC(t, TypeError),
                     "unsupported operand type(s) for divmod(): '%T' and '%T'", a, b);
            return BT_UNDEF;
        }
        if (y == 0) {
            bt_raise(t, BT_EXC(t, ZeroDivisionError), "float divmod()");
            return BT_UNDEF;
        }
        q = bt_float_binary(t, BT_BINOP_FLOORDIV, bt_float(x), bt_float(y));
        if (bt_is_undef(q))
            return BT_UNDEF;
        r = bt_float_binary(t, BT_BINOP_MOD, bt_float(x), bt_float(y));
        if (bt_is_undef(r))
            return BT_UNDEF;
    }
    BtValue items[2] = {q, r};
    BT_PUSH_ROOT(t, &items[0]);
    BT_PUSH_ROOT(t, &items[1]);
    BtTuple *tu = bt_tuple_from(t, items, 2);
    BT_POP_ROOT(t, 2);
    return tu ? bt_obj(tu) : BT_UNDEF;
}

BtValue bt_num_pow3(BtThread *t, BtValue a, BtValue b, BtValue mod) {
    if (bt_is_undef(mod) || bt_is_none(mod))
        return bt_binary_op(t, BT_BINOP_POW, a, b);
    if (!bt_is_integer(a) || !bt_is_integer(b) || !bt_is_integer(mod)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "pow() 3rd argument not allowed unless all arguments are integers");
        return BT_UNDEF;
    }
    return bt_int_powmod(t, a, b, mod);
}

/* round(x, nd) for a float: correctly rounded through the decimal string. */
static double round_double(double x, int64_t nd) {
    if (!isfinite(x) || x == 0)
        return x;
    if (nd > 323)
        return x;
    if (nd < -308)
        return copysign(0.0, x);
    if (nd >= 0) {
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        double r = strtod(buf, NULL);
        return r == 0 ? copysign(0.0, x) : r;
    }
    double p = pow(10.0, (double)-nd);
    double y = x / p;
    double z = nearbyint(y); /* default rounding mode: halves to even */
    double r = z * p;
    if (!isfinite(r))
        return x;
    return r == 0 ? copysign(0.0, x) : r;
}

BtValue bt_num_round(BtThread *t, BtValue x, BtValue ndigits) {
    bool has_nd = !bt_is_undef(ndigits) && !bt_is_none(ndigits);
    if (bt_is_integer(x)) {
        if (!has_nd)
            return bt_is_bigint(x) ? x : bt_int(bt_as_int(x));
        BtValue ndv = bt_unbox(ndigits);
        if (!bt_is_integer(ndv)) {
            int64_t ignored;
            bt_int_index(t, ndigits, &ignored); /* __index__ or CPython's TypeError */
            if (bt_has_exc(t))
                return BT_UNDEF;
            ndv = bt_int_from_i64(t, ignored);
        }
        return bt_int_round(t, x, ndv);
    }
    int64_t nd = 0;
    if (has_nd && !bt_is_float(x) && !bt_is_obj(x)) {
        /* fall through to the TypeError below */
    } else if (has_nd && bt_is_float(x)) {
        if (bt_is_bigint(bt_unbox(ndigits)))
            nd = bt_int_sign(bt_unbox(ndigits)) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        else if (!bt_int_index(t, ndigits, &nd))
            return BT_UNDEF;
    }
    if (bt_is_float(x)) {
        double f = bt_as_f64(x);
        if (!has_nd)
            return bt_int_from_double(t, nearbyint(f));
        return bt_float(round_double(f, nd));
    }
    BtValue m =
        bt_is_obj(x) ? bt_type_lookup(bt_type_of(t, x), BT_NAME(t, dunder_round)) : BT_UNDEF;
    if (bt_is_undef(m)) {
        bt_raise(t, BT_EXC(t, TypeError), "type %s doesn't define __round__ method",
                 bt_type_name(t, x));
        return BT_UNDEF;
    }
    BtValue args[2] = {x, ndigits};
    return bt_call(t, m, args, has_nd ? 2 : 1, NULL);
}

BtValue bt_num_abs(BtThread *t, BtValue x) {
    switch (bt_kind(x)) {
    case BT_V_INT:
        return bt_int_from_i64(t, bt_as_i64(x) < 0 ? -bt_as_i64(x) : bt_as_i64(x));
    case BT_V_BOOL:
        return bt_int(bt_as_bool(x));
    case BT_V_FLOAT:
        return bt_float(fabs(bt_as_f64(x)));
    default:
        break;
    }
    if (bt_is_bigint(x))
        return bt_bigint_unary(t, 'a', x);
    BtValue m = bt_is_obj(x) ? bt_type_lookup(bt_type_of(t, x), BT_NAME(t, dunder_abs)) : BT_UNDEF;
    if (bt_is_undef(m)) {
        bt_raise(t, BT_EXC(t, TypeError), "bad operand type for abs(): '%T'", x);
        return BT_UNDEF;
    }
    return bt_call(t, m, &x, 1, NULL);
}
