/* test_list.c: list, tuple, range and slices (vm/list.c, vm/range.c) through the C API.
 *
 * Sort stability (with keys and reverse), slicing with every step against a
 * straightforward model, extended slice assignment and its error, reprs of
 * cycles, and CPython's tuple hash. Every test also passes with
 * BATON_GC_STRESS=1; the tests collect between steps themselves too.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/range.h"
#include "vm/str.h"

#include "vm_fixture.h"

TestSuite(list, .init = setup, .fini = teardown);

static const char *take_error(void) {
    static char buf[256];
    cr_assert(bt_has_exc(t), "expected an exception");
    BtValue e = bt_take_exc(t);
    BT_PUSH_ROOT(t, &e);
    BtValue s = bt_str(t, e);
    cr_assert(!bt_is_undef(s));
    snprintf(buf, sizeof buf, "%s: %s", bt_type_name(t, e), bt_as_str(s)->data);
    BT_POP_ROOT(t, 1);
    return buf;
}

static const char *repr_of(BtValue v) {
    static char buf[4096];
    BtValue r = bt_repr(t, v);
    cr_assert(!bt_is_undef(r), "repr raised: %s", take_error());
    snprintf(buf, sizeof buf, "%s", bt_as_str(r)->data);
    return buf;
}

static BtValue range_list(int64_t n) {
    BtList *l = bt_list_new(t, (size_t)n);
    cr_assert_not_null(l);
    for (int64_t i = 0; i < n; i++)
        l->items[i] = bt_int(i);
    return bt_obj(l);
}

/* obj.name(args...) */
static BtValue call_method(BtValue obj, const char *name, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    BtStr *n = bt_str_intern_cstr(t, name);
    cr_assert_not_null(n);
    BtValue m = bt_getattr(t, obj, n);
    cr_assert(!bt_is_undef(m));
    BT_PUSH_ROOT(t, &m);
    BtValue r = bt_call(t, m, args, nargs, kwnames);
    BT_POP_ROOT(t, 1);
    return r;
}

static BtValue slice(BtValue a, BtValue b, BtValue c) {
    BtValue s = bt_slice_new(t, a, b, c);
    cr_assert(!bt_is_undef(s));
    return s;
}

static BtValue opt(int64_t v) {
    return v == INT64_MIN ? BT_NONE : bt_int(v);
}

/* What Python's l[start:stop:step] selects from range(n), computed naively. */
static size_t model_slice(int64_t n, int64_t start, int64_t stop, int64_t step, int64_t *out) {
    bool none_start = start == INT64_MIN, none_stop = stop == INT64_MIN;
    if (step > 0) {
        int64_t lo = none_start ? 0 : start < 0 ? start + n : start;
        int64_t hi = none_stop ? n : stop < 0 ? stop + n : stop;
        if (lo < 0)
            lo = 0;
        if (hi > n)
            hi = n;
        size_t k = 0;
        for (int64_t i = lo; i < hi; i += step)
            out[k++] = i;
        return k;
    }
    int64_t hi = none_start ? n - 1 : start < 0 ? start + n : start;
    int64_t lo = none_stop ? -1 : stop < 0 ? stop + n : stop;
    if (hi > n - 1)
        hi = n - 1;
    if (lo < -1)
        lo = -1;
    size_t k = 0;
    for (int64_t i = hi; i > lo; i += step)
        out[k++] = i;
    return k;
}

Test(list, slicing_matches_the_model_for_every_step) {
    BtValue l = range_list(7), s = BT_NONE;
    BT_PUSH_ROOT(t, &l);
    BT_PUSH_ROOT(t, &s);
    int64_t bounds[] = {INT64_MIN, -9, -7, -3, -1, 0, 1, 3, 6, 7, 12};
    int64_t steps[] = {INT64_MIN, 1, 2, 3, -1, -2, -5};
    int64_t want[16];
    for (size_t a = 0; a < 11; a++)
        for (size_t b = 0; b < 11; b++)
            for (size_t c = 0; c < 7; c++) {
                int64_t step = steps[c] == INT64_MIN ? 1 : steps[c];
                s = slice(opt(bounds[a]), opt(bounds[b]), opt(steps[c]));
                BtValue r = bt_getitem(t, l, s);
                cr_assert(bt_is_list(t, r));
                size_t n = model_slice(7, bounds[a], bounds[b], step, want);
                BtList *rl = bt_as_list(r);
                cr_assert_eq(rl->len, n, "slice %zu %zu %zu", a, b, c);
                for (size_t i = 0; i < n; i++)
                    cr_assert_eq(bt_as_i64(rl->items[i]), want[i]);
            }
    s = slice(BT_NONE, BT_NONE, bt_int(0));
    cr_assert(bt_is_undef(bt_getitem(t, l, s)));
    cr_assert_str_eq(take_error(), "ValueError: slice step cannot be zero");
    s = slice(bt_float(1.5), BT_NONE, BT_NONE);
    cr_assert(bt_is_undef(bt_getitem(t, l, s)));
    cr_assert_str_eq(take_error(), "TypeError: slice indices must be integers or None or have "
                                   "an __index__ method");
    BT_POP_ROOT(t, 2);
}

Test(list, extended_slice_assignment_and_deletion) {
    BtValue l = range_list(10), s = BT_NONE, v = BT_NONE;
    BT_PUSH_ROOT(t, &l);
    BT_PUSH_ROOT(t, &s);
    BT_PUSH_ROOT(t, &v);
    s = slice(BT_NONE, BT_NONE, bt_int(2));
    BtValue four[4] = {bt_int(-1), bt_int(-2), bt_int(-3), bt_int(-4)};
    v = bt_obj(bt_tuple_from(t, four, 3));
    cr_assert(!bt_setitem(t, l, s, v));
    cr_assert_str_eq(take_error(), "ValueError: attempt to assign sequence of size 3 to "
                                   "extended slice of size 5");
    v = bt_obj(bt_list_from(t, four, 4));
    bt_as_list(v)->len = 4;
    cr_assert(bt_list_append(t, bt_as_list(v), bt_int(-5)));
    cr_assert(bt_setitem(t, l, s, v));
    cr_assert_str_eq(repr_of(l), "[-1, 1, -2, 3, -3, 5, -4, 7, -5, 9]");
    bt_gc_collect(t);
    s = slice(bt_int(-1), BT_NONE, bt_int(-3));
    cr_assert(bt_delitem(t, l, s));
    cr_assert_str_eq(repr_of(l), "[1, -2, -3, 5, 7, -5]");
    s = slice(bt_int(1), bt_int(3), BT_NONE);
    cr_assert(bt_setitem(t, l, s, l)); /* a[1:3] = a */
    cr_assert_str_eq(repr_of(l), "[1, 1, -2, -3, 5, 7, -5, 5, 7, -5]");
    s = slice(bt_int(2), BT_NONE, BT_NONE);
    cr_assert(bt_setitem(t, l, s, bt_int(5)) == false);
    cr_assert_str_eq(take_error(), "TypeError: can only assign an iterable");
    s = slice(BT_NONE, BT_NONE, bt_int(-1));
    cr_assert(bt_setitem(t, l, s, bt_int(5)) == false);
    cr_assert_str_eq(take_error(), "TypeError: must assign iterable to extended slice");
    s = slice(bt_int(2), BT_NONE, BT_NONE);
    cr_assert(bt_delitem(t, l, s));
    cr_assert_str_eq(repr_of(l), "[1, 1]");
    BT_POP_ROOT(t, 3);
}

/* A native key function: the first item of a tuple. */
static BtValue first_item(BtThread *th, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    (void)th, (void)self, (void)nargs, (void)kwnames;
    return bt_as_tuple(args[0])->items[0];
}

Test(list, sort_is_stable_with_key_and_reverse) {
    /* Pairs (k, i) sorted by k alone: equal ks keep i ascending, also reversed. */
    enum { N = 3000 };
    BtList *l = bt_list_with_capacity(t, N);
    BtValue lv = bt_obj(l), key = BT_NONE, pair = BT_NONE;
    BT_PUSH_ROOT(t, &lv);
    BT_PUSH_ROOT(t, &key);
    BT_PUSH_ROOT(t, &pair);
    key = bt_obj(bt_native_new(t, "first", first_item, BT_UNDEF));
    srand(7);
    for (int i = 0; i < N; i++) {
        BtValue kv[2] = {bt_int(rand() % 17), bt_int(i)};
        pair = bt_obj(bt_tuple_from(t, kv, 2));
        cr_assert(bt_list_append(t, l, pair));
    }
    for (int pass = 0; pass < 2; pass++) {
        bool reverse = pass == 1;
        cr_assert(bt_list_sort(t, l, key, reverse));
        bt_gc_collect(t);
        for (int i = 1; i < N; i++) {
            BtTuple *a = bt_as_tuple(l->items[i - 1]), *b = bt_as_tuple(l->items[i]);
            int64_t ka = bt_as_i64(a->items[0]), kb = bt_as_i64(b->items[0]);
            int64_t ia = bt_as_i64(a->items[1]), ib = bt_as_i64(b->items[1]);
            if (!reverse)
                cr_assert(ka < kb || (ka == kb && ia < ib));
            else
                cr_assert(ka > kb || (ka == kb && ia < ib), "at %d", i);
        }
        /* Back to input order for the next pass. */
        for (int i = 0; i < N; i++)
            for (int j = i; j < N; j++)
                if (bt_as_i64(bt_as_tuple(l->items[j])->items[1]) == i) {
                    BtValue x = l->items[i];
                    l->items[i] = l->items[j];
                    l->items[j] = x;
                    break;
                }
    }
    /* Sorting the pairs themselves orders by both items. */
    cr_assert(bt_list_sort(t, l, BT_UNDEF, true));
    for (int i = 1; i < N; i++) {
        BtValue r = bt_compare(t, l->items[i - 1], l->items[i], BT_COMPARE_GT);
        cr_assert(bt_is_bool(r) && bt_as_bool(r));
    }
    BT_POP_ROOT(t, 3);
}

/* A native key function: len() of a str. */
static BtValue str_len(BtThread *th, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)th, (void)self, (void)nargs, (void)kwnames;
    return bt_int((int64_t)bt_as_str(args[0])->length);
}

Test(list, sort_with_a_key_function_keeps_equal_keys_in_order) {
    /* Sorting strs by length keeps equal lengths in input order, both ways. */
    const char *words[] = {"ccc", "a", "bb", "dd", "e", "fff", "g", "hh"};
    BtList *l = bt_list_with_capacity(t, 8);
    BtValue lv = bt_obj(l), w = BT_NONE, key = BT_NONE;
    BT_PUSH_ROOT(t, &lv);
    BT_PUSH_ROOT(t, &w);
    BT_PUSH_ROOT(t, &key);
    for (int i = 0; i < 8; i++) {
        w = bt_obj(bt_str_from_cstr(t, words[i]));
        cr_assert(bt_list_append(t, l, w));
    }
    key = bt_obj(bt_native_new(t, "len", str_len, BT_UNDEF));
    cr_assert(bt_list_sort(t, l, key, false));
    cr_assert_str_eq(repr_of(lv), "['a', 'e', 'g', 'bb', 'dd', 'hh', 'ccc', 'fff']");
    cr_assert(bt_list_sort(t, l, key, true));
    cr_assert_str_eq(repr_of(lv), "['ccc', 'fff', 'bb', 'dd', 'hh', 'a', 'e', 'g']");
    cr_assert(bt_list_sort(t, l, BT_UNDEF, false));
    cr_assert_str_eq(repr_of(lv), "['a', 'bb', 'ccc', 'dd', 'e', 'fff', 'g', 'hh']");
    BT_POP_ROOT(t, 3);
}

Test(list, sorting_mixed_types_raises_and_leaves_the_list_whole) {
    BtList *l = bt_list_with_capacity(t, 3);
    BtValue lv = bt_obj(l);
    BT_PUSH_ROOT(t, &lv);
    bt_list_append(t, l, bt_int(3));
    bt_list_append(t, l, bt_obj(bt_str_from_cstr(t, "a")));
    bt_list_append(t, l, bt_int(1));
    cr_assert(!bt_list_sort(t, l, BT_UNDEF, false));
    cr_assert_str_eq(take_error(),
                     "TypeError: '<' not supported between instances of 'str' and 'int'");
    cr_assert_eq(l->len, 3);
    BT_POP_ROOT(t, 1);
}

Test(list, methods_and_their_errors) {
    BtValue l = range_list(4), r;
    BT_PUSH_ROOT(t, &l);
    BtValue arg = bt_int(9);
    r = call_method(l, "append", &arg, 1, NULL);
    cr_assert(bt_is_none(r));
    r = call_method(l, "pop", NULL, 0, NULL);
    cr_assert(bt_is_int(r) && bt_as_i64(r) == 9);
    arg = bt_int(10);
    r = call_method(l, "pop", &arg, 1, NULL);
    cr_assert(bt_is_undef(r));
    cr_assert_str_eq(take_error(), "IndexError: pop index out of range");
    r = call_method(l, "index", &arg, 1, NULL);
    cr_assert_str_eq(take_error(), "ValueError: 10 is not in list");
    r = call_method(l, "remove", &arg, 1, NULL);
    cr_assert_str_eq(take_error(), "ValueError: list.remove(x): x not in list");
    r = call_method(l, "append", NULL, 0, NULL);
    cr_assert_str_eq(take_error(), "TypeError: list.append() takes exactly one argument (0 given)");
    BtValue two[2] = {bt_int(-100), bt_int(7)};
    r = call_method(l, "insert", two, 2, NULL);
    cr_assert_str_eq(repr_of(l), "[7, 0, 1, 2, 3]");
    r = call_method(l, "sort", two, 1, NULL);
    cr_assert_str_eq(take_error(), "TypeError: sort() takes no positional arguments");
    r = call_method(l, "reverse", NULL, 0, NULL);
    cr_assert_str_eq(repr_of(l), "[3, 2, 1, 0, 7]");
    r = call_method(l, "clear", NULL, 0, NULL);
    cr_assert_str_eq(repr_of(l), "[]");
    r = call_method(l, "pop", NULL, 0, NULL);
    cr_assert_str_eq(take_error(), "IndexError: pop from empty list");
    BT_POP_ROOT(t, 1);
}

Test(list, repr_of_a_list_that_contains_itself) {
    BtValue l = range_list(1), tu = BT_NONE;
    BT_PUSH_ROOT(t, &l);
    BT_PUSH_ROOT(t, &tu);
    cr_assert(bt_list_append(t, bt_as_list(l), l));
    cr_assert_str_eq(repr_of(l), "[0, [...]]");
    tu = bt_obj(bt_tuple_from(t, &l, 1));
    cr_assert_str_eq(repr_of(tu), "([0, [...]],)");
    bt_as_list(l)->len = 0;
    cr_assert(bt_list_append(t, bt_as_list(l), tu));
    cr_assert_str_eq(repr_of(tu), "([(...)],)");
    BT_POP_ROOT(t, 2);
}

Test(list, concatenation_repetition_and_comparison) {
    BtValue a = range_list(2), b = BT_NONE, r = BT_NONE;
    BT_PUSH_ROOT(t, &a);
    BT_PUSH_ROOT(t, &b);
    BT_PUSH_ROOT(t, &r);
    b = range_list(3);
    r = bt_binary_op(t, BT_BINOP_ADD, a, b);
    cr_assert_str_eq(repr_of(r), "[0, 1, 0, 1, 2]");
    r = bt_binary_op(t, BT_BINOP_MUL, bt_int(2), a);
    cr_assert_str_eq(repr_of(r), "[0, 1, 0, 1]");
    r = bt_binary_op(t, BT_BINOP_MUL, a, bt_float(2.0));
    cr_assert_str_eq(take_error(), "TypeError: can't multiply sequence by non-int of type 'float'");
    r = bt_binary_op(t, BT_BINOP_ADD, a, bt_obj(bt_tuple_empty(t)));
    cr_assert_str_eq(take_error(), "TypeError: can only concatenate list (not \"tuple\") to list");
    r = bt_compare(t, a, b, BT_COMPARE_LT);
    cr_assert(bt_is_bool(r) && bt_as_bool(r));
    r = bt_compare(t, a, b, BT_COMPARE_EQ);
    cr_assert(bt_is_bool(r) && !bt_as_bool(r));
    r = bt_inplace_op(t, BT_BINOP_ADD, a, b);
    cr_assert(bt_as_obj(r) == bt_as_obj(a));
    cr_assert_str_eq(repr_of(a), "[0, 1, 0, 1, 2]");
    r = bt_binary_op(t, BT_BINOP_MUL, a, bt_int_from_i64(t, 1LL << 60));
    cr_assert_str_eq(take_error(), "MemoryError: ");
    BT_POP_ROOT(t, 3);
}

/* ---- tuples ---- */

Test(list, tuple_hash_repr_and_slices_match_cpython) {
    BtValue items[2] = {bt_int(1), bt_int(2)};
    BtValue tu = bt_obj(bt_tuple_from(t, items, 2)), r = BT_NONE;
    BT_PUSH_ROOT(t, &tu);
    BT_PUSH_ROOT(t, &r);
    int64_t h;
    cr_assert(bt_hash(t, tu, &h));
    cr_assert_eq(h, -3550055125485641917LL);
    cr_assert(bt_hash(t, bt_obj(bt_tuple_empty(t)), &h));
    cr_assert_eq(h, 5740354900026072187LL);
    r = bt_obj(bt_tuple_from(t, items, 1));
    cr_assert(bt_hash(t, r, &h));
    cr_assert_eq(h, -6644214454873602895LL);
    cr_assert_str_eq(repr_of(r), "(1,)");
    cr_assert_str_eq(repr_of(bt_obj(bt_tuple_empty(t))), "()");
    r = bt_getitem(t, tu, slice(BT_NONE, BT_NONE, bt_int(-1)));
    cr_assert_str_eq(repr_of(r), "(2, 1)");
    r = bt_getitem(t, tu, bt_int(2));
    cr_assert_str_eq(take_error(), "IndexError: tuple index out of range");
    r = bt_obj(bt_list_new(t, 0));
    BtValue withlist[2] = {bt_int(1), r};
    r = bt_obj(bt_tuple_from(t, withlist, 2));
    cr_assert(!bt_hash(t, r, &h));
    cr_assert_str_eq(take_error(), "TypeError: unhashable type: 'list'");
    BT_POP_ROOT(t, 2);
}

/* ---- ranges ---- */

Test(list, ranges_index_slice_and_iterate_lazily) {
    BtValue r = bt_range_new(t, 0, 1000000000000000LL, 7), x = BT_NONE;
    BT_PUSH_ROOT(t, &r);
    BT_PUSH_ROOT(t, &x);
    cr_assert_eq(bt_len(t, r), 142857142857143LL);
    x = bt_getitem(t, r, bt_int(-1));
    int64_t last;
    cr_assert(bt_is_integer(x) && bt_int_as_i64(x, &last) && last == 999999999999994LL);
    cr_assert_eq(bt_contains(t, r, bt_int(700)), 1);
    cr_assert_eq(bt_contains(t, r, bt_int(701)), 0);
    x = bt_getitem(t, r, slice(bt_int(10), bt_int(2), bt_int(-3)));
    cr_assert_str_eq(repr_of(x), "range(70, 14, -21)");
    x = bt_range_new(t, 1, 10, 3);
    x = bt_range_reversed(t, (BtRange *)bt_as_obj(x));
    int64_t want[] = {7, 4, 1};
    for (int i = 0; i < 3; i++) {
        bt_gc_collect(t);
        BtValue v = bt_next(t, x);
        cr_assert(bt_is_int(v) && bt_as_i64(v) == want[i]);
    }
    cr_assert(bt_is_undef(bt_next(t, x)) && !bt_has_exc(t));
    x = bt_range_new(t, INT64_MAX - 2, INT64_MAX, 1);
    x = bt_iter(t, x);
    int n = 0;
    while (!bt_is_undef(bt_next(t, x)))
        n++;
    cr_assert_eq(n, 2);
    x = bt_range_new(t, 1, 2, 0);
    cr_assert_str_eq(take_error(), "ValueError: range() arg 3 must not be zero");
    BT_POP_ROOT(t, 2);
}
