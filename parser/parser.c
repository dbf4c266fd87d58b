/* parser.c: tokens to the syntax tree of ast.h (parser stage; see parser/README.md).
 *
 * Hand-written recursive descent following CPython 3.11's grammar (Grammar/python.gram),
 * with a precedence-climbing loop for the binary operators. Errors copy CPython's
 * wording and positions; where CPython finds them with its second "invalid_*" pass,
 * this parser checks the same shapes at the point where it fails. Recursion depth is
 * counted, so hostile nesting gives an error instead of a C stack overflow.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser_internal.h"

/* ============================================================================ errors */

/* Write an error into p->err (first error wins). Columns are 0-based here and
 * 1-based in BtSyntaxError, like CPython's col_offset versus SyntaxError.offset. */
static void *error_kind_at(BtParser *p, BtSyntaxErrorKind kind, int line, int col, int end_line,
                           int end_col, const char *fmt, va_list ap) {
    if (p->failed)
        return NULL;
    p->failed = true;
    if (p->probing)
        return NULL;
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    bt_syntax_error_set(p->err, kind, line, col + 1, end_line, end_col + 1, "%s%s",
                        p->in_fstring ? "f-string: " : "", msg);
    return NULL;
}

void *bt_parse_error_at(BtParser *p, int line, int col, int end_line, int end_col,
                        const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    error_kind_at(p, BT_SYNERR_SYNTAX, line, col, end_line, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *indent_error_at(BtParser *p, const BtToken *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void *indent_error_at(BtParser *p, const BtToken *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    error_kind_at(p, BT_SYNERR_INDENTATION, t->line, t->col, t->end_line, t->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *error_node(BtParser *p, const BtAstExpr *e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An error whose carets cover expression e. */
static void *error_node(BtParser *p, const BtAstExpr *e, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    error_kind_at(p, BT_SYNERR_SYNTAX, e->line, e->col, e->end_line, e->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *error_tok(BtParser *p, const BtToken *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An error whose carets cover token t. A DEDENT has no span in CPython: the error
 * sits at the tokenizer's cursor (after the indentation), with no caret drawn. */
static void *error_tok(BtParser *p, const BtToken *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (t->kind == BT_TOK_DEDENT)
        error_kind_at(p, BT_SYNERR_SYNTAX, t->line, t->col - 1, t->line, t->col - 1, fmt, ap);
    else
        error_kind_at(p, BT_SYNERR_SYNTAX, t->line, t->col, t->end_line, t->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *out_of_memory(BtParser *p) {
    if (!p->failed && !p->probing) {
        bt_syntax_error_set(p->err, BT_SYNERR_SYNTAX, 0, 0, 0, 0, "out of memory");
        p->lex_failed = true; /* not retried after a look-ahead */
    }
    p->failed = true;
    return NULL;
}

/* Copy the lexer's error into p->err, shifted for an f-string's sub-parser. */
static void record_lex_error(BtParser *p) {
    if (p->failed && p->lex_failed)
        return;
    const BtSyntaxError *le = bt_lexer_error(p->lx);
    p->failed = true;
    p->lex_failed = true;
    if (!le)
        return;
    *p->err = *le;
    if (p->in_fstring) {
        if (p->err->line == 1) {
            p->err->col += p->col_base;
            if (p->err->end_line == 1 && p->err->end_col > 0)
                p->err->end_col += p->col_base;
        }
        p->err->line += p->line_base;
        p->err->end_line += p->line_base;
    }
}

/* ============================================================================ tokens */

/* Make buf[pos + k] exist, pulling tokens from the lexer. */
static BtPTok *fetch(BtParser *p, size_t k) {
    while (p->nbuf <= p->pos + k) {
        if (p->nbuf == p->cap) {
            if (!p->probing && p->pos > 1) {
                /* Consumed tokens are not looked at again (but the last one): slide the
                   look-ahead down instead of growing, so memory stays bounded. Pointers
                   into buf are therefore never held across a fetch. */
                size_t keep = p->pos - 1;
                memmove(p->buf, p->buf + keep, (p->nbuf - keep) * sizeof *p->buf);
                p->nbuf -= keep;
                p->pos = 1;
                continue;
            }
            size_t cap = p->cap ? p->cap * 2 : 256;
            BtPTok *grown = realloc(p->buf, cap * sizeof *grown);
            if (!grown) {
                out_of_memory(p);
                /* Hand back the last token (or a static ENDMARKER-ish ERROR) so callers
                   need no NULL check; p->failed stops them. */
                static const BtPTok dead = {.t = {.kind = BT_TOK_ERROR}};
                return p->nbuf ? &p->buf[p->nbuf - 1] : (BtPTok *)&dead;
            }
            p->buf = grown;
            p->cap = cap;
        }
        BtPTok *slot = &p->buf[p->nbuf];
        if (p->nbuf > 0 && (p->buf[p->nbuf - 1].t.kind == BT_TOK_ERROR ||
                            p->buf[p->nbuf - 1].t.kind == BT_TOK_ENDMARKER)) {
            *slot = p->buf[p->nbuf - 1];
        } else {
            bt_lexer_next(p->lx, &slot->t);
            BtToken *t = &slot->t;
            if (p->in_fstring) {
                if (t->line == 1)
                    t->col += p->col_base;
                if (t->end_line == 1)
                    t->end_col += p->col_base;
                t->line += p->line_base;
                t->end_line += p->line_base;
            }
            switch (t->kind) {
            case BT_TOK_LPAR: case BT_TOK_LSQB: case BT_TOK_LBRACE:
                p->level++;
                break;
            case BT_TOK_RPAR: case BT_TOK_RSQB: case BT_TOK_RBRACE:
                if (p->level > 0)
                    p->level--;
                break;
            default:
                break;
            }
            slot->level = p->level;
        }
        p->nbuf++;
    }
    BtPTok *pt = &p->buf[p->pos + k];
    if (pt->t.kind == BT_TOK_ERROR && k == 0)
        record_lex_error(p);
    return pt;
}

static const BtToken *cur(BtParser *p) { return &fetch(p, 0)->t; }
static BtTokenKind peek(BtParser *p) { return fetch(p, 0)->t.kind; }
static BtTokenKind peek_at(BtParser *p, size_t k) { return fetch(p, k)->t.kind; }

/* Consume the current token and return a copy of it. */
static BtToken advance(BtParser *p) {
    BtToken t = fetch(p, 0)->t;
    if (t.kind != BT_TOK_ENDMARKER && t.kind != BT_TOK_ERROR)
        p->pos++;
    p->prev_end_line = t.end_line;
    p->prev_end_col = t.end_col;
    return t;
}

static bool accept(BtParser *p, BtTokenKind kind) {
    if (peek(p) != kind)
        return false;
    advance(p);
    return true;
}

/* Is the current token the NAME spelled s (a soft keyword like "match")? */
static bool at_name(BtParser *p, size_t k, const char *s) {
    const BtToken *t = &fetch(p, k)->t;
    size_t n = strlen(s);
    return t->kind == BT_TOK_NAME && t->length == n && memcmp(p->src + t->offset, s, n) == 0;
}

/* The generic failure at the current token: CPython's "invalid syntax", or the
 * indentation errors when the unexpected token is an INDENT or DEDENT. */
static void *syntax_error_here(BtParser *p) {
    const BtToken *t = cur(p);
    if (p->failed)
        return NULL;
    if (t->kind == BT_TOK_INDENT) {
        /* CPython points after the indentation and draws no caret. */
        if (!p->probing)
            bt_syntax_error_set(p->err, BT_SYNERR_INDENTATION, t->line, t->end_col, t->line, 0,
                                "unexpected indent");
        p->failed = true;
        return NULL;
    }
    if (t->kind == BT_TOK_DEDENT) {
        if (!p->probing)
            bt_syntax_error_set(p->err, BT_SYNERR_INDENTATION, t->line, t->col, t->line, 0,
                                "unexpected unindent");
        p->failed = true;
        return NULL;
    }
    if (t->kind == BT_TOK_ENDMARKER) {
        /* Running a file, CPython places an error at the end of input on the last line,
           at offset 0 (no caret). */
        if (!p->probing)
            bt_syntax_error_set(p->err, BT_SYNERR_SYNTAX, p->prev_end_line, 0, p->prev_end_line,
                                0, "invalid syntax");
        p->failed = true;
        return NULL;
    }
    return error_tok(p, t, "invalid syntax");
}

static bool expect(BtParser *p, BtTokenKind kind) {
    if (accept(p, kind))
        return true;
    syntax_error_here(p);
    return false;
}

/* A ':' that CPython's grammar reports as "expected ':'" only at the end of the line
 * (if, elif, while, for, with, except, class): elsewhere it is "invalid syntax". */
static bool expect_colon(BtParser *p) {
    if (accept(p, BT_TOK_COLON))
        return true;
    if (peek(p) == BT_TOK_NEWLINE)
        error_tok(p, cur(p), "expected ':'");
    else
        syntax_error_here(p);
    return false;
}

/* A token CPython's grammar forces (&&':' after try, finally, else and def; &&'(' after
 * def NAME): anything else is "expected 'X'" at that token. */
static bool expect_forced(BtParser *p, BtTokenKind kind, const char *spelling) {
    if (accept(p, kind))
        return true;
    BtToken t = *cur(p);
    if (t.kind == BT_TOK_INDENT || t.kind == BT_TOK_DEDENT) {
        syntax_error_here(p);
    } else if (t.kind == BT_TOK_ERROR) {
        /* A stray character (`$`, `?`) is a bare error token in CPython's tokenizer, and
           the forced token's message wins over the generic one. */
        if (!p->probing && strcmp(p->err->message, "invalid syntax") == 0)
            snprintf(p->err->message, sizeof p->err->message, "expected '%s'", spelling);
    } else {
        error_tok(p, &t, "expected '%s'", spelling);
    }
    return false;
}

/* ============================================================================ look-ahead parses */

typedef struct {
    size_t pos, nscratch;
    int prev_end_line, prev_end_col;
} Mark;

/* Start a parse that may be rewound: tokens are kept and errors are not written. */
static Mark probe_begin(BtParser *p) {
    p->probing++;
    return (Mark){p->pos, p->nscratch, p->prev_end_line, p->prev_end_col};
}

/* End a look-ahead parse. With rewind (or on failure) the parser is back at the mark.
 * Returns whether the look-ahead parse succeeded; a lexer error is never undone. */
static bool probe_end(BtParser *p, Mark m, bool rewind) {
    p->probing--;
    bool ok = !p->failed;
    if (p->failed && p->lex_failed)
        return false;
    if (!ok || rewind) {
        p->failed = false;
        p->pos = m.pos;
        p->nscratch = m.nscratch;
        p->prev_end_line = m.prev_end_line;
        p->prev_end_col = m.prev_end_col;
    }
    return ok;
}

/* ============================================================================ depth */

static bool enter(BtParser *p) {
    if (++p->depth <= BT_PARSER_MAX_DEPTH * 5)
        return true;
    const BtToken *t = cur(p);
    if (!p->failed && !p->probing)
        bt_syntax_error_set(p->err, BT_SYNERR_SYNTAX, t->line, t->col + 1, t->end_line,
                            t->end_col + 1, "too many nested expressions (Baton's limit is %d)",
                            BT_PARSER_MAX_DEPTH * 5);
    p->failed = true;
    p->lex_failed = true; /* a look-ahead would fail the same way: do not retry */
    return false;
}

static void leave(BtParser *p) { p->depth--; }

/* ============================================================================ nodes and lists */

static BtAstExpr *new_expr(BtParser *p, BtAstExprKind kind, const BtToken *start) {
    BtAstExpr *e = bt_arena_alloc(p->arena, sizeof *e);
    if (!e)
        return out_of_memory(p);
    e->kind = kind;
    e->line = start->line;
    e->col = start->col;
    e->end_line = p->prev_end_line;
    e->end_col = p->prev_end_col;
    return e;
}

/* A node spanning from the start of `from` to the end of the last consumed token. */
static BtAstExpr *new_expr_from(BtParser *p, BtAstExprKind kind, const BtAstExpr *from) {
    BtAstExpr *e = bt_arena_alloc(p->arena, sizeof *e);
    if (!e)
        return out_of_memory(p);
    e->kind = kind;
    e->line = from->line;
    e->col = from->col;
    e->end_line = p->prev_end_line;
    e->end_col = p->prev_end_col;
    return e;
}

static BtAstStmt *new_stmt(BtParser *p, BtAstStmtKind kind, const BtToken *start) {
    BtAstStmt *s = bt_arena_alloc(p->arena, sizeof *s);
    if (!s)
        return out_of_memory(p);
    s->kind = kind;
    s->line = start->line;
    s->col = start->col;
    s->end_line = p->prev_end_line;
    s->end_col = p->prev_end_col;
    return s;
}

static void finish_stmt(BtParser *p, BtAstStmt *s) {
    s->end_line = p->prev_end_line;
    s->end_col = p->prev_end_col;
}

static void finish_expr(BtParser *p, BtAstExpr *e) {
    e->end_line = p->prev_end_line;
    e->end_col = p->prev_end_col;
}

static size_t list_begin(BtParser *p) { return p->nscratch; }

static bool list_push(BtParser *p, void *item) {
    if (p->nscratch == p->capscratch) {
        size_t cap = p->capscratch ? p->capscratch * 2 : 256;
        void **grown = realloc(p->scratch, cap * sizeof *grown);
        if (!grown) {
            out_of_memory(p);
            return false;
        }
        p->scratch = grown;
        p->capscratch = cap;
    }
    p->scratch[p->nscratch++] = item;
    return true;
}

/* Move the items pushed since base into the arena; *count gets their number. */
static void *list_end(BtParser *p, size_t base, int *count) {
    size_t n = p->nscratch - base;
    *count = (int)n;
    if (n == 0)
        return NULL;
    void **items = bt_arena_alloc(p->arena, n * sizeof *items);
    if (!items)
        return out_of_memory(p);
    memcpy(items, p->scratch + base, n * sizeof *items);
    p->nscratch = base;
    return items;
}

#define END_LIST(p, base, list) ((list).items = list_end((p), (base), &(list).count))

static char *token_text(BtParser *p, const BtToken *t) {
    char *s = bt_arena_strdup(p->arena, p->src + t->offset, t->length);
    if (!s)
        out_of_memory(p);
    return s;
}

/* ============================================================================ targets */

typedef enum { TARGET_STORE, TARGET_DEL, TARGET_FOR } TargetKind;

/* The first sub-expression of e that cannot be a target (CPython's
 * _PyPegen_get_invalid_target), or NULL when e is a valid target. */
static const BtAstExpr *invalid_target(const BtAstExpr *e, TargetKind kind) {
    switch (e->kind) {
    case BT_EXPR_LIST:
    case BT_EXPR_TUPLE:
        for (int i = 0; i < e->list.elts.count; i++) {
            const BtAstExpr *bad = invalid_target(e->list.elts.items[i], kind);
            if (bad)
                return bad;
        }
        return NULL;
    case BT_EXPR_STARRED:
        if (kind == TARGET_DEL)
            return e;
        return invalid_target(e->starred.value, kind);
    case BT_EXPR_COMPARE:
        /* `for x in y` reaches here as the comparison `x in y`. */
        if (kind == TARGET_FOR) {
            if (e->compare.ops[0] == BT_CMP_IN)
                return invalid_target(e->compare.left, kind);
            return NULL;
        }
        return e;
    case BT_EXPR_NAME:
    case BT_EXPR_SUBSCRIPT:
    case BT_EXPR_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

/* Give a valid target (checked with invalid_target) its store or del context. */
static void set_context(BtAstExpr *e, BtAstExprContext ctx) {
    switch (e->kind) {
    case BT_EXPR_LIST:
    case BT_EXPR_TUPLE:
        e->list.ctx = ctx;
        for (int i = 0; i < e->list.elts.count; i++)
            set_context(e->list.elts.items[i], ctx);
        break;
    case BT_EXPR_STARRED:
        e->starred.ctx = ctx;
        set_context(e->starred.value, ctx);
        break;
    case BT_EXPR_NAME:
        e->name.ctx = ctx;
        break;
    case BT_EXPR_SUBSCRIPT:
        e->subscript.ctx = ctx;
        break;
    case BT_EXPR_ATTRIBUTE:
        e->attribute.ctx = ctx;
        break;
    default:
        break;
    }
}

/* Make e a target, or report CPython's "cannot assign to X" / "cannot delete X". */
static bool make_target(BtParser *p, BtAstExpr *e, TargetKind kind) {
    const BtAstExpr *bad = invalid_target(e, kind);
    if (bad) {
        error_node(p, bad, kind == TARGET_DEL ? "cannot delete %s" : "cannot assign to %s",
                   bt_ast_expr_describe(bad));
        return false;
    }
    set_context(e, kind == TARGET_DEL ? BT_CTX_DEL : BT_CTX_STORE);
    return true;
}

const char *bt_ast_expr_describe(const BtAstExpr *e) {
    switch (e->kind) {
    case BT_EXPR_ATTRIBUTE: return "attribute";
    case BT_EXPR_SUBSCRIPT: return "subscript";
    case BT_EXPR_STARRED: return "starred";
    case BT_EXPR_NAME: return "name";
    case BT_EXPR_LIST: return "list";
    case BT_EXPR_TUPLE: return "tuple";
    case BT_EXPR_LAMBDA: return "lambda";
    case BT_EXPR_CALL: return "function call";
    case BT_EXPR_BOOL_OP:
    case BT_EXPR_BIN_OP:
    case BT_EXPR_UNARY_OP: return "expression";
    case BT_EXPR_GENERATOR_EXP: return "generator expression";
    case BT_EXPR_YIELD:
    case BT_EXPR_YIELD_FROM: return "yield expression";
    case BT_EXPR_AWAIT: return "await expression";
    case BT_EXPR_LIST_COMP: return "list comprehension";
    case BT_EXPR_SET_COMP: return "set comprehension";
    case BT_EXPR_DICT_COMP: return "dict comprehension";
    case BT_EXPR_DICT: return "dict literal";
    case BT_EXPR_SET: return "set display";
    case BT_EXPR_JOINED_STR:
    case BT_EXPR_FORMATTED_VALUE: return "f-string expression";
    case BT_EXPR_CONSTANT:
        switch (e->constant.kind) {
        case BT_CONST_NONE: return "None";
        case BT_CONST_TRUE: return "True";
        case BT_CONST_FALSE: return "False";
        case BT_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case BT_EXPR_COMPARE: return "comparison";
    case BT_EXPR_IF_EXP: return "conditional expression";
    case BT_EXPR_NAMED_EXPR: return "named expression";
    case BT_EXPR_SLICE: return "slice";
    default: return "expression";
    }
}

/* ============================================================================ expressions */

static BtAstExpr *parse_expression(BtParser *p);
static BtAstExpr *parse_named_expression(BtParser *p);
static BtAstExpr *parse_star_expressions(BtParser *p);
static BtAstExpr *parse_bitwise_or(BtParser *p);
static BtAstExpr *parse_disjunction(BtParser *p);
static BtAstExpr *parse_yield_expr(BtParser *p);
static BtAstArguments *parse_parameters(BtParser *p, bool lambda);
static bool parse_comprehension_clauses(BtParser *p, BtAstComprehensionList *out);

/* Does a comprehension's `for` (or `async for`) start here? */
static bool at_comprehension_for(BtParser *p) {
    return peek(p) == BT_TOK_FOR || (peek(p) == BT_TOK_ASYNC && peek_at(p, 1) == BT_TOK_FOR);
}

/* Can this token begin an expression? */
static bool starts_expression(BtTokenKind k) {
    switch (k) {
    case BT_TOK_NAME: case BT_TOK_INT: case BT_TOK_FLOAT: case BT_TOK_STRING:
    case BT_TOK_FSTRING: case BT_TOK_LPAR: case BT_TOK_LSQB: case BT_TOK_LBRACE:
    case BT_TOK_MINUS: case BT_TOK_PLUS: case BT_TOK_TILDE: case BT_TOK_NOT:
    case BT_TOK_LAMBDA: case BT_TOK_TRUE: case BT_TOK_FALSE: case BT_TOK_NONE:
    case BT_TOK_ELLIPSIS: case BT_TOK_AWAIT:
        return true;
    default:
        return false;
    }
}

static BtAstExpr *make_constant(BtParser *p, BtAstConstKind kind, const BtToken *t) {
    BtAstExpr *e = new_expr(p, BT_EXPR_CONSTANT, t);
    if (e)
        e->constant.kind = kind;
    return e;
}

static BtAstExpr *parse_strings(BtParser *p) {
    size_t n = 0;
    while (peek_at(p, n) == BT_TOK_STRING || peek_at(p, n) == BT_TOK_FSTRING)
        n++;
    BtToken stack_toks[8];
    BtToken *toks = n <= 8 ? stack_toks : bt_arena_alloc(p->arena, n * sizeof *toks);
    if (!toks)
        return out_of_memory(p);
    for (size_t i = 0; i < n; i++)
        toks[i] = advance(p);
    return bt_literal_strings(p, toks, n);
}

/* (...) after its '(': empty tuple, (yield), group, tuple or generator expression. */
static BtAstExpr *parse_paren(BtParser *p, const BtToken *open) {
    if (accept(p, BT_TOK_RPAR)) {
        BtAstExpr *e = new_expr(p, BT_EXPR_TUPLE, open);
        if (e)
            e->parenthesized = 1; /* `()` has its parentheses, like `(a, b)` */
        return e;
    }
    if (peek(p) == BT_TOK_YIELD) {
        BtAstExpr *y = parse_yield_expr(p);
        if (!y || !expect(p, BT_TOK_RPAR))
            return NULL;
        y->parenthesized = 1;
        return y;
    }
    BtAstExpr *first;
    if (peek(p) == BT_TOK_STAR) {
        BtToken star = advance(p);
        BtAstExpr *v = parse_bitwise_or(p);
        if (!v)
            return NULL;
        first = new_expr(p, BT_EXPR_STARRED, &star);
        if (!first)
            return NULL;
        first->starred.value = v;
        if (at_comprehension_for(p))
            return error_node(p, first, "iterable unpacking cannot be used in comprehension");
        if (peek(p) == BT_TOK_RPAR)
            return error_node(p, first, "cannot use starred expression here");
    } else {
        first = parse_named_expression(p);
        if (!first)
            return NULL;
    }
    if (at_comprehension_for(p)) {
        BtAstExpr *g = new_expr(p, BT_EXPR_GENERATOR_EXP, open);
        if (!g || !parse_comprehension_clauses(p, &g->generator_exp.generators))
            return NULL;
        g->generator_exp.elt = first;
        if (!expect(p, BT_TOK_RPAR))
            return NULL;
        finish_expr(p, g);
        return g;
    }
    if (peek(p) == BT_TOK_RPAR) {
        advance(p);
        first->parenthesized = 1;
        return first;
    }
    if (peek(p) != BT_TOK_COMMA)
        return syntax_error_here(p);
    size_t base = list_begin(p);
    if (!list_push(p, first))
        return NULL;
    while (accept(p, BT_TOK_COMMA)) {
        if (peek(p) == BT_TOK_RPAR)
            break;
        BtAstExpr *e;
        if (peek(p) == BT_TOK_STAR) {
            BtToken star = advance(p);
            BtAstExpr *v = parse_bitwise_or(p);
            if (!v || !(e = new_expr(p, BT_EXPR_STARRED, &star)))
                return NULL;
            e->starred.value = v;
        } else if (!(e = parse_named_expression(p))) {
            return NULL;
        }
        if (!list_push(p, e))
            return NULL;
    }
    if (!expect(p, BT_TOK_RPAR))
        return NULL;
    BtAstExpr *t = new_expr(p, BT_EXPR_TUPLE, open);
    if (!t)
        return NULL;
    END_LIST(p, base, t->tuple.elts);
    t->parenthesized = 1;
    return t;
}

/* One element of a list/set display: *x or a named expression. */
static BtAstExpr *parse_star_named_expression(BtParser *p) {
    if (peek(p) == BT_TOK_STAR) {
        BtToken star = advance(p);
        BtAstExpr *v = parse_bitwise_or(p);
        if (!v)
            return NULL;
        BtAstExpr *e = new_expr(p, BT_EXPR_STARRED, &star);
        if (e)
            e->starred.value = v;
        return e;
    }
    return parse_named_expression(p);
}

/* [...] after its '['. */
static BtAstExpr *parse_list(BtParser *p, const BtToken *open) {
    size_t base = list_begin(p);
    if (peek(p) != BT_TOK_RSQB) {
        BtAstExpr *first = parse_star_named_expression(p);
        if (!first)
            return NULL;
        if (at_comprehension_for(p)) {
            if (first->kind == BT_EXPR_STARRED)
                return error_node(p, first, "iterable unpacking cannot be used in comprehension");
            BtAstExpr *c = new_expr(p, BT_EXPR_LIST_COMP, open);
            if (!c || !parse_comprehension_clauses(p, &c->list_comp.generators))
                return NULL;
            c->list_comp.elt = first;
            if (!expect(p, BT_TOK_RSQB))
                return NULL;
            finish_expr(p, c);
            return c;
        }
        if (!list_push(p, first))
            return NULL;
        while (accept(p, BT_TOK_COMMA)) {
            if (peek(p) == BT_TOK_RSQB)
                break;
            BtAstExpr *e = parse_star_named_expression(p);
            if (!e || !list_push(p, e))
                return NULL;
        }
    }
    if (!expect(p, BT_TOK_RSQB))
        return NULL;
    BtAstExpr *l = new_expr(p, BT_EXPR_LIST, open);
    if (l)
        END_LIST(p, base, l->list.elts);
    return l;
}

/* {...} after its '{': dict, set, or their comprehensions. */
static BtAstExpr *parse_brace(BtParser *p, const BtToken *open) {
    if (accept(p, BT_TOK_RBRACE))
        return new_expr(p, BT_EXPR_DICT, open);
    size_t keys = list_begin(p);
    bool is_dict;
    BtAstExpr *k = NULL, *v = NULL;
    if (peek(p) == BT_TOK_DOUBLESTAR) {
        advance(p);
        is_dict = true;
        if (!(v = parse_bitwise_or(p)))
            return NULL;
    } else {
        if (!(k = parse_star_named_expression(p)))
            return NULL;
        is_dict = peek(p) == BT_TOK_COLON && k->kind != BT_EXPR_STARRED;
        if (is_dict) {
            advance(p);
            if (!(v = parse_expression(p)))
                return NULL;
        }
    }
    if (at_comprehension_for(p)) {
        if (is_dict && !k)
            return error_tok(p, cur(p), "dict unpacking cannot be used in dict comprehension");
        if (!is_dict && k->kind == BT_EXPR_STARRED)
            return error_node(p, k, "iterable unpacking cannot be used in comprehension");
        BtAstExpr *c = new_expr(p, is_dict ? BT_EXPR_DICT_COMP : BT_EXPR_SET_COMP, open);
        if (!c)
            return NULL;
        BtAstComprehensionList *gens = is_dict ? &c->dict_comp.generators
                                               : &c->set_comp.generators;
        if (!parse_comprehension_clauses(p, gens) || !expect(p, BT_TOK_RBRACE))
            return NULL;
        if (is_dict) {
            c->dict_comp.key = k;
            c->dict_comp.value = v;
        } else {
            c->set_comp.elt = k;
        }
        finish_expr(p, c);
        return c;
    }
    if (is_dict) {
        /* Keys and values interleave on the scratch stack, split at the end. */
        if (!list_push(p, k) || !list_push(p, v))
            return NULL;
        while (accept(p, BT_TOK_COMMA)) {
            if (peek(p) == BT_TOK_RBRACE)
                break;
            k = NULL;
            if (accept(p, BT_TOK_DOUBLESTAR)) {
                if (!(v = parse_bitwise_or(p)))
                    return NULL;
            } else {
                if (!(k = parse_expression(p)))
                    return NULL;
                if (!expect_colon(p) || !(v = parse_expression(p)))
                    return NULL;
            }
            if (!list_push(p, k) || !list_push(p, v))
                return NULL;
        }
        if (!expect(p, BT_TOK_RBRACE))
            return NULL;
        BtAstExpr *d = new_expr(p, BT_EXPR_DICT, open);
        if (!d)
            return NULL;
        size_t n = (p->nscratch - keys) / 2;
        d->dict.keys.count = d->dict.values.count = (int)n;
        d->dict.keys.items = bt_arena_alloc(p->arena, n * sizeof(BtAstExpr *));
        d->dict.values.items = bt_arena_alloc(p->arena, n * sizeof(BtAstExpr *));
        if (!d->dict.keys.items || !d->dict.values.items)
            return out_of_memory(p);
        for (size_t i = 0; i < n; i++) {
            d->dict.keys.items[i] = p->scratch[keys + 2 * i];
            d->dict.values.items[i] = p->scratch[keys + 2 * i + 1];
        }
        p->nscratch = keys;
        return d;
    }
    if (!list_push(p, k))
        return NULL;
    while (accept(p, BT_TOK_COMMA)) {
        if (peek(p) == BT_TOK_RBRACE)
            break;
        BtAstExpr *e = parse_star_named_expression(p);
        if (!e || !list_push(p, e))
            return NULL;
    }
    if (!expect(p, BT_TOK_RBRACE))
        return NULL;
    BtAstExpr *s = new_expr(p, BT_EXPR_SET, open);
    if (s)
        END_LIST(p, keys, s->set.elts);
    return s;
}

static BtAstExpr *parse_atom(BtParser *p) {
    const BtToken *t = cur(p);
    BtToken tok = *t;
    switch (tok.kind) {
    case BT_TOK_NAME: {
        advance(p);
        BtAstExpr *e = new_expr(p, BT_EXPR_NAME, &tok);
        if (e && !(e->name.id = token_text(p, &tok)))
            return NULL;
        return e;
    }
    case BT_TOK_TRUE:
        advance(p);
        return make_constant(p, BT_CONST_TRUE, &tok);
    case BT_TOK_FALSE:
        advance(p);
        return make_constant(p, BT_CONST_FALSE, &tok);
    case BT_TOK_NONE:
        advance(p);
        return make_constant(p, BT_CONST_NONE, &tok);
    case BT_TOK_ELLIPSIS:
        advance(p);
        return make_constant(p, BT_CONST_ELLIPSIS, &tok);
    case BT_TOK_INT:
    case BT_TOK_FLOAT:
        advance(p);
        return bt_literal_number(p, &tok);
    case BT_TOK_STRING:
    case BT_TOK_FSTRING:
        return parse_strings(p);
    case BT_TOK_LPAR:
        advance(p);
        return parse_paren(p, &tok);
    case BT_TOK_LSQB:
        advance(p);
        return parse_list(p, &tok);
    case BT_TOK_LBRACE:
        advance(p);
        return parse_brace(p, &tok);
    default:
        return syntax_error_here(p);
    }
}

/* One subscript element: a slice a:b:c, a starred expression or a named expression. */
static BtAstExpr *parse_slice(BtParser *p) {
    BtToken start = *cur(p);
    BtAstExpr *lower = NULL;
    if (peek(p) == BT_TOK_STAR) {
        advance(p);
        BtAstExpr *v = parse_bitwise_or(p);
        BtAstExpr *e = v ? new_expr(p, BT_EXPR_STARRED, &start) : NULL;
        if (e)
            e->starred.value = v;
        return e;
    }
    if (peek(p) != BT_TOK_COLON) {
        lower = parse_named_expression(p);
        if (!lower || peek(p) != BT_TOK_COLON)
            return lower;
    }
    advance(p);
    BtAstExpr *upper = NULL, *step = NULL;
    BtTokenKind k = peek(p);
    if (k != BT_TOK_COLON && k != BT_TOK_COMMA && k != BT_TOK_RSQB) {
        if (!(upper = parse_expression(p)))
            return NULL;
    }
    if (accept(p, BT_TOK_COLON)) {
        k = peek(p);
        if (k != BT_TOK_COMMA && k != BT_TOK_RSQB) {
            if (!(step = parse_expression(p)))
                return NULL;
        }
    }
    BtAstExpr *s = new_expr(p, BT_EXPR_SLICE, &start);
    if (s) {
        s->slice.lower = lower;
        s->slice.upper = upper;
        s->slice.step = step;
    }
    return s;
}

/* The inside of x[...] after '['; a Tuple when there is a comma. */
static BtAstExpr *parse_slices(BtParser *p) {
    BtToken start = *cur(p);
    BtAstExpr *first = parse_slice(p);
    if (!first)
        return NULL;
    if (peek(p) != BT_TOK_COMMA)
        return first;
    size_t base = list_begin(p);
    if (!list_push(p, first))
        return NULL;
    while (accept(p, BT_TOK_COMMA)) {
        if (peek(p) == BT_TOK_RSQB)
            break;
        BtAstExpr *e = parse_slice(p);
        if (!e || !list_push(p, e))
            return NULL;
    }
    BtAstExpr *t = new_expr(p, BT_EXPR_TUPLE, &start);
    if (t)
        END_LIST(p, base, t->tuple.elts);
    return t;
}

/* Call arguments after '(' up to and including ')'. */
static bool parse_call_args(BtParser *p, BtAstExpr *call, const BtToken *open) {
    size_t args = list_begin(p);
    /* Keywords interleave with positional arguments in the source, so they gather in
       an arena array of their own (doubling) instead of on the scratch stack. */
    BtAstKeyword *kw_first[16];
    BtAstKeyword **kws = kw_first;
    int nkw = 0, capkw = 16;
    bool seen_kw = false, seen_dstar = false;
    int nargs_total = 0;
    BtAstExpr *genexp = NULL;
    const char *late_error = NULL;
    while (peek(p) != BT_TOK_RPAR) {
        BtToken start = *cur(p);
        nargs_total++;
        if (nkw == capkw) {
            BtAstKeyword **grown = bt_arena_alloc(p->arena, 2 * capkw * sizeof *grown);
            if (!grown) {
                out_of_memory(p);
                return false;
            }
            memcpy(grown, kws, nkw * sizeof *grown);
            kws = grown;
            capkw *= 2;
        }
        if (accept(p, BT_TOK_STAR)) {
            BtAstExpr *v = parse_expression(p);
            BtAstExpr *e = v ? new_expr(p, BT_EXPR_STARRED, &start) : NULL;
            if (!e)
                return false;
            e->starred.value = v;
            if (seen_dstar) {
                bt_parse_error_at(p, e->line, e->col, e->line, e->col,
                                  "iterable argument unpacking follows keyword argument "
                                  "unpacking");
                return false;
            }
            if (!list_push(p, e))
                return false;
        } else if (accept(p, BT_TOK_DOUBLESTAR)) {
            BtAstExpr *v = parse_expression(p);
            BtAstKeyword *k = v ? bt_arena_alloc(p->arena, sizeof *k) : NULL;
            if (!k)
                return v ? out_of_memory(p), false : false;
            k->line = start.line;
            k->col = start.col;
            k->end_line = p->prev_end_line;
            k->end_col = p->prev_end_col;
            k->value = v;
            kws[nkw++] = k;
            seen_dstar = true;
        } else if (peek(p) == BT_TOK_NAME && peek_at(p, 1) == BT_TOK_EQUAL) {
            BtToken name = advance(p);
            advance(p);
            BtAstExpr *v = parse_expression(p);
            BtAstKeyword *k = v ? bt_arena_alloc(p->arena, sizeof *k) : NULL;
            if (!k)
                return v ? out_of_memory(p), false : false;
            k->line = start.line;
            k->col = start.col;
            k->end_line = p->prev_end_line;
            k->end_col = p->prev_end_col;
            k->arg = token_text(p, &name);
            k->value = v;
            kws[nkw++] = k;
            seen_kw = true;
        } else {
            /* Not parse_named_expression: `f(a.b=1)` has its own message below. */
            BtAstExpr *e = peek(p) == BT_TOK_NAME && peek_at(p, 1) == BT_TOK_COLONEQUAL
                               ? parse_named_expression(p)
                               : parse_expression(p);
            if (!e)
                return false;
            if (at_comprehension_for(p)) {
                BtAstExpr *g = new_expr_from(p, BT_EXPR_GENERATOR_EXP, e);
                if (!g || !parse_comprehension_clauses(p, &g->generator_exp.generators))
                    return false;
                g->generator_exp.elt = e;
                finish_expr(p, g);
                e = g;
                genexp = g;
            } else if (peek(p) == BT_TOK_EQUAL) {
                BtToken eq = *cur(p);
                bt_parse_error_at(p, e->line, e->col, eq.end_line, eq.end_col,
                                  "expression cannot contain assignment, perhaps you meant "
                                  "\"==\"?");
                return false;
            }
            if (genexp && (seen_kw || seen_dstar || nargs_total > 1)) {
                error_node(p, genexp, "Generator expression must be parenthesized");
                return false;
            }
            /* CPython reports this one at the closing parenthesis. */
            if ((seen_kw || seen_dstar) && !late_error)
                late_error = seen_dstar ? "positional argument follows keyword argument "
                                          "unpacking"
                                        : "positional argument follows keyword argument";
            if (!list_push(p, e))
                return false;
        }
        if (!accept(p, BT_TOK_COMMA))
            break;
    }
    if (genexp && nargs_total > 1) {
        error_node(p, genexp, "Generator expression must be parenthesized");
        return false;
    }
    if (late_error && peek(p) == BT_TOK_RPAR) {
        error_tok(p, cur(p), "%s", late_error);
        return false;
    }
    if (!expect(p, BT_TOK_RPAR))
        return false;
    if (genexp) {
        /* f(x for x in y): the generator's span is the call's parentheses. */
        genexp->line = open->line;
        genexp->col = open->col;
        finish_expr(p, genexp);
    }
    END_LIST(p, args, call->call.args);
    call->call.keywords.count = nkw;
    if (nkw) {
        call->call.keywords.items = bt_arena_alloc(p->arena, nkw * sizeof *kws);
        if (!call->call.keywords.items) {
            out_of_memory(p);
            return false;
        }
        memcpy(call->call.keywords.items, kws, nkw * sizeof *kws);
    }
    return !p->failed;
}

/* atom followed by any number of .name, (args) and [slices]. */
static BtAstExpr *parse_primary(BtParser *p) {
    if (peek(p) == BT_TOK_AWAIT) {
        /* Where an await may stand is the compiler's question (check.c). */
        BtToken aw = advance(p);
        /* CPython's await_primary is `AWAIT primary`: no second await, so no recursion. */
        if (peek(p) == BT_TOK_AWAIT)
            return syntax_error_here(p);
        BtAstExpr *operand = parse_primary(p);
        BtAstExpr *e = operand ? new_expr(p, BT_EXPR_AWAIT, &aw) : NULL;
        if (e)
            e->await_.value = operand;
        return e;
    }
    BtAstExpr *e = parse_atom(p);
    while (e) {
        BtTokenKind k = peek(p);
        if (k == BT_TOK_DOT) {
            advance(p);
            if (peek(p) != BT_TOK_NAME)
                return syntax_error_here(p);
            BtToken name = advance(p);
            BtAstExpr *a = new_expr_from(p, BT_EXPR_ATTRIBUTE, e);
            if (!a || !(a->attribute.attr = token_text(p, &name)))
                return NULL;
            a->attribute.value = e;
            e = a;
        } else if (k == BT_TOK_LPAR) {
            BtToken open = advance(p);
            BtAstExpr *c = new_expr_from(p, BT_EXPR_CALL, e);
            if (!c)
                return NULL;
            c->call.func = e;
            if (!parse_call_args(p, c, &open))
                return NULL;
            finish_expr(p, c);
            e = c;
        } else if (k == BT_TOK_LSQB) {
            advance(p);
            BtAstExpr *s = parse_slices(p);
            if (!s || !expect(p, BT_TOK_RSQB))
                return NULL;
            BtAstExpr *sub = new_expr_from(p, BT_EXPR_SUBSCRIPT, e);
            if (!sub)
                return NULL;
            sub->subscript.value = e;
            sub->subscript.slice = s;
            e = sub;
        } else {
            break;
        }
    }
    return e;
}

static BtAstExpr *parse_factor(BtParser *p);

/* primary ['**' factor]: right-associative, binds tighter than unary minus on its left. */
static BtAstExpr *parse_power(BtParser *p) {
    BtAstExpr *base = parse_primary(p);
    if (!base || peek(p) != BT_TOK_DOUBLESTAR)
        return base;
    advance(p);
    if (!enter(p)) /* 1**1**1...: each ** recurses once more */
        return NULL;
    BtAstExpr *exp = parse_factor(p);
    leave(p);
    if (!exp)
        return NULL;
    BtAstExpr *e = new_expr_from(p, BT_EXPR_BIN_OP, base);
    if (e) {
        e->bin_op.left = base;
        e->bin_op.op = BT_OP_POW;
        e->bin_op.right = exp;
    }
    return e;
}

static BtAstExpr *parse_factor(BtParser *p) {
    BtAstUnaryOp op;
    switch (peek(p)) {
    case BT_TOK_PLUS: op = BT_UNARY_UADD; break;
    case BT_TOK_MINUS: op = BT_UNARY_USUB; break;
    case BT_TOK_TILDE: op = BT_UNARY_INVERT; break;
    default: return parse_power(p);
    }
    if (!enter(p))
        return NULL;
    BtToken t = advance(p);
    BtAstExpr *operand = parse_factor(p);
    leave(p);
    if (!operand)
        return NULL;
    BtAstExpr *e = new_expr(p, BT_EXPR_UNARY_OP, &t);
    if (e) {
        e->unary_op.op = op;
        e->unary_op.operand = operand;
    }
    return e;
}

/* Precedence of a binary operator token (higher binds tighter), 0 if none. */
static int binary_prec(BtTokenKind k, BtAstOperator *op) {
    switch (k) {
    case BT_TOK_VBAR: *op = BT_OP_BIT_OR; return 1;
    case BT_TOK_CIRCUMFLEX: *op = BT_OP_BIT_XOR; return 2;
    case BT_TOK_AMPER: *op = BT_OP_BIT_AND; return 3;
    case BT_TOK_LEFTSHIFT: *op = BT_OP_LSHIFT; return 4;
    case BT_TOK_RIGHTSHIFT: *op = BT_OP_RSHIFT; return 4;
    case BT_TOK_PLUS: *op = BT_OP_ADD; return 5;
    case BT_TOK_MINUS: *op = BT_OP_SUB; return 5;
    case BT_TOK_STAR: *op = BT_OP_MULT; return 6;
    case BT_TOK_SLASH: *op = BT_OP_DIV; return 6;
    case BT_TOK_DOUBLESLASH: *op = BT_OP_FLOOR_DIV; return 6;
    case BT_TOK_PERCENT: *op = BT_OP_MOD; return 6;
    case BT_TOK_AT: *op = BT_OP_MAT_MULT; return 6;
    default: return 0;
    }
}

/* Precedence climbing over | ^ & << >> + - * / // % @ (all left-associative). */
static BtAstExpr *parse_binary(BtParser *p, int min_prec) {
    BtAstExpr *left = parse_factor(p);
    if (!left)
        return NULL;
    for (;;) {
        BtAstOperator op;
        int prec = binary_prec(peek(p), &op);
        if (prec < min_prec || prec == 0)
            return left;
        advance(p);
        if (!enter(p))
            return NULL;
        BtAstExpr *right = parse_binary(p, prec + 1);
        leave(p);
        if (!right)
            return NULL;
        BtAstExpr *e = new_expr_from(p, BT_EXPR_BIN_OP, left);
        if (!e)
            return NULL;
        e->bin_op.left = left;
        e->bin_op.op = op;
        e->bin_op.right = right;
        left = e;
    }
}

static BtAstExpr *parse_bitwise_or(BtParser *p) { return parse_binary(p, 1); }

/* The comparison operator at the current token (consuming it), or false. */
static bool accept_cmp_op(BtParser *p, BtAstCmpOp *op) {
    switch (peek(p)) {
    case BT_TOK_EQEQUAL: *op = BT_CMP_EQ; break;
    case BT_TOK_NOTEQUAL: *op = BT_CMP_NOT_EQ; break;
    case BT_TOK_LESS: *op = BT_CMP_LT; break;
    case BT_TOK_LESSEQUAL: *op = BT_CMP_LT_E; break;
    case BT_TOK_GREATER: *op = BT_CMP_GT; break;
    case BT_TOK_GREATEREQUAL: *op = BT_CMP_GT_E; break;
    case BT_TOK_IN: *op = BT_CMP_IN; break;
    case BT_TOK_IS:
        advance(p);
        *op = accept(p, BT_TOK_NOT) ? BT_CMP_IS_NOT : BT_CMP_IS;
        return true;
    case BT_TOK_NOT:
        if (peek_at(p, 1) != BT_TOK_IN)
            return false;
        advance(p);
        *op = BT_CMP_NOT_IN;
        break;
    default:
        return false;
    }
    advance(p);
    return true;
}

static BtAstExpr *parse_comparison(BtParser *p) {
    BtAstExpr *left = parse_bitwise_or(p);
    if (!left)
        return NULL;
    BtAstCmpOp op;
    if (!accept_cmp_op(p, &op))
        return left;
    size_t base = list_begin(p);
    do {
        BtAstExpr *right = parse_bitwise_or(p);
        if (!right || !list_push(p, (void *)(intptr_t)op) || !list_push(p, right))
            return NULL;
    } while (accept_cmp_op(p, &op));
    BtAstExpr *e = new_expr_from(p, BT_EXPR_COMPARE, left);
    if (!e)
        return NULL;
    int n = (int)(p->nscratch - base) / 2;
    e->compare.left = left;
    e->compare.count = n;
    e->compare.ops = bt_arena_alloc(p->arena, n * sizeof *e->compare.ops);
    e->compare.comparators = bt_arena_alloc(p->arena, n * sizeof *e->compare.comparators);
    if (!e->compare.ops || !e->compare.comparators)
        return out_of_memory(p);
    for (int i = 0; i < n; i++) {
        e->compare.ops[i] = (BtAstCmpOp)(intptr_t)p->scratch[base + 2 * i];
        e->compare.comparators[i] = p->scratch[base + 2 * i + 1];
    }
    p->nscratch = base;
    return e;
}

static BtAstExpr *parse_inversion(BtParser *p) {
    if (peek(p) != BT_TOK_NOT)
        return parse_comparison(p);
    if (!enter(p))
        return NULL;
    BtToken t = advance(p);
    BtAstExpr *operand = parse_inversion(p);
    leave(p);
    if (!operand)
        return NULL;
    BtAstExpr *e = new_expr(p, BT_EXPR_UNARY_OP, &t);
    if (e) {
        e->unary_op.op = BT_UNARY_NOT;
        e->unary_op.operand = operand;
    }
    return e;
}

/* `a and b and c` (or with `or`): one BoolOp holding every operand. */
static BtAstExpr *parse_bool_chain(BtParser *p, bool is_or) {
    BtTokenKind tk = is_or ? BT_TOK_OR : BT_TOK_AND;
    BtAstExpr *first = is_or ? parse_bool_chain(p, false) : parse_inversion(p);
    if (!first || peek(p) != tk)
        return first;
    size_t base = list_begin(p);
    if (!list_push(p, first))
        return NULL;
    while (accept(p, tk)) {
        BtAstExpr *e = is_or ? parse_bool_chain(p, false) : parse_inversion(p);
        if (!e || !list_push(p, e))
            return NULL;
    }
    BtAstExpr *b = new_expr_from(p, BT_EXPR_BOOL_OP, first);
    if (!b)
        return NULL;
    b->bool_op.op = is_or ? BT_BOOL_OR : BT_BOOL_AND;
    END_LIST(p, base, b->bool_op.values);
    return b;
}

static BtAstExpr *parse_disjunction(BtParser *p) { return parse_bool_chain(p, true); }

static BtAstExpr *parse_lambda(BtParser *p) {
    BtToken t = advance(p);
    BtAstArguments *args = parse_parameters(p, true);
    if (!args || !expect(p, BT_TOK_COLON))
        return NULL;
    BtAstExpr *body = parse_expression(p);
    if (!body)
        return NULL;
    BtAstExpr *e = new_expr(p, BT_EXPR_LAMBDA, &t);
    if (e) {
        e->lambda.args = args;
        e->lambda.body = body;
    }
    return e;
}

/* Does the current token begin a second expression right after a first one, inside
 * brackets? Then CPython asks "Perhaps you forgot a comma?". */
static void *check_missing_comma(BtParser *p, BtAstExpr *a) {
    if (p->failed || !starts_expression(peek(p)) || peek(p) == BT_TOK_NOT)
        goto generic;
    if (a->kind == BT_EXPR_NAME && (peek(p) == BT_TOK_STRING || peek(p) == BT_TOK_FSTRING))
        goto generic;
    if (a->kind == BT_EXPR_NAME &&
        (strcmp(a->name.id, "print") == 0 || strcmp(a->name.id, "exec") == 0))
        goto generic;
    Mark m = probe_begin(p);
    BtAstExpr *b = parse_expression(p);
    int level = p->pos > 0 ? p->buf[p->pos - 1].level : 0;
    int end_line = p->prev_end_line, end_col = p->prev_end_col;
    bool ok = probe_end(p, m, true);
    if (ok && b && level > 0)
        return bt_parse_error_at(p, a->line, a->col, end_line, end_col,
                                 "invalid syntax. Perhaps you forgot a comma?");
generic:
    return NULL;
}

/* expression: lambda, or disjunction ['if' disjunction 'else' expression]. */
static BtAstExpr *parse_expression(BtParser *p) {
    if (!enter(p))
        return NULL;
    BtAstExpr *e;
    if (peek(p) == BT_TOK_LAMBDA) {
        e = parse_lambda(p);
    } else {
        e = parse_disjunction(p);
        if (e && peek(p) == BT_TOK_IF) {
            advance(p);
            BtAstExpr *test = parse_disjunction(p);
            BtAstExpr *orelse = NULL;
            if (test && peek(p) != BT_TOK_ELSE) {
                if (peek(p) != BT_TOK_COLON && !p->failed)
                    e = bt_parse_error_at(p, e->line, e->col, test->end_line, test->end_col,
                                          "expected 'else' after 'if' expression");
                else
                    e = syntax_error_here(p);
            } else if (test && (advance(p), orelse = parse_expression(p))) {
                BtAstExpr *c = new_expr_from(p, BT_EXPR_IF_EXP, e);
                if (c) {
                    c->if_exp.test = test;
                    c->if_exp.body = e;
                    c->if_exp.orelse = orelse;
                }
                e = c;
            } else {
                e = NULL;
            }
        } else if (e && starts_expression(peek(p)) && !p->probing) {
            check_missing_comma(p, e);
            if (p->failed)
                e = NULL;
        }
    }
    leave(p);
    return e;
}

/* CPython's invalid_named_expression: `x = 1` where an expression was expected.
 * e is the expression just parsed and the current token is '='. */
static void *named_expression_eq_error(BtParser *p, BtAstExpr *e) {
    if (p->failed)
        return NULL;
    Mark m = probe_begin(p);
    advance(p);
    BtAstExpr *r = parse_bitwise_or(p);
    BtTokenKind after = peek(p);
    int end_line = p->prev_end_line, end_col = p->prev_end_col;
    bool ok = probe_end(p, m, true);
    if (!ok || !r || after == BT_TOK_EQUAL || after == BT_TOK_COLONEQUAL)
        return error_tok(p, cur(p), "invalid syntax");
    if (e->kind == BT_EXPR_NAME && !e->parenthesized)
        return bt_parse_error_at(p, e->line, e->col, end_line, end_col,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    bool excluded = e->kind == BT_EXPR_LIST || e->kind == BT_EXPR_GENERATOR_EXP ||
                    (e->kind == BT_EXPR_TUPLE && e->parenthesized) ||
                    (e->kind == BT_EXPR_CONSTANT &&
                     (e->constant.kind == BT_CONST_TRUE || e->constant.kind == BT_CONST_FALSE ||
                      e->constant.kind == BT_CONST_NONE));
    bool is_bitwise_or = e->parenthesized ||
                         !(e->kind == BT_EXPR_COMPARE || e->kind == BT_EXPR_BOOL_OP ||
                           e->kind == BT_EXPR_IF_EXP || e->kind == BT_EXPR_LAMBDA ||
                           (e->kind == BT_EXPR_UNARY_OP && e->unary_op.op == BT_UNARY_NOT) ||
                           e->kind == BT_EXPR_YIELD || e->kind == BT_EXPR_YIELD_FROM ||
                           e->kind == BT_EXPR_STARRED);
    if (excluded || !is_bitwise_or)
        return error_tok(p, cur(p), "invalid syntax");
    return error_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      bt_ast_expr_describe(e));
}

/* named_expression: NAME ':=' expression | expression. */
static BtAstExpr *parse_named_expression(BtParser *p) {
    if (peek(p) == BT_TOK_NAME && peek_at(p, 1) == BT_TOK_COLONEQUAL) {
        BtToken name = advance(p);
        advance(p);
        BtAstExpr *target = new_expr(p, BT_EXPR_NAME, &name);
        if (!target)
            return NULL;
        target->end_line = name.end_line;
        target->end_col = name.end_col;
        target->name.id = token_text(p, &name);
        target->name.ctx = BT_CTX_STORE;
        BtAstExpr *value = parse_expression(p);
        if (!value)
            return NULL;
        BtAstExpr *e = new_expr(p, BT_EXPR_NAMED_EXPR, &name);
        if (e) {
            e->named_expr.target = target;
            e->named_expr.value = value;
        }
        return e;
    }
    BtAstExpr *e = parse_expression(p);
    if (!e)
        return NULL;
    if (peek(p) == BT_TOK_COLONEQUAL)
        return error_node(p, e, "cannot use assignment expressions with %s",
                          bt_ast_expr_describe(e));
    if (peek(p) == BT_TOK_EQUAL)
        return named_expression_eq_error(p, e);
    return e;
}

/* star_expression: '*' bitwise_or | expression. */
static BtAstExpr *parse_star_expression(BtParser *p) {
    if (peek(p) != BT_TOK_STAR)
        return parse_expression(p);
    BtToken star = advance(p);
    BtAstExpr *v = parse_bitwise_or(p);
    BtAstExpr *e = v ? new_expr(p, BT_EXPR_STARRED, &star) : NULL;
    if (e)
        e->starred.value = v;
    return e;
}

/* Can the current token follow a complete expression list? Used after a trailing comma. */
static bool ends_expression_list(BtTokenKind k) {
    return !starts_expression(k) && k != BT_TOK_STAR;
}

/* star_expressions: one star_expression, or a Tuple of them when there is a comma. */
static BtAstExpr *parse_star_expressions(BtParser *p) {
    BtAstExpr *first = parse_star_expression(p);
    if (!first || peek(p) != BT_TOK_COMMA)
        return first;
    size_t base = list_begin(p);
    if (!list_push(p, first))
        return NULL;
    while (accept(p, BT_TOK_COMMA)) {
        if (ends_expression_list(peek(p)))
            break;
        BtAstExpr *e = parse_star_expression(p);
        if (!e || !list_push(p, e))
            return NULL;
    }
    BtAstExpr *t = new_expr_from(p, BT_EXPR_TUPLE, first);
    if (t)
        END_LIST(p, base, t->tuple.elts);
    return t;
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]. */
static BtAstExpr *parse_yield_expr(BtParser *p) {
    BtToken t = advance(p);
    if (accept(p, BT_TOK_FROM)) {
        BtAstExpr *v = parse_expression(p);
        BtAstExpr *e = v ? new_expr(p, BT_EXPR_YIELD_FROM, &t) : NULL;
        if (e)
            e->yield_from.value = v;
        return e;
    }
    BtAstExpr *v = NULL;
    if (starts_expression(peek(p)) || peek(p) == BT_TOK_STAR) {
        if (!(v = parse_star_expressions(p)))
            return NULL;
    }
    BtAstExpr *e = new_expr(p, BT_EXPR_YIELD, &t);
    if (e)
        e->yield.value = v;
    return e;
}

/* A target list for `for` and comprehensions: bitwise_or elements (so `in` ends it). */
static BtAstExpr *parse_for_targets(BtParser *p) {
    BtToken start = *cur(p);
    size_t base = list_begin(p);
    int n = 0;
    bool comma = false;
    for (;;) {
        BtAstExpr *e;
        if (peek(p) == BT_TOK_STAR) {
            BtToken star = advance(p);
            BtAstExpr *v = parse_bitwise_or(p);
            if (!v || !(e = new_expr(p, BT_EXPR_STARRED, &star)))
                return NULL;
            e->starred.value = v;
        } else if (!(e = parse_bitwise_or(p))) {
            return NULL;
        }
        if (!list_push(p, e))
            return NULL;
        n++;
        if (peek(p) != BT_TOK_COMMA)
            break;
        advance(p);
        comma = true;
        if (peek(p) == BT_TOK_IN)
            break;
    }
    if (n == 1 && !comma) {
        BtAstExpr *only = p->scratch[base];
        p->nscratch = base;
        return only;
    }
    BtAstExpr *t = new_expr(p, BT_EXPR_TUPLE, &start);
    if (t)
        END_LIST(p, base, t->tuple.elts);
    return t;
}

/* One or more `for target in iter [if cond]...` clauses. */
static bool parse_comprehension_clauses(BtParser *p, BtAstComprehensionList *out) {
    size_t base = list_begin(p);
    while (peek(p) == BT_TOK_FOR || peek(p) == BT_TOK_ASYNC) {
        bool is_async = accept(p, BT_TOK_ASYNC);
        if (is_async && peek(p) != BT_TOK_FOR) {
            syntax_error_here(p);
            return false;
        }
        advance(p);
        BtAstComprehension *c = bt_arena_alloc(p->arena, sizeof *c);
        if (!c) {
            out_of_memory(p);
            return false;
        }
        c->is_async = is_async;
        if (!(c->target = parse_for_targets(p)))
            return false;
        if (!make_target(p, c->target, TARGET_FOR))
            return false;
        if (!expect(p, BT_TOK_IN))
            return false;
        if (!(c->iter = parse_disjunction(p)))
            return false;
        size_t ifs = list_begin(p);
        while (accept(p, BT_TOK_IF)) {
            BtAstExpr *cond = parse_disjunction(p);
            if (!cond || !list_push(p, cond))
                return false;
        }
        END_LIST(p, ifs, c->ifs);
        if (!list_push(p, c))
            return false;
    }
    END_LIST(p, base, *out);
    return !p->failed;
}

/* ============================================================================ parameters */

static BtAstArg *parse_param(BtParser *p, bool lambda) {
    if (peek(p) != BT_TOK_NAME)
        return syntax_error_here(p);
    BtToken name = advance(p);
    BtAstArg *a = bt_arena_alloc(p->arena, sizeof *a);
    if (!a)
        return out_of_memory(p);
    a->line = name.line;
    a->col = name.col;
    if (!(a->arg = token_text(p, &name)))
        return NULL;
    if (!lambda && accept(p, BT_TOK_COLON)) {
        if (!(a->annotation = parse_expression(p)))
            return NULL;
    }
    a->end_line = p->prev_end_line;
    a->end_col = p->prev_end_col;
    return a;
}

/* Parameters of a def (up to ')', not consumed) or a lambda (up to ':'). */
static BtAstArguments *parse_parameters(BtParser *p, bool lambda) {
    BtAstArguments *args = bt_arena_alloc(p->arena, sizeof *args);
    if (!args)
        return out_of_memory(p);
    BtTokenKind close = lambda ? BT_TOK_COLON : BT_TOK_RPAR;
    size_t pos = list_begin(p);
    /* Positional parameters first; the defaults are kept aside in a fixed stretch of
       the arena since they interleave with the parameters on the scratch stack. */
    BtAstExpr **defaults = NULL;
    int ndefaults = 0, capdefaults = 0;
    int nposonly = -1;
    bool star_seen = false;
    while (peek(p) != close && !star_seen) {
        if (peek(p) == BT_TOK_SLASH) {
            BtToken slash = advance(p);
            if (nposonly >= 0)
                return error_tok(p, &slash, "/ may appear only once");
            if (p->nscratch == pos)
                return error_tok(p, &slash, "at least one argument must precede /");
            nposonly = (int)(p->nscratch - pos);
        } else if (peek(p) == BT_TOK_STAR || peek(p) == BT_TOK_DOUBLESTAR) {
            star_seen = true;
            break;
        } else {
            BtAstArg *a = parse_param(p, lambda);
            if (!a || !list_push(p, a))
                return NULL;
            if (accept(p, BT_TOK_EQUAL)) {
                BtAstExpr *d = parse_expression(p);
                if (!d)
                    return NULL;
                if (ndefaults == capdefaults) {
                    capdefaults = capdefaults ? capdefaults * 2 : 8;
                    BtAstExpr **grown = bt_arena_alloc(p->arena, capdefaults * sizeof *grown);
                    if (!grown)
                        return out_of_memory(p);
                    if (ndefaults)
                        memcpy(grown, defaults, ndefaults * sizeof *grown);
                    defaults = grown;
                }
                defaults[ndefaults++] = d;
            } else if (ndefaults > 0) {
                return bt_parse_error_at(p, a->line, a->col, a->end_line, a->end_col,
                                         "non-default argument follows default argument");
            }
        }
        if (!accept(p, BT_TOK_COMMA))
            break;
    }
    BtAstArg **all = list_end(p, pos, &args->args.count);
    if (args->args.count && !all)
        return NULL;
    if (nposonly > 0) {
        args->posonlyargs.items = all;
        args->posonlyargs.count = nposonly;
        args->args.items = all + nposonly;
        args->args.count -= nposonly;
    } else {
        args->args.items = all;
    }
    if (args->args.count == 0)
        args->args.items = NULL;
    args->defaults.items = defaults;
    args->defaults.count = ndefaults;

    if (star_seen && peek(p) == BT_TOK_STAR) {
        BtToken star = advance(p);
        if (peek(p) == BT_TOK_NAME) {
            if (!(args->vararg = parse_param(p, lambda)))
                return NULL;
        } else if (peek(p) == close || (peek(p) == BT_TOK_COMMA && peek_at(p, 1) == close) ||
                   (peek(p) == BT_TOK_COMMA && peek_at(p, 1) == BT_TOK_DOUBLESTAR)) {
            return error_tok(p, &star, "named arguments must follow bare *");
        } else if (peek(p) != BT_TOK_COMMA) {
            return syntax_error_here(p);
        }
        size_t kw = list_begin(p);
        while (accept(p, BT_TOK_COMMA)) {
            if (peek(p) == close || peek(p) == BT_TOK_DOUBLESTAR)
                break;
            if (peek(p) == BT_TOK_STAR)
                return error_tok(p, cur(p), "* argument may appear only once");
            BtAstArg *a = parse_param(p, lambda);
            if (!a)
                return NULL;
            BtAstExpr *d = NULL;
            if (accept(p, BT_TOK_EQUAL) && !(d = parse_expression(p)))
                return NULL;
            if (!list_push(p, a) || !list_push(p, d))
                return NULL;
        }
        int n = (int)(p->nscratch - kw) / 2;
        args->kwonlyargs.count = args->kw_defaults.count = n;
        if (n) {
            args->kwonlyargs.items = bt_arena_alloc(p->arena, n * sizeof(BtAstArg *));
            args->kw_defaults.items = bt_arena_alloc(p->arena, n * sizeof(BtAstExpr *));
            if (!args->kwonlyargs.items || !args->kw_defaults.items)
                return out_of_memory(p);
            for (int i = 0; i < n; i++) {
                args->kwonlyargs.items[i] = p->scratch[kw + 2 * i];
                args->kw_defaults.items[i] = p->scratch[kw + 2 * i + 1];
            }
        }
        p->nscratch = kw;
    }
    if (peek(p) == BT_TOK_DOUBLESTAR) {
        advance(p);
        if (!(args->kwarg = parse_param(p, lambda)))
            return NULL;
        if (peek(p) == BT_TOK_EQUAL)
            return error_tok(p, cur(p), "var-keyword argument cannot have default value");
        accept(p, BT_TOK_COMMA);
        if (peek(p) != close && !p->failed)
            return error_tok(p, cur(p), "arguments cannot follow var-keyword argument");
    }
    if (peek(p) == BT_TOK_EQUAL && !p->failed && args->vararg)
        return error_tok(p, cur(p), "var-positional argument cannot have default value");
    return p->failed ? NULL : args;
}

/* ============================================================================ statements */

static bool parse_statement(BtParser *p);
static bool parse_block(BtParser *p, BtAstStmtList *out, const char *what, int line);
static bool expect_indent(BtParser *p, const char *what, int line);

static bool push_stmt(BtParser *p, BtAstStmt *s) { return s && list_push(p, s); }

/* The end of a simple statement: ';' or NEWLINE must follow. */
static bool at_simple_end(BtParser *p) {
    BtTokenKind k = peek(p);
    return k == BT_TOK_SEMI || k == BT_TOK_NEWLINE || k == BT_TOK_ENDMARKER;
}

/* CPython's invalid_assignment: name the first bad target of `t1 = ... = value`. */
static void *assignment_error(BtParser *p, BtAstExpr **targets, int n, BtAstExpr *value,
                              BtAstExpr *first_rhs) {
    /* The first target's last element, followed by '=' and a bitwise_or not followed
       by '=': CPython's invalid_named_expression fires there first. */
    BtAstExpr *t1 = targets[0];
    BtAstExpr *e = t1;
    if (t1->kind == BT_EXPR_TUPLE && !t1->parenthesized && t1->tuple.elts.count > 0)
        e = t1->tuple.elts.items[t1->tuple.elts.count - 1];
    BtAstExpr *r = first_rhs;
    bool rhs_whole = true;
    for (;;) {
        if (!r->parenthesized && r->kind == BT_EXPR_COMPARE) {
            r = r->compare.left;
            rhs_whole = false;
        } else if (!r->parenthesized && r->kind == BT_EXPR_BOOL_OP) {
            r = r->bool_op.values.items[0];
            rhs_whole = false;
        } else if (!r->parenthesized && r->kind == BT_EXPR_IF_EXP) {
            r = r->if_exp.body;
            rhs_whole = false;
        } else if (!r->parenthesized && r->kind == BT_EXPR_TUPLE && r->tuple.elts.count) {
            r = r->tuple.elts.items[0];
            rhs_whole = false;
        } else {
            break;
        }
    }
    bool r_ok = !(!r->parenthesized &&
                  (r->kind == BT_EXPR_STARRED || r->kind == BT_EXPR_YIELD ||
                   r->kind == BT_EXPR_YIELD_FROM || r->kind == BT_EXPR_LAMBDA ||
                   (r->kind == BT_EXPR_UNARY_OP && r->unary_op.op == BT_UNARY_NOT)));
    bool r_last = !rhs_whole || n == 1;
    if (e->kind != BT_EXPR_STARRED && r_ok && r_last) {
        if (e->kind == BT_EXPR_NAME && !e->parenthesized)
            return bt_parse_error_at(p, e->line, e->col, r->end_line, r->end_col,
                                     "invalid syntax. Maybe you meant '==' or ':=' instead "
                                     "of '='?");
        bool excluded = e->kind == BT_EXPR_LIST || e->kind == BT_EXPR_GENERATOR_EXP ||
                        (e->kind == BT_EXPR_TUPLE && e->parenthesized) ||
                        (e->kind == BT_EXPR_CONSTANT && (e->constant.kind == BT_CONST_TRUE ||
                                                         e->constant.kind == BT_CONST_FALSE ||
                                                         e->constant.kind == BT_CONST_NONE));
        bool is_bitwise_or = e->parenthesized ||
                             !(e->kind == BT_EXPR_COMPARE || e->kind == BT_EXPR_BOOL_OP ||
                               e->kind == BT_EXPR_IF_EXP || e->kind == BT_EXPR_LAMBDA ||
                               (e->kind == BT_EXPR_UNARY_OP && e->unary_op.op == BT_UNARY_NOT) ||
                           e->kind == BT_EXPR_YIELD || e->kind == BT_EXPR_YIELD_FROM ||
                           e->kind == BT_EXPR_STARRED);
        if (!excluded && is_bitwise_or)
            return error_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of "
                                    "'='?", bt_ast_expr_describe(e));
    }
    for (int i = 0; i < n; i++) {
        BtAstExpr *t = targets[i];
        if ((t->kind == BT_EXPR_YIELD || t->kind == BT_EXPR_YIELD_FROM))
            return error_node(p, t, "assignment to yield expression not possible");
        const BtAstExpr *bad = invalid_target(t, TARGET_STORE);
        if (bad)
            return error_node(p, bad, "cannot assign to %s", bt_ast_expr_describe(bad));
    }
    (void)value;
    return NULL;
}

static bool aug_operator(BtTokenKind k, BtAstOperator *op) {
    switch (k) {
    case BT_TOK_PLUSEQUAL: *op = BT_OP_ADD; return true;
    case BT_TOK_MINEQUAL: *op = BT_OP_SUB; return true;
    case BT_TOK_STAREQUAL: *op = BT_OP_MULT; return true;
    case BT_TOK_ATEQUAL: *op = BT_OP_MAT_MULT; return true;
    case BT_TOK_SLASHEQUAL: *op = BT_OP_DIV; return true;
    case BT_TOK_PERCENTEQUAL: *op = BT_OP_MOD; return true;
    case BT_TOK_AMPEREQUAL: *op = BT_OP_BIT_AND; return true;
    case BT_TOK_VBAREQUAL: *op = BT_OP_BIT_OR; return true;
    case BT_TOK_CIRCUMFLEXEQUAL: *op = BT_OP_BIT_XOR; return true;
    case BT_TOK_LEFTSHIFTEQUAL: *op = BT_OP_LSHIFT; return true;
    case BT_TOK_RIGHTSHIFTEQUAL: *op = BT_OP_RSHIFT; return true;
    case BT_TOK_DOUBLESTAREQUAL: *op = BT_OP_POW; return true;
    case BT_TOK_DOUBLESLASHEQUAL: *op = BT_OP_FLOOR_DIV; return true;
    default: return false;
    }
}

/* The right-hand side of = or op=: a yield expression or star_expressions. */
static BtAstExpr *parse_rhs(BtParser *p) {
    if (peek(p) == BT_TOK_YIELD)
        return parse_yield_expr(p);
    return parse_star_expressions(p);
}

/* Expression statement, assignment, augmented or annotated assignment. */
static BtAstStmt *parse_expr_stmt(BtParser *p) {
    BtToken start = *cur(p);
    BtAstExpr *first = parse_rhs(p);
    if (!first)
        return NULL;
    BtAstOperator op;
    BtTokenKind k = peek(p);
    if (k == BT_TOK_EQUAL) {
        size_t base = list_begin(p);
        if (!list_push(p, first))
            return NULL;
        BtAstExpr *value = NULL, *first_rhs = NULL;
        while (accept(p, BT_TOK_EQUAL)) {
            value = parse_rhs(p);
            if (!value || !list_push(p, value))
                return NULL;
            if (!first_rhs)
                first_rhs = value;
        }
        int n = (int)(p->nscratch - base) - 1;
        BtAstExpr **targets = (BtAstExpr **)p->scratch + base;
        for (int i = 0; i < n; i++) {
            BtAstExpr *t = targets[i];
            if (t->kind == BT_EXPR_YIELD || t->kind == BT_EXPR_YIELD_FROM ||
                invalid_target(t, TARGET_STORE)) {
                assignment_error(p, targets, n, value, first_rhs);
                return NULL;
            }
        }
        for (int i = 0; i < n; i++)
            set_context(targets[i], BT_CTX_STORE);
        p->nscratch--; /* the value */
        BtAstStmt *s = new_stmt(p, BT_STMT_ASSIGN, &start);
        if (!s)
            return NULL;
        END_LIST(p, base, s->assign.targets);
        s->assign.value = value;
        return s;
    }
    if (aug_operator(k, &op)) {
        if (first->kind != BT_EXPR_NAME && first->kind != BT_EXPR_ATTRIBUTE &&
            first->kind != BT_EXPR_SUBSCRIPT)
            return error_node(p, first, "'%s' is an illegal expression for augmented assignment",
                              bt_ast_expr_describe(first));
        advance(p);
        BtAstExpr *value = parse_rhs(p);
        if (!value)
            return NULL;
        set_context(first, BT_CTX_STORE);
        BtAstStmt *s = new_stmt(p, BT_STMT_AUG_ASSIGN, &start);
        if (s) {
            s->aug_assign.target = first;
            s->aug_assign.op = op;
            s->aug_assign.value = value;
        }
        return s;
    }
    if (k == BT_TOK_COLON) {
        bool valid = (first->kind == BT_EXPR_NAME || first->kind == BT_EXPR_ATTRIBUTE ||
                      first->kind == BT_EXPR_SUBSCRIPT);
        if (!valid) {
            /* CPython's invalid_assignment wants `target ':' expression`. */
            Mark m = probe_begin(p);
            advance(p);
            BtAstExpr *ann = parse_expression(p);
            bool ok = probe_end(p, m, true);
            if (!ok || !ann)
                return error_tok(p, cur(p), "invalid syntax");
        }
        if (first->kind == BT_EXPR_TUPLE && !first->parenthesized && first->tuple.elts.count)
            return error_node(p, first->tuple.elts.items[0],
                              "only single target (not tuple) can be annotated");
        if (first->kind == BT_EXPR_TUPLE || first->kind == BT_EXPR_LIST)
            return error_node(p, first, "only single target (not %s) can be annotated",
                              first->kind == BT_EXPR_TUPLE ? "tuple" : "list");
        if (first->kind != BT_EXPR_NAME && first->kind != BT_EXPR_ATTRIBUTE &&
            first->kind != BT_EXPR_SUBSCRIPT)
            return error_node(p, first, "illegal target for annotation");
        advance(p);
        BtAstExpr *ann = parse_expression(p);
        if (!ann)
            return NULL;
        BtAstExpr *value = NULL;
        if (accept(p, BT_TOK_EQUAL) && !(value = parse_rhs(p)))
            return NULL;
        set_context(first, BT_CTX_STORE);
        BtAstStmt *s = new_stmt(p, BT_STMT_ANN_ASSIGN, &start);
        if (s) {
            s->ann_assign.target = first;
            s->ann_assign.annotation = ann;
            s->ann_assign.value = value;
            s->ann_assign.simple = first->kind == BT_EXPR_NAME && !first->parenthesized;
        }
        return s;
    }
    if (!at_simple_end(p)) {
        /* print "x": CPython's legacy-statement hint. */
        if (first->kind == BT_EXPR_NAME && !first->parenthesized && starts_expression(k) &&
            (strcmp(first->name.id, "print") == 0 || strcmp(first->name.id, "exec") == 0)) {
            Mark m = probe_begin(p);
            BtAstExpr *arg = parse_star_expressions(p);
            int end_line = p->prev_end_line, end_col = p->prev_end_col;
            bool ok = probe_end(p, m, true);
            if (ok && arg)
                return bt_parse_error_at(p, first->line, first->col, end_line, end_col,
                                         "Missing parentheses in call to '%s'. Did you mean "
                                         "%s(...)?", first->name.id, first->name.id);
        }
        return syntax_error_here(p);
    }
    BtAstStmt *s = new_stmt(p, BT_STMT_EXPR, &start);
    if (s)
        s->expr.value = first;
    return s;
}

static bool parse_name_list(BtParser *p, BtAstNameList *out) {
    size_t base = list_begin(p);
    do {
        if (peek(p) != BT_TOK_NAME) {
            syntax_error_here(p);
            return false;
        }
        BtToken t = advance(p);
        const char *s = token_text(p, &t);
        if (!s || !list_push(p, (void *)s))
            return false;
    } while (accept(p, BT_TOK_COMMA));
    END_LIST(p, base, *out);
    return !p->failed;
}

/* A dotted name a.b.c as one arena string. */
static const char *parse_dotted_name(BtParser *p) {
    if (peek(p) != BT_TOK_NAME)
        return syntax_error_here(p);
    BtToken first = advance(p);
    uint32_t end = first.offset + first.length;
    bool spaced = false;
    while (peek(p) == BT_TOK_DOT && peek_at(p, 1) == BT_TOK_NAME) {
        advance(p);
        BtToken t = advance(p);
        if (t.offset != end + 1)
            spaced = true;
        end = t.offset + t.length;
    }
    if (peek(p) == BT_TOK_DOT) {
        advance(p);
        return syntax_error_here(p);
    }
    if (!spaced)
        return bt_arena_strdup(p->arena, p->src + first.offset, end - first.offset);
    /* `a . b` with blanks: keep only the names and dots. */
    char *s = bt_arena_alloc(p->arena, end - first.offset + 1);
    if (!s)
        return out_of_memory(p);
    size_t n = 0;
    for (uint32_t i = first.offset; i < end; i++) {
        char c = p->src[i];
        if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r' && c != '\f')
            s[n++] = c;
    }
    s[n] = '\0';
    return s;
}

static BtAstAlias *new_alias(BtParser *p, const BtToken *start, const char *name) {
    BtAstAlias *a = bt_arena_alloc(p->arena, sizeof *a);
    if (!a)
        return out_of_memory(p);
    a->line = start->line;
    a->col = start->col;
    a->name = name;
    if (accept(p, BT_TOK_AS)) {
        if (peek(p) != BT_TOK_NAME)
            return syntax_error_here(p);
        BtToken t = advance(p);
        a->asname = token_text(p, &t);
    }
    a->end_line = p->prev_end_line;
    a->end_col = p->prev_end_col;
    return a;
}

static BtAstStmt *parse_import(BtParser *p) {
    BtToken start = advance(p);
    size_t base = list_begin(p);
    do {
        BtToken t = *cur(p);
        const char *name = parse_dotted_name(p);
        BtAstAlias *a = name ? new_alias(p, &t, name) : NULL;
        if (!a || !list_push(p, a))
            return NULL;
    } while (accept(p, BT_TOK_COMMA));
    BtAstStmt *s = new_stmt(p, BT_STMT_IMPORT, &start);
    if (s)
        END_LIST(p, base, s->import.names);
    return s;
}

static BtAstStmt *parse_from_import(BtParser *p) {
    BtToken start = advance(p);
    int level = 0;
    for (;;) {
        if (accept(p, BT_TOK_DOT))
            level++;
        else if (accept(p, BT_TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    if (level == 0 || peek(p) != BT_TOK_IMPORT) {
        if (!(module = parse_dotted_name(p)))
            return NULL;
    }
    if (!expect(p, BT_TOK_IMPORT))
        return NULL;
    size_t base = list_begin(p);
    if (peek(p) == BT_TOK_STAR) {
        BtToken t = advance(p);
        BtAstAlias *a = new_alias(p, &t, "*");
        if (!a || !list_push(p, a))
            return NULL;
    } else {
        bool paren = accept(p, BT_TOK_LPAR);
        do {
            if (paren && peek(p) == BT_TOK_RPAR && p->nscratch > base)
                break;
            if (peek(p) != BT_TOK_NAME)
                return syntax_error_here(p);
            BtToken t = advance(p);
            const char *name = token_text(p, &t);
            BtAstAlias *a = name ? new_alias(p, &t, name) : NULL;
            if (!a || !list_push(p, a))
                return NULL;
        } while (accept(p, BT_TOK_COMMA));
        if (paren && !expect(p, BT_TOK_RPAR))
            return NULL;
        if (!paren && p->nscratch > base && p->buf[p->pos - 1].t.kind == BT_TOK_COMMA)
            return error_tok(p, &p->buf[p->pos - 1].t,
                             "trailing comma not allowed without surrounding parentheses");
    }
    BtAstStmt *s = new_stmt(p, BT_STMT_IMPORT_FROM, &start);
    if (s) {
        s->import_from.module = module;
        s->import_from.level = level;
        END_LIST(p, base, s->import_from.names);
    }
    return s;
}

/* del_targets: a list of targets in del context. */
static BtAstStmt *parse_del(BtParser *p) {
    BtToken start = advance(p);
    size_t base = list_begin(p);
    do {
        if (at_simple_end(p) && p->nscratch > base)
            break;
        BtAstExpr *e = parse_bitwise_or(p);
        if (!e)
            return NULL;
        if (!at_simple_end(p) && peek(p) != BT_TOK_COMMA)
            return syntax_error_here(p);
        if (!make_target(p, e, TARGET_DEL) || !list_push(p, e))
            return NULL;
    } while (accept(p, BT_TOK_COMMA));
    BtAstStmt *s = new_stmt(p, BT_STMT_DELETE, &start);
    if (s)
        END_LIST(p, base, s->delete_.targets);
    return s;
}

/* One simple statement (no ';' or NEWLINE consumed). */
static BtAstStmt *parse_simple_stmt(BtParser *p) {
    BtToken start = *cur(p);
    BtAstStmt *s;
    switch (start.kind) {
    case BT_TOK_PASS:
        advance(p);
        return new_stmt(p, BT_STMT_PASS, &start);
    case BT_TOK_BREAK:
        advance(p);
        return new_stmt(p, BT_STMT_BREAK, &start);
    case BT_TOK_CONTINUE:
        advance(p);
        return new_stmt(p, BT_STMT_CONTINUE, &start);
    case BT_TOK_RETURN: {
        advance(p);
        BtAstExpr *v = NULL;
        if (!at_simple_end(p) && !(v = parse_star_expressions(p)))
            return NULL;
        if ((s = new_stmt(p, BT_STMT_RETURN, &start)))
            s->return_.value = v;
        return s;
    }
    case BT_TOK_RAISE: {
        advance(p);
        BtAstExpr *exc = NULL, *cause = NULL;
        if (!at_simple_end(p)) {
            if (!(exc = parse_expression(p)))
                return NULL;
            if (accept(p, BT_TOK_FROM) && !(cause = parse_expression(p)))
                return NULL;
        }
        if ((s = new_stmt(p, BT_STMT_RAISE, &start))) {
            s->raise.exc = exc;
            s->raise.cause = cause;
        }
        return s;
    }
    case BT_TOK_GLOBAL:
    case BT_TOK_NONLOCAL:
        advance(p);
        s = new_stmt(p, start.kind == BT_TOK_GLOBAL ? BT_STMT_GLOBAL : BT_STMT_NONLOCAL, &start);
        if (!s || !parse_name_list(p, &s->global.names))
            return NULL;
        finish_stmt(p, s);
        return s;
    case BT_TOK_DEL:
        return parse_del(p);
    case BT_TOK_ASSERT: {
        advance(p);
        BtAstExpr *test = parse_expression(p), *msg = NULL;
        if (!test)
            return NULL;
        if (accept(p, BT_TOK_COMMA) && !(msg = parse_expression(p)))
            return NULL;
        if ((s = new_stmt(p, BT_STMT_ASSERT, &start))) {
            s->assert_.test = test;
            s->assert_.msg = msg;
        }
        return s;
    }
    case BT_TOK_IMPORT:
        return parse_import(p);
    case BT_TOK_FROM:
        return parse_from_import(p);
    default:
        return parse_expr_stmt(p);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE, pushed on the list. */
static bool parse_simple_stmts(BtParser *p) {
    for (;;) {
        BtAstStmt *s = parse_simple_stmt(p);
        if (!push_stmt(p, s))
            return false;
        if (accept(p, BT_TOK_SEMI)) {
            if (peek(p) == BT_TOK_NEWLINE || peek(p) == BT_TOK_ENDMARKER)
                break;
            continue;
        }
        break;
    }
    if (peek(p) == BT_TOK_ENDMARKER)
        return true;
    return expect(p, BT_TOK_NEWLINE);
}

/* ':' then a block; what/line name the statement for "expected an indented block". */
static bool parse_colon_block(BtParser *p, BtAstStmtList *out, const char *what, int line) {
    return expect_colon(p) && parse_block(p, out, what, line);
}

/* The same after try, finally, else and def, whose ':' CPython's grammar forces. */
static bool parse_forced_colon_block(BtParser *p, BtAstStmtList *out, const char *what,
                                     int line) {
    return expect_forced(p, BT_TOK_COLON, ":") && parse_block(p, out, what, line);
}

static bool parse_block(BtParser *p, BtAstStmtList *out, const char *what, int line) {
    size_t base = list_begin(p);
    if (peek(p) != BT_TOK_NEWLINE) {
        if (!parse_simple_stmts(p))
            return false;
        END_LIST(p, base, *out);
        return !p->failed;
    }
    advance(p);
    if (!expect_indent(p, what, line))
        return false;
    if (!enter(p))
        return false;
    while (!p->failed && peek(p) != BT_TOK_DEDENT && peek(p) != BT_TOK_ENDMARKER) {
        if (!parse_statement(p)) {
            leave(p);
            return false;
        }
    }
    leave(p);
    accept(p, BT_TOK_DEDENT);
    END_LIST(p, base, *out);
    return !p->failed;
}

/* The INDENT opening a block after its NEWLINE (consumed); what/line name the statement
 * for "expected an indented block". */
static bool expect_indent(BtParser *p, const char *what, int line) {
    if (peek(p) != BT_TOK_INDENT) {
        if (peek(p) == BT_TOK_ERROR)
            return false;
        BtToken t = *cur(p);
        if (t.kind == BT_TOK_DEDENT || t.kind == BT_TOK_ENDMARKER) {
            /* CPython points at its tokenizer's cursor there: after the indentation of
               the dedented line, or (running a file) at the start of the last line. */
            int l = t.kind == BT_TOK_DEDENT ? t.line : p->prev_end_line;
            int c = t.kind == BT_TOK_DEDENT ? t.col : 0;
            t.line = t.end_line = l;
            t.col = c - 1;
            t.end_col = c - 1;
        }
        indent_error_at(p, &t, "expected an indented block after %s on line %d", what, line);
        if (peek(p) == BT_TOK_ENDMARKER && !p->probing)
            p->err->incomplete = 1;
        return false;
    }
    advance(p);
    return true;
}

static BtAstStmt *parse_if(BtParser *p, bool elif) {
    BtToken start = advance(p);
    BtAstExpr *test = parse_named_expression(p);
    if (!test)
        return NULL;
    BtAstStmt *s = new_stmt(p, BT_STMT_IF, &start);
    if (!s)
        return NULL;
    s->if_.test = test;
    if (!parse_colon_block(p, &s->if_.body, elif ? "'elif' statement" : "'if' statement",
                           start.line))
        return NULL;
    if (peek(p) == BT_TOK_ELIF) {
        BtAstStmt *inner = parse_if(p, true);
        if (!inner)
            return NULL;
        s->if_.orelse.count = 1;
        s->if_.orelse.items = bt_arena_alloc(p->arena, sizeof(BtAstStmt *));
        if (!s->if_.orelse.items)
            return out_of_memory(p);
        s->if_.orelse.items[0] = inner;
    } else if (peek(p) == BT_TOK_ELSE) {
        BtToken e = advance(p);
        if (!parse_forced_colon_block(p, &s->if_.orelse, "'else' statement", e.line))
            return NULL;
    }
    finish_stmt(p, s);
    return s;
}

static bool parse_else_block(BtParser *p, BtAstStmtList *out) {
    if (peek(p) != BT_TOK_ELSE)
        return true;
    BtToken e = advance(p);
    return parse_forced_colon_block(p, out, "'else' statement", e.line);
}

static BtAstStmt *parse_while(BtParser *p) {
    BtToken start = advance(p);
    BtAstExpr *test = parse_named_expression(p);
    BtAstStmt *s = test ? new_stmt(p, BT_STMT_WHILE, &start) : NULL;
    if (!s)
        return NULL;
    s->while_.test = test;
    if (!parse_colon_block(p, &s->while_.body, "'while' statement", start.line) ||
        !parse_else_block(p, &s->while_.orelse))
        return NULL;
    finish_stmt(p, s);
    return s;
}

/* for_stmt; async_tok is the `async` before it, or NULL. */
static BtAstStmt *parse_for(BtParser *p, const BtToken *async_tok) {
    BtToken start = advance(p);
    if (async_tok)
        start = *async_tok;
    BtAstExpr *target = parse_for_targets(p);
    if (!target)
        return NULL;
    if (peek(p) != BT_TOK_IN) {
        const BtAstExpr *bad = invalid_target(target, TARGET_FOR);
        if (bad)
            return error_node(p, bad, "cannot assign to %s", bt_ast_expr_describe(bad));
        return syntax_error_here(p);
    }
    if (!make_target(p, target, TARGET_FOR))
        return NULL;
    advance(p);
    BtAstExpr *iter = parse_star_expressions(p);
    BtAstStmt *s = iter ? new_stmt(p, async_tok ? BT_STMT_ASYNC_FOR : BT_STMT_FOR, &start) : NULL;
    if (!s)
        return NULL;
    s->for_.target = target;
    s->for_.iter = iter;
    if (!parse_colon_block(p, &s->for_.body, "'for' statement", start.line) ||
        !parse_else_block(p, &s->for_.orelse))
        return NULL;
    finish_stmt(p, s);
    return s;
}

static BtAstStmt *parse_try(BtParser *p) {
    BtToken start = advance(p);
    BtAstStmt *s = new_stmt(p, BT_STMT_TRY, &start);
    if (!s || !parse_forced_colon_block(p, &s->try_.body, "'try' statement", start.line))
        return NULL;
    size_t base = list_begin(p);
    while (peek(p) == BT_TOK_EXCEPT) {
        BtToken ex = advance(p);
        BtAstExceptHandler *h = bt_arena_alloc(p->arena, sizeof *h);
        if (!h)
            return out_of_memory(p);
        h->line = ex.line;
        h->col = ex.col;
        if (peek(p) == BT_TOK_STAR)
            return error_tok(p, cur(p), "'except*' is not supported by Baton");
        if (peek(p) != BT_TOK_COLON) {
            if (!(h->type = parse_expression(p)))
                return NULL;
            if (peek(p) == BT_TOK_COMMA) {
                BtAstExpr *first = h->type;
                Mark m = probe_begin(p);
                while (accept(p, BT_TOK_COMMA))
                    if (!parse_expression(p))
                        break;
                int end_line = p->prev_end_line, end_col = p->prev_end_col;
                bool ok = probe_end(p, m, true);
                if (ok)
                    return bt_parse_error_at(p, first->line, first->col, end_line, end_col,
                                             "multiple exception types must be parenthesized");
                return syntax_error_here(p);
            }
            if (accept(p, BT_TOK_AS)) {
                if (peek(p) != BT_TOK_NAME)
                    return syntax_error_here(p);
                BtToken n = advance(p);
                if (!(h->name = token_text(p, &n)))
                    return NULL;
            }
        }
        if (!parse_colon_block(p, &h->body, "'except' statement", ex.line))
            return NULL;
        h->end_line = p->prev_end_line;
        h->end_col = p->prev_end_col;
        if (!list_push(p, h))
            return NULL;
    }
    END_LIST(p, base, s->try_.handlers);
    if (s->try_.handlers.count && !parse_else_block(p, &s->try_.orelse))
        return NULL;
    if (peek(p) == BT_TOK_FINALLY) {
        BtToken f = advance(p);
        if (!parse_forced_colon_block(p, &s->try_.finalbody, "'finally' statement", f.line))
            return NULL;
    } else if (s->try_.handlers.count == 0) {
        return error_tok(p, cur(p), "expected 'except' or 'finally' block");
    }
    finish_stmt(p, s);
    return s;
}

/* with_item: expression ['as' star_target]. */
static BtAstWithItem *parse_with_item(BtParser *p, bool in_parens) {
    BtAstWithItem *w = bt_arena_alloc(p->arena, sizeof *w);
    if (!w)
        return out_of_memory(p);
    if (!(w->context_expr = parse_expression(p)))
        return NULL;
    if (accept(p, BT_TOK_AS)) {
        BtAstExpr *t;
        if (peek(p) == BT_TOK_STAR) {
            BtToken star = advance(p);
            BtAstExpr *v = parse_bitwise_or(p);
            if (!v || !(t = new_expr(p, BT_EXPR_STARRED, &star)))
                return NULL;
            t->starred.value = v;
        } else if (!(t = parse_bitwise_or(p))) {
            return NULL;
        }
        BtTokenKind k = peek(p);
        if (k != BT_TOK_COMMA && k != BT_TOK_COLON && !(in_parens && k == BT_TOK_RPAR))
            return syntax_error_here(p);
        if (!make_target(p, t, TARGET_STORE))
            return NULL;
        w->optional_vars = t;
    }
    return w;
}

/* with_stmt; async_tok is the `async` before it, or NULL. */
static BtAstStmt *parse_with(BtParser *p, const BtToken *async_tok) {
    BtToken start = advance(p);
    if (async_tok)
        start = *async_tok;
    BtAstStmt *s = new_stmt(p, async_tok ? BT_STMT_ASYNC_WITH : BT_STMT_WITH, &start);
    if (!s)
        return NULL;
    size_t base = list_begin(p);
    bool done = false;
    if (peek(p) == BT_TOK_LPAR) {
        /* with (a as b, c): first try the parenthesized item list, as CPython does. */
        Mark m = probe_begin(p);
        advance(p);
        bool ok = true;
        do {
            if (peek(p) == BT_TOK_RPAR && p->nscratch > base)
                break;
            BtAstWithItem *w = parse_with_item(p, true);
            if (!w || !list_push(p, w)) {
                ok = false;
                break;
            }
        } while (accept(p, BT_TOK_COMMA));
        ok = ok && accept(p, BT_TOK_RPAR) && peek(p) == BT_TOK_COLON;
        if (!ok && !p->failed)
            p->failed = true;
        done = probe_end(p, m, false);
        if (!done && p->failed)
            return NULL;
    }
    if (!done) {
        do {
            BtAstWithItem *w = parse_with_item(p, false);
            if (!w || !list_push(p, w))
                return NULL;
        } while (accept(p, BT_TOK_COMMA));
    }
    END_LIST(p, base, s->with.items);
    if (!parse_colon_block(p, &s->with.body, "'with' statement", start.line))
        return NULL;
    finish_stmt(p, s);
    return s;
}

/* function_def; async_tok is the `async` before `def`, or NULL. */
static BtAstStmt *parse_funcdef(BtParser *p, BtAstExprList decorators, const BtToken *async_tok) {
    BtToken start = advance(p);
    if (async_tok)
        start = *async_tok;
    if (peek(p) != BT_TOK_NAME)
        return syntax_error_here(p);
    BtToken name = advance(p);
    BtAstStmt *s =
        new_stmt(p, async_tok ? BT_STMT_ASYNC_FUNCTION_DEF : BT_STMT_FUNCTION_DEF, &start);
    if (!s || !(s->function_def.name = token_text(p, &name)))
        return NULL;
    s->function_def.decorator_list = decorators;
    if (!expect_forced(p, BT_TOK_LPAR, "("))
        return NULL;
    if (!(s->function_def.args = parse_parameters(p, false)) || !expect(p, BT_TOK_RPAR))
        return NULL;
    if (accept(p, BT_TOK_RARROW) && !(s->function_def.returns = parse_expression(p)))
        return NULL;
    bool ok = parse_forced_colon_block(p, &s->function_def.body, "function definition",
                                       start.line);
    if (!ok)
        return NULL;
    finish_stmt(p, s);
    return s;
}

static BtAstStmt *parse_classdef(BtParser *p, BtAstExprList decorators) {
    BtToken start = advance(p);
    if (peek(p) != BT_TOK_NAME)
        return syntax_error_here(p);
    BtToken name = advance(p);
    BtAstStmt *s = new_stmt(p, BT_STMT_CLASS_DEF, &start);
    if (!s || !(s->class_def.name = token_text(p, &name)))
        return NULL;
    s->class_def.decorator_list = decorators;
    if (peek(p) == BT_TOK_LPAR) {
        BtToken open = advance(p);
        BtAstExpr *call = new_expr(p, BT_EXPR_CALL, &open);
        if (!call || !parse_call_args(p, call, &open))
            return NULL;
        s->class_def.bases = call->call.args;
        s->class_def.keywords = call->call.keywords;
    }
    if (!parse_colon_block(p, &s->class_def.body, "class definition", start.line))
        return NULL;
    finish_stmt(p, s);
    return s;
}

static BtAstStmt *parse_decorated(BtParser *p) {
    size_t base = list_begin(p);
    while (accept(p, BT_TOK_AT)) {
        BtAstExpr *d = parse_named_expression(p);
        if (!d || !list_push(p, d) || !expect(p, BT_TOK_NEWLINE))
            return NULL;
    }
    BtAstExprList decorators;
    END_LIST(p, base, decorators);
    if (peek(p) == BT_TOK_DEF)
        return parse_funcdef(p, decorators, NULL);
    if (peek(p) == BT_TOK_CLASS)
        return parse_classdef(p, decorators);
    if (peek(p) == BT_TOK_ASYNC && peek_at(p, 1) == BT_TOK_DEF) {
        BtToken async_tok = advance(p);
        return parse_funcdef(p, decorators, &async_tok);
    }
    return syntax_error_here(p);
}

/* Is this line a `match` statement (a soft keyword)? As in CPython, it is one when
 * `match` is followed by an expression and the logical line ends in ':'. */
static bool at_match_statement(BtParser *p) {
    if (!at_name(p, 0, "match"))
        return false;
    BtTokenKind next = peek_at(p, 1);
    if (!starts_expression(next) && next != BT_TOK_STAR)
        return false;
    int base_level = fetch(p, 0)->level;
    for (size_t k = 1;; k++) {
        BtPTok *t = fetch(p, k);
        if (t->t.kind == BT_TOK_NEWLINE || t->t.kind == BT_TOK_ENDMARKER ||
            t->t.kind == BT_TOK_ERROR)
            return false;
        if (t->t.kind == BT_TOK_COLON && t->level == base_level) {
            BtTokenKind after = peek_at(p, k + 1);
            return after == BT_TOK_NEWLINE;
        }
    }
}

/* ============================================================================ match statement */

static BtAstPattern *parse_pattern(BtParser *p);

static BtAstPattern *new_pattern(BtParser *p, BtAstPatternKind kind, int line, int col) {
    BtAstPattern *pat = bt_arena_alloc(p->arena, sizeof *pat);
    if (!pat)
        return out_of_memory(p);
    pat->kind = kind;
    pat->line = line;
    pat->col = col;
    pat->end_line = p->prev_end_line;
    pat->end_col = p->prev_end_col;
    return pat;
}

/* The current NAME token as a capture target (`!"_" NAME !('.' | '(' | '=')`), consumed;
 * NULL (no error) when it is not one. */
static const char *accept_capture_target(BtParser *p) {
    if (peek(p) != BT_TOK_NAME || at_name(p, 0, "_"))
        return NULL;
    BtTokenKind after = peek_at(p, 1);
    if (after == BT_TOK_DOT || after == BT_TOK_LPAR || after == BT_TOK_EQUAL)
        return NULL;
    BtToken t = advance(p);
    return token_text(p, &t);
}

/* NUMBER or '-' NUMBER as an expression (a Constant, or USub of one). A '+' or '-'
 * after it would make a complex literal, which needs an imaginary number Baton lacks. */
static BtAstExpr *parse_signed_number(BtParser *p) {
    BtToken start = *cur(p);
    bool negative = accept(p, BT_TOK_MINUS);
    if (peek(p) != BT_TOK_INT && peek(p) != BT_TOK_FLOAT)
        return syntax_error_here(p);
    BtToken num = advance(p);
    BtAstExpr *e = bt_literal_number(p, &num);
    if (e && negative) {
        BtAstExpr *neg = new_expr(p, BT_EXPR_UNARY_OP, &start);
        if (!neg)
            return NULL;
        neg->unary_op.op = BT_UNARY_USUB;
        neg->unary_op.operand = e;
        e = neg;
    }
    if (e && (peek(p) == BT_TOK_PLUS || peek(p) == BT_TOK_MINUS)) {
        advance(p);
        if (peek(p) != BT_TOK_INT && peek(p) != BT_TOK_FLOAT)
            return syntax_error_here(p);
        return error_tok(p, cur(p), "imaginary number required in complex literal");
    }
    return e;
}

/* name_or_attr: NAME ('.' NAME)*, as a Name or an Attribute chain (load context). */
static BtAstExpr *parse_name_or_attr(BtParser *p) {
    BtToken start = *cur(p);
    if (start.kind != BT_TOK_NAME)
        return syntax_error_here(p);
    advance(p);
    BtAstExpr *e = new_expr(p, BT_EXPR_NAME, &start);
    if (!e || !(e->name.id = token_text(p, &start)))
        return NULL;
    while (accept(p, BT_TOK_DOT)) {
        if (peek(p) != BT_TOK_NAME)
            return syntax_error_here(p);
        BtToken attr = advance(p);
        BtAstExpr *a = new_expr(p, BT_EXPR_ATTRIBUTE, &start);
        if (!a || !(a->attribute.attr = token_text(p, &attr)))
            return NULL;
        a->attribute.value = e;
        e = a;
    }
    return e;
}

/* A literal or dotted-name key of a mapping pattern (literal_expr | attr). */
static BtAstExpr *parse_mapping_key(BtParser *p) {
    BtToken t = *cur(p);
    switch (t.kind) {
    case BT_TOK_INT:
    case BT_TOK_FLOAT:
    case BT_TOK_MINUS:
        return parse_signed_number(p);
    case BT_TOK_STRING:
    case BT_TOK_FSTRING:
        return parse_strings(p);
    case BT_TOK_NONE:
    case BT_TOK_TRUE:
    case BT_TOK_FALSE:
        advance(p);
        return make_constant(p, t.kind == BT_TOK_NONE   ? BT_CONST_NONE
                                : t.kind == BT_TOK_TRUE ? BT_CONST_TRUE
                                                        : BT_CONST_FALSE,
                             &t);
    case BT_TOK_NAME: {
        BtAstExpr *e = parse_name_or_attr(p);
        if (e && e->kind == BT_EXPR_NAME) /* a bare name would be a capture: not a key */
            return syntax_error_here(p);
        return e;
    }
    default:
        return syntax_error_here(p);
    }
}

/* '{' items_pattern? (',' '**' NAME)? ','? '}' after its '{'. */
static BtAstPattern *parse_mapping_pattern(BtParser *p, const BtToken *open) {
    size_t keys_base = list_begin(p);
    const char *rest = NULL;
    /* Keys and patterns alternate on the scratch stack, then are split. */
    while (peek(p) != BT_TOK_RBRACE) {
        if (accept(p, BT_TOK_DOUBLESTAR)) {
            if (!(rest = accept_capture_target(p)))
                return syntax_error_here(p);
            accept(p, BT_TOK_COMMA);
            break;
        }
        BtAstExpr *key = parse_mapping_key(p);
        if (!key || !expect(p, BT_TOK_COLON))
            return NULL;
        BtAstPattern *value = parse_pattern(p);
        if (!value || !list_push(p, key) || !list_push(p, value))
            return NULL;
        if (!accept(p, BT_TOK_COMMA))
            break;
    }
    if (!expect(p, BT_TOK_RBRACE))
        return NULL;
    BtAstPattern *pat = new_pattern(p, BT_PAT_MATCH_MAPPING, open->line, open->col);
    if (!pat)
        return NULL;
    int n = (int)(p->nscratch - keys_base) / 2;
    BtAstExprList *keys = &pat->match_mapping.keys;
    BtAstPatternList *pats = &pat->match_mapping.patterns;
    keys->count = pats->count = n;
    if (n) {
        keys->items = bt_arena_alloc(p->arena, (size_t)n * sizeof *keys->items);
        pats->items = bt_arena_alloc(p->arena, (size_t)n * sizeof *pats->items);
        if (!keys->items || !pats->items)
            return out_of_memory(p);
        for (int i = 0; i < n; i++) {
            keys->items[i] = p->scratch[keys_base + 2 * (size_t)i];
            pats->items[i] = p->scratch[keys_base + 2 * (size_t)i + 1];
        }
    }
    p->nscratch = keys_base;
    pat->match_mapping.rest = rest;
    return pat;
}

/* cls '(' positional patterns, then NAME '=' pattern ... ')' after cls and its '('. */
static BtAstPattern *parse_class_pattern(BtParser *p, BtAstExpr *cls) {
    size_t pos_base = list_begin(p);
    BtAstPatternList patterns = {0, NULL};
    bool keywords = false;
    size_t kw_base = 0;
    while (peek(p) != BT_TOK_RPAR) {
        if (!keywords && peek(p) == BT_TOK_NAME && peek_at(p, 1) == BT_TOK_EQUAL) {
            END_LIST(p, pos_base, patterns);
            if (p->failed)
                return NULL;
            keywords = true;
            kw_base = list_begin(p);
        }
        if (keywords && !(peek(p) == BT_TOK_NAME && peek_at(p, 1) == BT_TOK_EQUAL)) {
            /* A positional pattern after keyword ones: CPython's range covers the run of
               positional patterns that follows. */
            BtAstPattern *first = parse_pattern(p), *last = first;
            while (last && peek(p) == BT_TOK_COMMA &&
                   !(peek_at(p, 1) == BT_TOK_NAME && peek_at(p, 2) == BT_TOK_EQUAL) &&
                   peek_at(p, 1) != BT_TOK_RPAR) {
                advance(p);
                last = parse_pattern(p);
            }
            if (!last)
                return NULL;
            return bt_parse_error_at(p, first->line, first->col, last->end_line, last->end_col,
                                     "positional patterns follow keyword patterns");
        }
        if (keywords) {
            BtToken name = advance(p);
            advance(p);
            const char *attr = token_text(p, &name);
            BtAstPattern *value = attr ? parse_pattern(p) : NULL;
            if (!value || !list_push(p, (void *)attr) || !list_push(p, value))
                return NULL;
        } else {
            BtAstPattern *value = parse_pattern(p);
            if (!value || !list_push(p, value))
                return NULL;
        }
        if (!accept(p, BT_TOK_COMMA))
            break;
    }
    if (!expect(p, BT_TOK_RPAR))
        return NULL;
    if (!keywords) {
        END_LIST(p, pos_base, patterns);
        if (p->failed)
            return NULL;
    }
    BtAstPattern *pat = new_pattern(p, BT_PAT_MATCH_CLASS, cls->line, cls->col);
    if (!pat)
        return NULL;
    pat->match_class.cls = cls;
    pat->match_class.patterns = patterns;
    if (keywords) {
        int n = (int)(p->nscratch - kw_base) / 2;
        BtAstNameList *attrs = &pat->match_class.kwd_attrs;
        BtAstPatternList *pats = &pat->match_class.kwd_patterns;
        attrs->count = pats->count = n;
        attrs->items = bt_arena_alloc(p->arena, (size_t)n * sizeof *attrs->items);
        pats->items = bt_arena_alloc(p->arena, (size_t)n * sizeof *pats->items);
        if (!attrs->items || !pats->items)
            return out_of_memory(p);
        for (int i = 0; i < n; i++) {
            attrs->items[i] = p->scratch[kw_base + 2 * (size_t)i];
            pats->items[i] = p->scratch[kw_base + 2 * (size_t)i + 1];
        }
        p->nscratch = kw_base;
    }
    return pat;
}

/* maybe_star_pattern: '*' capture-or-wildcard, or a pattern. */
static BtAstPattern *parse_maybe_star_pattern(BtParser *p) {
    if (peek(p) != BT_TOK_STAR)
        return parse_pattern(p);
    BtToken star = advance(p);
    const char *name = accept_capture_target(p);
    if (!name) {
        if (!at_name(p, 0, "_"))
            return syntax_error_here(p);
        advance(p);
    }
    BtAstPattern *pat = new_pattern(p, BT_PAT_MATCH_STAR, star.line, star.col);
    if (pat)
        pat->match_star.name = name;
    return pat;
}

/* Does the current token end a sequence pattern closed by `close`? An open sequence
 * (`case a, b:`, close NEWLINE) ends before its guard or ':'. */
static bool at_sequence_end(BtParser *p, BtTokenKind close) {
    BtTokenKind k = peek(p);
    return k == close || (close == BT_TOK_NEWLINE && (k == BT_TOK_COLON || k == BT_TOK_IF));
}

/* The items of a sequence pattern up to the closing token `close` (consumed unless it is
 * NEWLINE: an open sequence), `first` already parsed (or NULL). The pattern spans from
 * (line, col). */
static BtAstPattern *parse_sequence_rest(BtParser *p, BtAstPattern *first, BtTokenKind close,
                                         int line, int col) {
    size_t base = list_begin(p);
    if (first && !list_push(p, first))
        return NULL;
    while (!at_sequence_end(p, close)) {
        if (first && !accept(p, BT_TOK_COMMA))
            break;
        if (at_sequence_end(p, close))
            break;
        BtAstPattern *item = parse_maybe_star_pattern(p);
        if (!item || !list_push(p, item))
            return NULL;
        first = item;
    }
    if (close != BT_TOK_NEWLINE && !expect(p, close))
        return NULL;
    BtAstPattern *pat = new_pattern(p, BT_PAT_MATCH_SEQUENCE, line, col);
    if (!pat)
        return NULL;
    END_LIST(p, base, pat->match_sequence.patterns);
    return p->failed ? NULL : pat;
}

/* closed_pattern: a literal, capture, wildcard, value, group, sequence, mapping or class
 * pattern. */
static BtAstPattern *parse_closed_pattern(BtParser *p) {
    BtToken t = *cur(p);
    BtAstPattern *pat;
    switch (t.kind) {
    case BT_TOK_INT:
    case BT_TOK_FLOAT:
    case BT_TOK_MINUS:
    case BT_TOK_STRING:
    case BT_TOK_FSTRING: {
        BtAstExpr *v = t.kind == BT_TOK_STRING || t.kind == BT_TOK_FSTRING ? parse_strings(p)
                                                                           : parse_signed_number(p);
        if (!v || !(pat = new_pattern(p, BT_PAT_MATCH_VALUE, t.line, t.col)))
            return NULL;
        pat->match_value.value = v;
        return pat;
    }
    case BT_TOK_NONE:
    case BT_TOK_TRUE:
    case BT_TOK_FALSE:
        advance(p);
        if (!(pat = new_pattern(p, BT_PAT_MATCH_SINGLETON, t.line, t.col)))
            return NULL;
        pat->match_singleton.value = t.kind == BT_TOK_NONE   ? BT_CONST_NONE
                                     : t.kind == BT_TOK_TRUE ? BT_CONST_TRUE
                                                             : BT_CONST_FALSE;
        return pat;
    case BT_TOK_NAME: {
        BtAstExpr *e = parse_name_or_attr(p);
        if (!e)
            return NULL;
        if (accept(p, BT_TOK_LPAR))
            return parse_class_pattern(p, e);
        if (e->kind == BT_EXPR_ATTRIBUTE) {
            if (!(pat = new_pattern(p, BT_PAT_MATCH_VALUE, t.line, t.col)))
                return NULL;
            pat->match_value.value = e;
            return pat;
        }
        if (peek(p) == BT_TOK_EQUAL)
            return syntax_error_here(p);
        if (!(pat = new_pattern(p, BT_PAT_MATCH_AS, t.line, t.col)))
            return NULL;
        pat->match_as.name = strcmp(e->name.id, "_") == 0 ? NULL : e->name.id;
        return pat;
    }
    case BT_TOK_LPAR: {
        advance(p);
        if (peek(p) == BT_TOK_RPAR)
            return parse_sequence_rest(p, NULL, BT_TOK_RPAR, t.line, t.col);
        BtAstPattern *inner = parse_maybe_star_pattern(p);
        if (!inner)
            return NULL;
        if (inner->kind != BT_PAT_MATCH_STAR && accept(p, BT_TOK_RPAR))
            return inner; /* a group pattern is its inner pattern */
        if (peek(p) != BT_TOK_COMMA)
            return syntax_error_here(p);
        return parse_sequence_rest(p, inner, BT_TOK_RPAR, t.line, t.col);
    }
    case BT_TOK_LSQB:
        advance(p);
        return parse_sequence_rest(p, NULL, BT_TOK_RSQB, t.line, t.col);
    case BT_TOK_LBRACE:
        advance(p);
        return parse_mapping_pattern(p, &t);
    default:
        return syntax_error_here(p);
    }
}

/* pattern: or_pattern ['as' NAME], or_pattern: closed_pattern ('|' closed_pattern)*. */
static BtAstPattern *parse_pattern(BtParser *p) {
    if (!enter(p))
        return NULL;
    BtToken start = *cur(p);
    size_t base = list_begin(p);
    BtAstPattern *pat = NULL;
    do {
        pat = parse_closed_pattern(p);
        if (!pat || !list_push(p, pat)) {
            leave(p);
            return NULL;
        }
    } while (accept(p, BT_TOK_VBAR));
    leave(p);
    if (p->nscratch - base > 1) {
        BtAstPattern *alts = new_pattern(p, BT_PAT_MATCH_OR, start.line, start.col);
        if (!alts)
            return NULL;
        END_LIST(p, base, alts->match_or.patterns);
        pat = alts;
    } else {
        p->nscratch = base;
    }
    if (!pat || !accept(p, BT_TOK_AS))
        return pat;
    if (at_name(p, 0, "_"))
        return error_tok(p, cur(p), "cannot use '_' as a target");
    if (peek(p) != BT_TOK_NAME) {
        BtAstExpr *bad = starts_expression(peek(p)) ? parse_expression(p) : NULL;
        return bad ? error_node(p, bad, "invalid pattern target") : syntax_error_here(p);
    }
    const char *name = accept_capture_target(p);
    if (!name)
        return syntax_error_here(p);
    BtAstPattern *as = new_pattern(p, BT_PAT_MATCH_AS, start.line, start.col);
    if (as) {
        as->match_as.pattern = pat;
        as->match_as.name = name;
    }
    return as;
}

/* case_block: "case" patterns ['if' named_expression] ':' block, at its "case". A
 * top-level `a, *b` is an open sequence pattern. */
static BtAstMatchCase *parse_case_block(BtParser *p) {
    BtToken start = advance(p);
    BtAstMatchCase *mc = bt_arena_alloc(p->arena, sizeof *mc);
    if (!mc)
        return out_of_memory(p);
    BtAstPattern *pat = parse_maybe_star_pattern(p);
    if (pat && pat->kind == BT_PAT_MATCH_STAR && peek(p) != BT_TOK_COMMA)
        return syntax_error_here(p);
    if (pat && peek(p) == BT_TOK_COMMA)
        pat = parse_sequence_rest(p, pat, BT_TOK_NEWLINE, pat->line, pat->col);
    if (!pat)
        return NULL;
    mc->pattern = pat;
    if (accept(p, BT_TOK_IF) && !(mc->guard = parse_named_expression(p)))
        return NULL;
    if (!parse_colon_block(p, &mc->body, "'case' statement", start.line))
        return NULL;
    return mc;
}

/* subject_expr: star_named_expression ',' star_named_expressions? (a Tuple) or
 * named_expression. */
static BtAstExpr *parse_match_subject(BtParser *p) {
    BtAstExpr *first = parse_star_named_expression(p);
    if (!first)
        return NULL;
    if (peek(p) != BT_TOK_COMMA)
        return first->kind == BT_EXPR_STARRED ? syntax_error_here(p) : first;
    size_t base = list_begin(p);
    if (!list_push(p, first))
        return NULL;
    while (accept(p, BT_TOK_COMMA) && peek(p) != BT_TOK_COLON && peek(p) != BT_TOK_NEWLINE) {
        BtAstExpr *item = parse_star_named_expression(p);
        if (!item || !list_push(p, item))
            return NULL;
    }
    BtAstExpr *tuple = new_expr_from(p, BT_EXPR_TUPLE, first);
    if (!tuple)
        return NULL;
    END_LIST(p, base, tuple->tuple.elts);
    return p->failed ? NULL : tuple;
}

/* match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT, at "match". */
static BtAstStmt *parse_match(BtParser *p) {
    BtToken start = advance(p);
    BtAstExpr *subject = parse_match_subject(p);
    BtAstStmt *s = subject ? new_stmt(p, BT_STMT_MATCH, &start) : NULL;
    if (!s || !expect_colon(p) || !expect(p, BT_TOK_NEWLINE) ||
        !expect_indent(p, "'match' statement", start.line))
        return NULL;
    s->match.subject = subject;
    size_t base = list_begin(p);
    do {
        if (!at_name(p, 0, "case"))
            return syntax_error_here(p);
        BtAstMatchCase *mc = parse_case_block(p);
        if (!mc || !list_push(p, mc))
            return NULL;
    } while (peek(p) != BT_TOK_DEDENT && peek(p) != BT_TOK_ENDMARKER);
    accept(p, BT_TOK_DEDENT);
    END_LIST(p, base, s->match.cases);
    finish_stmt(p, s);
    return p->failed ? NULL : s;
}

/* Is this line, which is no match statement and no valid simple statement, a match
 * statement missing its ':' (CPython's invalid_match_stmt)? */
static bool match_missing_colon(BtParser *p) {
    Mark m = probe_begin(p);
    bool simple = parse_simple_stmts(p);
    probe_end(p, m, true);
    if (simple || p->failed)
        return false;
    m = probe_begin(p);
    advance(p);
    bool subject = parse_match_subject(p) && peek(p) == BT_TOK_NEWLINE;
    probe_end(p, m, !subject);
    if (subject)
        error_tok(p, cur(p), "expected ':'");
    return subject;
}

/* One statement, simple or compound, pushed on the current list. */
static bool parse_statement(BtParser *p) {
    BtToken tok = *cur(p);
    const BtToken *t = &tok;
    switch (t->kind) {
    case BT_TOK_IF:
        return push_stmt(p, parse_if(p, false));
    case BT_TOK_WHILE:
        return push_stmt(p, parse_while(p));
    case BT_TOK_FOR:
        return push_stmt(p, parse_for(p, NULL));
    case BT_TOK_TRY:
        return push_stmt(p, parse_try(p));
    case BT_TOK_WITH:
        return push_stmt(p, parse_with(p, NULL));
    case BT_TOK_DEF:
        return push_stmt(p, parse_funcdef(p, (BtAstExprList){0, NULL}, NULL));
    case BT_TOK_CLASS:
        return push_stmt(p, parse_classdef(p, (BtAstExprList){0, NULL}));
    case BT_TOK_AT:
        return push_stmt(p, parse_decorated(p));
    case BT_TOK_ASYNC: {
        BtTokenKind k = peek_at(p, 1);
        if (k != BT_TOK_FOR && k != BT_TOK_WITH && k != BT_TOK_DEF) {
            advance(p);
            syntax_error_here(p);
            return false;
        }
        BtToken async_tok = advance(p);
        return push_stmt(p, k == BT_TOK_FOR    ? parse_for(p, &async_tok)
                            : k == BT_TOK_WITH ? parse_with(p, &async_tok)
                                               : parse_funcdef(p, (BtAstExprList){0, NULL},
                                                               &async_tok));
    }
    case BT_TOK_INDENT:
    case BT_TOK_DEDENT:
        syntax_error_here(p);
        return false;
    case BT_TOK_ERROR:
        return false;
    case BT_TOK_NAME:
        if (at_match_statement(p))
            return push_stmt(p, parse_match(p));
        if (at_name(p, 0, "match") && starts_expression(peek_at(p, 1)) && match_missing_colon(p))
            return false;
        /* fall through */
    default:
        return parse_simple_stmts(p);
    }
}

/* ============================================================================ driver */

/* After a parser error, CPython tokenizes the rest of the file and lets a lexical
 * error there win (an unclosed bracket only when it opened before the error's line). */
static void prefer_later_lex_error(BtParser *p) {
    if (p->lex_failed || p->in_fstring)
        return;
    /* CPython returns before this check for an unexpected indent or unindent. */
    if (p->err->kind == BT_SYNERR_INDENTATION && strncmp(p->err->message, "unexpected ", 11) == 0)
        return;
    /* CPython compares with the furthest token its two passes fetched, which is
       usually one beyond where this parser stopped. */
    int err_line = p->nbuf ? p->buf[p->nbuf - 1].t.line : 0;
    if (p->nbuf && p->buf[p->nbuf - 1].t.kind != BT_TOK_ERROR &&
        p->buf[p->nbuf - 1].t.kind != BT_TOK_ENDMARKER) {
        BtToken extra;
        if (!bt_lexer_next(p->lx, &extra) && extra.kind != BT_TOK_ERROR)
            return;
        if (extra.kind == BT_TOK_ERROR)
            goto lexical;
        if (extra.kind == BT_TOK_ENDMARKER)
            return;
        if (extra.line > err_line)
            err_line = extra.line;
    }
    BtToken t;
    while (bt_lexer_next(p->lx, &t)) {
        if (t.kind == BT_TOK_ENDMARKER)
            return;
    }
lexical:;
    const BtSyntaxError *le = bt_lexer_error(p->lx);
    if (!le)
        return;
    /* Indentation errors (and a few more) are only a status in CPython's tokenizer,
       not an exception, so they do not replace the parser's error. */
    if (le->kind != BT_SYNERR_SYNTAX ||
        strcmp(le->message, "unexpected character after line continuation character") == 0)
        return;
    const char *tail = "was never closed";
    size_t n = strlen(le->message), m = strlen(tail);
    if (n >= m && strcmp(le->message + n - m, tail) == 0 && le->line >= err_line)
        return;
    *p->err = *le;
}

static void parser_free(BtParser *p) {
    bt_lexer_free(p->lx);
    free(p->buf);
    free(p->scratch);
}

static bool parser_init(BtParser *p, BtArena *arena, const char *src, size_t len,
                        BtParseMode mode, BtSyntaxError *err) {
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->src = src;
    p->len = len;
    p->mode = mode;
    p->err = err;
    p->prev_end_line = 1;
    p->lx = bt_lexer_new(src, len);
    if (!p->lx) {
        bt_syntax_error_set(err, BT_SYNERR_SYNTAX, 0, 0, 0, 0, "out of memory");
        return false;
    }
    return true;
}

BtAstExpr *bt_parse_fstring_expr(BtParser *outer, const char *text, size_t n, int line,
                                 int col) {
    /* CPython 3.11 parses "(" + text + ")" so that blanks and newlines are fine. */
    char *wrapped = bt_arena_alloc(outer->arena, n + 3);
    if (!wrapped)
        return out_of_memory(outer);
    wrapped[0] = '(';
    memcpy(wrapped + 1, text, n);
    wrapped[n + 1] = ')';
    wrapped[n + 2] = '\0';
    BtParser sub;
    if (!parser_init(&sub, outer->arena, wrapped, n + 2, BT_PARSE_EVAL, outer->err)) {
        outer->failed = true;
        return NULL;
    }
    sub.in_fstring = true;
    sub.line_base = line - 1;
    sub.col_base = col - 1;
    sub.probing = outer->probing;
    sub.depth = outer->depth;
    sub.fstring_depth = outer->fstring_depth;
    BtAstExpr *e = NULL;
    if (peek(&sub) == BT_TOK_LPAR) {
        BtToken open = advance(&sub);
        if (peek(&sub) == BT_TOK_YIELD) {
            e = parse_yield_expr(&sub);
        } else {
            e = parse_star_expressions(&sub);
        }
        (void)open;
        if (e && !accept(&sub, BT_TOK_RPAR))
            e = syntax_error_here(&sub);
        if (e && peek(&sub) != BT_TOK_NEWLINE && peek(&sub) != BT_TOK_ENDMARKER)
            e = syntax_error_here(&sub);
    }
    if (sub.failed)
        outer->failed = true;
    if (sub.lex_failed)
        outer->lex_failed = true;
    parser_free(&sub);
    return sub.failed ? NULL : e;
}

BtAstModule *bt_parse(BtArena *arena, const char *src, size_t len, BtParseMode mode,
                      BtSyntaxError *err) {
    BtParser p;
    memset(err, 0, sizeof *err);
    if (!parser_init(&p, arena, src, len, mode, err))
        return NULL;
    BtAstModule *mod = bt_arena_alloc(arena, sizeof *mod);
    if (!mod) {
        out_of_memory(&p);
    } else if (mode == BT_PARSE_EVAL) {
        while (accept(&p, BT_TOK_NEWLINE)) {
        }
        BtAstExpr *e = parse_star_expressions(&p);
        while (e && accept(&p, BT_TOK_NEWLINE)) {
        }
        if (e && peek(&p) != BT_TOK_ENDMARKER)
            syntax_error_here(&p);
        mod->expr = e;
    } else {
        size_t base = list_begin(&p);
        while (!p.failed && peek(&p) != BT_TOK_ENDMARKER) {
            if (peek(&p) == BT_TOK_NEWLINE) {
                advance(&p);
                continue;
            }
            if (!parse_statement(&p) && !p.failed)
                syntax_error_here(&p); /* never loop on a token nobody consumed */
        }
        if (!p.failed)
            END_LIST(&p, base, mod->body);
    }
    if (p.failed)
        prefer_later_lex_error(&p);
    parser_free(&p);
    if (p.failed)
        return NULL;
    return bt_ast_check(mod, err) ? mod : NULL;
}
