/* test_parser.c: Criterion suite for parser/ (tree shapes, precedence, errors, limits).
 *
 * Trees are compared through the --ast printer with the line-number column removed,
 * so each expectation reads like `baton --ast` output. Error expectations were taken
 * from python3.11 on the same source (message, 1-based line and column).
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"

#ifndef BT_SOURCE_ROOT
#define BT_SOURCE_ROOT "."
#endif

/* The --ast dump of src without its line-number column; NULL on a syntax error. */
static char *tree(const char *src) {
    BtArena *arena = bt_arena_new();
    BtSyntaxError err;
    BtAstModule *mod = bt_parse(arena, src, strlen(src), BT_PARSE_FILE, &err);
    if (!mod) {
        cr_log_error("unexpected error in %s: %s (line %d col %d)", src, err.message, err.line,
                     err.col);
        bt_arena_free(arena);
        return NULL;
    }
    char *raw = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&raw, &n);
    bt_ast_print(mod, f, 1);
    fclose(f);
    bt_arena_free(arena);
    /* Drop "NNN  " at the start of every line. */
    char *out = malloc(n + 1), *o = out;
    for (char *line = raw; *line;) {
        char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line + 1) : strlen(line);
        size_t skip = len >= 5 ? 5 : len;
        memcpy(o, line + skip, len - skip);
        o += len - skip;
        line += len;
    }
    *o = '\0';
    free(raw);
    return out;
}

#define ASSERT_TREE(src, want)                                                                     \
    do {                                                                                           \
        char *got_ = tree(src);                                                                    \
        cr_assert_not_null(got_, "parse failed: %s", src);                                        \
        cr_assert_str_eq(got_, want, "source: %s", src);                                          \
        free(got_);                                                                                \
    } while (0)

typedef struct {
    int line, col;
    char message[256];
    BtSyntaxErrorKind kind;
} Err;

static bool parse_error(const char *src, Err *e) {
    BtArena *arena = bt_arena_new();
    BtSyntaxError err;
    BtAstModule *mod = bt_parse(arena, src, strlen(src), BT_PARSE_FILE, &err);
    bt_arena_free(arena);
    if (mod)
        return false;
    e->line = err.line;
    e->col = err.col;
    e->kind = err.kind;
    snprintf(e->message, sizeof e->message, "%s", err.message);
    return true;
}

#define ASSERT_ERROR(src, msg, ln, cl)                                                             \
    do {                                                                                           \
        Err e_;                                                                                    \
        cr_assert(parse_error(src, &e_), "no error for: %s", src);                                 \
        cr_assert_str_eq(e_.message, msg, "source: %s", src);                                     \
        cr_assert_eq(e_.line, ln, "line %d, want %d for: %s", e_.line, ln, src);                  \
        cr_assert_eq(e_.col, cl, "col %d, want %d for: %s", e_.col, cl, src);                     \
    } while (0)

static void parses(const char *src) {
    char *t = tree(src);
    cr_assert_not_null(t, "parse failed: %s", src);
    free(t);
}

/* ---- precedence and associativity ---- */

Test(parser, unary_minus_binds_looser_than_power) {
    ASSERT_TREE("-2**2\n", "Expr\n  UnaryOp -\n    BinOp **\n      Constant 2\n      Constant 2\n");
}

Test(parser, power_takes_a_unary_exponent) {
    ASSERT_TREE("2**-1\n", "Expr\n  BinOp **\n    Constant 2\n    UnaryOp -\n      Constant 1\n");
}

Test(parser, power_is_right_associative) {
    ASSERT_TREE("a**b**c\n",
                "Expr\n  BinOp **\n    Name a\n    BinOp **\n      Name b\n      Name c\n");
}

Test(parser, minus_is_left_associative) {
    ASSERT_TREE("a-b-c\n",
                "Expr\n  BinOp -\n    BinOp -\n      Name a\n      Name b\n    Name c\n");
}

Test(parser, times_binds_tighter_than_plus) {
    ASSERT_TREE("a+b*c\n",
                "Expr\n  BinOp +\n    Name a\n    BinOp *\n      Name b\n      Name c\n");
}

Test(parser, bit_operators_order) {
    ASSERT_TREE("a|b^c&d<<e\n",
                "Expr\n  BinOp |\n    Name a\n    BinOp ^\n      Name b\n      BinOp &\n"
                "        Name c\n        BinOp <<\n          Name d\n          Name e\n");
}

Test(parser, not_binds_looser_than_comparison) {
    ASSERT_TREE("not a == b\n",
                "Expr\n  UnaryOp not\n    Compare ==\n      Name a\n      Name b\n");
}

Test(parser, chained_comparison_is_one_node) {
    ASSERT_TREE("a < b < c\n", "Expr\n  Compare < <\n    Name a\n    Name b\n    Name c\n");
}

Test(parser, not_in_and_is_not) {
    ASSERT_TREE("a not in b is not c\n",
                "Expr\n  Compare not in is not\n    Name a\n    Name b\n    Name c\n");
}

Test(parser, conditional_is_right_associative) {
    ASSERT_TREE("a if b else c if d else e\n",
                "Expr\n  IfExp\n    Name a\n    if\n      Name b\n    else\n      IfExp\n"
                "        Name c\n        if\n          Name d\n        else\n          Name e\n");
}

Test(parser, and_binds_tighter_than_or) {
    ASSERT_TREE("a or b and c\n",
                "Expr\n  BoolOp or\n    Name a\n    BoolOp and\n      Name b\n      Name c\n");
}

Test(parser, bool_chain_is_flat) {
    ASSERT_TREE("a or b or c\n", "Expr\n  BoolOp or\n    Name a\n    Name b\n    Name c\n");
}

Test(parser, lambda_with_parenthesized_yield) {
    ASSERT_TREE("lambda: (yield)\n", "Expr\n  Lambda ()\n    Yield\n");
}

Test(parser, unary_ops) {
    ASSERT_TREE("~+-x\n", "Expr\n  UnaryOp ~\n    UnaryOp +\n      UnaryOp -\n        Name x\n");
}

Test(parser, walrus) {
    ASSERT_TREE("if (n := f()):\n    pass\n",
                "If\n  NamedExpr\n    Name n (store)\n    Call\n      Name f\n  body:\n"
                "    Pass\n");
}

/* ---- assignments ---- */

Test(parser, chained_assignment) {
    ASSERT_TREE("x = y = z\n", "Assign\n  Name x (store)\n  Name y (store)\n  Name z\n");
}

Test(parser, starred_unpacking) {
    ASSERT_TREE("*a, b = c\n",
                "Assign\n  Tuple (store)\n    Starred (store)\n      Name a (store)\n"
                "    Name b (store)\n  Name c\n");
}

Test(parser, nested_list_target) {
    ASSERT_TREE("[a, (b, c)] = x\n",
                "Assign\n  List (store)\n    Name a (store)\n    Tuple (store)\n"
                "      Name b (store)\n      Name c (store)\n  Name x\n");
}

Test(parser, attribute_and_subscript_targets) {
    ASSERT_TREE("a.b[1:2] = 3\n",
                "Assign\n  Subscript (store)\n    Attribute .b\n      Name a\n    Slice\n"
                "      lower:\n        Constant 1\n      upper:\n        Constant 2\n"
                "  Constant 3\n");
}

Test(parser, augmented_assignment_every_operator) {
    const char *ops[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=",
                         "^=", "@="};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        char src[32], want[80];
        snprintf(src, sizeof src, "x %s 1\n", ops[i]);
        snprintf(want, sizeof want, "AugAssign %s\n  Name x (store)\n  Constant 1\n", ops[i]);
        ASSERT_TREE(src, want);
    }
}

Test(parser, annotated_assignment) {
    ASSERT_TREE("x: int = 1\n",
                "AnnAssign\n  Name x (store)\n  annotation:\n    Name int\n  Constant 1\n");
}

Test(parser, assignment_of_yield) {
    ASSERT_TREE("def f():\n    x = yield\n    y = yield from g()\n",
                "FunctionDef f()\n  Assign\n    Name x (store)\n    Yield\n  Assign\n"
                "    Name y (store)\n    YieldFrom\n      Call\n        Name g\n");
}

Test(parser, del_statement) {
    ASSERT_TREE("del a, b[0], c.d\n",
                "Delete\n  Name a (del)\n  Subscript (del)\n    Name b\n    Constant 0\n"
                "  Attribute .d (del)\n    Name c\n");
}

/* ---- compound statements ---- */

Test(parser, if_elif_else) {
    ASSERT_TREE("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
                "If\n  Name a\n  body:\n    Pass\n  else:\n    If\n      Name b\n      body:\n"
                "        Pass\n      else:\n        Pass\n");
}

Test(parser, while_else_break_continue) {
    ASSERT_TREE("while x:\n    break\n    continue\nelse:\n    pass\n",
                "While\n  Name x\n  body:\n    Break\n    Continue\n  else:\n    Pass\n");
}

Test(parser, for_else) {
    ASSERT_TREE("for i, j in x:\n    pass\nelse:\n    pass\n",
                "For\n  Tuple (store)\n    Name i (store)\n    Name j (store)\n  Name x\n"
                "  body:\n    Pass\n  else:\n    Pass\n");
}

Test(parser, def_with_every_parameter_kind) {
    ASSERT_TREE("def f(a, b=1, *args, c, d=2, **kw) -> int:\n    return a\n",
                "FunctionDef f(a, b=, *args, c, d=, **kw)\n  defaults:\n    Constant 1\n"
                "    Constant 2\n  returns:\n    Name int\n  Return\n    Name a\n");
}

Test(parser, def_with_bare_star_and_annotations) {
    ASSERT_TREE("def f(a: int, *, b):\n    pass\n",
                "FunctionDef f(a, *, b)\n  annotation of a:\n    Name int\n  Pass\n");
}

Test(parser, decorators_and_class) {
    ASSERT_TREE("@dec\n@mod.dec(1)\nclass A(B, C, metaclass=M):\n    x = 1\n",
                "ClassDef A\n  decorators:\n    Name dec\n    Call\n      Attribute .dec\n"
                "        Name mod\n      Constant 1\n  bases:\n    Name B\n    Name C\n"
                "  keyword metaclass=\n    Name M\n  Assign\n    Name x (store)\n"
                "    Constant 1\n");
}

Test(parser, try_except_else_finally) {
    ASSERT_TREE("try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept:\n    raise\n"
                "else:\n    pass\nfinally:\n    pass\n",
                "Try\n  body:\n    Pass\n  ExceptHandler as e\n    Tuple\n      Name A\n"
                "      Name B\n    body:\n      Pass\n  ExceptHandler\n    body:\n      Raise\n"
                "  else:\n    Pass\n  finally:\n    Pass\n");
}

Test(parser, raise_from) {
    ASSERT_TREE("raise E from x\n", "Raise\n  Name E\n  from:\n    Name x\n");
}

Test(parser, with_several_items) {
    ASSERT_TREE("with a as b, c:\n    pass\n",
                "With\n  withitem\n    Name a\n    as\n      Name b (store)\n  withitem\n"
                "    Name c\n  body:\n    Pass\n");
}

Test(parser, with_parenthesized_items) {
    ASSERT_TREE("with (a as b, c as d):\n    pass\n",
                "With\n  withitem\n    Name a\n    as\n      Name b (store)\n  withitem\n"
                "    Name c\n    as\n      Name d (store)\n  body:\n    Pass\n");
}

Test(parser, with_parenthesized_tuple_target) {
    ASSERT_TREE("with f() as (a, b):\n    pass\n",
                "With\n  withitem\n    Call\n      Name f\n    as\n      Tuple (store)\n"
                "        Name a (store)\n        Name b (store)\n  body:\n    Pass\n");
}

Test(parser, imports) {
    ASSERT_TREE("import os.path as p, sys\nfrom a.b import (c, d as e,)\nfrom . import x\n"
                "from m import *\n",
                "Import os.path as p, sys\nImportFrom a.b import c, d as e\n"
                "ImportFrom . import x\nImportFrom m import *\n");
}

Test(parser, global_nonlocal_assert_pass) {
    ASSERT_TREE("def f():\n    global a, b\n    def g():\n        nonlocal c\n    assert x, 'm'\n",
                "FunctionDef f()\n  Global a, b\n  FunctionDef g()\n    Nonlocal c\n  Assert\n"
                "    Name x\n    msg:\n      Constant 'm'\n");
}

Test(parser, semicolons_and_one_line_bodies) {
    ASSERT_TREE("if x: a = 1; b = 2\n",
                "If\n  Name x\n  body:\n    Assign\n      Name a (store)\n      Constant 1\n"
                "    Assign\n      Name b (store)\n      Constant 2\n");
}

/* ---- expressions ---- */

Test(parser, call_with_everything) {
    ASSERT_TREE("f(a, *b, c=1, **d)\n",
                "Expr\n  Call\n    Name f\n    Name a\n    Starred\n      Name b\n"
                "    keyword c=\n      Constant 1\n    keyword **\n      Name d\n");
}

Test(parser, generator_as_sole_argument) {
    ASSERT_TREE("f(x for x in y)\n",
                "Expr\n  Call\n    Name f\n    GeneratorExp\n      Name x\n      for\n"
                "        Name x (store)\n      in\n        Name y\n");
}

Test(parser, nested_comprehension) {
    ASSERT_TREE("[x for a in b if a for x in a]\n",
                "Expr\n  ListComp\n    Name x\n    for\n      Name a (store)\n    in\n"
                "      Name b\n    if\n      Name a\n    for\n      Name x (store)\n    in\n"
                "      Name a\n");
}

Test(parser, dict_and_set_comprehensions) {
    ASSERT_TREE("{k: v for k, v in x}\n{y for y in z}\n",
                "Expr\n  DictComp\n    Name k\n      Name v\n    for\n      Tuple (store)\n"
                "        Name k (store)\n        Name v (store)\n    in\n      Name x\n"
                "Expr\n  SetComp\n    Name y\n    for\n      Name y (store)\n    in\n"
                "      Name z\n");
}

Test(parser, displays) {
    ASSERT_TREE("([], (), {}, {1}, (1,), {'a': 1, **b}, [*c])\n",
                "Expr\n  Tuple\n    List\n    Tuple\n    Dict\n    Set\n      Constant 1\n"
                "    Tuple\n      Constant 1\n    Dict\n      Constant 'a'\n        Constant 1\n"
                "      **\n        Name b\n    List\n      Starred\n        Name c\n");
}

Test(parser, slices) {
    ASSERT_TREE("a[::2, 1:]\n",
                "Expr\n  Subscript\n    Name a\n    Tuple\n      Slice\n        step:\n"
                "          Constant 2\n      Slice\n        lower:\n          Constant 1\n");
}

Test(parser, lambda_parameters) {
    ASSERT_TREE("lambda x, y=1, *a, k, **kw: x\n",
                "Expr\n  Lambda (x, y=, *a, k, **kw)\n    defaults:\n      Constant 1\n"
                "    Name x\n");
}

Test(parser, constants) {
    ASSERT_TREE("(1_000, 0x1f, 0o17, 0b101, 1.5, 1e-3, .5, 1., True, None, ..., 'a' \"b\")\n",
                "Expr\n  Tuple\n    Constant 1000\n    Constant 31\n    Constant 15\n"
                "    Constant 5\n    Constant 1.5\n    Constant 0.001\n    Constant 0.5\n"
                "    Constant 1.0\n    Constant True\n    Constant None\n    Constant Ellipsis\n"
                "    Constant 'ab'\n");
}

Test(parser, big_int_keeps_its_digits) {
    ASSERT_TREE("99999999999999999999\n",
                "Expr\n  Constant 99999999999999999999 (beyond 64 bits)\n");
}

Test(parser, string_escapes) {
    ASSERT_TREE("'\\n\\t\\\\\\'\\x41\\u00e9\\101\\0\\d'\n",
                "Expr\n  Constant \"\\n\\t\\\\'AéA\\x00\\\\d\"\n");
}

Test(parser, raw_and_bytes_strings) {
    ASSERT_TREE("r'\\n'\nb'\\x00a'\n", "Expr\n  Constant '\\\\n'\nExpr\n  Constant b'\\x00a'\n");
}

Test(parser, fstring_parts) {
    ASSERT_TREE("f'a{x!r:>{w}}b{{c}}'\n",
                "Expr\n  JoinedStr\n    Constant 'a'\n    FormattedValue !r\n      Name x\n"
                "      format_spec:\n        JoinedStr\n          Constant '>'\n"
                "          FormattedValue\n            Name w\n    Constant 'b{c}'\n");
}

Test(parser, fstring_self_documenting) {
    ASSERT_TREE("f'{x=}'\n",
                "Expr\n  JoinedStr\n    Constant 'x='\n    FormattedValue !r\n      Name x\n");
}

Test(parser, soft_keyword_match_as_a_name) {
    parses("match = 3\nmatch(x)\nmatch.y = 1\nprint(match)\n");
}

Test(parser, match_statement) {
    ASSERT_TREE("match p:\n    case [1, *r] | {'k': None, **r} if r:\n        pass\n",
                "Match\n  Name p\n  match_case\n    MatchOr\n      MatchSequence\n"
                "        MatchValue\n          Constant 1\n        MatchStar r\n"
                "      MatchMapping **r\n        Constant 'k'\n          MatchSingleton None\n"
                "    guard:\n      Name r\n    body:\n      Pass\n");
    ASSERT_TREE("match a, b:\n    case P(x, y=-2) as q, _:\n        pass\n",
                "Match\n  Tuple\n    Name a\n    Name b\n  match_case\n    MatchSequence\n"
                "      MatchAs q\n        MatchClass\n          Name P\n          MatchAs x\n"
                "          y=\n            MatchValue\n              UnaryOp -\n"
                "                Constant 2\n      MatchAs _\n    body:\n      Pass\n");
}

Test(parser_errors, match_statement_errors) {
    ASSERT_ERROR("match x\n    case 1: pass\n", "expected ':'", 1, 8);
    ASSERT_ERROR("match x:\n    case 1\n        pass\n", "expected ':'", 2, 11);
    ASSERT_ERROR("match x:\n    pass\n", "invalid syntax", 2, 5);
    ASSERT_ERROR("match x:\n    case _ as _: pass\n", "cannot use '_' as a target", 2, 15);
    ASSERT_ERROR("match x:\n    case 1 as 2: pass\n", "invalid pattern target", 2, 15);
    ASSERT_ERROR("match x:\n    case C(a=1, 2): pass\n",
                 "positional patterns follow keyword patterns", 2, 17);
    ASSERT_ERROR("match x:\n    case y: pass\n    case 2: pass\n",
                 "name capture 'y' makes remaining patterns unreachable", 2, 10);
    ASSERT_ERROR("match x:\n    case [a] | [b]: pass\n",
                 "alternative patterns bind different names", 2, 17);
    ASSERT_ERROR("match x:\n    case {'a': 1, 'a': 2}: pass\n",
                 "mapping pattern checks duplicate key ('a')", 2, 10);
}

Test(parser, every_notebook_cell_parses) {
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/samples/talk", BT_SOURCE_ROOT);
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "cannot open %s", dir);
    int files = 0;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        size_t n = strlen(ent->d_name);
        if (n < 3 || strcmp(ent->d_name + n - 3, ".py") != 0)
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        FILE *f = fopen(path, "rb");
        cr_assert_not_null(f);
        static char buf[1 << 20];
        size_t len = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[len] = '\0';
        BtArena *arena = bt_arena_new();
        BtSyntaxError err;
        BtAstModule *mod = bt_parse(arena, buf, len, BT_PARSE_FILE, &err);
        cr_expect_not_null(mod, "%s: %s at %d:%d", ent->d_name, err.message, err.line, err.col);
        bt_arena_free(arena);
        files++;
    }
    closedir(d);
    cr_assert_gt(files, 0);
}

/* ---- syntax errors (texts and positions from python3.11) ---- */

Test(parser_errors, invalid_syntax) { ASSERT_ERROR("x = 1 2\n", "invalid syntax", 1, 7); }
Test(parser_errors, expected_colon) { ASSERT_ERROR("if x\n    pass\n", "expected ':'", 1, 5); }
Test(parser_errors, assign_to_literal) {
    ASSERT_ERROR("1 = x\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?",
                 1, 1);
}
Test(parser_errors, assign_to_call) {
    ASSERT_ERROR("f() = 1\n",
                 "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1);
}
Test(parser_errors, assign_to_call_in_chain) {
    ASSERT_ERROR("x = f() = 3\n", "cannot assign to function call", 1, 5);
}
Test(parser_errors, assign_to_expression) {
    ASSERT_ERROR("x + 1 = 2\n",
                 "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1);
}
Test(parser_errors, assign_in_condition) {
    ASSERT_ERROR("if x = 3:\n    pass\n",
                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4);
}
Test(parser_errors, for_target_literal) {
    ASSERT_ERROR("for 1 in x: pass\n", "cannot assign to literal", 1, 5);
}
Test(parser_errors, del_call) { ASSERT_ERROR("del f()\n", "cannot delete function call", 1, 5); }
Test(parser_errors, augassign_call) {
    ASSERT_ERROR("f() += 1\n", "'function call' is an illegal expression for augmented assignment",
                 1, 1);
}
Test(parser_errors, yield_assignment) {
    ASSERT_ERROR("x = yield = 3\n", "assignment to yield expression not possible", 1, 5);
}
Test(parser_errors, annotate_tuple) {
    ASSERT_ERROR("(a, b): int = 1\n", "only single target (not tuple) can be annotated", 1, 1);
}
Test(parser_errors, annotate_empty_tuple_or_list) {
    ASSERT_ERROR("(): int\n", "only single target (not tuple) can be annotated", 1, 1);
    ASSERT_ERROR("(): 1\n", "only single target (not tuple) can be annotated", 1, 1);
    ASSERT_ERROR("(): int = 3\n", "only single target (not tuple) can be annotated", 1, 1);
    ASSERT_ERROR("(),: int\n", "only single target (not tuple) can be annotated", 1, 1);
    ASSERT_ERROR("[]: int\n", "only single target (not list) can be annotated", 1, 1);
    ASSERT_ERROR("(()): int\n", "only single target (not tuple) can be annotated", 1, 2);
}
Test(parser_errors, expected_indented_block_messages) {
    ASSERT_ERROR("if x:\npass\n", "expected an indented block after 'if' statement on line 1", 2,
                 1);
    ASSERT_ERROR("if x:\n    pass\nelif y:\npass\n",
                 "expected an indented block after 'elif' statement on line 3", 4, 1);
    ASSERT_ERROR("if x:\n    pass\nelse:\npass\n",
                 "expected an indented block after 'else' statement on line 3", 4, 1);
    ASSERT_ERROR("while x:\npass\n", "expected an indented block after 'while' statement on line 1",
                 2, 1);
    ASSERT_ERROR("for x in y:\npass\n",
                 "expected an indented block after 'for' statement on line 1", 2, 1);
    ASSERT_ERROR("def f():\npass\n", "expected an indented block after function definition on "
                 "line 1", 2, 1);
    ASSERT_ERROR("class C:\npass\n", "expected an indented block after class definition on line 1",
                 2, 1);
    ASSERT_ERROR("try:\npass\n", "expected an indented block after 'try' statement on line 1", 2,
                 1);
    ASSERT_ERROR("try:\n    pass\nexcept:\npass\n",
                 "expected an indented block after 'except' statement on line 3", 4, 1);
    ASSERT_ERROR("try:\n    pass\nfinally:\npass\n",
                 "expected an indented block after 'finally' statement on line 3", 4, 1);
    ASSERT_ERROR("with x:\npass\n", "expected an indented block after 'with' statement on line 1",
                 2, 1);
}
Test(parser_errors, unexpected_indent) {
    Err e;
    cr_assert(parse_error("x = 1\n    y = 2\n", &e));
    cr_assert_str_eq(e.message, "unexpected indent");
    cr_assert_eq(e.kind, BT_SYNERR_INDENTATION);
    cr_assert_eq(e.line, 2);
}
Test(parser_errors, return_outside_function) {
    ASSERT_ERROR("return 1\n", "'return' outside function", 1, 1);
}
Test(parser_errors, yield_outside_function) {
    ASSERT_ERROR("def f():\n    return\nclass A:\n    yield 1\n", "'yield' outside function", 4,
                 5);
}
Test(parser_errors, break_outside_loop) {
    ASSERT_ERROR("for x in y:\n    def g():\n        break\n", "'break' outside loop", 3, 9);
}
Test(parser_errors, continue_outside_loop) {
    ASSERT_ERROR("while 1:\n    pass\nelse:\n    continue\n", "'continue' not properly in loop", 4,
                 5);
}
Test(parser_errors, later_parse_error_wins_over_context_error) {
    ASSERT_ERROR("return 1\nx = = 2\n", "invalid syntax", 2, 5);
}
Test(parser_errors, forgot_comma) {
    ASSERT_ERROR("print(1 2)\n", "invalid syntax. Perhaps you forgot a comma?", 1, 7);
    ASSERT_ERROR("x = [1, 2 3]\n", "invalid syntax. Perhaps you forgot a comma?", 1, 9);
}
Test(parser_errors, expected_except_or_finally) {
    ASSERT_ERROR("try:\n    pass\nx = 1\n", "expected 'except' or 'finally' block", 3, 1);
}
Test(parser_errors, call_argument_order) {
    ASSERT_ERROR("f(x=1, y)\n", "positional argument follows keyword argument", 1, 9);
    ASSERT_ERROR("f(**k, *a)\n",
                 "iterable argument unpacking follows keyword argument unpacking", 1, 8);
    ASSERT_ERROR("f(a for a in b, c)\n", "Generator expression must be parenthesized", 1, 3);
}
Test(parser_errors, unpacking_in_comprehension) {
    ASSERT_ERROR("[*a for a in b]\n", "iterable unpacking cannot be used in comprehension", 1, 2);
}
Test(parser_errors, parameters) {
    ASSERT_ERROR("def f(a=1, b): pass\n", "non-default argument follows default argument", 1, 12);
    ASSERT_ERROR("def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1, 10);
}
Test(parser_errors, mixed_bytes) {
    ASSERT_ERROR("x = 'a' b'b'\n", "cannot mix bytes and nonbytes literals", 1, 13);
}
Test(parser_errors, fstring_errors) {
    ASSERT_ERROR("x = f'{}'\n", "f-string: empty expression not allowed", 1, 10);
    ASSERT_ERROR("x = f'}'\n", "f-string: single '}' is not allowed", 1, 9);
}
Test(parser_errors, await_is_always_outside_an_async_function) {
    ASSERT_ERROR("await x\n", "'await' outside function", 1, 1);
    ASSERT_ERROR("def f():\n    return await x\n", "'await' outside async function", 2, 12);
}
Test(parser_errors, the_outer_await_is_reported_first) {
    ASSERT_ERROR("await (await x)\n", "'await' outside function", 1, 1);
    ASSERT_ERROR("await f(await x)\n", "'await' outside function", 1, 1);
}
Test(parser_errors, await_await_is_invalid_syntax) {
    ASSERT_ERROR("await await x\n", "invalid syntax", 1, 7);
    ASSERT_ERROR("def f():\n    await await x\n", "invalid syntax", 2, 11);
}
Test(parser_errors, unsupported_features_name_baton) {
    Err e;
    const char *srcs[] = {"x = 1j\n"};
    for (size_t i = 0; i < 1; i++) {
        cr_assert(parse_error(srcs[i], &e), "%s", srcs[i]);
        cr_assert(strstr(e.message, "not supported by Baton"), "%s: %s", srcs[i], e.message);
    }
}
Test(parser_errors, async_statements_outside_async_def) {
    ASSERT_ERROR("async for x in y: pass\n", "'async for' outside async function", 1, 1);
    ASSERT_ERROR("def f():\n    async with y: pass\n", "'async with' outside async function", 2,
                 5);
    ASSERT_ERROR("async def f():\n    g = lambda: await x\n", "'await' outside async function",
                 2, 17);
    ASSERT_ERROR("async def f():\n    yield from x\n", "'yield from' inside async function", 2,
                 5);
    ASSERT_ERROR("def f():\n    return [x async for x in y]\n",
                 "asynchronous comprehension outside of an asynchronous function", 2, 12);
    ASSERT_ERROR("def f():\n    return [await x for x in y]\n",
                 "asynchronous comprehension outside of an asynchronous function", 2, 12);
    Err e;
    cr_assert_not(parse_error("def f():\n    return (await x async for x in y)\n", &e),
                  "an asynchronous generator expression may stand in any function");
}
Test(parser, async_forms) {
    ASSERT_TREE("async def f():\n    async with a as b:\n        await c\n"
                "    async for i in d:\n        pass\n",
                "AsyncFunctionDef f()\n"
                "  AsyncWith\n"
                "    withitem\n"
                "      Name a\n"
                "      as\n"
                "        Name b (store)\n"
                "    body:\n"
                "      Expr\n"
                "        Await\n"
                "          Name c\n"
                "  AsyncFor\n"
                "    Name i (store)\n"
                "    Name d\n"
                "    body:\n"
                "      Pass\n");
}

/* ---- limits: a clean error, never a crash ---- */

static char *repeat(const char *head, const char *unit, int n, const char *tail) {
    size_t hu = strlen(head), uu = strlen(unit), tu = strlen(tail);
    char *s = malloc(hu + uu * (size_t)n + tu + 1), *o = s;
    memcpy(o, head, hu);
    o += hu;
    for (int i = 0; i < n; i++, o += uu)
        memcpy(o, unit, uu);
    memcpy(o, tail, tu + 1);
    return s;
}

static void deep_is_an_error(const char *head, const char *unit, const char *tail) {
    char *src = repeat(head, unit, 100000, tail);
    Err e;
    cr_assert(parse_error(src, &e), "100000 x '%s' parsed", unit);
    cr_assert_gt(strlen(e.message), 0);
    free(src);
}

Test(parser_limits, deep_not) { deep_is_an_error("x = ", "not ", "y\n"); }
Test(parser_limits, deep_minus) { deep_is_an_error("x = ", "-", "y\n"); }
Test(parser_limits, deep_parens) { deep_is_an_error("x = ", "-(", "y\n"); }
Test(parser_limits, deep_lists) { deep_is_an_error("x = ", "[", "y\n"); }
Test(parser_limits, deep_lambda) { deep_is_an_error("x = ", "lambda: ", "y\n"); }
Test(parser_limits, long_flat_sum) { deep_is_an_error("x = a", "+a", "\n"); }
Test(parser_limits, deep_power) { deep_is_an_error("x = 1", "**1", "\n"); }
Test(parser_limits, deep_power_of_unary) { deep_is_an_error("x = 1", "**-1", "\n"); }
Test(parser_limits, deep_await) { deep_is_an_error("x = ", "await ", "y\n"); }
Test(parser_limits, deep_minus_invert) { deep_is_an_error("x = ", "-~", "y\n"); }
Test(parser_limits, deep_conditional) { deep_is_an_error("x = ", "1 if 1 else ", "1\n"); }
Test(parser_limits, long_attribute_chain) { deep_is_an_error("x = a", ".b", "\n"); }
Test(parser_limits, long_call_chain) { deep_is_an_error("x = f", "()", "\n"); }
Test(parser_limits, deep_patterns) { deep_is_an_error("match x:\n case ", "[", "y\n"); }
Test(parser_limits, long_pattern_attribute) { deep_is_an_error("match x:\n case a", ".b", ": pass\n"); }
Test(parser_limits, long_subscript_chain) { deep_is_an_error("x = a", "[0]", "\n"); }
Test(parser_limits, deep_lambda_defaults) { deep_is_an_error("x = ", "lambda a=", "1\n"); }
Test(parser_limits, moderate_nesting_parses) {
    char *src = repeat("x = ", "-", 500, "y\n");
    parses(src);
    free(src);
}
