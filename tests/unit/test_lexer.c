/* test_lexer.c: Criterion suite for lexer/ (tokens, positions, errors, printing).
 *
 * Expected messages, lines and columns were taken from CPython 3.11 run on
 * the same text (column = SyntaxError.offset). Sources are copied into
 * buffers of their exact length, so ASan catches any read past the end.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexer/lexer.h"

/* A copy of src[0..len) in a heap block of exactly len bytes (never NUL-terminated). */
static char *exact(const char *src, size_t len) {
    char *p = malloc(len ? len : 1);
    cr_assert(p);
    memcpy(p, src, len);
    return p;
}

/* The kinds of all tokens of src, space-separated, up to ENDMARKER or ERROR. */
static const char *kinds_n(char *buf, size_t size, const char *src, size_t len) {
    char *copy = exact(src, len);
    BtLexer *lx = bt_lexer_new(copy, len);
    cr_assert(lx);
    BtToken t;
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < 100000; i++) {
        bool ok = bt_lexer_next(lx, &t);
        used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? " " : "",
                                 bt_token_kind_name(t.kind));
        if (!ok || t.kind == BT_TOK_ENDMARKER || used >= size)
            break;
    }
    bt_lexer_free(lx);
    free(copy);
    return buf;
}
#define KINDS(src) kinds_n((char[4096]){0}, 4096, (src), strlen(src))

/* Every token of src as "KIND@L:C-L:C='text'", space-separated. */
static const char *spans_n(char *buf, size_t size, const char *src, size_t len) {
    char *copy = exact(src, len);
    BtLexer *lx = bt_lexer_new(copy, len);
    BtToken t;
    size_t used = 0;
    buf[0] = '\0';
    while (used < size) {
        bool ok = bt_lexer_next(lx, &t);
        used += (size_t)snprintf(buf + used, size - used, "%s%s@%d:%d-%d:%d='%.*s'",
                                 used ? " " : "", bt_token_kind_name(t.kind), t.line, t.col,
                                 t.end_line, t.end_col, (int)t.length, copy + t.offset);
        if (!ok || t.kind == BT_TOK_ENDMARKER)
            break;
    }
    bt_lexer_free(lx);
    free(copy);
    return buf;
}
#define SPANS(src) spans_n((char[8192]){0}, 8192, (src), strlen(src))

/* The error lexing src[0..len) stops with (the test fails if it lexes cleanly). */
static BtSyntaxError error_n(const char *src, size_t len) {
    char *copy = exact(src, len);
    BtLexer *lx = bt_lexer_new(copy, len);
    BtToken t;
    int guard = 0;
    while (bt_lexer_next(lx, &t) && t.kind != BT_TOK_ENDMARKER && ++guard < 10000000)
        ;
    cr_assert_eq(t.kind, BT_TOK_ERROR, "no error for %.*s", (int)len, src);
    const BtSyntaxError *e = bt_lexer_error(lx);
    cr_assert(e);
    BtSyntaxError copy_err = *e;
    bt_lexer_free(lx);
    free(copy);
    return copy_err;
}
#define ERROR_OF(src) error_n((src), strlen(src))

#define ASSERT_ERROR(e, kind_, line_, col_, msg)                                                   \
    do {                                                                                           \
        BtSyntaxError e_ = (e);                                                                    \
        cr_assert_str_eq(e_.message, (msg));                                                       \
        cr_assert_eq(e_.kind, (kind_), "kind %d", e_.kind);                                        \
        cr_assert_eq(e_.line, (line_), "line %d, expected %d", e_.line, (line_));                  \
        cr_assert_eq(e_.col, (col_), "col %d, expected %d", e_.col, (col_));                       \
    } while (0)

/* What bt_syntax_error_print writes for the first error in src. */
static const char *printed_n(char *buf, size_t size, const char *src, size_t len) {
    BtSyntaxError e = error_n(src, len);
    char *copy = exact(src, len);
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    bt_syntax_error_print(&e, "f.py", copy, len, f);
    fclose(f);
    snprintf(buf, size, "%s", text);
    free(text);
    free(copy);
    return buf;
}
#define PRINTED(src) printed_n((char[4096]){0}, 4096, (src), sizeof(src) - 1)

/* ---- token kinds -------------------------------------------------------- */

Test(lexer, empty_source_is_just_endmarker) {
    cr_assert_str_eq(SPANS(""), "ENDMARKER@1:0-1:0=''");
}

Test(lexer, simple_assignment_gives_name_equal_int_newline) {
    cr_assert_str_eq(KINDS("x = 1\n"), "NAME = INT NEWLINE ENDMARKER");
}

Test(lexer, every_keyword_is_its_own_kind) {
    cr_assert_str_eq(KINDS("False None True and as assert async await break class continue\n"),
                     "False None True and as assert async await break class continue NEWLINE "
                     "ENDMARKER");
    cr_assert_str_eq(KINDS("def del elif else except finally for from global if import in\n"),
                     "def del elif else except finally for from global if import in NEWLINE "
                     "ENDMARKER");
    cr_assert_str_eq(KINDS("is lambda nonlocal not or pass raise return try while with yield\n"),
                     "is lambda nonlocal not or pass raise return try while with yield NEWLINE "
                     "ENDMARKER");
}

Test(lexer, soft_keywords_and_near_keywords_are_names) {
    cr_assert_str_eq(KINDS("match case _ iff Truex none elsewhere\n"),
                     "NAME NAME NAME NAME NAME NAME NAME NEWLINE ENDMARKER");
}

Test(lexer, keyword_lookup_matches_exact_spellings) {
    cr_assert_eq(bt_keyword_kind("while", 5), BT_TOK_WHILE);
    cr_assert_eq(bt_keyword_kind("whilex", 6), BT_TOK_NAME);
    cr_assert_eq(bt_keyword_kind("whil", 4), BT_TOK_NAME);
    cr_assert_eq(bt_keyword_kind("None", 4), BT_TOK_NONE);
    cr_assert_eq(bt_keyword_kind("none", 4), BT_TOK_NAME);
}

Test(lexer, every_operator_takes_its_longest_spelling) {
    cr_assert_str_eq(KINDS("( ) [ ] { } : , ; . ... @ -> := = + - * ** / // % | & ^ ~\n"),
                     "( ) [ ] { } : , ; . ... @ -> := = + - * ** / // % | & ^ ~ NEWLINE "
                     "ENDMARKER");
    cr_assert_str_eq(KINDS("<< >> == != < > <= >= += -= *= **= /= //= %= |= &= ^= <<= >>= @=\n"),
                     "<< >> == != < > <= >= += -= *= **= /= //= %= |= &= ^= <<= >>= @= NEWLINE "
                     "ENDMARKER");
}

Test(lexer, operators_without_spaces_split_greedily) {
    cr_assert_str_eq(KINDS("a**=b//c<<=d->e:=f...g\n"),
                     "NAME **= NAME // NAME <<= NAME -> NAME := NAME ... NAME NEWLINE ENDMARKER");
    cr_assert_str_eq(KINDS("x=-1;y=~2\n"), "NAME = - INT ; NAME = ~ INT NEWLINE ENDMARKER");
    cr_assert_str_eq(KINDS("a....b\n"), "NAME ... . NAME NEWLINE ENDMARKER");
}

Test(lexer, non_ascii_letters_make_names) {
    cr_assert_str_eq(SPANS("é = nom_ß + 名前\n"),
                     "NAME@1:0-1:2='é' =@1:3-1:4='=' NAME@1:5-1:11='nom_ß' +@1:12-1:13='+' "
                     "NAME@1:14-1:20='名前' NEWLINE@1:20-1:21='\n' ENDMARKER@2:0-2:0=''");
}

Test(lexer, combining_mark_may_continue_but_not_start_a_name) {
    cr_assert_str_eq(KINDS("a\xcc\x81 = 1\n"), "NAME = INT NEWLINE ENDMARKER");
    ASSERT_ERROR(ERROR_OF("x = \xcc\x81"
                          "abc\n"),
                 BT_SYNERR_SYNTAX, 1, 5, "invalid character '\xcc\x81' (U+0301)");
}

/* ---- numbers ------------------------------------------------------------- */

Test(lexer, integer_literals_in_every_base) {
    cr_assert_str_eq(KINDS("0 7 00 0_0 123 1_000 0x1f 0XaB_cd 0o17 0O1_7 0b101 0B1_0 0x_1\n"),
                     "INT INT INT INT INT INT INT INT INT INT INT INT INT NEWLINE ENDMARKER");
}

Test(lexer, float_literals_in_every_form) {
    cr_assert_str_eq(SPANS("1. .5 1e-3 1_0.5 1.5E+10 0e0 09.5 1_0e1_0\n"),
                     "FLOAT@1:0-1:2='1.' FLOAT@1:3-1:5='.5' FLOAT@1:6-1:10='1e-3' "
                     "FLOAT@1:11-1:16='1_0.5' FLOAT@1:17-1:24='1.5E+10' FLOAT@1:25-1:28='0e0' "
                     "FLOAT@1:29-1:33='09.5' FLOAT@1:34-1:41='1_0e1_0' NEWLINE@1:41-1:42='\n' "
                     "ENDMARKER@2:0-2:0=''");
}

Test(lexer, number_followed_by_keyword_splits_like_cpython) {
    cr_assert_str_eq(KINDS("1if x else 2\n"), "INT if NAME else INT NEWLINE ENDMARKER");
    cr_assert_str_eq(KINDS("0x1for\n"), "INT or NEWLINE ENDMARKER");
    cr_assert_str_eq(KINDS("1else\n"), "INT else NEWLINE ENDMARKER");
}

Test(lexer, number_then_dot_method_needs_a_space) {
    cr_assert_str_eq(KINDS("1 .real\n"), "INT . NAME NEWLINE ENDMARKER");
    ASSERT_ERROR(ERROR_OF("1.real\n"), BT_SYNERR_SYNTAX, 1, 2, "invalid decimal literal");
}

Test(lexer, bad_decimal_literals_point_where_cpython_does) {
    ASSERT_ERROR(ERROR_OF("x = 1abc\n"), BT_SYNERR_SYNTAX, 1, 5, "invalid decimal literal");
    ASSERT_ERROR(ERROR_OF("x = 1_\n"), BT_SYNERR_SYNTAX, 1, 6, "invalid decimal literal");
    ASSERT_ERROR(ERROR_OF("x = 1__0\n"), BT_SYNERR_SYNTAX, 1, 6, "invalid decimal literal");
    ASSERT_ERROR(ERROR_OF("x = 1e\n"), BT_SYNERR_SYNTAX, 1, 5, "invalid decimal literal");
    ASSERT_ERROR(ERROR_OF("x = 1e+\n"), BT_SYNERR_SYNTAX, 1, 7, "invalid decimal literal");
    ASSERT_ERROR(ERROR_OF("x = 1.5e_3\n"), BT_SYNERR_SYNTAX, 1, 7, "invalid decimal literal");
    ASSERT_ERROR(ERROR_OF("x = 1elsey\n"), BT_SYNERR_SYNTAX, 1, 5, "invalid decimal literal");
    ASSERT_ERROR(ERROR_OF("x = 1orb\n"), BT_SYNERR_SYNTAX, 1, 5, "invalid decimal literal");
}

Test(lexer, bad_radix_literals_name_their_base) {
    ASSERT_ERROR(ERROR_OF("x = 0xg\n"), BT_SYNERR_SYNTAX, 1, 6, "invalid hexadecimal literal");
    ASSERT_ERROR(ERROR_OF("x = 0x\n"), BT_SYNERR_SYNTAX, 1, 6, "invalid hexadecimal literal");
    ASSERT_ERROR(ERROR_OF("x = 0x1fora\n"), BT_SYNERR_SYNTAX, 1, 8, "invalid hexadecimal literal");
    ASSERT_ERROR(ERROR_OF("x = 0o8\n"), BT_SYNERR_SYNTAX, 1, 7,
                 "invalid digit '8' in octal literal");
    ASSERT_ERROR(ERROR_OF("x = 0o1_\n"), BT_SYNERR_SYNTAX, 1, 8, "invalid octal literal");
    ASSERT_ERROR(ERROR_OF("x = 0b2\n"), BT_SYNERR_SYNTAX, 1, 7,
                 "invalid digit '2' in binary literal");
    ASSERT_ERROR(ERROR_OF("x = 0b12\n"), BT_SYNERR_SYNTAX, 1, 8,
                 "invalid digit '2' in binary literal");
    ASSERT_ERROR(ERROR_OF("x = 0b\n"), BT_SYNERR_SYNTAX, 1, 6, "invalid binary literal");
}

Test(lexer, leading_zeros_are_an_error_with_a_range) {
    BtSyntaxError e = ERROR_OF("x = 0123\n");
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 1, 5,
                 "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                 "for octal integers");
    cr_assert_eq(e.end_col, 6);
    ASSERT_ERROR(ERROR_OF("x = 0_7\n"), BT_SYNERR_SYNTAX, 1, 5,
                 "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                 "for octal integers");
}

Test(lexer, imaginary_literal_is_not_supported_by_baton) {
    BtSyntaxError e = ERROR_OF("x = 1.5j\n");
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 1, 5, "complex numbers are not supported by Baton");
    cr_assert_eq(e.end_col, 9);
    ASSERT_ERROR(ERROR_OF("0777J\n"), BT_SYNERR_SYNTAX, 1, 1,
                 "complex numbers are not supported by Baton");
    ASSERT_ERROR(ERROR_OF("x = 1jx\n"), BT_SYNERR_SYNTAX, 1, 6, "invalid imaginary literal");
}

/* ---- strings ------------------------------------------------------------- */

Test(lexer, string_prefixes_in_any_case) {
    cr_assert_str_eq(KINDS("'a' \"b\" r'c' B'd' rb'e' Br'f' bR'g' u'h' U'i' R\"j\"\n"),
                     "STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING "
                     "NEWLINE ENDMARKER");
    cr_assert_str_eq(KINDS("f'a' F'b' rf'c' fR'd' Rf'e'\n"),
                     "FSTRING FSTRING FSTRING FSTRING FSTRING NEWLINE ENDMARKER");
}

Test(lexer, invalid_prefix_combinations_are_a_name_then_a_string) {
    cr_assert_str_eq(SPANS("ub'x' bu'x' ur'x'\n"),
                     "NAME@1:0-1:2='ub' STRING@1:2-1:5=''x'' NAME@1:6-1:8='bu' "
                     "STRING@1:8-1:11=''x'' NAME@1:12-1:14='ur' STRING@1:14-1:17=''x'' "
                     "NEWLINE@1:17-1:18='\n' ENDMARKER@2:0-2:0=''");
}

Test(lexer, escaped_quotes_do_not_end_a_string) {
    cr_assert_str_eq(SPANS("'a\\'b' \"c\\\\\" r'\\''\n"),
                     "STRING@1:0-1:6=''a\\'b'' STRING@1:7-1:12='\"c\\\\\"' "
                     "STRING@1:13-1:18='r'\\''' NEWLINE@1:18-1:19='\n' ENDMARKER@2:0-2:0=''");
}

Test(lexer, empty_strings_are_two_quotes) {
    cr_assert_str_eq(KINDS("'' \"\" b''\n"), "STRING STRING STRING NEWLINE ENDMARKER");
}

Test(lexer, triple_quoted_string_spans_lines) {
    cr_assert_str_eq(SPANS("s = '''a\n'b'\n''c'''\nx\n"),
                     "NAME@1:0-1:1='s' =@1:2-1:3='=' STRING@1:4-3:6=''''a\n'b'\n''c'''' "
                     "NEWLINE@3:6-3:7='\n' NAME@4:0-4:1='x' NEWLINE@4:1-4:2='\n' "
                     "ENDMARKER@5:0-5:0=''");
}

Test(lexer, triple_quoted_string_ends_at_the_first_three_quotes) {
    cr_assert_str_eq(KINDS("\"\"\"a\"\"\"\"\n"), "STRING ERROR");
    ASSERT_ERROR(ERROR_OF("\"\"\"a\"\"\"\"\n"), BT_SYNERR_SYNTAX, 1, 8,
                 "unterminated string literal (detected at line 1)");
}

Test(lexer, backslash_newline_continues_a_single_quoted_string) {
    cr_assert_str_eq(SPANS("'a\\\nb'\n"),
                     "STRING@1:0-2:2=''a\\\nb'' NEWLINE@2:2-2:3='\n' ENDMARKER@3:0-3:0=''");
}

Test(lexer, fstring_is_one_token_with_braces_inside) {
    cr_assert_str_eq(SPANS("f'{x!r:>{w}}'\n"),
                     "FSTRING@1:0-1:13='f'{x!r:>{w}}'' NEWLINE@1:13-1:14='\n' "
                     "ENDMARKER@2:0-2:0=''");
}

Test(lexer, unterminated_string_reports_its_start_and_the_line_seen) {
    ASSERT_ERROR(ERROR_OF("x = 1\ny = 'abc\nz = 2\n"), BT_SYNERR_SYNTAX, 2, 5,
                 "unterminated string literal (detected at line 2)");
    ASSERT_ERROR(ERROR_OF("x = rb'abc"), BT_SYNERR_SYNTAX, 1, 5,
                 "unterminated string literal (detected at line 1)");
    ASSERT_ERROR(ERROR_OF("x = 1\nx = 'a\\\nb"), BT_SYNERR_SYNTAX, 2, 5,
                 "unterminated string literal (detected at line 3)");
    cr_assert_eq(ERROR_OF("x = 'abc\n").incomplete, 0);
}

Test(lexer, string_open_at_end_of_input_after_backslash_is_incomplete) {
    BtSyntaxError e = ERROR_OF("x = 'a\\\n");
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 1, 5, "unterminated string literal (detected at line 1)");
    cr_assert_eq(e.incomplete, 1);
}

Test(lexer, unterminated_triple_quoted_string_is_incomplete) {
    BtSyntaxError e = ERROR_OF("x = 1\ny = '''abc\nz = 2\n\n");
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 2, 5,
                 "unterminated triple-quoted string literal (detected at line 4)");
    cr_assert_eq(e.incomplete, 1);
    ASSERT_ERROR(ERROR_OF("x = \"\"\"abc"), BT_SYNERR_SYNTAX, 1, 5,
                 "unterminated triple-quoted string literal (detected at line 1)");
}

Test(lexer, carriage_return_ends_a_single_quoted_string) {
    ASSERT_ERROR(ERROR_OF("x = 'a\rb'\n"), BT_SYNERR_SYNTAX, 1, 5,
                 "unterminated string literal (detected at line 1)");
}

/* ---- lines, indentation -------------------------------------------------- */

Test(lexer, indentation_gives_indent_and_dedent) {
    cr_assert_str_eq(SPANS("if x:\n    y\nz\n"),
                     "if@1:0-1:2='if' NAME@1:3-1:4='x' :@1:4-1:5=':' NEWLINE@1:5-1:6='\n' "
                     "INDENT@2:0-2:4='    ' NAME@2:4-2:5='y' NEWLINE@2:5-2:6='\n' "
                     "DEDENT@3:0-3:0='' NAME@3:0-3:1='z' NEWLINE@3:1-3:2='\n' "
                     "ENDMARKER@4:0-4:0=''");
}

Test(lexer, several_dedents_at_once_and_at_end_of_input) {
    cr_assert_str_eq(KINDS("a\n b\n  c\n   d\n e\n"),
                     "NAME NEWLINE INDENT NAME NEWLINE INDENT NAME NEWLINE INDENT NAME NEWLINE "
                     "DEDENT DEDENT NAME NEWLINE DEDENT ENDMARKER");
    cr_assert_str_eq(SPANS("if x:\n  y"),
                     "if@1:0-1:2='if' NAME@1:3-1:4='x' :@1:4-1:5=':' NEWLINE@1:5-1:6='\n' "
                     "INDENT@2:0-2:2='  ' NAME@2:2-2:3='y' NEWLINE@2:3-2:3='' "
                     "DEDENT@3:0-3:0='' ENDMARKER@3:0-3:0=''");
}

Test(lexer, blank_and_comment_lines_change_nothing) {
    cr_assert_str_eq(KINDS("if x:\n\n    # c\n  \n\ty\n        # deeper\n# top\n\tz\n"),
                     "if NAME : NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
    cr_assert_str_eq(KINDS("# only a comment"), "ENDMARKER");
    cr_assert_str_eq(KINDS("   "), "ENDMARKER");
    cr_assert_str_eq(KINDS("\n\n\n"), "ENDMARKER");
}

Test(lexer, tab_counts_to_the_next_multiple_of_eight) {
    cr_assert_str_eq(SPANS("if x:\n  \ty\n  \tz\n"),
                     "if@1:0-1:2='if' NAME@1:3-1:4='x' :@1:4-1:5=':' NEWLINE@1:5-1:6='\n' "
                     "INDENT@2:0-2:3='  \t' NAME@2:3-2:4='y' NEWLINE@2:4-2:5='\n' "
                     "NAME@3:3-3:4='z' NEWLINE@3:4-3:5='\n' DEDENT@4:0-4:0='' "
                     "ENDMARKER@4:0-4:0=''");
    /* a tab and eight spaces reach the same column, but CPython calls that a TabError */
    cr_assert_str_eq(KINDS("if x:\n\ty\n        z\n"),
                     "if NAME : NEWLINE INDENT NAME NEWLINE ERROR");
}

Test(lexer, final_newline_is_supplied_when_missing) {
    cr_assert_str_eq(SPANS("x = 1"),
                     "NAME@1:0-1:1='x' =@1:2-1:3='=' INT@1:4-1:5='1' NEWLINE@1:5-1:5='' "
                     "ENDMARKER@2:0-2:0=''");
    cr_assert_str_eq(KINDS("x  # comment"), "NAME NEWLINE ENDMARKER");
}

Test(lexer, brackets_join_lines_without_newline_or_indent) {
    cr_assert_str_eq(KINDS("x = (1,\n        2,  # c\n\n  3)\ny\n"),
                     "NAME = ( INT , INT , INT ) NEWLINE NAME NEWLINE ENDMARKER");
}

Test(lexer, backslash_joins_lines) {
    cr_assert_str_eq(SPANS("x = 1 + \\\n    2\n"),
                     "NAME@1:0-1:1='x' =@1:2-1:3='=' INT@1:4-1:5='1' +@1:6-1:7='+' "
                     "INT@2:4-2:5='2' NEWLINE@2:5-2:6='\n' ENDMARKER@3:0-3:0=''");
}

Test(lexer, backslash_in_indentation_keeps_the_first_column) {
    cr_assert_str_eq(KINDS("if x:\n  \\\n      y\n"),
                     "if NAME : NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER");
}

Test(lexer, crlf_is_one_newline) {
    cr_assert_str_eq(SPANS("if x:\r\n  y\r\n"),
                     "if@1:0-1:2='if' NAME@1:3-1:4='x' :@1:4-1:5=':' "
                     "NEWLINE@1:5-1:7='\r\n' INDENT@2:0-2:2='  ' NAME@2:2-2:3='y' "
                     "NEWLINE@2:3-2:5='\r\n' DEDENT@3:0-3:0='' ENDMARKER@3:0-3:0=''");
}

Test(lexer, stray_carriage_return_is_a_newline) {
    cr_assert_str_eq(KINDS("x = 1\ry = 2\r"), "NAME = INT NEWLINE NAME = INT NEWLINE ENDMARKER");
    cr_assert_str_eq(KINDS("x = 1  # c\rz\n"), "NAME = INT NEWLINE NAME NEWLINE ENDMARKER");
}

Test(lexer, form_feed_resets_the_indentation_column) {
    cr_assert_str_eq(KINDS("if x:\n    a = 1\n  \fb = 2\n"),
                     "if NAME : NEWLINE INDENT NAME = INT NEWLINE DEDENT NAME = INT NEWLINE "
                     "ENDMARKER");
    cr_assert_str_eq(KINDS("if x:\n    a = 1\n\f    b = 2\n"),
                     "if NAME : NEWLINE INDENT NAME = INT NEWLINE NAME = INT NEWLINE DEDENT "
                     "ENDMARKER");
}

Test(lexer, byte_order_mark_is_skipped) {
    cr_assert_str_eq(SPANS("\xEF\xBB\xBFx\n"),
                     "NAME@1:0-1:1='x' NEWLINE@1:1-1:2='\n' ENDMARKER@2:0-2:0=''");
}

Test(lexer, unexpected_indent_is_left_to_the_parser) {
    cr_assert_str_eq(KINDS("x = 1\n    y = 2\n"),
                     "NAME = INT NEWLINE INDENT NAME = INT NEWLINE DEDENT ENDMARKER");
}

Test(lexer, unindent_to_an_unknown_level_is_an_indentation_error) {
    ASSERT_ERROR(ERROR_OF("if x:\n        a = 1\n    b = 2\n"), BT_SYNERR_INDENTATION, 3, 10,
                 "unindent does not match any outer indentation level");
}

Test(lexer, mixing_tabs_and_spaces_is_a_tab_error) {
    ASSERT_ERROR(ERROR_OF("if x:\n\ta = 1\n        b = 2\n"), BT_SYNERR_TAB, 3, 1,
                 "inconsistent use of tabs and spaces in indentation");
    ASSERT_ERROR(ERROR_OF("if x:\n        a = 1\n\tb = 2\n"), BT_SYNERR_TAB, 3, 1,
                 "inconsistent use of tabs and spaces in indentation");
}

Test(lexer, a_hundred_levels_of_indentation_are_too_many) {
    char src[12000];
    size_t n = 0;
    for (int i = 0; i <= 100; i++)
        n += (size_t)snprintf(src + n, sizeof src - n, "%*sif x:\n", i, "");
    n += (size_t)snprintf(src + n, sizeof src - n, "%*spass\n", 101, "");
    ASSERT_ERROR(error_n(src, n), BT_SYNERR_INDENTATION, 101, 1, "too many levels of indentation");
}

/* ---- brackets ------------------------------------------------------------- */

Test(lexer, unclosed_bracket_is_reported_where_it_opened) {
    BtSyntaxError e = ERROR_OF("x = (1,\n  2\ny = 3\n");
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 1, 5, "'(' was never closed");
    cr_assert_eq(e.incomplete, 1);
    ASSERT_ERROR(ERROR_OF("x = foo(1, [2,\n"), BT_SYNERR_SYNTAX, 1, 12, "'[' was never closed");
}

Test(lexer, unmatched_closing_bracket) {
    ASSERT_ERROR(ERROR_OF("x = 1)\n"), BT_SYNERR_SYNTAX, 1, 6, "unmatched ')'");
    ASSERT_ERROR(ERROR_OF("}"), BT_SYNERR_SYNTAX, 1, 1, "unmatched '}'");
}

Test(lexer, mismatched_closing_bracket_names_both) {
    ASSERT_ERROR(ERROR_OF("x = (1]\n"), BT_SYNERR_SYNTAX, 1, 7,
                 "closing parenthesis ']' does not match opening parenthesis '('");
    ASSERT_ERROR(ERROR_OF("x = (1,\n 2]\n"), BT_SYNERR_SYNTAX, 2, 3,
                 "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
}

Test(lexer, two_hundred_nested_brackets_are_fine_but_not_more) {
    cr_assert_str_eq(KINDS("(("), "( ( ERROR");
    BtSyntaxError e = error_n("x = ((((", 8);
    cr_assert_str_eq(e.message, "'(' was never closed");
    char *deep = malloc(100000);
    memset(deep, '(', 100000);
    ASSERT_ERROR(error_n(deep, 100000), BT_SYNERR_SYNTAX, 1, 201, "too many nested parentheses");
    free(deep);
}

Test(lexer, two_hundred_nested_brackets_lex_cleanly) {
    char src[402];
    memset(src, '(', 200);
    memset(src + 200, ')', 200);
    src[400] = '\n';
    char *copy = exact(src, 401);
    BtLexer *lx = bt_lexer_new(copy, 401);
    BtToken t;
    int n = 0;
    while (bt_lexer_next(lx, &t) && t.kind != BT_TOK_ENDMARKER)
        n++;
    cr_assert_eq(t.kind, BT_TOK_ENDMARKER);
    cr_assert_eq(n, 401);
    bt_lexer_free(lx);
    free(copy);
}

/* ---- bad characters and bytes ---------------------------------------------- */

Test(lexer, invalid_characters_are_named_with_their_code_point) {
    ASSERT_ERROR(ERROR_OF("x = 1 \xe2\x82\xac 2\n"), BT_SYNERR_SYNTAX, 1, 7,
                 "invalid character '\xe2\x82\xac' (U+20AC)");
    ASSERT_ERROR(ERROR_OF("x = ab\xe2\x82\xac"
                          "cd\n"),
                 BT_SYNERR_SYNTAX, 1, 7, "invalid character '\xe2\x82\xac' (U+20AC)");
    ASSERT_ERROR(ERROR_OF("x = \xf0\x9f\x98\x80\n"), BT_SYNERR_SYNTAX, 1, 5,
                 "invalid character '\xf0\x9f\x98\x80' (U+1F600)");
    ASSERT_ERROR(ERROR_OF("x = \xd9\xa3"
                          "abc\n"),
                 BT_SYNERR_SYNTAX, 1, 5, "invalid character '\xd9\xa3' (U+0663)");
}

Test(lexer, non_printable_characters_are_named_by_code_point) {
    ASSERT_ERROR(ERROR_OF("x = 1\xc2\xa0"
                          "2\n"),
                 BT_SYNERR_SYNTAX, 1, 6, "invalid non-printable character U+00A0");
    ASSERT_ERROR(ERROR_OF("x = 1 \x01\n"), BT_SYNERR_SYNTAX, 1, 7,
                 "invalid non-printable character U+0001");
    ASSERT_ERROR(ERROR_OF("x = 1\x0by\n"), BT_SYNERR_SYNTAX, 1, 6,
                 "invalid non-printable character U+000B");
    ASSERT_ERROR(ERROR_OF("x = 1 \x7f\n"), BT_SYNERR_SYNTAX, 1, 7,
                 "invalid non-printable character U+007F");
}

Test(lexer, stray_characters_are_invalid_syntax_with_byte_columns) {
    BtSyntaxError e = ERROR_OF("x = $\n");
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 1, 5, "invalid syntax");
    cr_assert_eq(e.end_col, 6);
    ASSERT_ERROR(ERROR_OF("x = a?b\n"), BT_SYNERR_SYNTAX, 1, 6, "invalid syntax");
    ASSERT_ERROR(ERROR_OF("x = a!b\n"), BT_SYNERR_SYNTAX, 1, 6, "invalid syntax");
    ASSERT_ERROR(ERROR_OF("x = `a`\n"), BT_SYNERR_SYNTAX, 1, 5, "invalid syntax");
    e = ERROR_OF("1 <> 2\n");
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 1, 3, "invalid syntax");
    cr_assert_eq(e.end_col, 5);
}

Test(lexer, later_tokenizer_error_overrides_invalid_syntax_like_cpython) {
    const char *src = "x = $ 'abc\n";
    BtLexer *lx = bt_lexer_new(src, strlen(src));
    BtToken t;
    while (bt_lexer_next(lx, &t))
        ;
    BtSyntaxError e = *bt_lexer_error(lx);
    cr_assert(bt_lexer_check_rest(lx, e.line, &e));
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 1, 7, "unterminated string literal (detected at line 1)");
    bt_lexer_free(lx);
}

Test(lexer, unclosed_bracket_overrides_a_later_parser_error_only) {
    BtSyntaxError e;
    const char *src = "x = (1,\ny = = 1\n";
    BtLexer *lx = bt_lexer_new(src, strlen(src));
    cr_assert(bt_lexer_check_rest(lx, 2, &e));
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 1, 5, "'(' was never closed");
    bt_lexer_free(lx);
    src = "x = = 1\ny = (\n";
    lx = bt_lexer_new(src, strlen(src));
    cr_assert_not(bt_lexer_check_rest(lx, 1, &e));
    bt_lexer_free(lx);
    src = "x = = 1\ny = 2 \\ 3\n";
    lx = bt_lexer_new(src, strlen(src));
    cr_assert_not(bt_lexer_check_rest(lx, 1, &e));
    bt_lexer_free(lx);
}

Test(lexer, only_raised_tokenizer_errors_override_a_parser_error) {
    BtSyntaxError e;
    const char *src = "x = = 1\ny = 'abc\n";
    BtLexer *lx = bt_lexer_new(src, strlen(src));
    cr_assert(bt_lexer_check_rest(lx, 1, &e));
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 2, 5, "unterminated string literal (detected at line 2)");
    bt_lexer_free(lx);
    src = "x = = 1\ny = 1 + \\\n"; /* unexpected EOF is only a tokenizer state */
    lx = bt_lexer_new(src, strlen(src));
    cr_assert_not(bt_lexer_check_rest(lx, 1, &e));
    bt_lexer_free(lx);
    src = "x = = 1\nif x:\n    y\n  z\n"; /* so is a bad dedent */
    lx = bt_lexer_new(src, strlen(src));
    cr_assert_not(bt_lexer_check_rest(lx, 1, &e));
    bt_lexer_free(lx);
    src = "x = = 1\n\xff\n";
    lx = bt_lexer_new(src, strlen(src));
    cr_assert(bt_lexer_check_rest(lx, 1, &e));
    cr_assert_eq(e.line, 0);
    bt_lexer_free(lx);
}

Test(lexer, backslash_must_end_the_line) {
    ASSERT_ERROR(ERROR_OF("x = 1 \\ y\n"), BT_SYNERR_SYNTAX, 1, 8,
                 "unexpected character after line continuation character");
}

Test(lexer, backslash_at_end_of_input_is_unexpected_eof) {
    BtSyntaxError e = ERROR_OF("x = 1 + \\");
    ASSERT_ERROR(e, BT_SYNERR_SYNTAX, 1, 10, "unexpected EOF while parsing");
    cr_assert_eq(e.incomplete, 1);
    ASSERT_ERROR(ERROR_OF("x = 1 + \\\n"), BT_SYNERR_SYNTAX, 1, 10, "unexpected EOF while parsing");
    ASSERT_ERROR(ERROR_OF("foo(1, \\\n"), BT_SYNERR_SYNTAX, 1, 4, "'(' was never closed");
}

Test(lexer, null_byte_is_reported_when_its_line_is_reached) {
    ASSERT_ERROR(error_n("x = 1\0\n", 7), BT_SYNERR_SYNTAX, 1, 0,
                 "source code cannot contain null bytes");
    ASSERT_ERROR(error_n("x = 1\ny = 2\n   z = 3 \0 4\n", 25), BT_SYNERR_SYNTAX, 3, 0,
                 "source code cannot contain null bytes");
    /* an error on an earlier line comes first */
    ASSERT_ERROR(error_n("x = (1]\n\0\n", 10), BT_SYNERR_SYNTAX, 1, 7,
                 "closing parenthesis ']' does not match opening parenthesis '('");
}

Test(lexer, non_utf8_source_is_reported_without_a_location) {
    BtSyntaxError e = error_n("x = 1\n\xff\n", 8);
    cr_assert_eq(e.line, 0);
    cr_assert_str_eq(e.message, "Non-UTF-8 code starting with '\\xff' in file " BT_SYNERR_FILE_MARK
                                " on line 2, but no encoding declared; see "
                                "https://peps.python.org/pep-0263/ for details");
    char buf[300];
    bt_syntax_error_message(&e, "a.py", buf, sizeof buf);
    cr_assert(strstr(buf, "in file a.py on line 2,"));
    cr_assert_eq(error_n("# \xc0\x80\n", 5).line, 0);     /* overlong */
    cr_assert_eq(error_n("# \xed\xa0\x80\n", 6).line, 0); /* surrogate */
    cr_assert_eq(error_n("'\xe2\x82'\n", 5).line, 0);     /* cut short */
}

/* ---- printing like CPython ---------------------------------------------- */

Test(lexer, print_strips_indentation_and_moves_the_caret) {
    cr_assert_str_eq(PRINTED("if x:\n\ty = (1]\n"),
                     "  File \"f.py\", line 2\n"
                     "    y = (1]\n"
                     "          ^\n"
                     "SyntaxError: closing parenthesis ']' does not match opening parenthesis "
                     "'('\n");
}

Test(lexer, print_counts_characters_for_tokenizer_errors) {
    cr_assert_str_eq(PRINTED("s = '\xc3\xa9\xc3\xa9' + (1]\n"),
                     "  File \"f.py\", line 1\n"
                     "    s = '\xc3\xa9\xc3\xa9' + (1]\n"
                     "                 ^\n"
                     "SyntaxError: closing parenthesis ']' does not match opening parenthesis "
                     "'('\n");
}

Test(lexer, print_counts_bytes_where_cpython_does) {
    cr_assert_str_eq(PRINTED("if x:\n        a = 1\n    \xc3\xa9 = 2\n"),
                     "  File \"f.py\", line 3\n"
                     "    \xc3\xa9 = 2\n"
                     "          ^\n"
                     "IndentationError: unindent does not match any outer indentation level\n");
    cr_assert_str_eq(PRINTED("s = '\xc3\xa9' + (\n"), "  File \"f.py\", line 1\n"
                                                      "    s = '\xc3\xa9' + (\n"
                                                      "               ^\n"
                                                      "SyntaxError: '(' was never closed\n");
}

Test(lexer, print_omits_caret_left_of_the_text) {
    cr_assert_str_eq(PRINTED("if x:\n\ta = 1\n        b = 2\n"),
                     "  File \"f.py\", line 3\n"
                     "    b = 2\n"
                     "TabError: inconsistent use of tabs and spaces in indentation\n");
    cr_assert_str_eq(PRINTED("x = 1\n\0\n"),
                     "  File \"f.py\", line 2\n"
                     "    \n"
                     "SyntaxError: source code cannot contain null bytes\n");
    cr_assert_str_eq(PRINTED("x = 'a\0b'\n"),
                     "  File \"f.py\", line 1\n"
                     "    x = 'a\n"
                     "SyntaxError: source code cannot contain null bytes\n");
}

Test(lexer, print_clips_a_caret_past_the_end_of_the_line) {
    cr_assert_str_eq(PRINTED("x = 1 + \\\n  2 \\ y\n"),
                     "  File \"f.py\", line 2\n"
                     "    2 \\ y\n"
                     "         ^\n"
                     "SyntaxError: unexpected character after line continuation character\n");
    cr_assert_str_eq(PRINTED("x = 1 + \\"), "  File \"f.py\", line 1\n"
                                            "    x = 1 + \\\n"
                                            "             ^\n"
                                            "SyntaxError: unexpected EOF while parsing\n");
}

Test(lexer, print_draws_a_range_of_carets) {
    cr_assert_str_eq(PRINTED("x = 1j\n"),
                     "  File \"f.py\", line 1\n"
                     "    x = 1j\n"
                     "        ^^\n"
                     "SyntaxError: complex numbers are not supported by Baton\n");
    cr_assert_str_eq(PRINTED("1 <> 2\n"), "  File \"f.py\", line 1\n"
                                          "    1 <> 2\n"
                                          "      ^^\n"
                                          "SyntaxError: invalid syntax\n");
}

Test(lexer, print_of_non_utf8_source_is_one_line_naming_the_file) {
    cr_assert_str_eq(PRINTED("x = 1\n\xff\n"),
                     "SyntaxError: Non-UTF-8 code starting with '\\xff' in file f.py on line 2, "
                     "but no encoding declared; see https://peps.python.org/pep-0263/ for "
                     "details\n");
}

Test(lexer, print_follows_cpython_for_hand_made_errors) {
    /* Cases checked against SyntaxError objects printed by python3.11. */
    struct {
        BtSyntaxErrorKind kind;
        int line, col, end_line, end_col;
        const char *src, *want;
    } cases[] = {
        {BT_SYNERR_SYNTAX, 1, 3, 1, 6, "abcdef\n", "    abcdef\n      ^^^\n"},
        {BT_SYNERR_INDENTATION, 1, 3, 1, 6, "abcdef\n", "    abcdef\n      ^\n"},
        {BT_SYNERR_SYNTAX, 1, 3, 2, 2, "abcdef\n", "    abcdef\n      ^^^^\n"},
        {BT_SYNERR_SYNTAX, 1, 3, 2, 2, "abcdef", "    abcdef\n      ^^^\n"},
        {BT_SYNERR_SYNTAX, 1, 3, 1, 20, "  abcdef\n", "    abcdef\n    ^^^^^^^\n"},
        {BT_SYNERR_SYNTAX, 1, 20, 1, 30, "  abcdef\n", "    abcdef\n          ^\n"},
        {BT_SYNERR_SYNTAX, 1, 5, 1, 7, "  \tabcdef\n", "    abcdef\n     ^^\n"},
        {BT_SYNERR_SYNTAX, 1, 0, 1, 0, "abcdef\n", "    abcdef\n"},
        {BT_SYNERR_SYNTAX, 1, 3, 1, 5, "\f  abc\n", "    abc\n"},
        {BT_SYNERR_SYNTAX, 1, 1, 1, 9, "    abc\n", "    abc\n"},
        {BT_SYNERR_SYNTAX, 2, 1, 2, 2, "a\r\nb\r\n", "    b\n    ^\n"},
        {BT_SYNERR_SYNTAX, 3, 1, 3, 0, "a\rb\rc", "    c\n    ^\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        BtSyntaxError e;
        bt_syntax_error_set(&e, cases[i].kind, cases[i].line, cases[i].col, cases[i].end_line,
                            cases[i].end_col, "m");
        char *text = NULL, want[200];
        size_t n = 0;
        FILE *f = open_memstream(&text, &n);
        bt_syntax_error_print(&e, "f", cases[i].src, strlen(cases[i].src), f);
        fclose(f);
        snprintf(want, sizeof want, "  File \"f\", line %d\n%s%s: m\n", cases[i].line,
                 cases[i].want, bt_syntax_error_kind_name(cases[i].kind));
        cr_assert_str_eq(text, want, "case %zu", i);
        free(text);
    }
}

Test(lexer, message_longer_than_the_buffer_is_cut_at_a_character) {
    BtSyntaxError e;
    char name[400];
    for (int i = 0; i < 199; i++)
        memcpy(name + 2 * i, "\xc3\xa9", 2);
    name[398] = '\0';
    bt_syntax_error_set(&e, BT_SYNERR_SYNTAX, 1, 1, 1, 1, "xy%s", name);
    cr_assert_eq(strlen(e.message), 254);
    bt_syntax_error_set(&e, BT_SYNERR_SYNTAX, 1, 1, 1, 1, "x%s", name);
    cr_assert_eq(strlen(e.message), 255);
}

/* ---- --tokens ------------------------------------------------------------ */

Test(lexer, dump_prints_aligned_positions_kinds_and_reprs) {
    const char *src = "def f(a):\n    return 'it''s'\n";
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    cr_assert(bt_lexer_dump("f.py", src, strlen(src), f, stderr));
    fclose(f);
    cr_assert_str_eq(out, "1:0       def        'def'\n"
                          "1:4       NAME       'f'\n"
                          "1:5       (          '('\n"
                          "1:6       NAME       'a'\n"
                          "1:7       )          ')'\n"
                          "1:8       :          ':'\n"
                          "1:9       NEWLINE    '\\n'\n"
                          "2:0       INDENT     '    '\n"
                          "2:4       return     'return'\n"
                          "2:11      STRING     \"'it'\"\n"
                          "2:15      STRING     \"'s'\"\n"
                          "2:18      NEWLINE    '\\n'\n"
                          "3:0       DEDENT     ''\n"
                          "3:0       ENDMARKER  ''\n");
    free(out);
}

Test(lexer, dump_reports_errors_in_cpython_layout) {
    const char *src = "x = (1]\n";
    char *out = NULL, *err = NULL;
    size_t n = 0, m = 0;
    FILE *f = open_memstream(&out, &n), *g = open_memstream(&err, &m);
    cr_assert_not(bt_lexer_dump("f.py", src, strlen(src), f, g));
    fclose(f);
    fclose(g);
    cr_assert_str_eq(out, "1:0       NAME       'x'\n1:2       =          '='\n"
                          "1:4       (          '('\n1:5       INT        '1'\n");
    cr_assert_str_eq(err, "  File \"f.py\", line 1\n    x = (1]\n          ^\nSyntaxError: "
                          "closing parenthesis ']' does not match opening parenthesis '('\n");
    free(out);
    free(err);
}

/* ---- contract and robustness ------------------------------------------- */

Test(lexer, error_and_endmarker_repeat_forever) {
    const char *src = "x";
    BtLexer *lx = bt_lexer_new(src, 1);
    BtToken t;
    for (int i = 0; i < 3; i++)
        cr_assert(bt_lexer_next(lx, &t));
    cr_assert_eq(t.kind, BT_TOK_ENDMARKER);
    cr_assert(bt_lexer_next(lx, &t));
    cr_assert_eq(t.kind, BT_TOK_ENDMARKER);
    cr_assert_null(bt_lexer_error(lx));
    bt_lexer_free(lx);
    lx = bt_lexer_new(")", 1);
    cr_assert_not(bt_lexer_next(lx, &t));
    cr_assert_not(bt_lexer_next(lx, &t));
    cr_assert_eq(t.kind, BT_TOK_ERROR);
    cr_assert_str_eq(bt_lexer_error(lx)->message, "unmatched ')'");
    bt_lexer_free(lx);
}

Test(lexer, token_text_and_positions_agree_with_the_source) {
    const char *src = "class C:\n    def f(self, *a, **k):\n        return [x ** 2 for x in a]\n";
    BtLexer *lx = bt_lexer_new(src, strlen(src));
    BtToken t;
    while (bt_lexer_next(lx, &t) && t.kind != BT_TOK_ENDMARKER) {
        const char *ls = src;
        for (int l = 1; l < t.line; l++)
            ls = strchr(ls, '\n') + 1;
        cr_assert_eq((long)t.offset, (long)(ls - src) + t.col);
    }
    bt_lexer_free(lx);
}

/* Lex a whole file; checks invariants a parser relies on. */
static void check_file(const char *path) {
    FILE *f = fopen(path, "rb");
    cr_assert(f, "cannot open %s", path);
    char *buf = malloc(1 << 20);
    size_t len = fread(buf, 1, 1 << 20, f);
    fclose(f);
    char *src = exact(buf, len);
    free(buf);
    BtLexer *lx = bt_lexer_new(src, len);
    BtToken t;
    int depth = 0;
    uint32_t last_end = 0;
    while (bt_lexer_next(lx, &t) && t.kind != BT_TOK_ENDMARKER) {
        cr_assert_geq(t.offset, last_end, "%s: tokens overlap at line %d", path, t.line);
        last_end = t.offset + t.length;
        depth += (t.kind == BT_TOK_INDENT) - (t.kind == BT_TOK_DEDENT);
        cr_assert_geq(depth, 0, "%s", path);
        cr_assert(t.end_line > t.line || (t.end_line == t.line && t.end_col >= t.col));
        if (t.kind == BT_TOK_NAME || t.kind == BT_TOK_INT) {
            cr_assert_gt(t.length, 0);
            cr_assert_eq(memchr(src + t.offset, '\n', t.length), NULL);
        }
    }
    cr_assert_eq(t.kind, BT_TOK_ENDMARKER, "%s: %s at line %d", path,
                 bt_lexer_error(lx) ? bt_lexer_error(lx)->message : "?",
                 bt_lexer_error(lx) ? bt_lexer_error(lx)->line : 0);
    cr_assert_eq(depth, 0, "%s: unbalanced INDENT/DEDENT", path);
    bt_lexer_free(lx);
    free(src);
}

Test(lexer, every_talk_notebook_cell_lexes_cleanly) {
    const char *dir = BT_SOURCE_ROOT "/samples/talk";
    DIR *d = opendir(dir);
    cr_assert(d, "no %s", dir);
    int files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 3 || strcmp(e->d_name + n - 3, ".py") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        check_file(path);
        files++;
    }
    closedir(d);
    cr_assert_gt(files, 0);
}

Test(lexer, ten_megabyte_line_lexes) {
    size_t n = 10u << 20;
    char *src = malloc(n);
    memcpy(src, "x = ", 4);
    for (size_t i = 4; i + 4 <= n; i += 4)
        memcpy(src + i, "1 + ", 4);
    src[n - 1] = '1';
    BtLexer *lx = bt_lexer_new(src, n);
    BtToken t;
    size_t count = 0;
    while (bt_lexer_next(lx, &t) && t.kind != BT_TOK_ENDMARKER)
        count++;
    cr_assert_eq(t.kind, BT_TOK_ENDMARKER);
    cr_assert_gt(count, 5000000);
    bt_lexer_free(lx);
    free(src);
}

Test(lexer, hundred_thousand_lines_lex_in_milliseconds) {
    const char *unit = "def f(a, b=2):\n    if a > b:  # compare\n        return 'x' + str(a)\n"
                       "    yield from range(10_000)\n";
    size_t ul = strlen(unit), n = ul * 25000; /* 100,000 lines */
    char *src = malloc(n);
    for (size_t i = 0; i < 25000; i++)
        memcpy(src + i * ul, unit, ul);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    BtLexer *lx = bt_lexer_new(src, n);
    BtToken t;
    size_t count = 0;
    while (bt_lexer_next(lx, &t) && t.kind != BT_TOK_ENDMARKER)
        count++;
    clock_gettime(CLOCK_MONOTONIC, &b);
    double ms = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
    cr_log_info("100,000 lines, %zu tokens: %.1f ms", count, ms);
    cr_assert_eq(t.kind, BT_TOK_ENDMARKER);
    cr_assert_lt(ms, 2000.0); /* generous: sanitizer builds are slow */
    bt_lexer_free(lx);
    free(src);
}

Test(lexer, every_prefix_of_a_tricky_source_ends_cleanly_or_with_an_error) {
    const char *src = "if x:\r\n\tf(a, '''b\\\n''', r\"c\\\"\", 0x_1f, 1.5e-3,\\\n  [é, {}]) # c\n"
                      "\fclass C: pass\r  \\\n  y = '\xe2\x82\xac' \\\n";
    size_t len = strlen(src);
    for (size_t n = 0; n <= len; n++) {
        char *copy = exact(src, n);
        BtLexer *lx = bt_lexer_new(copy, n);
        BtToken t;
        int guard = 0;
        while (bt_lexer_next(lx, &t) && t.kind != BT_TOK_ENDMARKER)
            cr_assert_lt(++guard, 1000);
        if (t.kind == BT_TOK_ERROR)
            cr_assert(bt_lexer_error(lx)->message[0]);
        bt_lexer_free(lx);
        free(copy);
    }
}
