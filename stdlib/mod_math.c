/* mod_math.c: the math module (stdlib stage; see stdlib/README.md).
 *
 * Thin wrappers over the C library with CPython's error rules: a NaN out of
 * a non-NaN input is a ValueError "math domain error", an infinity out of a
 * finite input is an OverflowError "math range error" (or a domain error at
 * a pole, as log(0)). Integer functions (factorial, comb, perm, gcd, lcm,
 * isqrt) take ints of any size and compute on GMP (vm/bigint.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

/* A keyword value: args[nargs + i] (see BtNativeFn in vm/object.h). */
#define KWARG(args, nargs, i) ((args)[(nargs) + (i)])

/* ---- conversions and errors ---- */

/* v as a double: int, bool, float, or an object with __float__ / __index__. */
static bool to_double(BtThread *t, BtValue v, double *out) {
    if (bt_num_to_double(t, v, out))
        return true;
    if (bt_has_exc(t))
        return false; /* an int too large to convert to float */
    if (bt_is_obj(v) && !bt_is_str(t, v)) {
        BtType *type = bt_type_of(t, v);
        if (!bt_is_undef(bt_type_lookup(type, BT_NAME(t, dunder_float))) ||
            !bt_is_undef(bt_type_lookup(type, BT_NAME(t, dunder_index)))) {
            BtValue f = bt_float_from(t, v);
            if (bt_is_undef(f))
                return false;
            return bt_num_as_double(f, out);
        }
    }
    bt_raise(t, BT_EXC(t, TypeError), "must be real number, not %s", bt_type_name(t, v));
    return false;
}

static BtValue domain_error(BtThread *t) {
    bt_raise(t, BT_EXC(t, ValueError), "math domain error");
    return BT_UNDEF;
}

static BtValue range_error(BtThread *t) {
    bt_raise(t, BT_EXC(t, OverflowError), "math range error");
    return BT_UNDEF;
}

/* Check a libm result r of input x (CPython's rules; see the file comment). */
static BtValue checked(BtThread *t, double x, double r, bool can_overflow) {
    if (isnan(r) && !isnan(x))
        return domain_error(t);
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error(t) : domain_error(t);
    return bt_float(r);
}

/* A double that is an integral value, as a Baton int. */
static BtValue int_from_integral(BtThread *t, double d) {
    return bt_int_from_double(t, d);
}

/* obj.name() */
static BtValue call_method0(BtThread *t, BtValue obj, BtStr *name) {
    BtValue m = bt_getattr(t, obj, name);
    if (bt_is_undef(m))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &m);
    BtValue r = bt_call(t, m, NULL, 0, NULL);
    BT_POP_ROOT(t, 1);
    return r;
}

/* "math.sqrt() takes exactly one argument (0 given)" and no keywords. */
static bool one(BtThread *t, const char *name, int nargs, BtTuple *kwnames, double *x,
                BtValue *args) {
    char full[48];
    snprintf(full, sizeof full, "math.%s", name);
    return bt_check_args(t, full, nargs, kwnames, 1, 1) && to_double(t, args[0], x);
}

static bool two(BtThread *t, const char *name, int nargs, BtTuple *kwnames, BtValue *args,
                double *x, double *y) {
    return bt_check_args(t, name, nargs, kwnames, 2, 2) && to_double(t, args[0], x) &&
           to_double(t, args[1], y);
}

/* ---- one-argument functions ---- */

static bool is_nonpositive_integer(double x) {
    return x <= 0 && x == floor(x);
}

/* One wrapper per libm function: (name, C function, can it overflow). */
#define MATH_FUNC1(pyname, cfn, can_overflow)                                                      \
    static BtValue math_##pyname(BtThread *t, BtValue self, BtValue *args, int nargs,              \
                                 BtTuple *kwnames) {                                               \
        (void)self;                                                                                \
        double x;                                                                                  \
        if (!one(t, #pyname, nargs, kwnames, &x, args))                                            \
            return BT_UNDEF;                                                                       \
        return checked(t, x, cfn(x), can_overflow);                                                \
    }

MATH_FUNC1(sqrt, sqrt, false)
MATH_FUNC1(exp, exp, true)
MATH_FUNC1(expm1, expm1, true)
MATH_FUNC1(sin, sin, false)
MATH_FUNC1(cos, cos, false)
MATH_FUNC1(tan, tan, false)
MATH_FUNC1(asin, asin, false)
MATH_FUNC1(acos, acos, false)
MATH_FUNC1(atan, atan, false)
MATH_FUNC1(sinh, sinh, true)
MATH_FUNC1(cosh, cosh, true)
MATH_FUNC1(tanh, tanh, false)
MATH_FUNC1(asinh, asinh, false)
MATH_FUNC1(acosh, acosh, false)
MATH_FUNC1(atanh, atanh, false)
MATH_FUNC1(log1p, log1p, false)
MATH_FUNC1(fabs, fabs, false)
MATH_FUNC1(erf, erf, false)
MATH_FUNC1(erfc, erfc, false)

static double degrees_of(double x) {
    return x * (180.0 / 3.141592653589793);
}
static double radians_of(double x) {
    return x * (3.141592653589793 / 180.0);
}
MATH_FUNC1(degrees, degrees_of, true)
MATH_FUNC1(radians, radians_of, true)

static BtValue math_gamma(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    double x;
    if (!one(t, "gamma", nargs, kwnames, &x, args))
        return BT_UNDEF;
    if (is_nonpositive_integer(x) || (isinf(x) && x < 0))
        return domain_error(t);
    return checked(t, x, tgamma(x), true);
}

static BtValue math_lgamma(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    double x;
    if (!one(t, "lgamma", nargs, kwnames, &x, args))
        return BT_UNDEF;
    if (is_nonpositive_integer(x))
        return domain_error(t);
    int sign;
    return checked(t, x, lgamma_r(x, &sign), true);
}

/* floor/ceil: ints stay, floats become ints, classes may define __floor__/__ceil__. */
static BtValue floor_ceil(BtThread *t, const char *name, BtValue *args, int nargs, BtTuple *kwnames,
                          bool is_floor) {
    char full[24];
    snprintf(full, sizeof full, "math.%s", name);
    if (!bt_check_args(t, full, nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtValue v = args[0];
    if (bt_is_intlike(v))
        return bt_int(bt_as_int(v));
    if (bt_is_float(v))
        return int_from_integral(t, is_floor ? floor(bt_as_f64(v)) : ceil(bt_as_f64(v)));
    if (bt_is_obj(v)) {
        BtStr *dunder = bt_str_intern_cstr(t, is_floor ? "__floor__" : "__ceil__");
        if (!dunder)
            return BT_UNDEF;
        if (!bt_is_undef(bt_type_lookup(bt_type_of(t, v), dunder)))
            return call_method0(t, v, dunder);
    }
    double x;
    if (!to_double(t, v, &x))
        return BT_UNDEF;
    return int_from_integral(t, is_floor ? floor(x) : ceil(x));
}

static BtValue math_floor(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return floor_ceil(t, "floor", args, nargs, kwnames, true);
}

static BtValue math_ceil(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return floor_ceil(t, "ceil", args, nargs, kwnames, false);
}

static BtValue math_trunc(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "math.trunc", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtValue v = args[0];
    if (bt_is_intlike(v))
        return bt_int(bt_as_int(v));
    if (bt_is_float(v))
        return int_from_integral(t, trunc(bt_as_f64(v)));
    BtStr *dunder = bt_str_intern_cstr(t, "__trunc__");
    if (!dunder)
        return BT_UNDEF;
    if (!bt_is_obj(v) || bt_is_undef(bt_type_lookup(bt_type_of(t, v), dunder))) {
        bt_raise(t, BT_EXC(t, TypeError), "type %s doesn't define __trunc__ method",
                 bt_type_name(t, v));
        return BT_UNDEF;
    }
    return call_method0(t, v, dunder);
}

/* fn(v) for math's logarithms of v > 0 (ValueError otherwise). An int
 * beyond the double range is taken as m * 2**e: fn(m) + fn(2) * e, as
 * CPython does, so math.log(2**2000) is a number, not an OverflowError. */
static BtValue log_value(BtThread *t, BtValue v, double (*fn)(double)) {
    if (bt_is_bigint(v)) {
        if (bt_int_sign(v) <= 0)
            return domain_error(t);
        if (isinf(bt_bigint_to_double_inf(v))) {
            int64_t e;
            double m = bt_int_frexp(v, &e);
            return bt_float(fn(m) + fn(2.0) * (double)e);
        }
    }
    double x;
    if (!to_double(t, v, &x))
        return BT_UNDEF;
    if (x <= 0)
        return domain_error(t);
    return checked(t, x, fn(x), false);
}

static BtValue math_log2(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "math.log2", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    return log_value(t, args[0], log2);
}

static BtValue math_log10(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "math.log10", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    return log_value(t, args[0], log10);
}

static BtValue math_log(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "log() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs < 1 || nargs > 2) {
        bt_raise(t, BT_EXC(t, TypeError), "math.log requires 1 to 2 arguments");
        return BT_UNDEF;
    }
    BtValue num = log_value(t, args[0], log);
    if (bt_is_undef(num) || nargs == 1)
        return num;
    BtValue den = log_value(t, args[1], log);
    if (bt_is_undef(den))
        return BT_UNDEF;
    if (bt_as_f64(den) == 0.0) {
        bt_raise(t, BT_EXC(t, ZeroDivisionError), "float division by zero");
        return BT_UNDEF;
    }
    return bt_float(bt_as_f64(num) / bt_as_f64(den));
}

/* ---- two-argument functions ---- */

static BtValue math_pow(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    double x, y;
    if (!two(t, "pow", nargs, kwnames, args, &x, &y))
        return BT_UNDEF;
    double r = pow(x, y);
    if (isfinite(x) && isfinite(y)) {
        if (isnan(r))
            return domain_error(t);
        if (isinf(r))
            return x == 0.0 ? domain_error(t) : range_error(t);
    }
    return bt_float(r);
}

static BtValue math_atan2(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    double y, x;
    if (!two(t, "atan2", nargs, kwnames, args, &y, &x))
        return BT_UNDEF;
    return bt_float(atan2(y, x));
}

static BtValue math_copysign(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    double x, y;
    if (!two(t, "copysign", nargs, kwnames, args, &x, &y))
        return BT_UNDEF;
    return bt_float(copysign(x, y));
}

static BtValue math_fmod(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    double x, y;
    if (!two(t, "fmod", nargs, kwnames, args, &x, &y))
        return BT_UNDEF;
    if (isinf(y) && isfinite(x))
        return bt_float(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error(t);
    return bt_float(r);
}

/* IEEE 754's remainder: x - n*y for the integer n nearest x/y, ties to even
 * (C's remainder() is exactly that); NaN in, NaN out, as CPython. */
static BtValue math_remainder(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)self;
    double x, y;
    if (!two(t, "remainder", nargs, kwnames, args, &x, &y))
        return BT_UNDEF;
    if (isnan(x) || isnan(y))
        return bt_float(NAN);
    if (isinf(x) || y == 0)
        return domain_error(t);
    if (isinf(y))
        return bt_float(x);
    return bt_float(remainder(x, y));
}

static BtValue math_ldexp(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    double x;
    if (!bt_check_args(t, "ldexp", nargs, kwnames, 2, 2) || !to_double(t, args[0], &x))
        return BT_UNDEF;
    if (!bt_is_integer(args[1])) {
        bt_raise(t, BT_EXC(t, TypeError), "Expected an int as second argument to ldexp.");
        return BT_UNDEF;
    }
    int64_t e;
    if (!bt_int_as_i64(args[1], &e))
        e = bt_int_sign(args[1]) * 100000;
    if (e > 100000)
        e = 100000;
    if (e < -100000)
        e = -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x))
        return range_error(t);
    return bt_float(r);
}

static BtValue make_pair(BtThread *t, BtValue a, BtValue b) {
    BtValue items[2] = {a, b};
    BtTuple *tp = bt_tuple_from(t, items, 2); /* a and b are immediates here */
    return tp ? bt_obj(tp) : BT_UNDEF;
}

static BtValue math_frexp(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    double x;
    if (!one(t, "frexp", nargs, kwnames, &x, args))
        return BT_UNDEF;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
    return make_pair(t, bt_float(m), bt_int(e));
}

static BtValue math_modf(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    double x;
    if (!one(t, "modf", nargs, kwnames, &x, args))
        return BT_UNDEF;
    if (isinf(x))
        return make_pair(t, bt_float(copysign(0.0, x)), bt_float(x));
    double ip;
    double fp = modf(x, &ip);
    return make_pair(t, bt_float(fp), bt_float(ip));
}

/* ---- predicates ---- */

static BtValue math_isfinite(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    double x;
    return one(t, "isfinite", nargs, kwnames, &x, args) ? bt_bool(isfinite(x)) : BT_UNDEF;
}

static BtValue math_isinf(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    double x;
    return one(t, "isinf", nargs, kwnames, &x, args) ? bt_bool(isinf(x)) : BT_UNDEF;
}

static BtValue math_isnan(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    double x;
    return one(t, "isnan", nargs, kwnames, &x, args) ? bt_bool(isnan(x)) : BT_UNDEF;
}

static BtValue math_isclose(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"a", "b", "|$rel_tol", "abs_tol", NULL};
    BtValue a[4];
    if (nargs > 2) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "isclose() takes exactly 2 positional arguments (%d given)", nargs);
        return BT_UNDEF;
    }
    if (!bt_parse_args(t, "isclose", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    double x, y, rel = 1e-09, abs_tol = 0.0;
    if (!to_double(t, a[0], &x) || !to_double(t, a[1], &y) ||
        (!bt_is_undef(a[2]) && !to_double(t, a[2], &rel)) ||
        (!bt_is_undef(a[3]) && !to_double(t, a[3], &abs_tol)))
        return BT_UNDEF;
    if (rel < 0.0 || abs_tol < 0.0) {
        bt_raise(t, BT_EXC(t, ValueError), "tolerances must be non-negative");
        return BT_UNDEF;
    }
    if (x == y)
        return BT_TRUE;
    if (isinf(x) || isinf(y))
        return BT_FALSE;
    double diff = fabs(y - x);
    return bt_bool(diff <= fabs(rel * y) || diff <= fabs(rel * x) || diff <= abs_tol);
}

/* ---- variadic float functions ---- */

static BtValue math_hypot(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "hypot() takes no keyword arguments");
        return BT_UNDEF;
    }
    double r = 0.0;
    bool any_inf = false, any_nan = false;
    for (int i = 0; i < nargs; i++) {
        double x;
        if (!to_double(t, args[i], &x))
            return BT_UNDEF;
        any_inf |= isinf(x) != 0;
        any_nan |= isnan(x) != 0;
        r = hypot(r, x);
    }
    if (any_inf)
        return bt_float(INFINITY);
    if (any_nan)
        return bt_float(NAN);
    return bt_float(r);
}

/* The floats of a tuple or list point into *out (malloc'ed). */
static bool point_coords(BtThread *t, BtValue p, double **out, size_t *n) {
    BtValue *items;
    if (bt_is_tuple(t, p)) {
        items = bt_as_tuple(p)->items;
        *n = bt_as_tuple(p)->len;
    } else if (bt_is_list(t, p)) {
        items = bt_as_list(p)->items;
        *n = bt_as_list(p)->len;
    } else {
        bt_raise(t, BT_EXC(t, TypeError), "dist(): argument must be tuple, not %s",
                 bt_type_name(t, p));
        return false;
    }
    *out = malloc((*n ? *n : 1) * sizeof(double));
    if (!*out) {
        bt_raise_memory(t);
        return false;
    }
    for (size_t i = 0; i < *n; i++) {
        if (!bt_num_to_double(t, items[i], &(*out)[i])) {
            if (!bt_has_exc(t))
                bt_raise(t, BT_EXC(t, TypeError), "must be real number, not %s",
                         bt_type_name(t, items[i]));
            free(*out);
            return false;
        }
    }
    return true;
}

static BtValue math_dist(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "dist", nargs, kwnames, 2, 2))
        return BT_UNDEF;
    double *p, *q;
    size_t n, m;
    if (!point_coords(t, args[0], &p, &n))
        return BT_UNDEF;
    if (!point_coords(t, args[1], &q, &m)) {
        free(p);
        return BT_UNDEF;
    }
    BtValue r;
    if (n != m) {
        bt_raise(t, BT_EXC(t, ValueError), "both points must have the same number of dimensions");
        r = BT_UNDEF;
    } else {
        double h = 0.0;
        for (size_t i = 0; i < n; i++)
            h = hypot(h, p[i] - q[i]);
        r = bt_float(h);
    }
    free(p);
    free(q);
    return r;
}

/* fsum: exact running sum in non-overlapping partials (Shewchuk), rounded once. */
static BtValue math_fsum(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "math.fsum", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtValue it = bt_iter(t, args[0]);
    if (bt_is_undef(it))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &it);
    size_t n = 0, cap = 32;
    double *p = malloc(cap * sizeof(double));
    double special = 0.0, inf_sum = 0.0;
    BtValue result = BT_UNDEF;
    if (!p) {
        bt_raise_memory(t);
        goto out;
    }
    for (;;) {
        BtValue item = bt_next(t, it);
        if (bt_is_undef(item)) {
            if (bt_has_exc(t))
                goto out;
            break;
        }
        double x;
        if (!to_double(t, item, &x))
            goto out;
        if (!isfinite(x)) {
            if (isinf(x))
                inf_sum += x;
            special += x;
            n = 0;
            continue;
        }
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double tmp = x;
                x = y;
                y = tmp;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                bt_raise(t, BT_EXC(t, OverflowError), "intermediate overflow in fsum");
                goto out;
            }
            if (n == cap) {
                double *np = realloc(p, 2 * cap * sizeof(double));
                if (!np) {
                    bt_raise_memory(t);
                    goto out;
                }
                p = np;
                cap *= 2;
            }
            p[n++] = x;
        }
    }
    if (special != 0.0) {
        if (isnan(inf_sum)) {
            bt_raise(t, BT_EXC(t, ValueError), "-inf + inf in fsum");
            goto out;
        }
        result = bt_float(special);
        goto out;
    }
    double hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        double lo = 0.0;
        /* Add from the largest partial down until the sum stops being exact. */
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0)
                break;
        }
        /* Round half-even correctly when the rest lies exactly at a tie. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y;
            if (y == x - hi)
                hi = x;
        }
    }
    result = bt_float(hi);
out:
    free(p);
    BT_POP_ROOT(t, 1);
    return result;
}

/* ---- integer functions ---- */

/* An int argument of math's integer functions (any size, through __index__). */
static BtValue int_arg(BtThread *t, BtValue v) {
    if (bt_is_float(v)) {
        bt_raise(t, BT_EXC(t, TypeError), "'float' object cannot be interpreted as an integer");
        return BT_UNDEF;
    }
    return bt_index_value(t, v);
}

static BtValue math_factorial(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "math.factorial", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtValue n = int_arg(t, args[0]);
    if (bt_is_undef(n))
        return BT_UNDEF;
    if (bt_int_sign(n) < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "factorial() not defined for negative values");
        return BT_UNDEF;
    }
    return bt_int_math(t, 'f', n, BT_UNDEF);
}

/* gcd(*ints) and lcm(*ints), folding fn ('g' or 'l') over the arguments. */
static BtValue gcd_or_lcm(BtThread *t, const char *name, char fn, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() takes no keyword arguments", name);
        return BT_UNDEF;
    }
    BtValue acc = bt_int(fn == 'g' ? 0 : 1);
    BT_PUSH_ROOT(t, &acc);
    for (int i = 0; i < nargs && !bt_is_undef(acc); i++) {
        BtValue x = bt_index_value(t, args[i]);
        acc = bt_is_undef(x) ? BT_UNDEF : bt_int_math(t, fn, acc, x);
    }
    BT_POP_ROOT(t, 1);
    return acc;
}

static BtValue math_gcd(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return gcd_or_lcm(t, "gcd", 'g', args, nargs, kwnames);
}

static BtValue math_lcm(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return gcd_or_lcm(t, "lcm", 'l', args, nargs, kwnames);
}

static BtValue math_isqrt(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "math.isqrt", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtValue n = bt_index_value(t, args[0]);
    if (bt_is_undef(n))
        return BT_UNDEF;
    if (bt_int_sign(n) < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "isqrt() argument must be nonnegative");
        return BT_UNDEF;
    }
    return bt_int_math(t, 's', n, BT_UNDEF);
}

/* n and k for comb/perm, with CPython's messages. */
static bool comb_args(BtThread *t, BtValue n_v, BtValue k_v, BtValue *n, BtValue *k) {
    *n = bt_index_value(t, n_v);
    if (bt_is_undef(*n))
        return false;
    BT_PUSH_ROOT(t, n);
    *k = bt_index_value(t, k_v);
    BT_POP_ROOT(t, 1);
    if (bt_is_undef(*k))
        return false;
    if (bt_int_sign(*n) < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "n must be a non-negative integer");
        return false;
    }
    if (bt_int_sign(*k) < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "k must be a non-negative integer");
        return false;
    }
    return true;
}

static BtValue math_comb(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    BtValue n, k;
    if (!bt_check_args(t, "comb", nargs, kwnames, 2, 2) || !comb_args(t, args[0], args[1], &n, &k))
        return BT_UNDEF;
    if (bt_int_cmp(k, n) > 0)
        return bt_int(0);
    return bt_int_math(t, 'c', n, k);
}

static BtValue math_perm(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    BtValue n, k;
    if (!bt_check_args(t, "perm", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    if (nargs == 1 || bt_is_none(args[1])) {
        n = bt_index_value(t, args[0]);
        if (bt_is_undef(n))
            return BT_UNDEF;
        if (bt_int_sign(n) < 0) {
            bt_raise(t, BT_EXC(t, ValueError), "n must be a non-negative integer");
            return BT_UNDEF;
        }
        k = n;
    } else if (!comb_args(t, args[0], args[1], &n, &k)) {
        return BT_UNDEF;
    }
    if (bt_int_cmp(k, n) > 0)
        return bt_int(0);
    return bt_int_math(t, 'p', n, k);
}

static BtValue math_prod(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (nargs != 1) {
        bt_raise(t, BT_EXC(t, TypeError), "prod() takes exactly 1 positional argument (%d given)",
                 nargs);
        return BT_UNDEF;
    }
    BtValue acc = bt_int(1);
    for (int k = 0; kwnames && k < (int)kwnames->len; k++) {
        const char *kn = bt_as_str(kwnames->items[k])->data;
        if (strcmp(kn, "start") != 0) {
            bt_raise(t, BT_EXC(t, TypeError), "'%s' is an invalid keyword argument for prod()", kn);
            return BT_UNDEF;
        }
        acc = KWARG(args, nargs, k);
    }
    BtValue it = bt_iter(t, args[0]);
    if (bt_is_undef(it))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &it);
    BT_PUSH_ROOT(t, &acc);
    BtValue result = BT_UNDEF;
    for (;;) {
        BtValue item = bt_next(t, it);
        if (bt_is_undef(item)) {
            if (!bt_has_exc(t))
                result = acc;
            break;
        }
        int64_t r;
        if (bt_is_int(acc) && bt_is_int(item) &&
            !__builtin_mul_overflow(bt_as_i64(acc), bt_as_i64(item), &r) && bt_int_fits(r)) {
            acc = bt_int(r);
            continue;
        }
        acc = bt_binary_op(t, BT_BINOP_MUL, acc, item);
        if (bt_is_undef(acc))
            break;
    }
    BT_POP_ROOT(t, 2);
    return result;
}

static const BtNativeDef math_functions[] = {
    {"sqrt", math_sqrt},
    {"exp", math_exp},
    {"expm1", math_expm1},
    {"sin", math_sin},
    {"cos", math_cos},
    {"tan", math_tan},
    {"asin", math_asin},
    {"acos", math_acos},
    {"atan", math_atan},
    {"sinh", math_sinh},
    {"cosh", math_cosh},
    {"tanh", math_tanh},
    {"asinh", math_asinh},
    {"acosh", math_acosh},
    {"atanh", math_atanh},
    {"log", math_log},
    {"log1p", math_log1p},
    {"log2", math_log2},
    {"log10", math_log10},
    {"fabs", math_fabs},
    {"erf", math_erf},
    {"erfc", math_erfc},
    {"gamma", math_gamma},
    {"lgamma", math_lgamma},
    {"degrees", math_degrees},
    {"radians", math_radians},
    {"floor", math_floor},
    {"ceil", math_ceil},
    {"trunc", math_trunc},
    {"pow", math_pow},
    {"atan2", math_atan2},
    {"copysign", math_copysign},
    {"fmod", math_fmod},
    {"remainder", math_remainder},
    {"ldexp", math_ldexp},
    {"frexp", math_frexp},
    {"modf", math_modf},
    {"isfinite", math_isfinite},
    {"isinf", math_isinf},
    {"isnan", math_isnan},
    {"isclose", math_isclose},
    {"hypot", math_hypot},
    {"dist", math_dist},
    {"fsum", math_fsum},
    {"factorial", math_factorial},
    {"gcd", math_gcd},
    {"lcm", math_lcm},
    {"isqrt", math_isqrt},
    {"comb", math_comb},
    {"perm", math_perm},
    {"prod", math_prod},
    {NULL, NULL},
};

BtModule *bt_mod_math_create(BtThread *t) {
    static const struct {
        const char *name;
        double value;
    } constants[] = {
        {"pi", 3.141592653589793},
        {"e", 2.718281828459045},
        {"tau", 6.283185307179586},
        {"inf", INFINITY},
        {"nan", NAN},
    };
    BtStr *name = bt_str_intern_cstr(t, "math");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    bool ok = bt_module_add_functions(t, m, math_functions);
    for (size_t i = 0; ok && i < sizeof constants / sizeof constants[0]; i++) {
        BtStr *key = bt_str_intern_cstr(t, constants[i].name);
        ok = key && bt_dict_set_str(t, m->dict, key, bt_float(constants[i].value));
    }
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
