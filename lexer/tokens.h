/* tokens.h: the one list of token kinds (lexer stage; see lexer/README.md).
 *
 * Every other table (the enum, the names printed by --tokens, the keyword
 * lookup) is generated from this X-macro, so adding a token is one line here.
 * X(ENUM_SUFFIX, "display")  -- display is the kind name for --tokens, or the
 * exact spelling for operators and keywords.
 */
#ifndef BT_TOKENS_H
#define BT_TOKENS_H

/* Structural tokens: their text is the source span they cover. */
#define BT_TOKENS_STRUCTURAL(X)                                                                    \
    X(ENDMARKER, "ENDMARKER")                                                                      \
    X(NAME, "NAME")                                                                                \
    X(INT, "INT")             /* 12, 0x1f, 0o17, 0b101, 1_000 */                                   \
    X(FLOAT, "FLOAT")         /* 1., .5, 1e-3 */                                                   \
    X(STRING, "STRING")       /* one literal incl. prefix and quotes: r'..', b"..", '''..''' */    \
    X(FSTRING, "FSTRING")     /* f'...' with its prefix and quotes; parsed by the parser */        \
    X(NEWLINE, "NEWLINE")     /* end of a logical line */                                          \
    X(INDENT, "INDENT")                                                                            \
    X(DEDENT, "DEDENT")                                                                            \
    X(ERROR, "ERROR")         /* lexing failed; the lexer holds a BtSyntaxError */

/* Operators and delimiters, longest spelling wins. */
#define BT_TOKENS_OPERATORS(X)                                                                     \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(LBRACE, "{") X(RBRACE, "}")               \
    X(COLON, ":") X(COMMA, ",") X(SEMI, ";") X(DOT, ".") X(ELLIPSIS, "...") X(AT, "@")              \
    X(RARROW, "->") X(COLONEQUAL, ":=") X(EQUAL, "=")                                               \
    X(PLUS, "+") X(MINUS, "-") X(STAR, "*") X(DOUBLESTAR, "**") X(SLASH, "/")                        \
    X(DOUBLESLASH, "//") X(PERCENT, "%") X(VBAR, "|") X(AMPER, "&") X(CIRCUMFLEX, "^")               \
    X(TILDE, "~") X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>")                                            \
    X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESS, "<") X(GREATER, ">") X(LESSEQUAL, "<=")               \
    X(GREATEREQUAL, ">=")                                                                          \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=") X(DOUBLESTAREQUAL, "**=")                \
    X(SLASHEQUAL, "/=") X(DOUBLESLASHEQUAL, "//=") X(PERCENTEQUAL, "%=") X(VBAREQUAL, "|=")          \
    X(AMPEREQUAL, "&=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=")                           \
    X(RIGHTSHIFTEQUAL, ">>=") X(ATEQUAL, "@=")

/* Hard keywords of Python 3.11 (match/case are soft keywords: plain NAMEs). */
#define BT_TOKENS_KEYWORDS(X)                                                                      \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and") X(AS, "as")                     \
    X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") X(BREAK, "break")                       \
    X(CLASS, "class") X(CONTINUE, "continue") X(DEF, "def") X(DEL, "del") X(ELIF, "elif")           \
    X(ELSE, "else") X(EXCEPT, "except") X(FINALLY, "finally") X(FOR, "for") X(FROM, "from")         \
    X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import") X(IN, "in") X(IS, "is")                     \
    X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal") X(NOT, "not") X(OR, "or") X(PASS, "pass")           \
    X(RAISE, "raise") X(RETURN, "return") X(TRY, "try") X(WHILE, "while") X(WITH, "with")           \
    X(YIELD, "yield")

#define BT_TOKENS(X) BT_TOKENS_STRUCTURAL(X) BT_TOKENS_OPERATORS(X) BT_TOKENS_KEYWORDS(X)

typedef enum {
#define BT_TOK_ENUM(name, display) BT_TOK_##name,
    BT_TOKENS(BT_TOK_ENUM)
#undef BT_TOK_ENUM
    BT_TOK__COUNT
} BtTokenKind;

#endif
