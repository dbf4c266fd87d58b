/* float.c: the float type (vm stage; see vm/README.md).
 *
 * Floats are immediate doubles. repr() is the shortest decimal string that
 * reads back to the same double, laid out by CPython's rules (fixed notation
 * for exponents in [-4, 16), else scientific). Arithmetic follows Python:
 * floor division and modulo take the sign of the divisor, division by zero
 * raises instead of giving inf. CPython turns a negative base raised to a
 * fractional power into a complex number; Baton has no complex type, so it
 * says so (NotImplementedError), as SPEC section 1 asks of a missing feature.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/strformat.h"

#define NOT_IMPLEMENTED(t) bt_obj((t)->interp->not_implemented)

/* ---- repr ---- */

/* Does text (a %e rendering) read back as d? */
static bool round_trips(const char *text, double d) {
    return strtod(text, NULL) == d;
}

/* tmp holds d in "%.*e" form. Replace it with the decimal one unit of its
 * last digit above (dir 1) or below (-1) when that one round-trips and tmp
 * does not: where the double's rounding interval is lopsided (d a power of
 * two, whose gap below is half the gap above) the correctly rounded string
 * can miss the interval while its neighbour hits it (2**-24 is
 * 5.960464477539063e-08, not ...0625 nor ...062). */
static bool neighbour_round_trips(char *tmp, size_t cap, double d, int dir) {
    const char *e = strchr(tmp, 'e');
    bool neg = tmp[0] == '-';
    int exp10 = atoi(e + 1);
    char digits[32];
    int nd = 0;
    for (const char *p = tmp + neg; p < e && nd < 31; p++)
        if (*p != '.')
            digits[nd++] = *p;
    int i = nd - 1;
    if (dir > 0) {
        while (i >= 0 && digits[i] == '9')
            digits[i--] = '0';
        if (i < 0) { /* 9.99 -> 10.0: one more decade, same digit count */
            memmove(digits + 1, digits, (size_t)nd - 1);
            digits[0] = '1';
            exp10++;
        } else {
            digits[i]++;
        }
    } else {
        while (i >= 0 && digits[i] == '0')
            digits[i--] = '9';
        if (i < 0)
            return false;
        digits[i]--;
        if (digits[0] == '0') { /* 1.000 -> 0.999: a decade down, 9.999 */
            memmove(digits, digits + 1, (size_t)nd - 1);
            digits[nd - 1] = '9';
            exp10--;
        }
    }
    char cand[40];
    snprintf(cand, sizeof cand, "%s%c.%.*se%+03d", neg ? "-" : "", digits[0], nd - 1, digits + 1,
             exp10);
    if (!round_trips(cand, d))
        return false;
    snprintf(tmp, cap, "%s", cand);
    return true;
}

/* d with prec significant digits into tmp: the correctly rounded string, or
 * a neighbour of it that round-trips; false when none does. */
static bool digits_round_trip(char *tmp, size_t cap, double d, int prec) {
    snprintf(tmp, cap, "%.*e", prec - 1, d);
    return round_trips(tmp, d) || neighbour_round_trips(tmp, cap, d, 1) ||
           neighbour_round_trips(tmp, cap, d, -1);
}

size_t bt_float_repr(double d, char *buf, size_t cap) {
    char tmp[40];
    if (isnan(d))
        return (size_t)snprintf(buf, cap, "nan");
    if (isinf(d))
        return (size_t)snprintf(buf, cap, d < 0 ? "-inf" : "inf");
    if (d == 0)
        return (size_t)snprintf(buf, cap, signbit(d) ? "-0.0" : "0.0");
    /* Fast path: small integral values print as the integer plus ".0". */
    if (d == trunc(d) && fabs(d) < 1e16)
        return (size_t)snprintf(buf, cap, "%.0f.0", d);
    /* At most one 15-digit decimal lies within half an ulp of a double, so if
     * 15 digits round-trip, stripping their trailing zeros gives the shortest
     * string; otherwise the answer has 16 or 17 digits. */
    int prec = 15;
    if (fabs(d) < 2.2250738585072014e-308) {
        /* Subnormals carry fewer digits, so the argument above fails: search. */
        for (prec = 1; prec < 17; prec++) {
            snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
            if (round_trips(tmp, d))
                break;
        }
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
    } else if (!digits_round_trip(tmp, sizeof tmp, d, 15) &&
               !digits_round_trip(tmp, sizeof tmp, d, 16)) {
        snprintf(tmp, sizeof tmp, "%.*e", 16, d); /* 17 digits always round-trip */
    }
    /* Split "-d.ddddde+XX" into sign, digits and exponent. */
    const char *p = tmp;
    bool neg = *p == '-';
    if (neg)
        p++;
    char digits[24];
    int nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    char out[48];
    int n = 0;
    if (neg)
        out[n++] = '-';
    if (exp >= -4 && exp < 16) {
        int point = exp + 1; /* digits before the decimal point */
        if (point <= 0) {
            out[n++] = '0';
            out[n++] = '.';
            for (int i = 0; i < -point; i++)
                out[n++] = '0';
            memcpy(out + n, digits, (size_t)nd);
            n += nd;
        } else if (point >= nd) {
            memcpy(out + n, digits, (size_t)nd);
            n += nd;
            for (int i = nd; i < point; i++)
                out[n++] = '0';
            out[n++] = '.';
            out[n++] = '0';
        } else {
            memcpy(out + n, digits, (size_t)point);
            n += point;
            out[n++] = '.';
            memcpy(out + n, digits + point, (size_t)(nd - point));
            n += nd - point;
        }
    } else {
        out[n++] = digits[0];
        if (nd > 1) {
            out[n++] = '.';
            memcpy(out + n, digits + 1, (size_t)(nd - 1));
            n += nd - 1;
        }
        n += snprintf(out + n, sizeof out - (size_t)n, "e%c%02d", exp < 0 ? '-' : '+',
                      exp < 0 ? -exp : exp);
    }
    out[n] = '\0';
    return (size_t)snprintf(buf, cap, "%s", out);
}

static BtValue float_repr(BtThread *t, BtValue self) {
    char buf[48];
    size_t n = bt_float_repr(bt_as_f64(self), buf, sizeof buf);
    BtStr *s = bt_str_new(t, buf, n);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* ---- parsing ---- */

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* Copy a run of digits with single underscores between them into *q; false on
 * a misplaced underscore. Returns the number of digits in *count. */
static bool copy_digits(const char **pp, const char *end, char **qq, int *count) {
    const char *p = *pp;
    char *q = *qq;
    int n = 0;
    while (p < end && (is_digit(*p) || *p == '_')) {
        if (*p == '_') {
            if (n == 0 || p + 1 >= end || !is_digit(p[1]))
                return false;
        } else {
            *q++ = *p;
            n++;
        }
        p++;
    }
    *pp = p;
    *qq = q;
    *count = n;
    return true;
}

bool bt_float_parse(const char *s, size_t n, double *out) {
    const char *p = s, *end = s + n;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    if (p == end || end - p > 1000)
        return false;
    char buf[1024];
    char *q = buf;
    bool neg = false;
    if (*p == '+' || *p == '-') {
        neg = *p == '-';
        *q++ = *p++;
    }
    size_t rest = (size_t)(end - p);
    if ((rest == 3 && strncasecmp(p, "inf", 3) == 0) ||
        (rest == 8 && strncasecmp(p, "infinity", 8) == 0)) {
        *out = neg ? -INFINITY : INFINITY;
        return true;
    }
    if (rest == 3 && strncasecmp(p, "nan", 3) == 0) {
        *out = neg ? -NAN : NAN;
        return true;
    }
    int intd = 0, fracd = 0, expd = 0;
    if (!copy_digits(&p, end, &q, &intd))
        return false;
    if (p < end && *p == '.') {
        *q++ = *p++;
        if (!copy_digits(&p, end, &q, &fracd))
            return false;
    }
    if (intd + fracd == 0)
        return false;
    if (p < end && (*p == 'e' || *p == 'E')) {
        *q++ = *p++;
        if (p < end && (*p == '+' || *p == '-'))
            *q++ = *p++;
        if (!copy_digits(&p, end, &q, &expd) || expd == 0)
            return false;
    }
    if (p != end)
        return false;
    *q = '\0';
    *out = strtod(buf, NULL);
    return true;
}

BtValue bt_float_from(BtThread *t, BtValue v) {
    double d;
    if (bt_is_bigint(v))
        return bt_int_to_double(t, v, &d) ? bt_float(d) : BT_UNDEF;
    if (bt_num_as_double(v, &d))
        return bt_float(d);
    const char *text = NULL;
    size_t n = 0;
    if (bt_is_str(t, v)) {
        text = bt_as_str(v)->data;
        n = bt_as_str(v)->size;
    } else if (bt_is_bytes(t, v)) {
        text = (const char *)((BtBytes *)bt_as_obj(v))->data;
        n = ((BtBytes *)bt_as_obj(v))->size;
    }
    if (text) {
        if (bt_is_str(t, v) && !bt_as_str(v)->ascii) {
            BtBuf b;
            bt_buf_init(&b);
            bt_str_ascii_digits(bt_as_str(v), &b);
            bool ok = !b.oom && bt_float_parse(b.data, b.len, &d);
            bt_buf_free(&b);
            if (ok)
                return bt_float(d);
        } else if (bt_float_parse(text, n, &d)) {
            return bt_float(d);
        }
        bt_raise(t, BT_EXC(t, ValueError), "could not convert string to float: %R", v);
        return BT_UNDEF;
    }
    if (bt_is_obj(v)) {
        BtType *tp = bt_type_of(t, v);
        BtValue m = bt_type_lookup(tp, BT_NAME(t, dunder_float));
        if (!bt_is_undef(m)) {
            BtValue r = bt_call(t, m, &v, 1, NULL);
            if (bt_is_undef(r))
                return BT_UNDEF;
            if (!bt_is_float(r)) {
                bt_raise(t, BT_EXC(t, TypeError), "%s.__float__ returned non-float (type %T)",
                         bt_type_name(t, v), r);
                return BT_UNDEF;
            }
            return r;
        }
        m = bt_type_lookup(tp, BT_NAME(t, dunder_index));
        if (!bt_is_undef(m)) {
            int64_t i;
            if (!bt_int_index(t, v, &i))
                return BT_UNDEF;
            return bt_float((double)i);
        }
        if (bt_is_boxed(v)) /* a subclass of float or str without __float__ */
            return bt_float_from(t, bt_unbox(v));
    }
    bt_raise(t, BT_EXC(t, TypeError),
             "float() argument must be a string or a real number, not '%T'", v);
    return BT_UNDEF;
}

static BtValue float_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)type;
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "float() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs > 1) {
        bt_raise(t, BT_EXC(t, TypeError), "float expected at most 1 argument, got %d", nargs);
        return BT_UNDEF;
    }
    return nargs == 0 ? bt_float(0.0) : bt_float_from(t, args[0]);
}

/* ---- arithmetic ---- */

/* Python's divmod for doubles (y != 0): quotient floored, remainder with y's sign. */
static void float_divmod(double x, double y, double *div_out, double *mod_out) {
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double fl;
    if (div != 0) {
        fl = floor(div);
        if (div - fl > 0.5)
            fl += 1.0; /* (x - mod) / y was inexact */
    } else {
        fl = copysign(0.0, x / y);
    }
    *div_out = fl;
    *mod_out = mod;
}

/* Raise OverflowError(34, 'Numerical result out of range') as CPython does for a
 * float result that overflows. */
static BtValue float_range_error(BtThread *t) {
    BtValue args[2] = {bt_int(ERANGE), BT_UNDEF};
    BtStr *msg = bt_str_from_cstr(t, "Numerical result out of range");
    if (!msg)
        return BT_UNDEF;
    args[1] = bt_obj(msg);
    BT_PUSH_ROOT(t, &args[1]);
    BtValue exc = bt_exc_new(t, BT_EXC(t, OverflowError), args, 2);
    BT_POP_ROOT(t, 1);
    if (!bt_is_undef(exc))
        bt_raise_value(t, exc);
    return BT_UNDEF;
}

static BtValue float_pow(BtThread *t, double x, double y) {
    if (x == 0 && y < 0) {
        bt_raise(t, BT_EXC(t, ZeroDivisionError), "0.0 cannot be raised to a negative power");
        return BT_UNDEF;
    }
    if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y)) {
        bt_raise(t, BT_EXC(t, NotImplementedError),
                 "complex numbers are not supported by Baton (a negative number raised to a "
                 "fractional power gives one)");
        return BT_UNDEF;
    }
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return float_range_error(t);
    return bt_float(r);
}

BtValue bt_float_binary(BtThread *t, int op, BtValue a, BtValue b) {
    double x, y, q, m;
    if (op >= BT_BINOP__COUNT)
        op -= BT_BINOP__COUNT;
    if (!bt_num_as_double(a, &x) || !bt_num_as_double(b, &y))
        return NOT_IMPLEMENTED(t);
    if ((bt_is_bigint(a) && !bt_int_to_double(t, a, &x)) ||
        (bt_is_bigint(b) && !bt_int_to_double(t, b, &y)))
        return BT_UNDEF; /* a big int beyond the double range */
    switch (op) {
    case BT_BINOP_ADD:
        return bt_float(x + y);
    case BT_BINOP_SUB:
        return bt_float(x - y);
    case BT_BINOP_MUL:
        return bt_float(x * y);
    case BT_BINOP_TRUEDIV:
        if (y == 0) {
            bt_raise(t, BT_EXC(t, ZeroDivisionError), "float division by zero");
            return BT_UNDEF;
        }
        return bt_float(x / y);
    case BT_BINOP_FLOORDIV:
        if (y == 0) {
            bt_raise(t, BT_EXC(t, ZeroDivisionError), "float floor division by zero");
            return BT_UNDEF;
        }
        float_divmod(x, y, &q, &m);
        return bt_float(q);
    case BT_BINOP_MOD:
        if (y == 0) {
            bt_raise(t, BT_EXC(t, ZeroDivisionError), "float modulo");
            return BT_UNDEF;
        }
        float_divmod(x, y, &q, &m);
        return bt_float(m);
    case BT_BINOP_POW:
        return float_pow(t, x, y);
    default:
        return NOT_IMPLEMENTED(t);
    }
}

static BtValue float_unary(BtThread *t, int op, BtValue a) {
    switch (op) {
    case '-':
        return bt_float(-bt_as_f64(a));
    case '+':
        return a;
    }
    bt_raise(t, BT_EXC(t, TypeError), "bad operand type for unary %c: '%T'", op, a);
    return BT_UNDEF;
}

static BtValue float_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    bool an = bt_is_integer(a) || bt_is_float(a), bn = bt_is_integer(b) || bt_is_float(b);
    if (!an || !bn)
        return NOT_IMPLEMENTED(t);
    int c = bt_num_cmp(a, b);
    if (c == 2)
        return bt_bool(op == BT_COMPARE_NE);
    return bt_bool(bt_compare_holds(op, c));
}

int64_t bt_float_hash(double d) {
    if (!isfinite(d))
        return isinf(d) ? (d > 0 ? BT_HASH_INF : -BT_HASH_INF) : 0;
    /* Integral values in int64 range hash as that int (the common case). */
    if (d == trunc(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        return bt_int_hash((int64_t)d);
    /* d = m * 2**e with 0.5 <= |m| < 1. Take the mantissa 28 bits at a time,
     * reducing mod P = 2**61 - 1 as we go, then multiply by 2**e mod P; since
     * 2**61 == 1 (mod P), multiplying by a power of two is a 61-bit rotation. */
    int e;
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    const uint64_t P = BT_HASH_MODULUS;
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= P)
            x -= P;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static bool float_hash(BtThread *t, BtValue self, int64_t *out) {
    (void)t;
    *out = bt_float_hash(bt_as_f64(self));
    return true;
}

static int float_truth(BtThread *t, BtValue self) {
    (void)t;
    return bt_as_f64(self) != 0;
}

/* ---- methods ---- */

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

static BtValue float_is_integer(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "float.is_integer", nargs, kwnames))
        return BT_UNDEF;
    double d = bt_as_f64(self);
    return bt_bool(isfinite(d) && d == floor(d));
}

static BtValue float_conjugate(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "float.conjugate", nargs, kwnames))
        return BT_UNDEF;
    return self;
}

/* float.hex(): [-]0x1.<13 hex digits>p<exp>, trailing zeros dropped as CPython does. */
static BtValue float_hex(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "float.hex", nargs, kwnames))
        return BT_UNDEF;
    double d = bt_as_f64(self);
    char buf[64];
    if (!isfinite(d) || d == 0) {
        bt_float_repr(d, buf, sizeof buf);
        if (d == 0)
            snprintf(buf, sizeof buf, "%s0x0.0p+0", signbit(d) ? "-" : "");
    } else {
        int e;
        double m = frexp(fabs(d), &e); /* [0.5, 1) */
        m *= 2;
        e -= 1;
        if (e < -1022) { /* subnormal: CPython shows 0x0.xxxp-1022 */
            m = ldexp(m, e + 1022);
            e = -1022;
        }
        int lead = (int)m;
        m -= lead;
        char hex[16];
        int n = 0;
        for (int i = 0; i < 13; i++) {
            m *= 16;
            int dgt = (int)m;
            m -= dgt;
            hex[n++] = "0123456789abcdef"[dgt];
        }
        hex[n] = '\0';
        snprintf(buf, sizeof buf, "%s0x%d.%sp%c%d", d < 0 ? "-" : "", lead, hex, e < 0 ? '-' : '+',
                 e < 0 ? -e : e);
    }
    BtStr *s = bt_str_from_cstr(t, buf);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue float_round_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "__round__() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs > 1) {
        bt_raise(t, BT_EXC(t, TypeError), "__round__ expected at most 1 argument, got %d", nargs);
        return BT_UNDEF;
    }
    return bt_num_round(t, self, nargs ? args[0] : BT_UNDEF);
}

/* x.as_integer_ratio(): the exact fraction, lowest terms, positive denominator. */
static BtValue float_as_integer_ratio(BtThread *t, BtValue self, BtValue *args, int nargs,
                                      BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "float.as_integer_ratio", nargs, kwnames))
        return BT_UNDEF;
    double x = bt_as_f64(self);
    if (isinf(x)) {
        bt_raise(t, BT_EXC(t, OverflowError), "cannot convert Infinity to integer ratio");
        return BT_UNDEF;
    }
    if (isnan(x)) {
        bt_raise(t, BT_EXC(t, ValueError), "cannot convert NaN to integer ratio");
        return BT_UNDEF;
    }
    int e;
    double m = frexp(x, &e); /* x = m * 2**e, 0.5 <= |m| < 1 */
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    int64_t num = (int64_t)m; /* at most 53 bits */
    if (e <= 0) {
        while (e < 0 && num % 2 == 0 && num != 0) {
            num /= 2;
            e++;
        }
        if (num == 0)
            e = 0;
    }
    /* The power of two goes to whichever side it belongs (a big int past 64 bits). */
    BtValue pair[2] = {bt_int_from_i64(t, num), bt_int(1)};
    BT_PUSH_ROOT(t, &pair[0]);
    BT_PUSH_ROOT(t, &pair[1]);
    if (bt_is_undef(pair[0]))
        ; /* MemoryError */
    else if (e > 0)
        pair[0] = bt_int_binary(t, BT_BINOP_LSHIFT, pair[0], bt_int(e));
    else
        pair[1] = bt_int_binary(t, BT_BINOP_LSHIFT, bt_int(1), bt_int(-e));
    BtTuple *r = bt_is_undef(pair[0]) || bt_is_undef(pair[1]) ? NULL : bt_tuple_from(t, pair, 2);
    BT_POP_ROOT(t, 2);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* float.fromhex(s), a class method: C's strtod reads the hex format. */
static BtValue float_fromhex(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "fromhex", nargs - 1, kwnames, 1, 1))
        return BT_UNDEF;
    if (!bt_is_str(t, args[1])) {
        bt_raise(t, BT_EXC(t, TypeError), "must be str, not %T", args[1]);
        return BT_UNDEF;
    }
    const char *s = bt_as_str(args[1])->data, *end = s + bt_as_str(args[1])->size;
    while (s < end && strchr(" \t\n\r\f\v", *s) && *s)
        s++;
    const char *body = s;
    if (*body == '+' || *body == '-')
        body++;
    bool word = strncasecmp(body, "inf", 3) == 0 || strncasecmp(body, "nan", 3) == 0;
    bool hexdigits = body[0] == '0' && (body[1] == 'x' || body[1] == 'X');
    char *stop = NULL;
    errno = 0;
    double v = (word || hexdigits || (body[0] >= '0' && body[0] <= '9') || body[0] == '.')
                   ? strtod(s, &stop)
                   : 0.0;
    if (stop)
        while (stop < end && *stop && strchr(" \t\n\r\f\v", *stop))
            stop++;
    if (!stop || stop != end || stop == s) {
        bt_raise(t, BT_EXC(t, ValueError), "invalid hexadecimal floating-point string");
        return BT_UNDEF;
    }
    if (errno == ERANGE && isinf(v)) {
        bt_raise(t, BT_EXC(t, OverflowError), "hexadecimal value too large to represent as a float");
        return BT_UNDEF;
    }
    BtValue fv = bt_float(v);
    if (bt_is_obj(args[0]) && bt_as_obj(args[0]) != (BtObject *)BT_TYPE(t, float_))
        return bt_call(t, args[0], &fv, 1, NULL);
    return fv;
}

static BtValue float_real(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)t, (void)self, (void)nargs, (void)kwnames;
    return args[0];
}

static BtValue float_imag(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)t, (void)self, (void)args, (void)nargs, (void)kwnames;
    return bt_float(0.0);
}

static const BtNativeDef float_methods[] = {
    {"as_integer_ratio", float_as_integer_ratio},
    {"is_integer", float_is_integer},  {"conjugate", float_conjugate},       {"hex", float_hex},
    {"__round__", float_round_method}, {"__format__", bt_num_format_method}, {NULL, NULL},
};

bool bt_float_init_types(BtThread *t) {
    BtType *ft = BT_TYPE(t, float_);
    ft->repr = float_repr;
    ft->hash = float_hash;
    ft->compare = float_compare;
    ft->binary = bt_float_binary;
    ft->unary = float_unary;
    ft->truth = float_truth;
    ft->construct = float_construct;
    return bt_type_add_methods(t, ft, float_methods) &&
           bt_type_add_static(t, ft, "fromhex", float_fromhex, true) &&
           bt_type_add_getter(t, ft, "real", float_real) &&
           bt_type_add_getter(t, ft, "imag", float_imag);
}
