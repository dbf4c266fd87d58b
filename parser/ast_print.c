/* ast_print.c: `baton --ast FILE`, the syntax tree as a student reads it (parser stage;
 * see parser/README.md).
 *
 * One node per line: the source line number, then the node indented two spaces per
 * level, with names, operators and constants inline (constants in Python's repr).
 * Sections a reader could confuse are labelled: body:, else:, finally:, defaults: ...
 */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "parser/parser_internal.h"

typedef struct {
    FILE *out;
    int width; /* digits of the line-number column */
} Printer;

static void line_start(Printer *pr, int line, int depth) {
    fprintf(pr->out, "%*d  %*s", pr->width, line, depth * 2, "");
}

static void label(Printer *pr, int line, int depth, const char *text) {
    line_start(pr, line, depth);
    fprintf(pr->out, "%s\n", text);
}

/* ============================================================================ Python repr */

/* Python's repr of a str (UTF-8 s[0..n)) or, with bytes, of a bytes object. */
static void print_str_repr(FILE *out, const char *s, size_t n, bool bytes) {
    bool has_single = memchr(s, '\'', n) != NULL, has_double = memchr(s, '"', n) != NULL;
    char q = has_single && !has_double ? '"' : '\'';
    if (bytes)
        fputc('b', out);
    fputc(q, out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80))
            fprintf(out, "\\x%02x", c);
        else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xA0)
            fprintf(out, "\\x%02x", (unsigned char)s[++i]); /* C1 controls U+0080..U+009F */
        else
            fputc(c, out);
    }
    fputc(q, out);
}

/* Python's repr of a float: the shortest digits that read back the same. */
static void print_float_repr(FILE *out, double x) {
    if (isinf(x)) {
        fputs(x > 0 ? "inf" : "-inf", out);
        return;
    }
    if (isnan(x)) {
        fputs("nan", out);
        return;
    }
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    /* buf is [-]d[.ddd]e[+-]XX: split it into digits and a decimal exponent. */
    char digits[24];
    int nd = 0, exp;
    const char *s = buf;
    bool neg = *s == '-';
    if (neg)
        s++;
    for (; *s && *s != 'e'; s++)
        if (*s != '.')
            digits[nd++] = *s;
    exp = atoi(s + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = '\0';
    if (neg)
        fputc('-', out);
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            fputs("0.", out);
            for (int i = 1; i < -exp; i++)
                fputc('0', out);
            fputs(digits, out);
            return;
        }
        for (int i = 0; i <= exp || i < nd; i++) {
            if (i == exp + 1)
                fputc('.', out);
            fputc(i < nd ? digits[i] : '0', out);
        }
        if (nd <= exp + 1)
            fputs(".0", out);
        return;
    }
    fputc(digits[0], out);
    if (nd > 1)
        fprintf(out, ".%s", digits + 1);
    fprintf(out, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
}

void bt_ast_print_constant(FILE *out, const BtAstConstant *c) {
    switch (c->kind) {
    case BT_CONST_NONE: fputs("None", out); break;
    case BT_CONST_TRUE: fputs("True", out); break;
    case BT_CONST_FALSE: fputs("False", out); break;
    case BT_CONST_ELLIPSIS: fputs("Ellipsis", out); break;
    case BT_CONST_INT:
        if (c->big)
            fprintf(out, "%s (beyond 64 bits)", c->digits);
        else
            fprintf(out, "%" PRId64, c->i);
        break;
    case BT_CONST_FLOAT: print_float_repr(out, c->f); break;
    case BT_CONST_STR: print_str_repr(out, c->s, c->len, false); break;
    case BT_CONST_BYTES: print_str_repr(out, c->s, c->len, true); break;
    }
}

/* ============================================================================ nodes */

static void print_expr(Printer *pr, const BtAstExpr *e, int depth);
static void print_body(Printer *pr, const BtAstStmtList *body, int depth);

static const char *ctx_suffix(BtAstExprContext ctx) {
    return ctx == BT_CTX_STORE ? " (store)" : ctx == BT_CTX_DEL ? " (del)" : "";
}

static void print_exprs(Printer *pr, const BtAstExprList *l, int depth) {
    for (int i = 0; i < l->count; i++)
        print_expr(pr, l->items[i], depth);
}

/* An optional child under a label ("from:", "msg:"). */
static void print_labelled(Printer *pr, int line, const char *name, const BtAstExpr *e,
                           int depth) {
    if (!e)
        return;
    label(pr, line, depth, name);
    print_expr(pr, e, depth + 1);
}

/* The parameter list inline: (a, b=, *args, c, **kw); defaults follow as children. */
static void print_params(FILE *out, const BtAstArguments *a) {
    int npos = a->posonlyargs.count + a->args.count;
    int first_default = npos - a->defaults.count;
    bool any = false;
    fputc('(', out);
    for (int i = 0; i < npos; i++) {
        const BtAstArg *arg = i < a->posonlyargs.count ? a->posonlyargs.items[i]
                                                       : a->args.items[i - a->posonlyargs.count];
        fprintf(out, "%s%s%s", any ? ", " : "", arg->arg, i >= first_default ? "=" : "");
        any = true;
        if (a->posonlyargs.count && i + 1 == a->posonlyargs.count)
            fputs(", /", out);
    }
    if (a->vararg || a->kwonlyargs.count) {
        fprintf(out, "%s*%s", any ? ", " : "", a->vararg ? a->vararg->arg : "");
        any = true;
    }
    for (int i = 0; i < a->kwonlyargs.count; i++)
        fprintf(out, ", %s%s", a->kwonlyargs.items[i]->arg, a->kw_defaults.items[i] ? "=" : "");
    if (a->kwarg)
        fprintf(out, "%s**%s", any ? ", " : "", a->kwarg->arg);
    fputc(')', out);
}

/* Defaults and annotations of a parameter list, as labelled children. */
static void print_param_children(Printer *pr, const BtAstArguments *a, int line, int depth) {
    if (a->defaults.count || a->kwonlyargs.count) {
        bool any_kw = false;
        for (int i = 0; i < a->kw_defaults.count; i++)
            any_kw |= a->kw_defaults.items[i] != NULL;
        if (a->defaults.count || any_kw) {
            label(pr, line, depth, "defaults:");
            print_exprs(pr, &a->defaults, depth + 1);
            for (int i = 0; i < a->kw_defaults.count; i++)
                if (a->kw_defaults.items[i])
                    print_expr(pr, a->kw_defaults.items[i], depth + 1);
        }
    }
    const BtAstArgList *lists[] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    const BtAstArg *singles[] = {a->vararg, a->kwarg};
    for (int l = 0; l < 5; l++) {
        int n = l < 3 ? lists[l]->count : 1;
        for (int i = 0; i < n; i++) {
            const BtAstArg *arg = l < 3 ? lists[l]->items[i] : singles[l - 3];
            if (!arg || !arg->annotation)
                continue;
            char text[300];
            snprintf(text, sizeof text, "annotation of %s:", arg->arg);
            label(pr, arg->line, depth, text);
            print_expr(pr, arg->annotation, depth + 1);
        }
    }
}

static void print_comprehensions(Printer *pr, const BtAstComprehensionList *gens, int depth) {
    for (int i = 0; i < gens->count; i++) {
        const BtAstComprehension *g = gens->items[i];
        label(pr, g->target->line, depth, "for");
        print_expr(pr, g->target, depth + 1);
        label(pr, g->iter->line, depth, "in");
        print_expr(pr, g->iter, depth + 1);
        for (int k = 0; k < g->ifs.count; k++) {
            label(pr, g->ifs.items[k]->line, depth, "if");
            print_expr(pr, g->ifs.items[k], depth + 1);
        }
    }
}

static void print_keywords(Printer *pr, const BtAstKeywordList *kws, int depth) {
    for (int i = 0; i < kws->count; i++) {
        const BtAstKeyword *k = kws->items[i];
        line_start(pr, k->line, depth);
        if (k->arg)
            fprintf(pr->out, "keyword %s=\n", k->arg);
        else
            fputs("keyword **\n", pr->out);
        print_expr(pr, k->value, depth + 1);
    }
}

static void print_expr(Printer *pr, const BtAstExpr *e, int depth) {
    FILE *out = pr->out;
    line_start(pr, e->line, depth);
    fputs(bt_ast_expr_name(e->kind), out);
    int d = depth + 1;
    switch (e->kind) {
    case BT_EXPR_BOOL_OP:
        fprintf(out, " %s\n", e->bool_op.op == BT_BOOL_AND ? "and" : "or");
        print_exprs(pr, &e->bool_op.values, d);
        break;
    case BT_EXPR_NAMED_EXPR:
        fputc('\n', out);
        print_expr(pr, e->named_expr.target, d);
        print_expr(pr, e->named_expr.value, d);
        break;
    case BT_EXPR_BIN_OP:
        fprintf(out, " %s\n", bt_ast_operator_spelling(e->bin_op.op));
        print_expr(pr, e->bin_op.left, d);
        print_expr(pr, e->bin_op.right, d);
        break;
    case BT_EXPR_UNARY_OP:
        fprintf(out, " %s\n", e->unary_op.op == BT_UNARY_NOT     ? "not"
                              : e->unary_op.op == BT_UNARY_USUB  ? "-"
                              : e->unary_op.op == BT_UNARY_UADD  ? "+"
                                                                 : "~");
        print_expr(pr, e->unary_op.operand, d);
        break;
    case BT_EXPR_LAMBDA:
        fputc(' ', out);
        print_params(out, e->lambda.args);
        fputc('\n', out);
        print_param_children(pr, e->lambda.args, e->line, d);
        print_expr(pr, e->lambda.body, d);
        break;
    case BT_EXPR_IF_EXP:
        fputc('\n', out);
        print_expr(pr, e->if_exp.body, d);
        print_labelled(pr, e->if_exp.test->line, "if", e->if_exp.test, d);
        print_labelled(pr, e->if_exp.orelse->line, "else", e->if_exp.orelse, d);
        break;
    case BT_EXPR_DICT:
        fputc('\n', out);
        for (int i = 0; i < e->dict.keys.count; i++) {
            if (e->dict.keys.items[i]) {
                print_expr(pr, e->dict.keys.items[i], d);
                print_expr(pr, e->dict.values.items[i], d + 1);
            } else {
                label(pr, e->dict.values.items[i]->line, d, "**");
                print_expr(pr, e->dict.values.items[i], d + 1);
            }
        }
        break;
    case BT_EXPR_SET:
        fputc('\n', out);
        print_exprs(pr, &e->set.elts, d);
        break;
    case BT_EXPR_LIST_COMP:
    case BT_EXPR_SET_COMP:
    case BT_EXPR_GENERATOR_EXP:
        fputc('\n', out);
        print_expr(pr, e->list_comp.elt, d);
        print_comprehensions(pr, &e->list_comp.generators, d);
        break;
    case BT_EXPR_DICT_COMP:
        fputc('\n', out);
        print_expr(pr, e->dict_comp.key, d);
        print_expr(pr, e->dict_comp.value, d + 1);
        print_comprehensions(pr, &e->dict_comp.generators, d);
        break;
    case BT_EXPR_YIELD:
    case BT_EXPR_YIELD_FROM:
    case BT_EXPR_AWAIT:
        fputc('\n', out);
        if (e->yield.value)
            print_expr(pr, e->yield.value, d);
        break;
    case BT_EXPR_COMPARE:
        for (int i = 0; i < e->compare.count; i++)
            fprintf(out, " %s", bt_ast_cmp_spelling(e->compare.ops[i]));
        fputc('\n', out);
        print_expr(pr, e->compare.left, d);
        for (int i = 0; i < e->compare.count; i++)
            print_expr(pr, e->compare.comparators[i], d);
        break;
    case BT_EXPR_CALL:
        fputc('\n', out);
        print_expr(pr, e->call.func, d);
        print_exprs(pr, &e->call.args, d);
        print_keywords(pr, &e->call.keywords, d);
        break;
    case BT_EXPR_FORMATTED_VALUE:
        if (e->formatted_value.conversion > 0)
            fprintf(out, " !%c", e->formatted_value.conversion);
        fputc('\n', out);
        print_expr(pr, e->formatted_value.value, d);
        print_labelled(pr, e->line, "format_spec:", e->formatted_value.format_spec, d);
        break;
    case BT_EXPR_JOINED_STR:
        fputc('\n', out);
        print_exprs(pr, &e->joined_str.values, d);
        break;
    case BT_EXPR_CONSTANT:
        fputc(' ', out);
        bt_ast_print_constant(out, &e->constant);
        fputc('\n', out);
        break;
    case BT_EXPR_ATTRIBUTE:
        fprintf(out, " .%s%s\n", e->attribute.attr, ctx_suffix(e->attribute.ctx));
        print_expr(pr, e->attribute.value, d);
        break;
    case BT_EXPR_SUBSCRIPT:
        fprintf(out, "%s\n", ctx_suffix(e->subscript.ctx));
        print_expr(pr, e->subscript.value, d);
        print_expr(pr, e->subscript.slice, d);
        break;
    case BT_EXPR_STARRED:
        fprintf(out, "%s\n", ctx_suffix(e->starred.ctx));
        print_expr(pr, e->starred.value, d);
        break;
    case BT_EXPR_NAME:
        fprintf(out, " %s%s\n", e->name.id, ctx_suffix(e->name.ctx));
        break;
    case BT_EXPR_LIST:
    case BT_EXPR_TUPLE:
        fprintf(out, "%s\n", ctx_suffix(e->list.ctx));
        print_exprs(pr, &e->list.elts, d);
        break;
    case BT_EXPR_SLICE:
        fputc('\n', out);
        print_labelled(pr, e->line, "lower:", e->slice.lower, d);
        print_labelled(pr, e->line, "upper:", e->slice.upper, d);
        print_labelled(pr, e->line, "step:", e->slice.step, d);
        break;
    case BT_EXPR__COUNT:
        fputc('\n', out);
        break;
    }
}

static void print_names(FILE *out, const BtAstNameList *names) {
    for (int i = 0; i < names->count; i++)
        fprintf(out, "%s%s", i ? ", " : " ", names->items[i]);
}

static void print_aliases(FILE *out, const BtAstAliasList *names) {
    for (int i = 0; i < names->count; i++) {
        fprintf(out, "%s%s", i ? ", " : " ", names->items[i]->name);
        if (names->items[i]->asname)
            fprintf(out, " as %s", names->items[i]->asname);
    }
}

static void print_section(Printer *pr, int line, const char *name, const BtAstStmtList *body,
                          int depth) {
    if (body->count == 0)
        return;
    label(pr, line, depth, name);
    print_body(pr, body, depth + 1);
}

static void print_pattern(Printer *pr, const BtAstPattern *pat, int depth);

static void print_patterns(Printer *pr, const BtAstPatternList *l, int depth) {
    for (int i = 0; i < l->count; i++)
        print_pattern(pr, l->items[i], depth);
}

/* One pattern of a case: its kind, the name it binds inline, its parts as children
 * (a mapping's keys each over their pattern, a class's keywords as `attr=`). */
static void print_pattern(Printer *pr, const BtAstPattern *pat, int depth) {
    FILE *out = pr->out;
    int d = depth + 1;
    line_start(pr, pat->line, depth);
    fputs(bt_ast_pattern_name(pat->kind), out);
    switch (pat->kind) {
    case BT_PAT_MATCH_VALUE:
        fputc('\n', out);
        print_expr(pr, pat->match_value.value, d);
        break;
    case BT_PAT_MATCH_SINGLETON: {
        BtAstConstant c = {.kind = pat->match_singleton.value};
        fputc(' ', out);
        bt_ast_print_constant(out, &c);
        fputc('\n', out);
        break;
    }
    case BT_PAT_MATCH_SEQUENCE:
        fputc('\n', out);
        print_patterns(pr, &pat->match_sequence.patterns, d);
        break;
    case BT_PAT_MATCH_MAPPING:
        if (pat->match_mapping.rest)
            fprintf(out, " **%s", pat->match_mapping.rest);
        fputc('\n', out);
        for (int i = 0; i < pat->match_mapping.keys.count; i++) {
            print_expr(pr, pat->match_mapping.keys.items[i], d);
            print_pattern(pr, pat->match_mapping.patterns.items[i], d + 1);
        }
        break;
    case BT_PAT_MATCH_CLASS:
        fputc('\n', out);
        print_expr(pr, pat->match_class.cls, d);
        print_patterns(pr, &pat->match_class.patterns, d);
        for (int i = 0; i < pat->match_class.kwd_attrs.count; i++) {
            const BtAstPattern *kp = pat->match_class.kwd_patterns.items[i];
            line_start(pr, kp->line, d);
            fprintf(out, "%s=\n", pat->match_class.kwd_attrs.items[i]);
            print_pattern(pr, kp, d + 1);
        }
        break;
    case BT_PAT_MATCH_STAR:
        fprintf(out, " %s\n", pat->match_star.name ? pat->match_star.name : "_");
        break;
    case BT_PAT_MATCH_AS:
        fprintf(out, " %s\n", pat->match_as.name ? pat->match_as.name : "_");
        if (pat->match_as.pattern)
            print_pattern(pr, pat->match_as.pattern, d);
        break;
    case BT_PAT_MATCH_OR:
        fputc('\n', out);
        print_patterns(pr, &pat->match_or.patterns, d);
        break;
    case BT_PAT__COUNT:
        fputc('\n', out);
        break;
    }
}

static void print_stmt(Printer *pr, const BtAstStmt *s, int depth) {
    FILE *out = pr->out;
    int d = depth + 1;
    line_start(pr, s->line, depth);
    fputs(bt_ast_stmt_name(s->kind), out);
    switch (s->kind) {
    case BT_STMT_FUNCTION_DEF:
    case BT_STMT_ASYNC_FUNCTION_DEF:
        fprintf(out, " %s", s->function_def.name);
        print_params(out, s->function_def.args);
        fputc('\n', out);
        if (s->function_def.decorator_list.count) {
            label(pr, s->line, d, "decorators:");
            print_exprs(pr, &s->function_def.decorator_list, d + 1);
        }
        print_param_children(pr, s->function_def.args, s->line, d);
        print_labelled(pr, s->line, "returns:", s->function_def.returns, d);
        print_body(pr, &s->function_def.body, d);
        break;
    case BT_STMT_CLASS_DEF:
        fprintf(out, " %s\n", s->class_def.name);
        if (s->class_def.decorator_list.count) {
            label(pr, s->line, d, "decorators:");
            print_exprs(pr, &s->class_def.decorator_list, d + 1);
        }
        if (s->class_def.bases.count) {
            label(pr, s->line, d, "bases:");
            print_exprs(pr, &s->class_def.bases, d + 1);
        }
        print_keywords(pr, &s->class_def.keywords, d);
        print_body(pr, &s->class_def.body, d);
        break;
    case BT_STMT_RETURN:
        fputc('\n', out);
        if (s->return_.value)
            print_expr(pr, s->return_.value, d);
        break;
    case BT_STMT_DELETE:
        fputc('\n', out);
        print_exprs(pr, &s->delete_.targets, d);
        break;
    case BT_STMT_ASSIGN:
        fputc('\n', out);
        print_exprs(pr, &s->assign.targets, d);
        print_expr(pr, s->assign.value, d);
        break;
    case BT_STMT_AUG_ASSIGN:
        fprintf(out, " %s=\n", bt_ast_operator_spelling(s->aug_assign.op));
        print_expr(pr, s->aug_assign.target, d);
        print_expr(pr, s->aug_assign.value, d);
        break;
    case BT_STMT_ANN_ASSIGN:
        fputc('\n', out);
        print_expr(pr, s->ann_assign.target, d);
        print_labelled(pr, s->ann_assign.annotation->line, "annotation:",
                       s->ann_assign.annotation, d);
        if (s->ann_assign.value)
            print_expr(pr, s->ann_assign.value, d);
        break;
    case BT_STMT_FOR:
    case BT_STMT_ASYNC_FOR:
        fputc('\n', out);
        print_expr(pr, s->for_.target, d);
        print_expr(pr, s->for_.iter, d);
        print_section(pr, s->line, "body:", &s->for_.body, d);
        print_section(pr, s->for_.orelse.items ? s->for_.orelse.items[0]->line : s->line,
                      "else:", &s->for_.orelse, d);
        break;
    case BT_STMT_WHILE:
        fputc('\n', out);
        print_expr(pr, s->while_.test, d);
        print_section(pr, s->line, "body:", &s->while_.body, d);
        print_section(pr, s->while_.orelse.items ? s->while_.orelse.items[0]->line : s->line,
                      "else:", &s->while_.orelse, d);
        break;
    case BT_STMT_IF:
        fputc('\n', out);
        print_expr(pr, s->if_.test, d);
        print_section(pr, s->line, "body:", &s->if_.body, d);
        print_section(pr, s->if_.orelse.items ? s->if_.orelse.items[0]->line : s->line,
                      "else:", &s->if_.orelse, d);
        break;
    case BT_STMT_WITH:
    case BT_STMT_ASYNC_WITH:
        fputc('\n', out);
        for (int i = 0; i < s->with.items.count; i++) {
            const BtAstWithItem *w = s->with.items.items[i];
            label(pr, w->context_expr->line, d, "withitem");
            print_expr(pr, w->context_expr, d + 1);
            print_labelled(pr, w->context_expr->line, "as", w->optional_vars, d + 1);
        }
        print_section(pr, s->line, "body:", &s->with.body, d);
        break;
    case BT_STMT_RAISE:
        fputc('\n', out);
        if (s->raise.exc)
            print_expr(pr, s->raise.exc, d);
        print_labelled(pr, s->line, "from:", s->raise.cause, d);
        break;
    case BT_STMT_TRY:
        fputc('\n', out);
        print_section(pr, s->line, "body:", &s->try_.body, d);
        for (int i = 0; i < s->try_.handlers.count; i++) {
            const BtAstExceptHandler *h = s->try_.handlers.items[i];
            line_start(pr, h->line, d);
            fputs("ExceptHandler", out);
            if (h->name)
                fprintf(out, " as %s", h->name);
            fputc('\n', out);
            if (h->type)
                print_expr(pr, h->type, d + 1);
            print_section(pr, h->line, "body:", &h->body, d + 1);
        }
        print_section(pr, s->try_.orelse.items ? s->try_.orelse.items[0]->line : s->line,
                      "else:", &s->try_.orelse, d);
        print_section(pr, s->try_.finalbody.items ? s->try_.finalbody.items[0]->line : s->line,
                      "finally:", &s->try_.finalbody, d);
        break;
    case BT_STMT_MATCH:
        fputc('\n', out);
        print_expr(pr, s->match.subject, d);
        for (int i = 0; i < s->match.cases.count; i++) {
            const BtAstMatchCase *mc = s->match.cases.items[i];
            label(pr, mc->pattern->line, d, "match_case");
            print_pattern(pr, mc->pattern, d + 1);
            print_labelled(pr, mc->pattern->line, "guard:", mc->guard, d + 1);
            print_section(pr, mc->pattern->line, "body:", &mc->body, d + 1);
        }
        break;
    case BT_STMT_ASSERT:
        fputc('\n', out);
        print_expr(pr, s->assert_.test, d);
        print_labelled(pr, s->line, "msg:", s->assert_.msg, d);
        break;
    case BT_STMT_IMPORT:
        print_aliases(out, &s->import.names);
        fputc('\n', out);
        break;
    case BT_STMT_IMPORT_FROM:
        fprintf(out, " %.*s%s import", s->import_from.level, "..........................",
                s->import_from.module ? s->import_from.module : "");
        print_aliases(out, &s->import_from.names);
        fputc('\n', out);
        break;
    case BT_STMT_GLOBAL:
    case BT_STMT_NONLOCAL:
        print_names(out, &s->global.names);
        fputc('\n', out);
        break;
    case BT_STMT_EXPR:
        fputc('\n', out);
        print_expr(pr, s->expr.value, d);
        break;
    case BT_STMT_PASS:
    case BT_STMT_BREAK:
    case BT_STMT_CONTINUE:
    case BT_STMT__COUNT:
        fputc('\n', out);
        break;
    }
}

static void print_body(Printer *pr, const BtAstStmtList *body, int depth) {
    for (int i = 0; i < body->count; i++)
        print_stmt(pr, body->items[i], depth);
}

/* Print mod (parsed from src) to out. */
void bt_ast_print(const BtAstModule *mod, FILE *out, int max_line) {
    Printer pr = {out, 3};
    for (int n = max_line; n >= 1000; n /= 10)
        pr.width++;
    if (mod->expr)
        print_expr(&pr, mod->expr, 0);
    print_body(&pr, &mod->body, 0);
}

bool bt_ast_dump(const char *filename, const char *src, size_t len, FILE *out, FILE *err_out) {
    BtArena *arena = bt_arena_new();
    if (!arena) {
        fputs("MemoryError\n", err_out);
        return false;
    }
    BtSyntaxError err;
    BtAstModule *mod = bt_parse(arena, src, len, BT_PARSE_FILE, &err);
    if (mod) {
        int lines = 1;
        for (size_t i = 0; i < len; i++)
            lines += src[i] == '\n';
        bt_ast_print(mod, out, lines);
    } else {
        bt_syntax_error_print(&err, filename, src, len, err_out);
    }
    bt_arena_free(arena);
    return mod != NULL;
}
