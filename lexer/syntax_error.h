/* syntax_error.h: a syntax error as plain data (lexer stage; see lexer/README.md).
 *
 * The lexer, the parser and the compiler report the first error they meet in
 * one of these, and whoever drives them (repl/ for scripts, vm/ for compile()
 * and import) decides how to show it. bt_syntax_error_print() writes CPython
 * 3.11's layout:
 *       File "F", line N
 *         <source line, leading blanks removed>
 *         ^^^
 *     SyntaxError: MESSAGE
 */
#ifndef BT_SYNTAX_ERROR_H
#define BT_SYNTAX_ERROR_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
    BT_SYNERR_SYNTAX,      /* SyntaxError */
    BT_SYNERR_INDENTATION, /* IndentationError */
    BT_SYNERR_TAB,         /* TabError */
} BtSyntaxErrorKind;

typedef struct {
    BtSyntaxErrorKind kind;
    int line;          /* 1-based line of the caret; 0 when no source line is shown */
    int col;           /* 1-based byte column of the first caret within that line (CPython's
                          SyntaxError.offset; for the errors CPython's tokenizer raises itself
                          that offset counts characters, and the lexer stores it so) */
    int end_line;      /* line where the highlighted range ends (== line for one line) */
    int end_col;       /* byte column one past the last caret; <= col means a single caret */
    int incomplete;    /* nonzero when the input ended inside an open construct (bracket,
                          triple-quoted string, block): more lines could complete it, so
                          the REPL shows "... " instead of reporting */
    char message[256]; /* CPython's wording, without the "SyntaxError: " prefix */
} BtSyntaxError;

/* Stands for the file name inside a message: CPython's message for a
 * non-UTF-8 source names the file, which the lexer does not know. The
 * printer (and bt_syntax_error_message) put the name in its place. */
#define BT_SYNERR_FILE_MARK "\001FILE\001"

/* Fill *err (printf-style message). Returns nothing; never allocates. */
void bt_syntax_error_set(BtSyntaxError *err, BtSyntaxErrorKind kind, int line, int col,
                         int end_line, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Name of the exception class for err->kind ("SyntaxError", ...). */
const char *bt_syntax_error_kind_name(BtSyntaxErrorKind kind);

/* err->message with BT_SYNERR_FILE_MARK replaced by filename, into buf
 * (truncated to size); returns buf. For callers that build a SyntaxError
 * object instead of printing. */
char *bt_syntax_error_message(const BtSyntaxError *err, const char *filename, char *buf,
                              size_t size);

/* Write the CPython-style report of err to out; src/len is the whole source
 * the error positions refer to (may be NULL: then no source line is shown). */
void bt_syntax_error_print(const BtSyntaxError *err, const char *filename, const char *src,
                           size_t len, FILE *out);

#endif
