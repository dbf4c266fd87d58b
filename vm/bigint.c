/* bigint.c: ints beyond the inline range, on GMP (vm stage; see vm/README.md).
 *
 * Python has one int type; Baton stores an int in one of two ways. An int
 * that fits the value's inline payload is immediate (value.h), so ordinary
 * arithmetic never allocates. A bigger one is a BtBigInt: a heap object of
 * type int holding its magnitude as GMP limbs inside the object, so the
 * collector counts every byte and nothing needs a finalizer. Arithmetic
 * reads its operands as read-only GMP integers (mpz_roinit_n views, no
 * copy), computes into a temporary mpz and normalises the result: an int
 * that fits goes back inline. Python code never sees which form an int has.
 *
 * What GMP does not decide is written here to CPython's rules: floor
 * division and modulo round toward minus infinity (GMP's fdiv), bitwise
 * operators act on infinite two's complement (as GMP's mpz_and/ior/xor do),
 * int to float conversion and true division are correctly rounded, and the
 * hash is the value modulo 2**61 - 1.
 */
#include <gmp.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/strformat.h"

_Static_assert(GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0, "an int64 must fit one GMP limb");
_Static_assert(sizeof(long) == 8, "mpz_get_si must cover int64");

/* Limbs used, negative for a negative number (GMP's _mp_size). */
static inline int32_t big_size(const BtBigInt *b) {
    return (int32_t)b->hdr.aux32;
}
static inline void set_big_size(BtBigInt *b, int32_t size) {
    b->hdr.aux32 = (uint32_t)size;
}

/* A read-only GMP view of any integer: a big int's own limbs, or one limb
 * holding an immediate's magnitude. */
typedef struct {
    mpz_t z;
    mp_limb_t limb;
} IntView;

static mpz_srcptr view(BtValue v, IntView *w) {
    if (bt_is_bigint(v)) {
        BtBigInt *b = (BtBigInt *)bt_as_obj(v);
        return mpz_roinit_n(w->z, b->limbs, big_size(b));
    }
    int64_t i = bt_as_int(v);
    w->limb = i < 0 ? (mp_limb_t)0 - (mp_limb_t)i : (mp_limb_t)i;
    return mpz_roinit_n(w->z, &w->limb, i < 0 ? -1 : i > 0 ? 1 : 0);
}

/* A one-limb big int of magnitude mag (nonzero, beyond the inline range). */
static BtValue big_from_limb(BtThread *t, mp_limb_t mag, bool negative) {
    BtBigInt *b = bt_gc_alloc_uninit(t, BT_TYPE(t, int_), sizeof(BtBigInt) + sizeof(mp_limb_t));
    return b ? bt_bigint_set_limb(b, mag, negative) : BT_UNDEF;
}

/* z as a Python int (inline when it fits); clears z either way. */
static BtValue take(BtThread *t, mpz_t z) {
    if (mpz_fits_slong_p(z) && bt_int_fits(mpz_get_si(z))) {
        BtValue r = bt_int(mpz_get_si(z));
        mpz_clear(z);
        return r;
    }
    size_t n = mpz_size(z);
    BtBigInt *b = n < (size_t)INT32_MAX / 2
                      ? bt_gc_alloc_uninit(t, BT_TYPE(t, int_), sizeof(BtBigInt) + n * sizeof(mp_limb_t))
                      : NULL;
    if (!b) {
        mpz_clear(z);
        if (!bt_has_exc(t))
            bt_raise_memory(t);
        return BT_UNDEF;
    }
    b->hdr.flags = BT_OBJ_BIGINT;
    set_big_size(b, mpz_sgn(z) < 0 ? -(int32_t)n : (int32_t)n);
    memcpy(b->limbs, mpz_limbs_read(z), n * sizeof(mp_limb_t));
    mpz_clear(z);
    return bt_obj(b);
}

BtValue bt_bigint_from_i64(BtThread *t, int64_t i) {
    IntView w;
    w.limb = i < 0 ? (mp_limb_t)0 - (mp_limb_t)i : (mp_limb_t)i;
    return big_from_limb(t, w.limb, i < 0);
}

BtValue bt_int_from_u64(BtThread *t, uint64_t u) {
    return u <= (uint64_t)BT_INT_INLINE_MAX ? bt_int((int64_t)u) : big_from_limb(t, u, false);
}


/* GMP aborts the process when malloc fails, so an operation whose result
 * could be large asks first whether that much memory can be had (as
 * CPython's allocation would fail: MemoryError, not a crash). */
static bool room_for_bits(BtThread *t, double bits) {
    double bytes = bits / 8 + 64;
    if (bits / GMP_NUMB_BITS >= (double)(INT32_MAX / 2) ||
        bytes * 3 > (double)bt_gc_memory_limit(t)) {
        bt_raise_memory(t);
        return false;
    }
    if (bytes > (double)(1 << 20)) {
        /* Called through a volatile pointer: a compiler may drop a malloc
         * whose block is only freed (clang -O2 did, and GMP then aborted on
         * the real allocation; test_num's a_power_malloc_cannot_hold...). */
        void *(*volatile probe_alloc)(size_t) = malloc;
        void *probe = probe_alloc((size_t)bytes * 3); /* GMP's scratch space is about twice the result */
        if (!probe) {
            bt_raise_memory(t);
            return false;
        }
        free(probe);
    }
    return true;
}

static double bit_len(mpz_srcptr z) {
    return mpz_sgn(z) ? (double)mpz_sizeinbase(z, 2) : 0;
}

/* ---- conversions to and from double ---- */

/* a / b correctly rounded (round half to even) for a >= 0, b > 0, as
 * CPython's true division does; false when the result overflows. The
 * quotient is taken with at least three bits beyond the last one the double
 * keeps, plus a sticky bit for a non-zero remainder, then rounded once. */
static bool ratio_to_double(mpz_srcptr a, mpz_srcptr b, double *out) {
    if (mpz_sgn(a) == 0) {
        *out = 0.0;
        return true;
    }
    long e = (long)mpz_sizeinbase(a, 2) - (long)mpz_sizeinbase(b, 2); /* a/b in [2**(e-1), 2**(e+1)) */
    long lsb = e - 56 > -1077 ? e - 56 : -1077; /* exponent of q's last bit */
    mpz_t q, r, num, den;
    mpz_inits(q, r, num, den, NULL);
    if (lsb < 0) {
        mpz_mul_2exp(num, a, (mp_bitcnt_t)-lsb);
        mpz_set(den, b);
    } else {
        mpz_set(num, a);
        mpz_mul_2exp(den, b, (mp_bitcnt_t)lsb);
    }
    mpz_tdiv_qr(q, r, num, den);
    uint64_t m = mpz_get_ui(q); /* q < 2**57 */
    if (mpz_sgn(r))
        m |= 1;
    mpz_clears(q, r, num, den, NULL);
    int len = 64 - __builtin_clzll(m);
    long ulp = lsb + len - 53 > -1074 ? lsb + len - 53 : -1074; /* the double's last bit */
    int drop = (int)(ulp - lsb);                                /* >= 3 */
    uint64_t half = (uint64_t)1 << (drop - 1), low = m & ((half << 1) - 1);
    m >>= drop;
    if (low > half || (low == half && (m & 1)))
        m++;
    if (m != 0 && ulp + (64 - __builtin_clzll(m)) > 1024)
        return false; /* (m == 0: the quotient underflowed to zero) */
    *out = ldexp((double)m, (int)ulp);
    return true;
}

static bool mpz_to_double(mpz_srcptr z, double *out) {
    if (mpz_sizeinbase(z, 2) <= 53) {
        *out = mpz_get_d(z); /* exact */
        return true;
    }
    mpz_t mag, one;
    mpz_init(mag);
    mpz_abs(mag, z);
    mpz_init_set_ui(one, 1);
    bool ok = ratio_to_double(mag, one, out);
    mpz_clears(mag, one, NULL);
    if (mpz_sgn(z) < 0)
        *out = -*out;
    return ok;
}

bool bt_int_to_double(BtThread *t, BtValue v, double *out) {
    if (!bt_is_bigint(v)) {
        *out = (double)bt_as_int(v);
        return true;
    }
    IntView w;
    if (mpz_to_double(view(v, &w), out))
        return true;
    bt_raise(t, BT_EXC(t, OverflowError), "int too large to convert to float");
    return false;
}

double bt_bigint_to_double_inf(BtValue v) {
    IntView w;
    mpz_srcptr z = view(v, &w);
    double d;
    return mpz_to_double(z, &d) ? d : mpz_sgn(z) < 0 ? -INFINITY : INFINITY;
}

double bt_int_frexp(BtValue v, int64_t *exp) {
    IntView w;
    mpz_srcptr x = view(v, &w);
    size_t n = mpz_sizeinbase(x, 2);
    /* The top 64 bits, the lowest of them or'ed with every bit below (a
     * sticky bit, 11 places under the last one a double keeps): converting
     * that to double rounds as converting the whole int would. */
    size_t k = n > 64 ? n - 64 : 0;
    mpz_t top;
    mpz_init(top);
    mpz_tdiv_q_2exp(top, x, k);
    uint64_t bits = mpz_getlimbn(top, 0);
    mpz_clear(top);
    if (k && mpz_scan1(x, 0) < k)
        bits |= 1;
    int e;
    double m = frexp((double)bits, &e);
    *exp = (int64_t)e + (int64_t)k;
    return m;
}

BtValue bt_int_from_double(BtThread *t, double f) {
    if (isinf(f)) {
        bt_raise(t, BT_EXC(t, OverflowError), "cannot convert float infinity to integer");
        return BT_UNDEF;
    }
    if (isnan(f)) {
        bt_raise(t, BT_EXC(t, ValueError), "cannot convert float NaN to integer");
        return BT_UNDEF;
    }
    f = trunc(f);
    if (f >= -9223372036854775808.0 && f < 9223372036854775808.0)
        return bt_int_from_i64(t, (int64_t)f);
    mpz_t z;
    mpz_init_set_d(z, f); /* exact: f is an integer */
    return take(t, z);
}

/* ---- comparison and hashing ---- */

int bt_int_cmp(BtValue a, BtValue b) {
    if (!bt_is_bigint(a) && !bt_is_bigint(b)) {
        int64_t x = bt_as_int(a), y = bt_as_int(b);
        return (x > y) - (x < y);
    }
    IntView wa, wb;
    int c = mpz_cmp(view(a, &wa), view(b, &wb));
    return (c > 0) - (c < 0);
}

int bt_int_cmp_double(BtValue a, double f) {
    if (f != f)
        return 2;
    IntView w;
    int c = mpz_cmp_d(view(a, &w), f); /* exact, infinities included */
    return (c > 0) - (c < 0);
}

int bt_int_sign(BtValue v) {
    IntView w;
    return mpz_sgn(view(v, &w));
}

int64_t bt_bigint_hash(BtValue v) {
    IntView w;
    mpz_srcptr z = view(v, &w);
    int64_t h = (int64_t)mpz_tdiv_ui(z, BT_HASH_MODULUS); /* of |z| */
    if (mpz_sgn(z) < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

/* ---- arithmetic ---- */

static BtValue zero_division(BtThread *t, const char *msg) {
    bt_raise(t, BT_EXC(t, ZeroDivisionError), "%s", msg);
    return BT_UNDEF;
}

/* The shift count of a << b or a >> b, b >= 0; false when it is beyond an
 * int64 (only a zero survives such a left shift). */
static bool shift_count(BtThread *t, BtValue b, mp_bitcnt_t *out) {
    if (bt_int_sign(b) < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "negative shift count");
        return false;
    }
    if (bt_is_bigint(b)) {
        *out = (mp_bitcnt_t)-1;
        return true;
    }
    *out = (mp_bitcnt_t)bt_as_int(b);
    return true;
}

static BtValue true_divide(BtThread *t, mpz_srcptr x, mpz_srcptr y) {
    if (mpz_sgn(y) == 0)
        return zero_division(t, "division by zero");
    mpz_t ax, ay;
    mpz_inits(ax, ay, NULL);
    mpz_abs(ax, x);
    mpz_abs(ay, y);
    double d;
    bool ok = ratio_to_double(ax, ay, &d);
    mpz_clears(ax, ay, NULL);
    if (!ok) {
        bt_raise(t, BT_EXC(t, OverflowError), "integer division result too large for a float");
        return BT_UNDEF;
    }
    return bt_float((mpz_sgn(x) < 0) != (mpz_sgn(y) < 0) ? -d : d); /* 0 / -big is -0.0 */
}

static BtValue power(BtThread *t, BtValue a, BtValue b, mpz_srcptr x, mpz_srcptr y) {
    if (mpz_sgn(y) < 0) {
        double fx, fy;
        if (!bt_int_to_double(t, a, &fx) || !bt_int_to_double(t, b, &fy))
            return BT_UNDEF;
        if (fx == 0)
            return zero_division(t, "0.0 cannot be raised to a negative power");
        return bt_float(pow(fx, fy));
    }
    /* 0, 1 and -1 stay small whatever the exponent. */
    if (mpz_cmpabs_ui(x, 1) <= 0) {
        if (mpz_sgn(x) == 0)
            return bt_int(mpz_sgn(y) == 0);
        return bt_int(mpz_sgn(x) < 0 && mpz_odd_p(y) ? -1 : 1);
    }
    if (!mpz_fits_ulong_p(y)) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    if (!room_for_bits(t, bit_len(x) * (double)mpz_get_ui(y)))
        return BT_UNDEF;
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, x, mpz_get_ui(y));
    return take(t, r);
}

/* ---- + - * straight into the result object ----
 * These three are most of the arithmetic of a program that uses big ints,
 * and GMP's mpz layer would compute into malloc'ed limbs that take() then
 * copies (a 4,000-limb factorial step copied 32 KB). The mpn layer writes
 * into limbs we give it, so the result object is allocated first, with room
 * for the largest possible result, and filled in place. */

/* A fresh big int with room for n limbs, its size not yet set; NULL with
 * MemoryError. a and b are rooted meanwhile: their limbs are read after. */
static BtBigInt *alloc_limbs(BtThread *t, size_t n, BtValue *a, BtValue *b) {
    if (n >= (size_t)INT32_MAX / 2) {
        bt_raise_memory(t);
        return NULL;
    }
    BT_PUSH_ROOT(t, a);
    BT_PUSH_ROOT(t, b);
    BtBigInt *r = bt_gc_alloc_uninit(t, BT_TYPE(t, int_), sizeof(BtBigInt) + n * sizeof(mp_limb_t));
    BT_POP_ROOT(t, 2);
    if (r) {
        r->hdr.flags = BT_OBJ_BIGINT;
        set_big_size(r, 0);
    }
    return r;
}

/* r holding n limbs (some high ones may be zero) with a sign, as a Python
 * int: inline when it fits (r is then left as unreachable garbage). */
static BtValue finish_limbs(BtBigInt *r, size_t n, bool negative) {
    while (n > 0 && r->limbs[n - 1] == 0)
        n--;
    set_big_size(r, negative ? -(int32_t)n : (int32_t)n);
    if (n <= 1 && r->limbs[0] <= (uint64_t)INT64_MAX) {
        int64_t i = n ? (int64_t)r->limbs[0] : 0;
        if (negative)
            i = -i;
        if (bt_int_fits(i))
            return bt_int(i);
    }
    return bt_obj(r);
}

/* a + b, or a - b when subtract: magnitudes added when the signs agree,
 * else the smaller taken from the larger. */
static BtValue add_limbs(BtThread *t, BtValue a, BtValue b, bool subtract) {
    IntView wa, wb;
    mpz_srcptr x = view(a, &wa), y = view(b, &wb);
    int sx = mpz_sgn(x), sy = subtract ? -mpz_sgn(y) : mpz_sgn(y);
    size_t nx = mpz_size(x), ny = mpz_size(y);
    const mp_limb_t *xp = mpz_limbs_read(x), *yp = mpz_limbs_read(y);
    if (ny == 0 || nx == 0) /* one side is 0: the answer is the other, which may be big */
        return ny == 0 ? a : sy == mpz_sgn(y) ? b : bt_bigint_unary(t, '-', b);
    int order = nx != ny ? (nx > ny ? 1 : -1) : mpn_cmp(xp, yp, nx);
    if (order == 0 && sx != sy)
        return bt_int(0);
    if (order < 0) { /* |x| < |y|: swap, so that x is the larger */
        const mp_limb_t *p = xp;
        xp = yp, yp = p;
        size_t n = nx;
        nx = ny, ny = n;
        int s = sx;
        sx = sy, sy = s;
    }
    BtBigInt *r = alloc_limbs(t, nx + 1, &a, &b);
    if (!r)
        return BT_UNDEF;
    if (sx == sy) {
        r->limbs[nx] = mpn_add(r->limbs, xp, nx, yp, ny);
    } else {
        mpn_sub(r->limbs, xp, nx, yp, ny);
        r->limbs[nx] = 0;
    }
    return finish_limbs(r, nx + 1, sx < 0);
}

static BtValue mul_limbs(BtThread *t, BtValue a, BtValue b) {
    IntView wa, wb;
    mpz_srcptr x = view(a, &wa), y = view(b, &wb);
    size_t nx = mpz_size(x), ny = mpz_size(y);
    if (nx == 0 || ny == 0)
        return bt_int(0);
    if (!room_for_bits(t, bit_len(x) + bit_len(y)))
        return BT_UNDEF;
    bool negative = (mpz_sgn(x) < 0) != (mpz_sgn(y) < 0);
    BtBigInt *r = alloc_limbs(t, nx + ny, &a, &b);
    if (!r)
        return BT_UNDEF;
    const mp_limb_t *xp = mpz_limbs_read(x), *yp = mpz_limbs_read(y);
    if (ny == 1 || nx == 1) /* a big int times a small one, the common case */
        r->limbs[nx + ny - 1] = nx == 1 ? mpn_mul_1(r->limbs, yp, ny, xp[0])
                                         : mpn_mul_1(r->limbs, xp, nx, yp[0]);
    else if (xp == yp && nx == ny)
        mpn_sqr(r->limbs, xp, nx);
    else if (nx >= ny)
        mpn_mul(r->limbs, xp, nx, yp, ny);
    else
        mpn_mul(r->limbs, yp, ny, xp, nx);
    return finish_limbs(r, nx + ny, negative);
}

BtValue bt_bigint_binary(BtThread *t, int op, BtValue a, BtValue b) {
    if (op == BT_BINOP_ADD || op == BT_BINOP_SUB)
        return add_limbs(t, a, b, op == BT_BINOP_SUB);
    if (op == BT_BINOP_MUL)
        return mul_limbs(t, a, b);
    IntView wa, wb;
    mpz_srcptr x = view(a, &wa), y = view(b, &wb);
    mp_bitcnt_t n;
    mpz_t r;
    switch (op) {
    case BT_BINOP_TRUEDIV:
        return true_divide(t, x, y);
    case BT_BINOP_FLOORDIV:
    case BT_BINOP_MOD:
        if (mpz_sgn(y) == 0)
            return zero_division(t, op == BT_BINOP_MOD ? "integer modulo by zero"
                                                       : "integer division or modulo by zero");
        mpz_init(r);
        (op == BT_BINOP_MOD ? mpz_fdiv_r : mpz_fdiv_q)(r, x, y);
        return take(t, r);
    case BT_BINOP_POW:
        return power(t, a, b, x, y);
    case BT_BINOP_LSHIFT:
        if (!shift_count(t, b, &n))
            return BT_UNDEF;
        if (mpz_sgn(x) == 0)
            return bt_int(0);
        if (n == (mp_bitcnt_t)-1) {
            bt_raise(t, BT_EXC(t, OverflowError), "too many digits in integer");
            return BT_UNDEF;
        }
        if (!room_for_bits(t, bit_len(x) + (double)n))
            return BT_UNDEF;
        mpz_init(r);
        mpz_mul_2exp(r, x, n);
        return take(t, r);
    case BT_BINOP_RSHIFT:
        if (!shift_count(t, b, &n))
            return BT_UNDEF;
        if (n == (mp_bitcnt_t)-1)
            return bt_int(mpz_sgn(x) < 0 ? -1 : 0);
        mpz_init(r);
        mpz_fdiv_q_2exp(r, x, n); /* floor: an arithmetic shift */
        return take(t, r);
    case BT_BINOP_AND:
    case BT_BINOP_OR:
    case BT_BINOP_XOR:
        mpz_init(r);
        (op == BT_BINOP_AND ? mpz_and : op == BT_BINOP_OR ? mpz_ior : mpz_xor)(r, x, y);
        return take(t, r);
    default:
        return bt_obj(t->interp->not_implemented);
    }
}

BtValue bt_bigint_unary(BtThread *t, int op, BtValue a) {
    IntView w;
    mpz_srcptr x = view(a, &w);
    mpz_t r;
    mpz_init(r);
    switch (op) {
    case '-':
        mpz_neg(r, x);
        break;
    case '~':
        mpz_com(r, x);
        break;
    case 'a':
        mpz_abs(r, x);
        break;
    default:
        mpz_set(r, x);
        break;
    }
    return take(t, r);
}

bool bt_int_divmod(BtThread *t, BtValue a, BtValue b, BtValue *q, BtValue *r) {
    IntView wa, wb;
    mpz_srcptr x = view(a, &wa), y = view(b, &wb);
    if (mpz_sgn(y) == 0) {
        zero_division(t, "integer division or modulo by zero");
        return false;
    }
    mpz_t zq, zr;
    mpz_inits(zq, zr, NULL);
    mpz_fdiv_qr(zq, zr, x, y);
    *r = take(t, zr);
    if (bt_is_undef(*r)) {
        mpz_clear(zq);
        return false;
    }
    BT_PUSH_ROOT(t, r);
    *q = take(t, zq);
    BT_POP_ROOT(t, 1);
    return !bt_is_undef(*q);
}

BtValue bt_int_powmod(BtThread *t, BtValue a, BtValue b, BtValue m) {
    IntView wa, wb, wm;
    mpz_srcptr x = view(a, &wa), e = view(b, &wb), mod = view(m, &wm);
    if (mpz_sgn(mod) == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "pow() 3rd argument cannot be 0");
        return BT_UNDEF;
    }
    mpz_t am, base, r;
    mpz_inits(am, base, r, NULL);
    mpz_abs(am, mod);
    mpz_mod(base, x, am);
    if (mpz_sgn(e) < 0 && !mpz_invert(base, base, am) && mpz_cmp_ui(am, 1) != 0) {
        mpz_clears(am, base, r, NULL);
        bt_raise(t, BT_EXC(t, ValueError), "base is not invertible for the given modulus");
        return BT_UNDEF;
    }
    mpz_t ae;
    mpz_init(ae);
    mpz_abs(ae, e);
    mpz_powm(r, base, ae, am);
    if (mpz_sgn(mod) < 0 && mpz_sgn(r) != 0)
        mpz_sub(r, r, am); /* Python: the result takes the modulus's sign */
    mpz_clears(am, base, ae, NULL);
    return take(t, r);
}

BtValue bt_int_round(BtThread *t, BtValue x, BtValue ndigits) {
    /* round(x, -k): to a multiple of 10**k, halves to even. */
    if (bt_int_sign(ndigits) >= 0)
        return bt_is_bigint(x) ? x : bt_int(bt_as_int(x));
    IntView w;
    mpz_srcptr z = view(x, &w);
    if (bt_is_bigint(ndigits) || bit_len(z) * 0.302 < (double)-bt_as_int(ndigits) - 1)
        return bt_int(0); /* 10**k exceeds 2*|x|: rounds to zero */
    mpz_t p, q, r, twice;
    mpz_inits(p, q, r, twice, NULL);
    mpz_ui_pow_ui(p, 10, (unsigned long)-bt_as_int(ndigits));
    mpz_fdiv_qr(q, r, z, p);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clears(p, r, twice, NULL);
    return take(t, q);
}

/* ---- bits and bytes ---- */

uint64_t bt_int_bit_length(BtValue v) {
    IntView w;
    mpz_srcptr z = view(v, &w);
    return mpz_sgn(z) ? (uint64_t)mpz_sizeinbase(z, 2) : 0;
}

uint64_t bt_int_bit_count(BtValue v) {
    IntView w;
    mpz_srcptr z = view(v, &w);
    uint64_t n = 0;
    const mp_limb_t *l = mpz_limbs_read(z);
    for (size_t i = 0; i < mpz_size(z); i++)
        n += (uint64_t)__builtin_popcountll(l[i]);
    return n;
}

bool bt_int_to_bytes(BtThread *t, BtValue v, uint8_t *out, size_t len, bool little,
                     bool is_signed) {
    IntView w;
    mpz_srcptr z = view(v, &w);
    int sign = mpz_sgn(z);
    if (sign < 0 && !is_signed) {
        bt_raise(t, BT_EXC(t, OverflowError), "can't convert negative int to unsigned");
        return false;
    }
    /* Two's complement in len bytes: z + 2**(8*len) for a negative z. */
    mpz_t u;
    mpz_init_set(u, z);
    size_t bits = sign ? mpz_sizeinbase(z, 2) : 0;
    bool fits;
    if (sign < 0) {
        /* -2**(8*len-1) <= z */
        mpz_t lim;
        mpz_init(lim);
        mpz_ui_pow_ui(lim, 2, len ? 8 * len - 1 : 0);
        mpz_neg(lim, lim);
        fits = len > 0 ? mpz_cmp(z, lim) >= 0 : mpz_cmp_si(z, -1) == 0;
        mpz_clear(lim);
        if (fits && len > 0) {
            mpz_t m;
            mpz_init(m);
            mpz_ui_pow_ui(m, 2, 8 * len);
            mpz_add(u, u, m);
            mpz_clear(m);
        }
    } else {
        fits = bits <= 8 * len - (is_signed && len ? 1 : 0) || sign == 0;
    }
    if (!fits) {
        mpz_clear(u);
        bt_raise(t, BT_EXC(t, OverflowError), "int too big to convert");
        return false;
    }
    memset(out, 0, len);
    size_t count = 0;
    if (len && mpz_sgn(u)) {
        uint8_t *tmp = malloc(len);
        if (!tmp) {
            mpz_clear(u);
            bt_raise_memory(t);
            return false;
        }
        mpz_export(tmp, &count, -1, 1, 0, 0, u); /* least significant byte first */
        for (size_t i = 0; i < count && i < len; i++)
            out[little ? i : len - 1 - i] = tmp[i];
        free(tmp);
    }
    mpz_clear(u);
    return true;
}

BtValue bt_int_from_bytes(BtThread *t, const uint8_t *data, size_t len, bool little,
                          bool is_signed) {
    mpz_t z;
    mpz_init(z);
    if (len)
        mpz_import(z, len, little ? -1 : 1, 1, 0, 0, data);
    if (is_signed && len && (data[little ? len - 1 : 0] & 0x80)) {
        mpz_t m;
        mpz_init(m);
        mpz_ui_pow_ui(m, 2, 8 * len);
        mpz_sub(z, z, m);
        mpz_clear(m);
    }
    return take(t, z);
}

/* ---- text ---- */

/* CPython's limit on decimal conversions (sys.set_int_max_str_digits), which
 * bounds the quadratic cost of converting a huge int; 0 means no limit. */
static bool digits_allowed(BtThread *t, size_t ndigits, bool parsing) {
    int limit = t->interp->int_max_str_digits;
    if (limit <= 0 || ndigits <= (size_t)limit)
        return true;
    if (parsing)
        bt_raise(t, BT_EXC(t, ValueError),
                 "Exceeds the limit (%d digits) for integer string conversion: value has %zu "
                 "digits; use sys.set_int_max_str_digits() to increase the limit",
                 limit, ndigits);
    else
        bt_raise(t, BT_EXC(t, ValueError),
                 "Exceeds the limit (%d digits) for integer string conversion; use "
                 "sys.set_int_max_str_digits() to increase the limit",
                 limit);
    return false;
}

bool bt_int_append_digits(BtThread *t, BtBuf *out, BtValue v, int base, bool upper) {
    IntView w;
    mpz_srcptr z = view(v, &w);
    if (!bt_is_bigint(v)) {
        /* The common case, without GMP: divide a uint64 down. */
        char buf[72], *p = buf + sizeof buf;
        const char *digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        uint64_t mag = w.limb;
        do {
            *--p = digs[mag % (uint64_t)base];
            mag /= (uint64_t)base;
        } while (mag);
        bt_buf_append(out, p, (size_t)(buf + sizeof buf - p));
        return true;
    }
    size_t est = mpz_sizeinbase(z, base); /* exact, or one too many */
    if (base == 10 && est > 1 && !digits_allowed(t, est - 1, false))
        return false;
    if (!bt_buf_grow(out, est + 2)) {
        bt_raise_memory(t);
        return false;
    }
    mpz_t mag;
    mpz_init(mag);
    mpz_abs(mag, z);
    char *p = out->data + out->len;
    mpz_get_str(p, upper ? -base : base, mag);
    mpz_clear(mag);
    size_t n = strlen(p);
    if (base == 10 && !digits_allowed(t, n, false))
        return false;
    out->len += n;
    return true;
}

BtValue bt_int_from_digits(BtThread *t, const char *digits, size_t n, int base, bool negative) {
    bool power_of_two = (base & (base - 1)) == 0;
    if (!power_of_two && !digits_allowed(t, n, true))
        return BT_UNDEF;
    char *s = malloc(n + 1);
    if (!s) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    memcpy(s, digits, n);
    s[n] = '\0';
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, s, base); /* the caller checked every digit */
    free(s);
    if (negative)
        mpz_neg(z, z);
    return take(t, z);
}

/* ---- math's integer functions ---- */

BtValue bt_int_math(BtThread *t, char fn, BtValue a, BtValue b) {
    IntView wa, wb;
    mpz_srcptr x = view(a, &wa), y = fn == 'f' || fn == 's' ? NULL : view(b, &wb);
    mpz_t r;
    switch (fn) {
    case 'f': /* factorial(x), x >= 0 */
        if (!mpz_fits_slong_p(x)) {
            bt_raise(t, BT_EXC(t, OverflowError),
                     "factorial() argument should not exceed 9223372036854775807");
            return BT_UNDEF;
        }
        if (!room_for_bits(t, (double)mpz_get_ui(x) * log2((double)mpz_get_ui(x) + 1)))
            return BT_UNDEF;
        mpz_init(r);
        mpz_fac_ui(r, mpz_get_ui(x));
        return take(t, r);
    case 's': /* isqrt(x), x >= 0 */
        mpz_init(r);
        mpz_sqrt(r, x);
        return take(t, r);
    case 'g':
        mpz_init(r);
        mpz_gcd(r, x, y);
        return take(t, r);
    case 'l':
        if (!room_for_bits(t, bit_len(x) + bit_len(y)))
            return BT_UNDEF;
        mpz_init(r);
        mpz_lcm(r, x, y);
        return take(t, r);
    case 'c':   /* comb(x, y) and perm(x, y), 0 <= y <= x */
    case 'p': {
        mpz_t k;
        mpz_init(k);
        mpz_sub(k, x, y);
        if (fn == 'c' && mpz_cmp(k, y) > 0)
            mpz_set(k, y); /* C(n, k) == C(n, n - k): the smaller one */
        else if (fn == 'p')
            mpz_set(k, y);
        if (!mpz_fits_slong_p(k)) {
            mpz_clear(k);
            bt_raise(t, BT_EXC(t, OverflowError),
                     fn == 'c' ? "min(n - k, k) must not exceed 9223372036854775807"
                               : "k must not exceed 9223372036854775807");
            return BT_UNDEF;
        }
        unsigned long kk = mpz_get_ui(k);
        mpz_clear(k);
        if (!room_for_bits(t, bit_len(x) * (double)kk))
            return BT_UNDEF;
        mpz_init(r);
        mpz_bin_ui(r, x, kk);
        if (fn == 'p') {
            mpz_t f;
            mpz_init(f);
            mpz_fac_ui(f, kk);
            mpz_mul(r, r, f);
            mpz_clear(f);
        }
        return take(t, r);
    }
    default:
        return BT_UNDEF;
    }
}
