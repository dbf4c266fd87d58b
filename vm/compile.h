/* compile.h: syntax tree to code objects (vm stage; see vm/README.md).
 *
 * Two passes, as in CPython: a symbol table pass decides for every name in
 * every scope whether it is local, global, nonlocal, a cell (captured by an
 * inner function) or free (captured from outside); then code generation
 * walks the tree again and emits instructions (opcodes.h), the constant and
 * name tables, the line table and the exception-handler table, and computes
 * each code object's maximum stack depth. Functions, lambdas, class bodies,
 * comprehensions and generator expressions each become a nested code object
 * stored in their parent's constants.
 */
#ifndef BT_COMPILE_H
#define BT_COMPILE_H

#include "lexer/syntax_error.h"
#include "parser/ast.h"
#include "vm/func.h"

typedef enum {
    BT_COMPILE_FILE,        /* a module: runs top to bottom, returns None */
    BT_COMPILE_INTERACTIVE, /* a REPL input: expression statements print their repr (PRINT_EXPR) */
    BT_COMPILE_EVAL,        /* one expression: returns its value */
} BtCompileMode;

/* Compile a parsed module. Returns the module's code object, or NULL: then
 * either *err holds a compile-time syntax error (CPython's wording, e.g.
 * "nonlocal declaration not allowed at module level") and t has no exception,
 * or t has an exception (MemoryError). An int literal past the 4300-digit
 * conversion limit is a syntax error, as in CPython. */
BtCode *bt_compile(BtThread *t, const BtAstModule *mod, BtStr *filename, BtCompileMode mode,
                   BtSyntaxError *err);

/* Parse and compile source text. On a syntax error (from any stage) raises
 * SyntaxError (or IndentationError/TabError) with CPython's attributes
 * (msg, filename, lineno, offset, text, end_lineno, end_offset) and returns
 * NULL. */
BtCode *bt_compile_source(BtThread *t, const char *src, size_t len, BtStr *filename,
                          BtCompileMode mode);

#endif
