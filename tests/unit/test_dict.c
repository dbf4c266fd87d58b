/* test_dict.c: the dict and set tables (vm/dict.c) through their C API.
 *
 * Growth, deletion and reinsertion, tombstones, keys that are equal across
 * types (1, 1.0, True), insertion order, and CPython's set order. Every test
 * also passes with BATON_GC_STRESS=1 (a collection at every allocation);
 * the tests collect between steps themselves too.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/str.h"

#include "vm_fixture.h"

TestSuite(dict, .init = setup, .fini = teardown);

/* The pending exception as "Type: message", cleared. */
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
    static char buf[1024];
    BtValue r = bt_repr(t, v);
    cr_assert(!bt_is_undef(r), "repr raised");
    snprintf(buf, sizeof buf, "%s", bt_as_str(r)->data);
    return buf;
}

static BtValue str_value(const char *s) {
    BtStr *str = bt_str_from_cstr(t, s);
    cr_assert_not_null(str);
    return bt_obj(str);
}

Test(dict, grows_to_100k_int_keys_and_finds_them_all) {
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d);
    BT_PUSH_ROOT(t, &dv);
    for (int64_t i = 0; i < 100000; i++)
        cr_assert(bt_dict_set(t, d, bt_int(i * 7), bt_int(i)));
    bt_gc_collect(t);
    cr_assert_eq(d->len, 100000);
    for (int64_t i = 0; i < 100000; i++) {
        BtValue v = bt_dict_get(t, d, bt_int(i * 7));
        cr_assert(bt_is_int(v) && bt_as_i64(v) == i);
    }
    cr_assert(bt_is_undef(bt_dict_get(t, d, bt_int(1))));
    cr_assert(!bt_has_exc(t));
    BT_POP_ROOT(t, 1);
}

Test(dict, str_keys_are_found_by_equal_strs_that_are_not_the_same_object) {
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d), k = BT_NONE;
    BT_PUSH_ROOT(t, &dv);
    BT_PUSH_ROOT(t, &k);
    char name[32];
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "key%d", i);
        k = str_value(name);
        cr_assert(bt_dict_set(t, d, k, bt_int(i)));
    }
    bt_gc_collect(t);
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "key%d", i);
        k = str_value(name);
        BtValue v = bt_dict_get_str(d, bt_as_str(k));
        cr_assert(bt_is_int(v) && bt_as_i64(v) == i, "key%d", i);
        cr_assert(bt_is_int(bt_dict_get(t, d, k)));
    }
    k = str_value("absent");
    cr_assert(bt_is_undef(bt_dict_get_str(d, bt_as_str(k))));
    BT_POP_ROOT(t, 2);
}

Test(dict, deletion_and_reinsertion_keep_the_rest_intact) {
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d);
    BT_PUSH_ROOT(t, &dv);
    for (int64_t i = 0; i < 10000; i++)
        cr_assert(bt_dict_set(t, d, bt_int(i), bt_int(-i)));
    for (int64_t i = 0; i < 10000; i += 2)
        cr_assert_eq(bt_dict_del(t, d, bt_int(i)), 1);
    cr_assert_eq(bt_dict_del(t, d, bt_int(0)), 0);
    bt_gc_collect(t);
    cr_assert_eq(d->len, 5000);
    for (int64_t i = 0; i < 10000; i++) {
        BtValue v = bt_dict_get(t, d, bt_int(i));
        if (i % 2)
            cr_assert(bt_is_int(v) && bt_as_i64(v) == -i);
        else
            cr_assert(bt_is_undef(v));
    }
    for (int64_t i = 0; i < 10000; i += 2)
        cr_assert(bt_dict_set(t, d, bt_int(i), bt_int(i)));
    cr_assert_eq(d->len, 10000);
    /* Reinserted keys come after the survivors. */
    size_t pos = 0;
    BtValue k, v;
    for (int64_t i = 1; i < 10000; i += 2) {
        cr_assert(bt_dict_next(d, &pos, &k, &v));
        cr_assert_eq(bt_as_i64(k), i);
    }
    for (int64_t i = 0; i < 10000; i += 2) {
        cr_assert(bt_dict_next(d, &pos, &k, &v));
        cr_assert_eq(bt_as_i64(k), i);
        cr_assert_eq(bt_as_i64(v), i);
    }
    cr_assert(!bt_dict_next(d, &pos, &k, &v));
    BT_POP_ROOT(t, 1);
}

Test(dict, tombstones_do_not_grow_the_table_under_churn) {
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d);
    BT_PUSH_ROOT(t, &dv);
    for (int64_t i = 0; i < 8; i++)
        cr_assert(bt_dict_set(t, d, bt_int(i), BT_NONE));
    for (int64_t i = 8; i < 200000; i++) {
        cr_assert(bt_dict_set(t, d, bt_int(i), BT_NONE));
        cr_assert_eq(bt_dict_del(t, d, bt_int(i - 8)), 1);
    }
    cr_assert_eq(d->len, 8);
    cr_assert_leq(d->index_size, 64);
    for (int64_t i = 200000 - 8; i < 200000; i++)
        cr_assert(!bt_is_undef(bt_dict_get(t, d, bt_int(i))));
    BT_POP_ROOT(t, 1);
}

Test(dict, one_float_one_and_true_are_the_same_key) {
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d);
    BT_PUSH_ROOT(t, &dv);
    cr_assert(bt_dict_set(t, d, bt_int(1), str_value("a")));
    cr_assert(bt_dict_set(t, d, bt_float(1.0), str_value("b")));
    cr_assert(bt_dict_set(t, d, BT_TRUE, str_value("c")));
    cr_assert_eq(d->len, 1);
    cr_assert_str_eq(repr_of(dv), "{1: 'c'}");
    cr_assert(!bt_is_undef(bt_dict_get(t, d, bt_float(1.0))));
    cr_assert(bt_dict_set(t, d, bt_int(0), BT_NONE));
    cr_assert_eq(bt_dict_del(t, d, BT_FALSE), 1);
    cr_assert_eq(bt_dict_del(t, d, bt_float(1.0)), 1);
    cr_assert_eq(d->len, 0);
    BT_POP_ROOT(t, 1);
}

Test(dict, unhashable_keys_raise_typeerror) {
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d), l = BT_NONE;
    BT_PUSH_ROOT(t, &dv);
    BT_PUSH_ROOT(t, &l);
    l = bt_obj(bt_list_new(t, 0));
    cr_assert(!bt_dict_set(t, d, l, BT_NONE));
    cr_assert_str_eq(take_error(), "TypeError: unhashable type: 'list'");
    cr_assert(bt_is_undef(bt_dict_get(t, d, l)));
    cr_assert_str_eq(take_error(), "TypeError: unhashable type: 'list'");
    BT_POP_ROOT(t, 2);
}

Test(dict, missing_key_raises_keyerror_with_the_key_repr) {
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d), k = BT_NONE;
    BT_PUSH_ROOT(t, &dv);
    BT_PUSH_ROOT(t, &k);
    k = str_value("nope");
    cr_assert(bt_is_undef(bt_getitem(t, dv, k)));
    cr_assert_str_eq(take_error(), "KeyError: 'nope'");
    cr_assert(!bt_delitem(t, dv, bt_int(3)));
    cr_assert_str_eq(take_error(), "KeyError: 3");
    BT_POP_ROOT(t, 2);
}

Test(dict, iteration_skips_deleted_entries_and_detects_resizing) {
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d), it = BT_NONE;
    BT_PUSH_ROOT(t, &dv);
    BT_PUSH_ROOT(t, &it);
    for (int64_t i = 0; i < 6; i++)
        cr_assert(bt_dict_set(t, d, bt_int(i), bt_int(i)));
    cr_assert_eq(bt_dict_del(t, d, bt_int(2)), 1);
    cr_assert_eq(bt_dict_del(t, d, bt_int(4)), 1);
    it = bt_iter(t, dv);
    int64_t want[] = {0, 1, 3, 5};
    for (int i = 0; i < 4; i++) {
        bt_gc_collect(t);
        BtValue k = bt_next(t, it);
        cr_assert(bt_is_int(k) && bt_as_i64(k) == want[i]);
    }
    cr_assert(bt_is_undef(bt_next(t, it)) && !bt_has_exc(t));
    it = bt_iter(t, dv);
    cr_assert(!bt_is_undef(bt_next(t, it)));
    cr_assert(bt_dict_set(t, d, bt_int(99), BT_NONE));
    cr_assert(bt_is_undef(bt_next(t, it)));
    cr_assert_str_eq(take_error(), "RuntimeError: dictionary changed size during iteration");
    BT_POP_ROOT(t, 2);
}

Test(dict, repr_update_copy_and_equality) {
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d), cv = BT_NONE;
    BT_PUSH_ROOT(t, &dv);
    BT_PUSH_ROOT(t, &cv);
    cr_assert(bt_dict_set(t, d, str_value("a"), bt_int(1)));
    cr_assert(bt_dict_set(t, d, bt_int(2), str_value("b")));
    cr_assert_str_eq(repr_of(dv), "{'a': 1, 2: 'b'}");
    cv = bt_obj(bt_dict_copy(t, d));
    bt_gc_collect(t);
    BtValue eq = bt_compare(t, dv, cv, BT_COMPARE_EQ);
    cr_assert(bt_is_bool(eq) && bt_as_bool(eq));
    cr_assert(bt_dict_set(t, d, dv, BT_NONE) == false); /* dicts are unhashable */
    take_error();
    cr_assert(bt_dict_set(t, bt_as_dict(cv), str_value("self"), cv));
    cr_assert_str_eq(repr_of(cv), "{'a': 1, 2: 'b', 'self': {...}}");
    eq = bt_compare(t, dv, cv, BT_COMPARE_EQ);
    cr_assert(bt_is_bool(eq) && !bt_as_bool(eq));
    cr_assert(bt_dict_update(t, d, cv));
    cr_assert_eq(d->len, 3);
    BT_POP_ROOT(t, 2);
}

/* ---- sets ---- */

TestSuite(set, .init = setup, .fini = teardown);

Test(set, small_ints_iterate_in_cpython_order) {
    BtSet *s = bt_set_new(t, BT_TYPE(t, set));
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    int64_t add[] = {3, 1, 2, 3, 1, 40, 9};
    for (size_t i = 0; i < sizeof add / sizeof add[0]; i++)
        cr_assert(bt_set_add(t, s, bt_int(add[i])) >= 0);
    bt_gc_collect(t);
    /* As python3 prints {3, 1, 2, 3, 1, 40, 9}. */
    cr_assert_str_eq(repr_of(sv), "{1, 2, 3, 40, 9}");
    cr_assert_eq(bt_set_discard(t, s, bt_int(3)), 1);
    cr_assert_eq(bt_set_discard(t, s, bt_int(3)), 0);
    cr_assert_str_eq(repr_of(sv), "{1, 2, 40, 9}");
    BT_POP_ROOT(t, 1);
}

Test(set, grows_to_100k_and_keeps_every_member) {
    BtSet *s = bt_set_new(t, BT_TYPE(t, set));
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    for (int64_t i = 0; i < 100000; i++)
        cr_assert_eq(bt_set_add(t, s, bt_int(i * 3)), 1);
    for (int64_t i = 0; i < 100000; i += 3)
        cr_assert_eq(bt_set_discard(t, s, bt_int(i * 3)), 1);
    bt_gc_collect(t);
    for (int64_t i = 0; i < 100000; i++)
        cr_assert_eq(bt_set_contains(t, s, bt_int(i * 3)), i % 3 != 0);
    cr_assert_eq(bt_len(t, sv), 66666);
    BT_POP_ROOT(t, 1);
}

Test(set, frozenset_hash_matches_cpython) {
    BtSet *s = bt_set_new(t, BT_TYPE(t, frozenset));
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    int64_t h;
    cr_assert(bt_hash(t, sv, &h));
    cr_assert_eq(h, 133146708735736LL); /* hash(frozenset()) */
    s = bt_set_new(t, BT_TYPE(t, frozenset));
    sv = bt_obj(s);
    cr_assert(bt_set_add(t, s, bt_int(1)) == 1 && bt_set_add(t, s, bt_int(2)) == 1);
    cr_assert(bt_hash(t, sv, &h));
    cr_assert_eq(h, -1826646154956904602LL); /* hash(frozenset([1, 2])) */
    cr_assert_str_eq(repr_of(sv), "frozenset({1, 2})");
    BtSet *m = bt_set_new(t, BT_TYPE(t, set));
    cr_assert(!bt_hash(t, bt_obj(m), &h));
    cr_assert_str_eq(take_error(), "TypeError: unhashable type: 'set'");
    BT_POP_ROOT(t, 1);
}

Test(set, operators_give_cpython_results) {
    BtSet *a = bt_set_new(t, BT_TYPE(t, set));
    BtValue av = bt_obj(a), bv = BT_NONE, r = BT_NONE;
    BT_PUSH_ROOT(t, &av);
    BT_PUSH_ROOT(t, &bv);
    BT_PUSH_ROOT(t, &r);
    BtSet *b = bt_set_new(t, BT_TYPE(t, set));
    bv = bt_obj(b);
    for (int64_t i = 1; i <= 4; i++)
        bt_set_add(t, a, bt_int(i));
    for (int64_t i = 3; i <= 5; i++)
        bt_set_add(t, b, bt_int(i));
    r = bt_binary_op(t, BT_BINOP_OR, av, bv);
    cr_assert_str_eq(repr_of(r), "{1, 2, 3, 4, 5}");
    r = bt_binary_op(t, BT_BINOP_AND, av, bv);
    cr_assert_str_eq(repr_of(r), "{3, 4}");
    r = bt_binary_op(t, BT_BINOP_SUB, av, bv);
    cr_assert_str_eq(repr_of(r), "{1, 2}");
    r = bt_binary_op(t, BT_BINOP_XOR, av, bv);
    cr_assert_str_eq(repr_of(r), "{1, 2, 5}");
    r = bt_inplace_op(t, BT_BINOP_OR, av, bv);
    cr_assert(bt_as_obj(r) == bt_as_obj(av));
    cr_assert_eq(a->used, 5);
    r = bt_compare(t, bv, av, BT_COMPARE_LT);
    cr_assert(bt_is_bool(r) && bt_as_bool(r));
    BT_POP_ROOT(t, 3);
}

Test(dict, str_keys_of_every_length_are_found_by_equal_copies) {
    /* Equal strs of 1 to 40 bytes, compared word-wise or by memcmp depending on length. */
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d), k = BT_NONE;
    BT_PUSH_ROOT(t, &dv);
    BT_PUSH_ROOT(t, &k);
    char text[48];
    for (int n = 1; n <= 40; n++) {
        for (int i = 0; i < n; i++)
            text[i] = (char)('a' + (i * 7 + n) % 26);
        text[n] = '\0';
        k = str_value(text);
        cr_assert(bt_dict_set(t, d, k, bt_int(n)));
    }
    bt_gc_collect(t);
    for (int n = 1; n <= 40; n++) {
        for (int i = 0; i < n; i++)
            text[i] = (char)('a' + (i * 7 + n) % 26);
        text[n] = '\0';
        k = str_value(text);
        BtValue v = bt_dict_get(t, d, k);
        cr_assert(bt_is_int(v) && bt_as_i64(v) == n, "length %d", n);
        text[n - 1] = text[n - 1] == 'z' ? 'y' : 'z'; /* same length, last byte differs */
        k = str_value(text);
        cr_assert(bt_is_undef(bt_dict_get(t, d, k)), "length %d", n);
        cr_assert(bt_is_undef(bt_dict_get_str(d, bt_as_str(k))), "length %d", n);
    }
    cr_assert(!bt_has_exc(t));
    BT_POP_ROOT(t, 2);
}

Test(dict, peek_never_contradicts_a_full_lookup) {
    BtDict *d = bt_dict_new(t);
    BtValue dv = bt_obj(d);
    BT_PUSH_ROOT(t, &dv);
    BtValue v;
    BtStr *first = bt_str_intern_cstr(t, "k0");
    cr_assert_eq(bt_dict_peek_str(d, first, &v), -1, "no index yet");
    char name[32];
    for (int i = 0; i < 40; i += 2) {
        snprintf(name, sizeof name, "k%d", i);
        cr_assert(bt_dict_set_str(t, d, bt_str_intern_cstr(t, name), bt_int(i)));
    }
    int found = 0, absent = 0;
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "k%d", i);
        BtStr *k = bt_str_intern_cstr(t, name);
        int r = bt_dict_peek_str(d, k, &v);
        BtValue full = bt_dict_get_str(d, k);
        if (r == 1) {
            cr_assert(bt_is_int(v) && bt_is_int(full) && bt_as_i64(v) == bt_as_i64(full), "%s", name);
            found++;
        } else if (r == 0) {
            cr_assert(bt_is_undef(full), "%s reported absent", name);
            absent++;
        }
    }
    cr_assert(found > 0 && absent > 0);
    /* An equal str that is not the stored object is never reported found by a peek. */
    BtStr *copy = bt_str_from_cstr(t, "k0");
    cr_assert_neq(bt_dict_peek_str(d, copy, &v), 1);
    cr_assert(bt_is_int(bt_dict_get_str(d, copy)));
    BT_POP_ROOT(t, 1);
}
