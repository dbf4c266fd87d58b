/* test_str.c: str, bytes and the formatters (vm/str.c, vm/bytes.c, vm/strformat.c).
 * Expected strings are what python3 3.11 prints for the same operations. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <string.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/strformat.h"

static BtInterp *in;
static BtThread *t;
static BtValue keep_list; /* results kept alive for the rest of a test (rooted) */

static void setup(void) {
    in = bt_interp_new(0, NULL, &t);
    cr_assert(in != NULL);
    /* Big enough that appending never reallocates during a test. */
    keep_list = bt_obj(bt_list_with_capacity(t, 4096));
    BT_PUSH_ROOT(t, &keep_list);
}

static void teardown(void) {
    bt_interp_free(in);
}

TestSuite(str, .init = setup, .fini = teardown);

/* Test strings are interned so that they stay alive across collections
 * (BATON_GC_STRESS collects at every allocation). */
static BtValue S(const char *s) {
    BtStr *x = bt_str_intern_cstr(t, s);
    cr_assert(x);
    return bt_obj(x);
}

static BtValue keep(BtValue v) {
    if (!bt_is_undef(v)) {
        cr_assert(bt_list_append(t, bt_as_list(keep_list), v));
    }
    return v;
}

/* Call the str/bytes method `name` on self with positional args, rooting them
 * as the VM's value stack would. */
static BtValue call_method(BtValue self, const char *name, int nargs, ...) {
    BtValue args[8];
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++)
        args[i] = va_arg(ap, BtValue);
    va_end(ap);
    BT_PUSH_ROOT(t, &self);
    for (int i = 0; i < nargs; i++)
        BT_PUSH_ROOT(t, &args[i]);
    BtType *tp = bt_type_of(t, self);
    BtValue m = bt_type_lookup(tp, bt_str_intern_cstr(t, name));
    cr_assert(!bt_is_undef(m), "no method %s", name);
    BtNative *n = (BtNative *)bt_as_obj(m);
    BtValue r = n->fn(t, self, args, nargs, NULL);
    BT_POP_ROOT(t, nargs + 1);
    return keep(r);
}

static const char *repr_of(BtValue v) {
    keep(v);
    BtValue r = bt_repr(t, v);
    cr_assert(!bt_is_undef(r));
    return bt_as_str(keep(r))->data;
}

static void expect_exc(BtType *type, const char *msg) {
    cr_assert(bt_has_exc(t), "expected %s", msg);
    BtValue e = bt_take_exc(t);
    cr_assert(bt_isinstance(t, e, type), "wrong type for %s", msg);
    BtValue s = bt_str(t, e);
    cr_assert_str_eq(bt_as_str(s)->data, msg);
}

Test(str, lengths_count_code_points) {
    BtStr *s = bt_as_str(S("h\xc3\xa9llo \xe6\x97\xa5"));
    cr_assert_eq(s->length, 7);
    cr_assert_eq(s->size, 10);
    cr_assert(!s->ascii);
    cr_assert(bt_as_str(S("abc"))->ascii);
}

Test(str, repr_quotes_and_escapes) {
    cr_assert_str_eq(repr_of(S("plain")), "'plain'");
    cr_assert_str_eq(repr_of(S("it's")), "\"it's\"");
    cr_assert_str_eq(repr_of(S("both ' and \"")), "'both \\' and \"'");
    cr_assert_str_eq(repr_of(S("tab\there\nnl\\")), "'tab\\there\\nnl\\\\'");
    cr_assert_str_eq(repr_of(bt_obj(bt_str_new(t, "\x00\x1f\x7f", 3))), "'\\x00\\x1f\\x7f'");
    cr_assert_str_eq(repr_of(S("\xc3\xa9\xe4\xb8\xad\xe2\x98\x95")),
                     "'\xc3\xa9\xe4\xb8\xad\xe2\x98\x95'");
    cr_assert_str_eq(repr_of(S("\xc2\xa0\xe2\x80\xa8")), "'\\xa0\\u2028'");
}

Test(str, format_helper_conversions) {
    BtStr *s = bt_str_format(t, "%s|%S|%R|%T|%d|%zu|%c|%x|%%|%5s|%-3d|%.2s|%lld", "a",
                             bt_as_str(S("b")), S("c"), bt_float(1.5), -42, (size_t)7, 0xe9, 255,
                             "r", 5, "xyz", (long long)INT64_MIN);
    cr_assert(s);
    cr_assert_str_eq(s->data,
                     "a|b|'c'|float|-42|7|\xc3\xa9|ff|%|    r|5  |xy|-9223372036854775808");
}

Test(str, interning_gives_unique_copies) {
    BtStr *a = bt_str_intern_cstr(t, "some_identifier");
    BtStr *b = bt_str_intern_cstr(t, "some_identifier");
    cr_assert_eq(a, b);
    cr_assert(a->hdr.flags & BT_STR_INTERNED);
    BtStr *fresh = bt_str_from_cstr(t, "some_identifier");
    cr_assert_neq(fresh, a);
    cr_assert_eq(bt_str_intern_str(t, fresh), a);
    BtStr *other = bt_str_from_cstr(t, "brand_new_name");
    cr_assert_eq(bt_str_intern_str(t, other), other);
    cr_assert_eq(bt_str_intern_cstr(t, "brand_new_name"), other);
    char longname[300];
    memset(longname, 'q', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    cr_assert_eq(bt_str_intern_cstr(t, longname), bt_str_intern_cstr(t, longname));
}

Test(str, hash_is_stable_and_never_minus_one) {
    BtStr *a = bt_as_str(S("hello")), *b = bt_as_str(S("hello"));
    cr_assert_eq(bt_str_hash(a), bt_str_hash(b));
    cr_assert_neq(bt_str_hash(a), -1);
    cr_assert(bt_str_equal(a, b));
    cr_assert(!bt_str_equal(a, bt_as_str(S("hellp"))));
}

Test(str, indexing_and_slicing_by_code_point) {
    BtValue s = S("h\xc3\xa9llo w\xc3\xb6rld");
    BtType *st = BT_TYPE(t, str);
    cr_assert_str_eq(bt_as_str(st->getitem(t, s, bt_int(1)))->data, "\xc3\xa9");
    cr_assert_str_eq(bt_as_str(st->getitem(t, s, bt_int(-4)))->data, "\xc3\xb6");
    cr_assert(bt_is_undef(st->getitem(t, s, bt_int(20))));
    expect_exc(BT_EXC(t, IndexError), "string index out of range");
    cr_assert(bt_is_undef(st->getitem(t, s, bt_float(1.5))));
    expect_exc(BT_EXC(t, TypeError), "string indices must be integers, not 'float'");
}

Test(str, concat_and_repeat) {
    BtType *st = BT_TYPE(t, str);
    cr_assert_str_eq(bt_as_str(st->binary(t, BT_BINOP_ADD, S("ab"), S("cd")))->data, "abcd");
    cr_assert_str_eq(bt_as_str(st->binary(t, BT_BINOP_MUL, S("ab"), bt_int(3)))->data, "ababab");
    cr_assert_str_eq(bt_as_str(st->binary(t, BT_BINOP_MUL, bt_int(2), S("x")))->data, "xx");
    cr_assert_eq(bt_as_str(st->binary(t, BT_BINOP_MUL, S("q"), bt_int(-2)))->size, 0);
    cr_assert(bt_is_undef(st->binary(t, BT_BINOP_ADD, S("a"), bt_int(1))));
    expect_exc(BT_EXC(t, TypeError), "can only concatenate str (not \"int\") to str");
    cr_assert(bt_is_undef(st->binary(t, BT_BINOP_MUL, S("a"), bt_float(1.5))));
    expect_exc(BT_EXC(t, TypeError), "can't multiply sequence by non-int of type 'float'");
}

/* repr of a method's result */
#define R(v) repr_of(v)

Test(str, split_family) {
    cr_assert_str_eq(R(call_method(S("a b  c"), "split", 0)), "['a', 'b', 'c']");
    cr_assert_str_eq(R(call_method(S("  lead and trail  "), "split", 0)),
                     "['lead', 'and', 'trail']");
    cr_assert_str_eq(R(call_method(S("a,b,,c"), "split", 1, S(","))), "['a', 'b', '', 'c']");
    cr_assert_str_eq(R(call_method(S("a,b,c"), "split", 2, S(","), bt_int(1))), "['a', 'b,c']");
    cr_assert_str_eq(R(call_method(S(""), "split", 0)), "[]");
    cr_assert_str_eq(R(call_method(S(""), "split", 1, S(","))), "['']");
    cr_assert_str_eq(R(call_method(S("a b c d"), "split", 2, BT_NONE, bt_int(2))),
                     "['a', 'b', 'c d']");
    cr_assert_str_eq(R(call_method(S("a b c d"), "rsplit", 2, BT_NONE, bt_int(2))),
                     "['a b', 'c', 'd']");
    cr_assert_str_eq(R(call_method(S("a,b,c"), "rsplit", 2, S(","), bt_int(1))), "['a,b', 'c']");
    cr_assert_str_eq(R(call_method(S("one\ntwo\r\nthree\rfour"), "splitlines", 0)),
                     "['one', 'two', 'three', 'four']");
    cr_assert_str_eq(R(call_method(S("a\nb\n"), "splitlines", 1, BT_TRUE)), "['a\\n', 'b\\n']");
    cr_assert(bt_is_undef(call_method(S("abc"), "split", 1, S(""))));
    expect_exc(BT_EXC(t, ValueError), "empty separator");
}

Test(str, strip_replace_find_count) {
    cr_assert_str_eq(R(call_method(S("  \t hi there \n "), "strip", 0)), "'hi there'");
    cr_assert_str_eq(R(call_method(S("xyhiyx"), "strip", 1, S("xy"))), "'hi'");
    cr_assert_str_eq(R(call_method(S("abcba"), "rstrip", 1, S("ab"))), "'abc'");
    cr_assert_str_eq(R(call_method(S("aaaa"), "replace", 3, S("a"), S("b"), bt_int(2))), "'bbaa'");
    cr_assert_str_eq(R(call_method(S("abc"), "replace", 2, S(""), S("-"))), "'-a-b-c-'");
    cr_assert_str_eq(R(call_method(S("abracadabra"), "rfind", 1, S("bra"))), "8");
    cr_assert_str_eq(R(call_method(S("abracadabra"), "find", 3, S("a"), bt_int(1), bt_int(3))),
                     "-1");
    cr_assert_str_eq(R(call_method(S("abc"), "count", 1, S(""))), "4");
    cr_assert_str_eq(R(call_method(S("h\xc3\xa9llo"), "find", 1, S("l"))), "2");
    cr_assert(bt_is_undef(call_method(S("hello"), "index", 1, S("z"))));
    expect_exc(BT_EXC(t, ValueError), "substring not found");
}

Test(str, case_and_predicates) {
    cr_assert_str_eq(R(call_method(S("stra\xc3\x9f"
                                     "e"),
                                   "upper", 0)),
                     "'STRASSE'");
    cr_assert_str_eq(R(call_method(S("\xc3\x89"
                                     "COLE"),
                                   "lower", 0)),
                     "'\xc3\xa9"
                     "cole'");
    cr_assert_str_eq(R(call_method(S("hello world"), "title", 0)), "'Hello World'");
    cr_assert_str_eq(R(call_method(S("\xd9\xa3"), "isdigit", 0)), "True");
    cr_assert_str_eq(R(call_method(S("\xc3\xa9"), "isalpha", 0)), "True");
    cr_assert_str_eq(R(call_method(S(""), "isspace", 0)), "False");
    cr_assert_str_eq(R(call_method(S("ABC1"), "isupper", 0)), "True");
}

Test(str, padding_and_partition) {
    cr_assert_str_eq(R(call_method(S("abc"), "center", 2, bt_int(6), S("*"))), "'*abc**'");
    cr_assert_str_eq(R(call_method(S("ab"), "center", 1, bt_int(7))), "'   ab  '");
    cr_assert_str_eq(R(call_method(S("-42"), "zfill", 1, bt_int(5))), "'-0042'");
    cr_assert_str_eq(R(call_method(S("key=value=x"), "partition", 1, S("="))),
                     "('key', '=', 'value=x')");
    cr_assert_str_eq(R(call_method(S("no sep"), "rpartition", 1, S("="))), "('', '', 'no sep')");
    cr_assert(bt_is_undef(call_method(S("a"), "ljust", 2, bt_int(5), S("ab"))));
    expect_exc(BT_EXC(t, TypeError), "The fill character must be exactly one character long");
}

Test(str, percent_formatting) {
    BtValue items[3] = {bt_int(42), bt_int(42), bt_int(42)};
    BtTuple *tu = bt_tuple_from(t, items, 3);
    keep(bt_obj(tu));
    BtValue r = bt_str_percent(t, bt_as_str(S("%5d|%-5d|%05d")), bt_obj(tu));
    cr_assert_str_eq(bt_as_str(r)->data, "   42|42   |00042");
    r = bt_str_percent(t, bt_as_str(S("%.2f|%x|%#o|%r|%c")), bt_obj(tu));
    cr_assert(bt_is_undef(r));
    expect_exc(BT_EXC(t, TypeError), "not enough arguments for format string");
    r = bt_str_percent(t, bt_as_str(S("%d")), S("x"));
    cr_assert(bt_is_undef(r));
    expect_exc(BT_EXC(t, TypeError), "%d format: a real number is required, not str");
    r = bt_str_percent(t, bt_as_str(S("%z")), bt_int(1));
    cr_assert(bt_is_undef(r));
    expect_exc(BT_EXC(t, ValueError), "unsupported format character 'z' (0x7a) at index 1");
    r = bt_str_percent(t, bt_as_str(S("100%% of %s")), bt_float(0.1));
    cr_assert_str_eq(bt_as_str(r)->data, "100% of 0.1");
}

Test(str, format_method) {
    BtValue args[3] = {bt_int(1), bt_int(2), bt_int(3)};
    BtValue r = bt_str_format_method(t, bt_as_str(S("{} + {} = {}")), args, 3, NULL);
    cr_assert_str_eq(bt_as_str(r)->data, "1 + 2 = 3");
    r = bt_str_format_method(t, bt_as_str(S("{0:>4}|{1:<3}|{2:^5}|{{}}")), args, 3, NULL);
    cr_assert_str_eq(bt_as_str(r)->data, "   1|2  |  3  |{}");
    r = bt_str_format_method(t, bt_as_str(S("{} {}")), args, 1, NULL);
    cr_assert(bt_is_undef(r));
    expect_exc(BT_EXC(t, IndexError), "Replacement index 1 out of range for positional args tuple");
    r = bt_str_format_method(t, bt_as_str(S("{0:d}")), (BtValue[]){S("s")}, 1, NULL);
    cr_assert(bt_is_undef(r));
    expect_exc(BT_EXC(t, ValueError), "Unknown format code 'd' for object of type 'str'");
}

Test(str, bytes_repr_decode_encode) {
    BtBytes *b = bt_bytes_new(t, (const uint8_t *)"\x00\x01\t\n\r\x7f\x80\xff'", 9);
    keep(bt_obj(b));
    cr_assert_str_eq(repr_of(bt_obj(b)), "b\"\\x00\\x01\\t\\n\\r\\x7f\\x80\\xff'\"");
    BtValue s = bt_bytes_decode(t, (const uint8_t *)"h\xc3\xa9", 3, NULL, NULL);
    cr_assert_str_eq(bt_as_str(s)->data, "h\xc3\xa9");
    s = bt_bytes_decode(t, (const uint8_t *)"\xff\xfe", 2, NULL, NULL);
    cr_assert(bt_is_undef(s));
    expect_exc(BT_EXC(t, UnicodeDecodeError),
               "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    s = bt_bytes_decode(t, (const uint8_t *)"a\xe2\x82", 3, "utf-8", NULL);
    cr_assert(bt_is_undef(s));
    expect_exc(BT_EXC(t, UnicodeDecodeError),
               "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data");
    s = bt_bytes_decode(t,
                        (const uint8_t *)"\xff"
                                         "a",
                        2, "utf-8", "replace");
    cr_assert_str_eq(bt_as_str(s)->data, "\xef\xbf\xbd"
                                         "a");
    BtValue e = bt_str_encode(t,
                              bt_as_str(S("\xc3\xa9"
                                          "bc")),
                              "ascii", NULL);
    cr_assert(bt_is_undef(e));
    expect_exc(BT_EXC(t, UnicodeEncodeError),
               "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in "
               "range(128)");
    e = bt_str_encode(t,
                      bt_as_str(S("\xc3\xa9"
                                  "bc")),
                      "latin-1", NULL);
    cr_assert_str_eq(repr_of(e), "b'\\xe9bc'");
}

Test(str, building_survives_collections) {
    /* Make many strings through every builder, collecting between steps, and
     * check the contents afterwards: anything unrooted would be freed and reused. */
    BtList *keep = bt_list_new(t, 0);
    BtValue kv = bt_obj(keep);
    BT_PUSH_ROOT(t, &kv);
    for (int i = 0; i < 200; i++) {
        BtStr *s = bt_str_format(t, "item %d: %R", i, bt_float(i / 4.0));
        cr_assert(s);
        cr_assert(bt_list_append(t, keep, bt_obj(s)));
        bt_gc_collect(t);
        BtValue parts = call_method(bt_obj(s), "split", 0);
        cr_assert(!bt_is_undef(parts));
        cr_assert(bt_list_append(t, keep, parts));
        bt_gc_collect(t);
        BtValue joined = call_method(S("-"), "join", 1, parts);
        cr_assert(bt_list_append(t, keep, joined));
        bt_gc_collect(t);
    }
    for (int i = 0; i < 200; i++) {
        char want[64];
        char fl[32];
        bt_float_repr(i / 4.0, fl, sizeof fl);
        snprintf(want, sizeof want, "item %d: %s", i, fl);
        cr_assert_str_eq(bt_as_str(keep->items[3 * i])->data, want);
        snprintf(want, sizeof want, "item-%d:-%s", i, fl);
        cr_assert_str_eq(bt_as_str(keep->items[3 * i + 2])->data, want);
    }
    BT_POP_ROOT(t, 1);
}

Test(str, lengths_of_long_mixed_text) {
    /* Code points counted eight bytes at a time, multi-byte characters anywhere. */
    const char *texts[] = {"plain ascii text that is longer than eight bytes",
                           "h\xc3\xa9llo w\xc3\xb6rld, \xe2\x82\xac and \xf0\x9f\x99\x82 too",
                           "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
                           "abcdefg\xc3\xa9", "abcdefgh\xc3\xa9", "\xe2\x82\xac"};
    size_t want[] = {48, 24, 9, 8, 9, 1}; /* len() of each in python3 */
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        BtStr *s = bt_str_from_cstr(t, texts[i]);
        cr_assert(s);
        cr_assert_eq(s->length, want[i], "text %zu: %zu", i, s->length);
        cr_assert_eq(s->ascii, s->length == s->size);
    }
}

Test(str, concat_n_joins_and_keeps_length_and_ascii) {
    BtValue parts[4] = {S("ab"), S("h\xc3\xa9"), S(""), S("cd")};
    for (int i = 0; i < 4; i++)
        BT_PUSH_ROOT(t, &parts[i]);
    BtStr *r = bt_str_concat_n(t, parts, 4);
    cr_assert(r);
    cr_assert_str_eq(r->data, "abh\xc3\xa9" "cd");
    cr_assert_eq(r->size, 7);
    cr_assert_eq(r->length, 6);
    cr_assert(!r->ascii);
    r = bt_str_concat_n(t, parts + 2, 2);
    cr_assert_str_eq(r->data, "cd");
    cr_assert(r->ascii && r->length == 2);
    cr_assert_eq(bt_str_concat_n(t, parts + 2, 1), BT_NAME(t, empty));
    cr_assert_eq(bt_str_concat_n(t, parts, 0), BT_NAME(t, empty));
    BT_POP_ROOT(t, 4);
}

/* format(v, spec) that must fail with MemoryError at once (CPython loops for
 * minutes on these, so a golden script cannot hold them). */
static void expect_format_memory_error(BtValue v, const char *spec) {
    BtValue r = bt_format_value(t, v, bt_as_str(S(spec)));
    cr_assert(bt_is_undef(r), "format(..., '%s') made a string", spec);
    cr_assert(bt_isinstance(t, bt_take_exc(t), BT_EXC(t, MemoryError)), "not a MemoryError");
}

Test(str, zero_padded_grouping_to_a_huge_width_is_a_memory_error_at_once) {
    expect_format_memory_error(bt_int(15), "01000000000000,");
    expect_format_memory_error(bt_int(15), "01000000000000_x");
    expect_format_memory_error(bt_float(1.5), "01000000000000,.2f");
    expect_format_memory_error(bt_int(-7), "09223372036854775807,");
    /* A width that fits is still laid out in full. */
    BtValue r = keep(bt_format_value(t, bt_int(15), bt_as_str(S("010,"))));
    cr_assert_str_eq(bt_as_str(r)->data, "00,000,015");
}

Test(str, text_buffers_refuse_to_grow_past_the_largest_string) {
    BtBuf b;
    bt_buf_init(&b);
    bt_buf_fill(&b, 'x', (size_t)1 << 40);
    cr_assert(b.oom, "a terabyte fill was accepted");
    bt_buf_free(&b);
    bt_buf_init(&b);
    bt_buf_repeat(&b, "\xe2\x82\xac", 3, SIZE_MAX / 2);
    cr_assert(b.oom, "a repeat whose size overflows was accepted");
    bt_buf_free(&b);
    bt_buf_init(&b);
    bt_buf_repeat(&b, "ab", 2, 3);
    bt_buf_append(&b, "", 0);
    cr_assert(!b.oom);
    cr_assert_eq(b.len, 6);
    cr_assert(memcmp(b.data, "ababab", 6) == 0);
    bt_buf_free(&b);
}
