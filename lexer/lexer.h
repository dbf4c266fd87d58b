/* lexer.h: source text to tokens (lexer stage; see lexer/README.md).
 *
 * The lexer is a pull tokenizer in the manner of CPython's tokenizer.c: each
 * call hands out the next token, including NEWLINE, INDENT and DEDENT, and
 * it joins lines inside brackets and after a backslash. It only finds the
 * span of a literal; decoding escapes and digits is the parser's job.
 * Positions: lines are 1-based, columns are 0-based byte offsets within the
 * line (like CPython's ast col_offset).
 */
#ifndef BT_LEXER_H
#define BT_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lexer/syntax_error.h"
#include "lexer/tokens.h"

typedef struct {
    BtTokenKind kind;
    uint32_t offset;  /* byte offset of the first byte in the source */
    uint32_t length;  /* length in bytes (0 for NEWLINE at EOF, DEDENT, ENDMARKER; an INDENT
                         spans its line's indentation, a DEDENT sits at the line's first token) */
    int line, col;    /* start: 1-based line, 0-based byte column */
    int end_line, end_col; /* one past the end, same conventions */
} BtToken;

typedef struct BtLexer BtLexer;

/* A lexer over src[0..len). src must outlive the lexer and need not end in
 * NUL. Returns NULL only when out of memory. */
BtLexer *bt_lexer_new(const char *src, size_t len);
void bt_lexer_free(BtLexer *lx);

/* Store the next token in *tok. Returns false on a lexical error: then
 * tok->kind is BT_TOK_ERROR, bt_lexer_error() describes it, and every later
 * call returns the same error. After ENDMARKER it keeps returning ENDMARKER. */
bool bt_lexer_next(BtLexer *lx, BtToken *tok);

/* The error that stopped the lexer, or NULL if none. */
const BtSyntaxError *bt_lexer_error(const BtLexer *lx);

/* CPython, after its parser fails with a generic "invalid syntax", tokenizes
 * the rest of the source and reports what its tokenizer finds there instead
 * (an unterminated string, a bad character, a bracket left open on an
 * earlier line than err_line...). Call this before reporting a generic
 * "invalid syntax" at line err_line, whether the parser found it or the
 * lexer did (a stray '$', '?', '!' or '`'; not in interactive input, where
 * CPython skips this). Returns true and fills *err when that other error
 * wins. The lexer is spent afterwards. */
bool bt_lexer_check_rest(BtLexer *lx, int err_line, BtSyntaxError *err);

/* Kind name shown by --tokens: "NAME", "INDENT", or an operator/keyword spelling. */
const char *bt_token_kind_name(BtTokenKind kind);

/* The keyword kind spelled by s[0..n), or BT_TOK_NAME if s is not a keyword. */
BtTokenKind bt_keyword_kind(const char *s, size_t n);

/* Print every token of src, one per line ("LINE:COL KIND 'text'"), as
 * `baton --tokens` does. Returns false (and prints the error to err_out
 * in CPython's layout) when lexing fails. */
bool bt_lexer_dump(const char *filename, const char *src, size_t len, FILE *out, FILE *err_out);

#endif
