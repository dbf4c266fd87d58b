/* parser_internal.h: what parser.c, literal.c and check.c share (parser stage; see
 * parser/README.md). Never included outside parser/.
 *
 * The parser state is one struct passed to every function: the token buffer over
 * the lexer, the arena, and the first error met (the parser stops there).
 */
#ifndef BT_PARSER_INTERNAL_H
#define BT_PARSER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lexer/lexer.h"
#include "parser/ast.h"
#include "parser/parser.h"

/* Nesting depth (statements inside blocks, expressions inside expressions) beyond
 * which the parser stops instead of recursing further; keeps the C stack small. */
#define BT_PARSER_MAX_DEPTH 200

/* A token and the bracket depth the lexer is at after it (CPython's tok->level),
 * which decides some error messages ("Perhaps you forgot a comma?"). */
typedef struct {
    BtToken t;
    int level;
} BtPTok;

typedef struct BtParser {
    BtArena *arena;
    const char *src;   /* the text being parsed (an f-string's sub-parser: its own text) */
    size_t len;
    BtLexer *lx;
    BtPTok *buf;       /* buf[0..nbuf): fetched tokens; buf[pos] is the current one */
    size_t nbuf, cap, pos;
    int level;         /* bracket depth after the last fetched token */
    int prev_end_line; /* end of the last consumed token: where a node being built ends */
    int prev_end_col;
    int probing;       /* > 0 while a look-ahead parse may rewind: keep every token */
    BtParseMode mode;
    int depth;         /* current recursion depth, bounded by BT_PARSER_MAX_DEPTH */
    BtSyntaxError *err;
    bool failed;       /* err holds the first error; every caller unwinds */
    bool lex_failed;   /* ... and it came from the lexer */
    /* Sub-parsers for the expressions inside f-strings: their positions are shifted
       back to the enclosing source (line_base added, col_base on their first line). */
    int line_base, col_base;
    bool in_fstring;
    int fstring_depth; /* nesting of f-strings inside format specs (CPython allows 2) */
    /* Scratch stack where lists grow while they are parsed; a finished list is
       copied into the arena and popped, so nested lists share one buffer. */
    void **scratch;
    size_t nscratch, capscratch;
} BtParser;

/* Record an error at the given 0-based span unless one is already recorded. Returns NULL
 * so that callers can `return parse_error(...)`. */
void *bt_parse_error_at(BtParser *p, int line, int col, int end_line, int end_col,
                        const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Parse the expression source of one f-string replacement field, text[0..n), which
 * starts at (line, col) of the enclosing source. Returns NULL on error (recorded in p). */
BtAstExpr *bt_parse_fstring_expr(BtParser *p, const char *text, size_t n, int line, int col);

/* Decode one INT or FLOAT token into a Constant node. NULL on error (recorded in p). */
BtAstExpr *bt_literal_number(BtParser *p, const BtToken *tok);

/* Decode the adjacent STRING/FSTRING tokens toks[0..n) into one Constant (str or bytes)
 * or JoinedStr node. NULL on error (recorded in p). */
BtAstExpr *bt_literal_strings(BtParser *p, const BtToken *toks, size_t n);

/* Python's repr of a constant (None, 42, 1.5, 'text', b'raw'). */
void bt_ast_print_constant(FILE *out, const BtAstConstant *c);

/* CPython's name of an expression kind in error messages ("function call", "literal"). */
const char *bt_ast_expr_describe(const BtAstExpr *e);

/* The context checks CPython's symtable and compiler make ('return' outside function,
 * duplicate argument, ...). Returns false with *err filled on the first one found. */
bool bt_ast_check(const BtAstModule *mod, BtSyntaxError *err);

#endif
