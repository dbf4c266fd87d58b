/* test_value.c: the 8-byte NaN-boxed value (vm/value.h): every kind keeps
 * its payload through a round trip, and no kind's bits fall in another's
 * range (doubles of every class, NaN payloads, the ends of the int range,
 * pointers as the heap hands them out). */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/num.h"
#include "vm/str.h"

#include "vm_fixture.h"

static double from_bits(uint64_t bits) {
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static uint64_t to_bits(double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return bits;
}

/* v is of kind k, and of no other kind. */
static void expect_kind(BtValue v, BtValueTag k) {
    cr_assert_eq(bt_kind(v), k);
    cr_assert_eq(bt_is_undef(v), k == BT_V_UNDEF);
    cr_assert_eq(bt_is_none(v), k == BT_V_NONE);
    cr_assert_eq(bt_is_bool(v), k == BT_V_BOOL);
    cr_assert_eq(bt_is_int(v), k == BT_V_INT);
    cr_assert_eq(bt_is_float(v), k == BT_V_FLOAT);
    cr_assert_eq(bt_is_obj(v), k == BT_V_OBJ);
    cr_assert_eq(bt_is_intlike(v), k == BT_V_INT || k == BT_V_BOOL);
}

Test(value, is_eight_bytes_and_zero_is_no_value) {
    cr_assert_eq(sizeof(BtValue), 8);
    BtValue zeroed;
    memset(&zeroed, 0, sizeof zeroed);
    expect_kind(zeroed, BT_V_UNDEF);
    expect_kind(BT_UNDEF, BT_V_UNDEF);
    BtValue slot = BT_TRUE;
    bt_clear_slot(&slot);
    expect_kind(slot, BT_V_UNDEF);
    cr_assert(bt_same(slot, zeroed));
}

Test(value, none_and_bools_are_constants) {
    expect_kind(BT_NONE, BT_V_NONE);
    expect_kind(BT_TRUE, BT_V_BOOL);
    expect_kind(BT_FALSE, BT_V_BOOL);
    cr_assert(bt_as_bool(BT_TRUE) && !bt_as_bool(BT_FALSE));
    cr_assert(bt_same(bt_bool(true), BT_TRUE) && bt_same(bt_bool(false), BT_FALSE));
    cr_assert_eq(bt_as_int(BT_TRUE), 1);
    cr_assert_eq(bt_as_int(BT_FALSE), 0);
    cr_assert(!bt_same(BT_NONE, BT_FALSE) && !bt_same(BT_FALSE, bt_int(0)) &&
              !bt_same(BT_UNDEF, BT_NONE));
}

Test(value, ints_round_trip_across_the_inline_range) {
    int64_t samples[] = {0, 1, -1, 2, -2, 255, -256, 1 << 30, -(1 << 30), (int64_t)1 << 40,
                         BT_INT_INLINE_MAX, BT_INT_INLINE_MIN, BT_INT_INLINE_MAX - 1,
                         BT_INT_INLINE_MIN + 1};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        BtValue v = bt_int(samples[i]);
        expect_kind(v, BT_V_INT);
        cr_assert_eq(bt_as_i64(v), samples[i], "%lld", (long long)samples[i]);
        cr_assert_eq(bt_as_int(v), samples[i]);
    }
    cr_assert_eq(BT_INT_INLINE_MAX, ((int64_t)1 << 49) - 1);
    cr_assert(bt_int_fits(BT_INT_INLINE_MIN) && !bt_int_fits(BT_INT_INLINE_MIN - 1));
    cr_assert(bt_int_fits(BT_INT_INLINE_MAX) && !bt_int_fits(BT_INT_INLINE_MAX + 1));
    cr_assert(!bt_same(bt_int(1), bt_int(-1)) && bt_same(bt_int(7), bt_int(7)));
}

Test(value, every_class_of_double_round_trips) {
    double samples[] = {0.0,       -0.0,      1.0,     -1.5,     0.1,      1e308,
                        -1e-308,   5e-324,    -5e-324, DBL_MAX,  -DBL_MAX, DBL_MIN,
                        INFINITY,  -INFINITY, M_PI,    -2e-310};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        BtValue v = bt_float(samples[i]);
        expect_kind(v, BT_V_FLOAT);
        cr_assert_eq(to_bits(bt_as_f64(v)), to_bits(samples[i]), "%g", samples[i]);
    }
    /* Negative zero stays negative, and is not the same value as zero. */
    cr_assert(signbit(bt_as_f64(bt_float(-0.0))));
    cr_assert(!bt_same(bt_float(0.0), bt_float(-0.0)));
    cr_assert(bt_same(bt_float(2.5), bt_float(2.5)));
}

Test(value, nans_stay_nans_and_keep_their_sign) {
    /* Positive NaNs keep every payload bit; a negative NaN keeps its sign
     * (its payload is folded into one negative quiet NaN). */
    uint64_t positive[] = {0x7FF8000000000000u, 0x7FF0000000000001u, 0x7FFFFFFFFFFFFFFFu,
                           0x7FF4000000000123u};
    for (size_t i = 0; i < sizeof positive / sizeof positive[0]; i++) {
        BtValue v = bt_float(from_bits(positive[i]));
        expect_kind(v, BT_V_FLOAT);
        cr_assert_eq(to_bits(bt_as_f64(v)), positive[i]);
    }
    uint64_t negative[] = {0xFFF8000000000000u, 0xFFF0000000000001u, 0xFFFFFFFFFFFFFFFFu,
                           0xFFFC000000000000u, 0xFFFA000000000000u};
    for (size_t i = 0; i < sizeof negative / sizeof negative[0]; i++) {
        BtValue v = bt_float(from_bits(negative[i]));
        expect_kind(v, BT_V_FLOAT);
        double back = bt_as_f64(v);
        cr_assert(isnan(back) && signbit(back), "%llx", (unsigned long long)negative[i]);
    }
    /* What arithmetic makes (x86's default NaN is negative) is a float too. */
    volatile double zero = 0.0;
    expect_kind(bt_float(zero / zero), BT_V_FLOAT);
    expect_kind(bt_float(INFINITY - INFINITY), BT_V_FLOAT);
    cr_assert(isnan(bt_as_f64(bt_float(-NAN))));
}

Test(value, heap_pointers_round_trip, .init = setup, .fini = teardown) {
    BtStr *s = bt_str_from_cstr(t, "a heap object");
    cr_assert_not_null(s);
    BtValue v = bt_obj(s);
    expect_kind(v, BT_V_OBJ);
    cr_assert_eq((void *)bt_as_obj(v), (void *)s);
    cr_assert(bt_same(v, bt_obj(s)));
    cr_assert(bt_is_undef(bt_obj(NULL)));
    /* Pointers from malloc, small and large (mmap'd) blocks alike, are objects. */
    size_t sizes[] = {16, 4096, 1 << 20, 64 << 20};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        void *p = malloc(sizes[i]);
        cr_assert_not_null(p);
        BtValue w = bt_obj(p);
        expect_kind(w, BT_V_OBJ);
        cr_assert_eq((void *)bt_as_obj(w), p);
        free(p);
    }
}

Test(value, big_ints_are_objects_and_ints_of_one_form, .init = setup, .fini = teardown) {
    BtValue big = bt_int_from_i64(t, BT_INT_INLINE_MAX + 1);
    expect_kind(big, BT_V_OBJ);
    cr_assert(bt_is_bigint(big) && bt_is_integer(big));
    int64_t back;
    cr_assert(bt_int_as_i64(big, &back) && back == BT_INT_INLINE_MAX + 1);
    /* A value that fits is never boxed. */
    expect_kind(bt_int_from_i64(t, BT_INT_INLINE_MAX), BT_V_INT);
    expect_kind(bt_int_from_u64(t, 12345), BT_V_INT);
}

Test(value, scaled_ints_order_and_overflow_like_the_range) {
    /* The eval loop's + - * and comparisons run on scaled ints: their order is
     * the ints' order, and a 64-bit overflow is exactly a result past the range. */
    int64_t xs[] = {0, 1, -1, 7, -7, BT_INT_INLINE_MAX, BT_INT_INLINE_MIN, 1 << 24, -(1 << 24)};
    size_t n = sizeof xs / sizeof xs[0];
    for (size_t i = 0; i < n; i++) {
        cr_assert(bt_same(bt_int_from_scaled(bt_int_scaled(bt_int(xs[i]))), bt_int(xs[i])));
        for (size_t j = 0; j < n; j++) {
            int64_t a = bt_int_scaled(bt_int(xs[i])), b = bt_int_scaled(bt_int(xs[j])), s;
            cr_assert_eq(a < b, xs[i] < xs[j]);
            cr_assert_eq(a == b, xs[i] == xs[j]);
            bool over = __builtin_add_overflow(a, b, &s);
            cr_assert_eq(over, !bt_int_fits(xs[i] + xs[j]), "%lld + %lld", (long long)xs[i],
                         (long long)xs[j]);
            if (!over)
                cr_assert_eq(bt_as_i64(bt_int_from_scaled(s)), xs[i] + xs[j]);
            over = __builtin_sub_overflow(a, b, &s);
            cr_assert_eq(over, !bt_int_fits(xs[i] - xs[j]));
            __int128 p = (__int128)xs[i] * xs[j];
            over = __builtin_mul_overflow(xs[i], b, &s);
            cr_assert_eq(over, p < BT_INT_INLINE_MIN || p > BT_INT_INLINE_MAX);
            if (!over)
                cr_assert_eq(bt_as_i64(bt_int_from_scaled(s)), (int64_t)p);
        }
    }
}
