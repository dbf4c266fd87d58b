/* test_builtins.c: builtins and the native modules (stdlib/).
 * Argument errors and edge cases the golden scripts do not reach; every
 * message here was checked against python3 3.11. The builtins are called
 * straight through bt_call, so these tests need no compiler. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

static BtInterp *in;
static BtThread *t;
/* Everything a test makes or gets back is kept alive here, so the suite also
 * runs under BATON_GC_STRESS=1 without rooting each temporary by hand. */
static BtValue keep;

static void setup(void) {
    in = bt_interp_new(0, NULL, &t);
    cr_assert(in != NULL);
    in->native_modules = bt_stdlib_modules;
    keep = bt_obj(bt_list_new(t, 0));
    BT_PUSH_ROOT(t, &keep);
    cr_assert(bt_builtins_init(t));
}

static void teardown(void) {
    BT_POP_ROOT(t, 1);
    bt_interp_free(in);
}

static BtValue kept(BtValue v) {
    if (bt_is_obj(v) && bt_as_obj(v)) {
        BT_PUSH_ROOT(t, &v);
        cr_assert(bt_list_append(t, bt_as_list(keep), v));
        BT_POP_ROOT(t, 1);
    }
    return v;
}

static BtValue str(const char *s) {
    return bt_obj(bt_str_intern_cstr(t, s));
}

/* A builtin by name, or an attribute of a module ("math.sqrt"). */
static BtValue lookup(const char *name) {
    const char *dot = strchr(name, '.');
    if (!dot) {
        BtValue v = bt_dict_get_str(in->builtins, bt_str_intern_cstr(t, name));
        cr_assert(!bt_is_undef(v), "no builtin %s", name);
        return v;
    }
    BtValue m = bt_import(t, bt_str_intern(t, name, (size_t)(dot - name)));
    cr_assert(!bt_is_undef(m), "cannot import %.*s", (int)(dot - name), name);
    BtValue v = kept(bt_getattr(t, m, bt_str_intern_cstr(t, dot + 1)));
    cr_assert(!bt_is_undef(v), "no %s", name);
    return v;
}

static BtValue call(const char *name, BtValue *args, int n) {
    return kept(bt_call(t, lookup(name), args, n, NULL));
}

/* Call with keyword arguments: args holds n positional values then the keyword values. */
static BtValue call_kw(const char *name, BtValue *args, int n, const char *const *kw, int nkw) {
    BtValue names[8];
    for (int i = 0; i < nkw; i++)
        names[i] = str(kw[i]);
    BtTuple *kwnames = bt_tuple_from(t, names, (size_t)nkw);
    kept(bt_obj(kwnames));
    return kept(bt_call(t, lookup(name), args, n, kwnames));
}

/* The pending exception has this type and message. */
static void expect_exc(BtType *type, const char *msg) {
    cr_assert(bt_has_exc(t), "expected %s", msg);
    BtValue e = kept(bt_take_exc(t));
    cr_assert(bt_isinstance(t, e, type), "wrong exception type for %s", msg);
    BtValue s = bt_str(t, e);
    cr_assert(!bt_is_undef(s));
    cr_assert_str_eq(bt_as_str(s)->data, msg);
}

static void expect_int(BtValue v, int64_t want) {
    int64_t got;
    cr_assert(!bt_has_exc(t), "unexpected exception");
    cr_assert(bt_is_integer(v) && bt_int_as_i64(v, &got), "not a 64-bit int");
    cr_assert_eq(got, want, "%lld != %lld", (long long)got, (long long)want);
}

static void expect_repr(BtValue v, const char *want) {
    cr_assert(!bt_is_undef(v), "raised instead of %s", want);
    BT_PUSH_ROOT(t, &v);
    BtValue r = bt_repr(t, v);
    BT_POP_ROOT(t, 1);
    cr_assert(!bt_is_undef(r));
    cr_assert_str_eq(bt_as_str(r)->data, want);
}

static BtValue tuple(BtValue *items, int n) {
    return kept(bt_obj(bt_tuple_from(t, items, (size_t)n)));
}

TestSuite(builtins, .init = setup, .fini = teardown);

Test(builtins, one_argument_builtins_word_their_errors_like_cpython) {
    call("len", NULL, 0);
    expect_exc(BT_EXC(t, TypeError), "len() takes exactly one argument (0 given)");
    BtValue a[2] = {bt_int(1), bt_int(2)};
    call("abs", a, 2);
    expect_exc(BT_EXC(t, TypeError), "abs() takes exactly one argument (2 given)");
    const char *kw[] = {"x"};
    call_kw("repr", a, 0, kw, 1);
    expect_exc(BT_EXC(t, TypeError), "repr() takes no keyword arguments");
    call("len", a, 1);
    expect_exc(BT_EXC(t, TypeError), "object of type 'int' has no len()");
}

Test(builtins, min_and_max_report_empty_input_and_bad_keywords) {
    call("max", NULL, 0);
    expect_exc(BT_EXC(t, TypeError), "max expected at least 1 argument, got 0");
    BtValue empty = tuple(NULL, 0);
    call("min", &empty, 1);
    expect_exc(BT_EXC(t, ValueError), "min() arg is an empty sequence");
    BtValue a[3] = {bt_int(1), bt_int(2), bt_int(0)};
    const char *dflt[] = {"default"};
    call_kw("max", a, 2, dflt, 1);
    expect_exc(BT_EXC(t, TypeError),
               "Cannot specify a default for max() with multiple positional arguments");
    const char *foo[] = {"foo"};
    call_kw("min", a, 2, foo, 1);
    expect_exc(BT_EXC(t, TypeError), "'foo' is an invalid keyword argument for min()");
    BtValue e[2] = {empty, str("none")};
    expect_repr(call_kw("max", e, 1, dflt, 1), "'none'");
    BtValue mixed[3] = {bt_int(3), bt_float(3.0), bt_int(1)};
    expect_repr(call("max", mixed, 3), "3"); /* the first of equal maxima wins */
}

Test(builtins, sum_refuses_strings_and_grows_past_64_bits) {
    BtValue a[2] = {tuple(NULL, 0), str("")};
    call("sum", a, 2);
    expect_exc(BT_EXC(t, TypeError), "sum() can't sum strings [use ''.join(seq) instead]");
    call("sum", NULL, 0);
    expect_exc(BT_EXC(t, TypeError), "sum() takes at least 1 positional argument (0 given)");
    BtValue big[2] = {kept(bt_int_from_i64(t, INT64_MAX)), bt_int(1)}; /* a heap int: kept */
    BtValue tb = tuple(big, 2);
    expect_repr(call("sum", &tb, 1), "9223372036854775808");
    BtValue fl[2] = {bt_float(0.5), bt_int(2)};
    BtValue tf = tuple(fl, 2);
    expect_repr(call("sum", &tf, 1), "2.5");
}

Test(builtins, chr_and_ord_check_ranges_and_lengths) {
    BtValue v = bt_int(0x110000);
    call("chr", &v, 1);
    expect_exc(BT_EXC(t, ValueError), "chr() arg not in range(0x110000)");
    v = bt_int(0x1F600);
    BtValue c = call("chr", &v, 1);
    cr_assert_str_eq(bt_as_str(c)->data, "\xF0\x9F\x98\x80");
    expect_int(call("ord", &c, 1), 0x1F600);
    v = str("ab");
    call("ord", &v, 1);
    expect_exc(BT_EXC(t, TypeError), "ord() expected a character, but string of length 2 found");
    v = bt_int(1);
    call("ord", &v, 1);
    expect_exc(BT_EXC(t, TypeError), "ord() expected string of length 1, but int found");
}

Test(builtins, hex_oct_bin_handle_the_most_negative_int) {
    BtValue v = kept(bt_int_from_i64(t, INT64_MIN));
    expect_repr(call("hex", &v, 1), "'-0x8000000000000000'");
    v = bt_int(-8);
    expect_repr(call("oct", &v, 1), "'-0o10'");
    v = bt_int(0);
    expect_repr(call("bin", &v, 1), "'0b0'");
    v = bt_float(1.5);
    call("hex", &v, 1);
    expect_exc(BT_EXC(t, TypeError), "'float' object cannot be interpreted as an integer");
}

Test(builtins, isinstance_checks_nested_tuples_left_to_right) {
    BtValue inner[2] = {bt_obj(BT_TYPE(t, str)), bt_obj(BT_TYPE(t, float_))};
    BtValue outer[2] = {tuple(inner, 2), bt_obj(BT_TYPE(t, int_))};
    BtValue a[2] = {bt_int(1), tuple(outer, 2)};
    expect_repr(call("isinstance", a, 2), "True");
    BtValue bad[2] = {bt_obj(BT_TYPE(t, int_)), bt_int(1)};
    BtValue b[2] = {bt_int(1), tuple(bad, 2)};
    expect_repr(call("isinstance", b, 2), "True"); /* int matched before 1 is seen */
    BtValue bad2[2] = {bt_int(1), bt_obj(BT_TYPE(t, int_))};
    b[1] = tuple(bad2, 2);
    call("isinstance", b, 2);
    expect_exc(BT_EXC(t, TypeError),
               "isinstance() arg 2 must be a type, a tuple of types, or a union");
    BtValue c[2] = {bt_int(1), bt_obj(BT_TYPE(t, int_))};
    call("issubclass", c, 2);
    expect_exc(BT_EXC(t, TypeError), "issubclass() arg 1 must be a class");
    BtValue d[2] = {bt_obj(BT_TYPE(t, bool_)), bt_obj(BT_TYPE(t, int_))};
    expect_repr(call("issubclass", d, 2), "True");
}

Test(builtins, next_needs_an_iterator_and_honours_its_default) {
    BtValue v = bt_int(5);
    call("next", &v, 1);
    expect_exc(BT_EXC(t, TypeError), "'int' object is not an iterator");
    BtValue empty = tuple(NULL, 0);
    BtValue it[2] = {call("iter", &empty, 1), str("d")};
    expect_repr(call("next", it, 2), "'d'");
    call("next", it, 1);
    cr_assert(bt_exc_pending_is(t, BT_EXC(t, StopIteration)));
    bt_take_exc(t);
    BtValue two[2] = {bt_int(1), bt_int(2)};
    call("iter", two, 2);
    expect_exc(BT_EXC(t, TypeError), "iter(v, w): v must be callable");
}

Test(builtins, zip_strict_names_the_argument_that_differs) {
    BtValue one[1] = {bt_int(1)}, twov[2] = {bt_int(1), bt_int(2)};
    BtValue a[3] = {tuple(one, 1), tuple(one, 1), tuple(twov, 2)};
    BtValue strict[4] = {a[0], a[1], a[2], BT_TRUE};
    const char *kw[] = {"strict"};
    BtValue z = call_kw("zip", strict, 3, kw, 1);
    cr_assert(!bt_is_undef(z));
    BtValue l = bt_obj(bt_list_from_iterable(t, z));
    cr_assert(bt_is_undef(l) || bt_as_obj(l) == NULL);
    expect_exc(BT_EXC(t, ValueError), "zip() argument 3 is longer than arguments 1-2");
    BtValue b[3] = {tuple(twov, 2), tuple(one, 1), BT_TRUE};
    z = call_kw("zip", b, 2, kw, 1);
    bt_list_from_iterable(t, z);
    expect_exc(BT_EXC(t, ValueError), "zip() argument 2 is shorter than argument 1");
}

Test(builtins, enumerate_and_map_check_their_arguments) {
    call("enumerate", NULL, 0);
    expect_exc(BT_EXC(t, TypeError), "enumerate() missing required argument 'iterable'");
    BtValue a[2] = {tuple(NULL, 0), str("a")};
    call("enumerate", a, 2);
    expect_exc(BT_EXC(t, TypeError), "'str' object cannot be interpreted as an integer");
    call("map", a, 1);
    expect_exc(BT_EXC(t, TypeError), "map() must have at least two arguments.");
    call("filter", a, 1);
    expect_exc(BT_EXC(t, TypeError), "filter expected 2 arguments, got 1");
    BtValue e[2] = {str("ab"), bt_int(10)};
    expect_repr(bt_obj(bt_list_from_iterable(t, call("enumerate", e, 2))),
                "[(10, 'a'), (11, 'b')]");
}

Test(builtins, reversed_rejects_sets_and_iterators) {
    BtValue s = kept(bt_obj(bt_set_new(t, BT_TYPE(t, set))));
    call("reversed", &s, 1);
    expect_exc(BT_EXC(t, TypeError), "'set' object is not reversible");
    BtValue empty = tuple(NULL, 0);
    BtValue it = call("iter", &empty, 1);
    call("reversed", &it, 1);
    expect_exc(BT_EXC(t, TypeError), "'tuple_iterator' object is not reversible");
    BtValue abc = str("abc");
    expect_repr(bt_obj(bt_list_from_iterable(t, call("reversed", &abc, 1))), "['c', 'b', 'a']");
}

Test(builtins, getattr_default_and_attribute_name_type) {
    BtValue a[3] = {bt_int(1), str("nope"), str("dflt")};
    expect_repr(call("getattr", a, 3), "'dflt'");
    call("getattr", a, 2);
    expect_exc(BT_EXC(t, AttributeError), "'int' object has no attribute 'nope'");
    BtValue b[2] = {bt_int(1), bt_int(2)};
    call("hasattr", b, 2);
    expect_exc(BT_EXC(t, TypeError), "attribute name must be string, not 'int'");
    expect_repr(call("hasattr", a, 2), "False");
    call("getattr", a, 1);
    expect_exc(BT_EXC(t, TypeError), "getattr expected at least 2 arguments, got 1");
}

Test(builtins, pow_divmod_and_round_follow_cpython) {
    BtValue a[3] = {bt_int(2), bt_int(-1), bt_int(5)};
    expect_int(call("pow", a, 3), 3);
    a[2] = bt_int(0);
    call("pow", a, 3);
    expect_exc(BT_EXC(t, ValueError), "pow() 3rd argument cannot be 0");
    call("pow", a, 1);
    expect_exc(BT_EXC(t, TypeError), "pow() missing required argument 'exp' (pos 2)");
    BtValue d[2] = {bt_int(1), bt_int(0)};
    call("divmod", d, 2);
    expect_exc(BT_EXC(t, ZeroDivisionError), "integer division or modulo by zero");
    BtValue r[2] = {bt_float(2.675), bt_int(2)};
    expect_repr(call("round", r, 2), "2.67");
    r[0] = bt_float(2.5);
    expect_repr(call("round", r, 1), "2");
    r[0] = bt_float(INFINITY);
    call("round", r, 1);
    expect_exc(BT_EXC(t, OverflowError), "cannot convert float infinity to integer");
}

Test(builtins, print_checks_sep_and_end) {
    BtValue a[1] = {bt_int(1)};
    const char *kw[] = {"sep"};
    call_kw("print", a, 0, kw, 1);
    expect_exc(BT_EXC(t, TypeError), "sep must be None or a string, not int");
    const char *foo[] = {"foo"};
    call_kw("print", a, 0, foo, 1);
    expect_exc(BT_EXC(t, TypeError), "'foo' is an invalid keyword argument for print()");
}

/* A fresh file name under /tmp for one test. */
static void temp_name(char *buf, size_t n, const char *tag) {
    snprintf(buf, n, "/tmp/baton_test_builtins_%d_%s", (int)getpid(), tag);
}

Test(builtins, print_writes_into_a_file_object) {
    char name[128];
    temp_name(name, sizeof name, "print");
    BtValue o[2] = {str(name), str("w")};
    BtValue f = call("open", o, 2);
    cr_assert(!bt_is_undef(f));
    BT_PUSH_ROOT(t, &f);
    BtValue args[4] = {str("a"), bt_int(2), f, str("+")};
    const char *kw[] = {"file", "sep"};
    cr_assert(!bt_is_undef(call_kw("print", args, 2, kw, 2)));
    BtValue close = bt_getattr(t, f, bt_str_intern_cstr(t, "close"));
    cr_assert(!bt_is_undef(bt_call(t, close, NULL, 0, NULL)));
    BT_POP_ROOT(t, 1);
    FILE *fp = fopen(name, "r");
    char buf[32] = {0};
    cr_assert(fp && fgets(buf, sizeof buf, fp));
    fclose(fp);
    unlink(name);
    cr_assert_str_eq(buf, "a+2\n");
}

/* Call f.meth(*args). */
static BtValue meth(BtValue f, const char *name, BtValue *args, int n) {
    BtValue m = kept(bt_getattr(t, f, bt_str_intern_cstr(t, name)));
    cr_assert(!bt_is_undef(m), "no method %s", name);
    return kept(bt_call(t, m, args, n, NULL));
}

Test(builtins, text_files_read_universal_newlines_and_count_characters) {
    char name[128];
    temp_name(name, sizeof name, "text");
    FILE *fp = fopen(name, "wb");
    fputs("\xC3\xA9t\xC3\xA9\r\nb\rc\n", fp);
    fclose(fp);
    BtValue f = call("open", (BtValue[]){str(name)}, 1);
    cr_assert(!bt_is_undef(f));
    BT_PUSH_ROOT(t, &f);
    BtValue two = bt_int(2);
    expect_repr(meth(f, "read", &two, 1), "'\xC3\xA9t'");
    expect_repr(meth(f, "readline", NULL, 0), "'\xC3\xA9\\n'");
    expect_repr(meth(f, "readlines", NULL, 0), "['b\\n', 'c\\n']");
    expect_repr(meth(f, "readline", NULL, 0), "''");
    meth(f, "write", (BtValue[]){str("x")}, 1);
    cr_assert(bt_has_exc(t));
    BtValue e = kept(bt_take_exc(t));
    cr_assert_str_eq(bt_as_str(bt_str(t, e))->data, "not writable");
    meth(f, "close", NULL, 0);
    meth(f, "read", NULL, 0);
    expect_exc(BT_EXC(t, ValueError), "I/O operation on closed file.");
    BT_POP_ROOT(t, 1);
    unlink(name);
}

Test(builtins, binary_files_and_decode_errors) {
    char name[128];
    temp_name(name, sizeof name, "bin");
    FILE *fp = fopen(name, "wb");
    fputs("ab\xFF\n", fp);
    fclose(fp);
    BtValue o[2] = {str(name), str("rb")};
    BtValue f = call("open", o, 2);
    BT_PUSH_ROOT(t, &f);
    char want[192];
    snprintf(want, sizeof want, "<_io.BufferedReader name='%s'>", name);
    expect_repr(f, want);
    expect_repr(meth(f, "read", NULL, 0), "b'ab\\xff\\n'");
    meth(f, "close", NULL, 0);
    meth(f, "read", NULL, 0);
    expect_exc(BT_EXC(t, ValueError), "read of closed file");
    f = call("open", o, 1);
    meth(f, "read", NULL, 0);
    expect_exc(BT_EXC(t, UnicodeDecodeError),
               "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte");
    meth(f, "close", NULL, 0);
    BT_POP_ROOT(t, 1);
    unlink(name);
}

Test(builtins, open_validates_mode_and_reports_errno) {
    BtValue o[2] = {str("x"), str("q")};
    call("open", o, 2);
    expect_exc(BT_EXC(t, ValueError), "invalid mode: 'q'");
    o[1] = str("rw");
    call("open", o, 2);
    expect_exc(BT_EXC(t, ValueError), "must have exactly one of create/read/write/append mode");
    o[1] = str("rtb");
    call("open", o, 2);
    expect_exc(BT_EXC(t, ValueError), "can't have text and binary mode at once");
    o[0] = str("/nonexistent_dir_for_baton/x");
    call("open", o, 1);
    expect_exc(BT_EXC(t, FileNotFoundError),
               "[Errno 2] No such file or directory: '/nonexistent_dir_for_baton/x'");
    o[0] = bt_float(1.5);
    call("open", o, 1);
    expect_exc(BT_EXC(t, TypeError), "expected str, bytes or os.PathLike object, not float");
}

TestSuite(modules, .init = setup, .fini = teardown);

Test(modules, sys_limits_and_switch_interval) {
    BtValue zero = bt_int(0);
    call("sys.setrecursionlimit", &zero, 1);
    expect_exc(BT_EXC(t, ValueError), "recursion limit must be greater or equal than 1");
    call("sys.setswitchinterval", &zero, 1);
    expect_exc(BT_EXC(t, ValueError), "switch interval must be strictly positive");
    BtValue v = bt_float(0.01);
    call("sys.setswitchinterval", &v, 1);
    expect_repr(call("sys.getswitchinterval", NULL, 0), "0.01");
    expect_repr(call("sys.exc_info", NULL, 0), "(None, None, None)");
    expect_repr(lookup("sys.version"), "'3.11.0 (baton 0.1.0)'");
    BtValue impl = lookup("sys.implementation");
    expect_repr(bt_getattr(t, impl, bt_str_intern_cstr(t, "name")), "'baton'");
    call("sys.exit", &zero, 1);
    cr_assert(bt_exc_pending_is(t, BT_EXC(t, SystemExit)));
    bt_take_exc(t);
}

Test(modules, math_errors_follow_cpython) {
    BtValue v = bt_int(-1);
    call("math.sqrt", &v, 1);
    expect_exc(BT_EXC(t, ValueError), "math domain error");
    v = bt_int(1000);
    call("math.exp", &v, 1);
    expect_exc(BT_EXC(t, OverflowError), "math range error");
    v = bt_int(21);
    expect_repr(call("math.factorial", &v, 1), "51090942171709440000");
    expect_int(call("math.factorial", (BtValue[]){bt_int(20)}, 1), 2432902008176640000LL);
    v = str("4");
    call("math.sqrt", &v, 1);
    expect_exc(BT_EXC(t, TypeError), "must be real number, not str");
    BtValue c[2] = {bt_int(60), bt_int(30)};
    expect_int(call("math.comb", c, 2), 118264581564861424LL);
    c[0] = bt_int(70);
    expect_repr(call("math.comb", c, 2), "55347740058143507128");
    expect_int(call("math.isqrt", (BtValue[]){kept(bt_int_from_i64(t, INT64_MAX))}, 1), 3037000499LL);
    BtValue tenths[10];
    for (int i = 0; i < 10; i++)
        tenths[i] = bt_float(0.1);
    BtValue tt = tuple(tenths, 10);
    expect_repr(call("math.fsum", &tt, 1), "1.0");
    BtValue inf2[2] = {bt_float(INFINITY), bt_float(-INFINITY)};
    BtValue ti = tuple(inf2, 2);
    call("math.fsum", &ti, 1);
    expect_exc(BT_EXC(t, ValueError), "-inf + inf in fsum");
    expect_repr(call("math.floor", (BtValue[]){bt_float(-2.5)}, 1), "-3");
}

Test(modules, random_is_reproducible_and_checks_ranges) {
    BtValue seed = bt_int(7);
    call("random.seed", &seed, 1);
    BtValue a = call("random.random", NULL, 0);
    call("random.seed", &seed, 1);
    BtValue b = call("random.random", NULL, 0);
    cr_assert(bt_is_float(a) && bt_as_f64(a) == bt_as_f64(b) && bt_as_f64(a) >= 0 && bt_as_f64(a) < 1);
    BtValue empty = tuple(NULL, 0);
    call("random.choice", &empty, 1);
    expect_exc(BT_EXC(t, IndexError), "Cannot choose from an empty sequence");
    BtValue r[2] = {bt_int(5), bt_int(1)};
    call("random.randint", r, 2);
    expect_exc(BT_EXC(t, ValueError), "empty range for randrange() (5, 2, -3)");
    for (int i = 0; i < 200; i++) {
        BtValue d[2] = {bt_int(1), bt_int(6)};
        BtValue v = call("random.randint", d, 2);
        cr_assert(bt_is_int(v) && bt_as_i64(v) >= 1 && bt_as_i64(v) <= 6);
    }
}

Test(modules, errno_names_and_errorcode) {
    expect_int(lookup("errno.ENOENT"), 2);
    BtValue codes = lookup("errno.errorcode");
    expect_repr(bt_dict_get(t, bt_as_dict(codes), bt_int(11)), "'EAGAIN'");
}

Test(modules, time_sleep_rejects_negative_lengths) {
    BtValue v = bt_int(-1);
    call("time.sleep", &v, 1);
    expect_exc(BT_EXC(t, ValueError), "sleep length must be non-negative");
    v = bt_float(0.001);
    cr_assert(bt_is_none(call("time.sleep", &v, 1)));
    BtValue m = call("time.monotonic", NULL, 0);
    cr_assert(bt_is_float(m));
}

Test(modules, inspect_state_of_a_non_generator) {
    BtValue v = bt_int(5);
    call("inspect.getgeneratorstate", &v, 1);
    expect_exc(BT_EXC(t, AttributeError), "'int' object has no attribute 'gi_running'");
    expect_repr(lookup("inspect.GEN_SUSPENDED"), "'GEN_SUSPENDED'");
    expect_repr(call("inspect.isgenerator", &v, 1), "False");
}

/* The reprs of an iterator's items, joined by spaces (consumed with bt_next). */
static void expect_items(BtValue it, const char *want) {
    char got[256] = "";
    BT_PUSH_ROOT(t, &it);
    for (;;) {
        BtValue v = bt_next(t, it);
        if (bt_is_undef(v))
            break;
        BT_PUSH_ROOT(t, &v);
        BtValue r = bt_repr(t, v);
        BT_POP_ROOT(t, 1);
        cr_assert(!bt_is_undef(r));
        if (got[0])
            strcat(got, " ");
        strncat(got, bt_as_str(r)->data, sizeof got - strlen(got) - 1);
    }
    BT_POP_ROOT(t, 1);
    cr_assert(!bt_has_exc(t));
    cr_assert_str_eq(got, want);
}

Test(modules, builtins_survive_collection_at_every_allocation) {
    in->heap.stress = true;
    BtValue e[2] = {str("abc"), bt_int(1)};
    expect_items(call("enumerate", e, 2), "(1, 'a') (2, 'b') (3, 'c')");
    BtValue z[2] = {str("ab"), str("xy")};
    expect_items(call("zip", z, 2), "('a', 'x') ('b', 'y')");
    BtValue m[2] = {lookup("repr"), str("ab")};
    expect_items(call("map", m, 2), "\"'a'\" \"'b'\"");
    BtValue s = str("hel");
    expect_items(call("reversed", &s, 1), "'l' 'e' 'h'");
    BtValue big[3] = {bt_float(1.5), bt_int(2), bt_float(0.5)};
    BtValue tb = tuple(big, 3);
    BT_PUSH_ROOT(t, &tb); /* arguments from C must be rooted by their caller */
    expect_repr(call("max", &tb, 1), "2");
    BT_POP_ROOT(t, 1);
    in->heap.stress = false;
}

Test(builtins, a_collected_file_closes_its_descriptor) {
    char name[128];
    temp_name(name, sizeof name, "gc");
    BtValue o[2] = {str(name), str("w")};
    BtValue f = bt_call(t, lookup("open"), o, 2, NULL);
    cr_assert(!bt_is_undef(f));
    BT_PUSH_ROOT(t, &f);
    BtValue fileno = bt_getattr(t, f, bt_str_intern_cstr(t, "fileno"));
    BtValue fd = bt_call(t, fileno, NULL, 0, NULL);
    BtValue write = bt_getattr(t, f, bt_str_intern_cstr(t, "write"));
    BT_PUSH_ROOT(t, &write);
    BtValue text = str("kept");
    cr_assert(!bt_is_undef(bt_call(t, write, &text, 1, NULL)));
    BT_POP_ROOT(t, 2);
    f = write = fileno = BT_UNDEF;
    bt_gc_collect(t);
    cr_assert(fcntl((int)bt_as_i64(fd), F_GETFD) == -1, "descriptor still open");
    FILE *fp = fopen(name, "r");
    char buf[16] = {0};
    cr_assert(fp && fgets(buf, sizeof buf, fp));
    fclose(fp);
    unlink(name);
    cr_assert_str_eq(buf, "kept");
}
