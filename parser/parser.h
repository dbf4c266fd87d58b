/* parser.h: tokens to a syntax tree (parser stage; see parser/README.md).
 *
 * A recursive-descent parser over the lexer's tokens that builds the AST of
 * ast.h in an arena. It stops at the first error and reports it as a
 * BtSyntaxError (plain data, CPython 3.11's wording), never as a crash: deep
 * nesting is bounded and reported like CPython ("too many nested
 * parentheses"), not a C stack overflow.
 */
#ifndef BT_PARSER_H
#define BT_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lexer/syntax_error.h"
#include "parser/ast.h"

typedef enum {
    BT_PARSE_FILE,        /* a module: statements until end of input */
    BT_PARSE_INTERACTIVE, /* one REPL input: a statement or compound block */
    BT_PARSE_EVAL,        /* a single expression (eval(), the stepper's `p EXPR`) */
} BtParseMode;

/* Parse src[0..len) into nodes allocated in arena. Returns the module node,
 * or NULL with *err filled on a syntax error (or on running out of memory,
 * reported as a MemoryError-style message). The tree lives as long as arena
 * and points into src for names and literals only through copies, so src may
 * be freed afterwards. Also runs the context checks CPython's compiler makes
 * ('return' outside function, 'break' outside loop, ...) in FILE and
 * INTERACTIVE mode. */
BtAstModule *bt_parse(BtArena *arena, const char *src, size_t len, BtParseMode mode,
                      BtSyntaxError *err);

/* Print the tree of src, as `baton --ast` does: one node per line, indented,
 * each with its line number. Returns false (and prints the syntax error to
 * err_out in CPython's layout) when parsing fails. */
bool bt_ast_dump(const char *filename, const char *src, size_t len, FILE *out, FILE *err_out);

/* Print a parsed tree in bt_ast_dump's layout; max_line sizes the line-number column. */
void bt_ast_print(const BtAstModule *mod, FILE *out, int max_line);

#endif
