/* check.c: the checks CPython makes after parsing, over the finished tree (parser stage;
 * see parser/README.md).
 *
 * CPython's symbol table pass reports some errors (duplicate argument, nonlocal at
 * module level, yield in a comprehension) before its compiler reports the others
 * ('return' outside function, 'break' outside loop, ...) in source order. Both passes
 * are repeated here, so a file gets the same first error as under python3. The walk
 * also bounds the tree's height, so every later recursive walker is safe.
 */
#include <string.h>

#include "parser/parser_internal.h"

/* Deeper trees are refused (CPython: "RecursionError: maximum recursion depth exceeded
 * during compilation" somewhere past 3000 levels). */
#define MAX_TREE_HEIGHT 3000

typedef enum { PASS_SYMTABLE, PASS_COMPILER } Pass;

typedef struct {
    BtSyntaxError *err;
    bool failed;
    Pass pass;
    int depth;
} Checker;

/* Where a node sits: what a return, yield, break or continue may refer to. */
typedef struct {
    bool in_function;
    bool in_async;  /* the innermost function is an async def (so await may stand here) */
    bool in_loop;
    const char *comprehension; /* "list comprehension", ... or NULL */
    const BtAstExpr *comp_node; /* that comprehension */
    bool module_level;
} Scope;

static void fail_span(Checker *c, int line, int col, int end_line, int end_col, const char *msg,
                      const char *arg) {
    if (c->failed)
        return;
    c->failed = true;
    bt_syntax_error_set(c->err, BT_SYNERR_SYNTAX, line, col + 1, end_line, end_col + 1, msg, arg);
}

#define FAIL_NODE(c, n, msg, arg)                                                                  \
    fail_span((c), (n)->line, (n)->col, (n)->end_line, (n)->end_col, (msg), (arg))

static void check_expr(Checker *c, const BtAstExpr *e, Scope sc);
static void check_body(Checker *c, const BtAstStmtList *body, Scope sc);

static void check_exprs(Checker *c, const BtAstExprList *l, Scope sc) {
    for (int i = 0; i < l->count && !c->failed; i++)
        if (l->items[i])
            check_expr(c, l->items[i], sc);
}

static bool too_deep(Checker *c, int line, int col, int end_line, int end_col) {
    if (c->depth <= MAX_TREE_HEIGHT)
        return false;
    fail_span(c, line, col, end_line, end_col,
              "too many nested expressions or blocks (Baton's limit is %s levels)", "3000");
    return true;
}

static void check_args(Checker *c, const BtAstArguments *a, Scope sc) {
    check_exprs(c, &a->defaults, sc);
    check_exprs(c, &a->kw_defaults, sc);
    if (c->pass != PASS_SYMTABLE)
        return;
    /* Duplicate parameter names, in declaration order. */
    const BtAstArg *all[4096];
    int n = 0;
    const BtAstArgList *lists[] = {&a->posonlyargs, &a->args, NULL, &a->kwonlyargs, NULL};
    for (int l = 0; l < 5 && !c->failed; l++) {
        const BtAstArg *one = l == 2 ? a->vararg : l == 4 ? a->kwarg : NULL;
        int count = lists[l] ? lists[l]->count : one != NULL;
        for (int i = 0; i < count && !c->failed; i++) {
            const BtAstArg *arg = lists[l] ? lists[l]->items[i] : one;
            for (int j = 0; j < n; j++) {
                if (strcmp(all[j]->arg, arg->arg) == 0) {
                    FAIL_NODE(c, arg, "duplicate argument '%s' in function definition", arg->arg);
                    return;
                }
            }
            if (n < (int)(sizeof all / sizeof all[0]))
                all[n++] = arg;
        }
    }
}

static void check_comprehension(Checker *c, const BtAstExpr *e, const BtAstExpr *elt,
                                const BtAstExpr *value, const BtAstComprehensionList *gens,
                                const char *what, Scope sc) {
    /* The first iterable is evaluated outside the comprehension's scope. */
    Scope inner = {.in_function = true, .in_async = sc.in_async, .comprehension = what,
                   .comp_node = e};
    bool is_async = false;
    for (int i = 0; i < gens->count; i++)
        is_async |= gens->items[i]->is_async;
    if (c->pass == PASS_COMPILER && is_async && !sc.in_async && e->kind != BT_EXPR_GENERATOR_EXP)
        FAIL_NODE(c, e, "asynchronous comprehension outside of an asynchronous function%s", "");
    for (int i = 0; i < gens->count && !c->failed; i++) {
        const BtAstComprehension *g = gens->items[i];
        check_expr(c, g->iter, i == 0 ? sc : inner);
        check_expr(c, g->target, inner);
        check_exprs(c, &g->ifs, inner);
    }
    (void)e;
    if (elt && !c->failed)
        check_expr(c, elt, inner);
    if (value && !c->failed)
        check_expr(c, value, inner);
}

static void check_expr(Checker *c, const BtAstExpr *e, Scope sc) {
    if (c->failed || !e)
        return;
    c->depth++;
    if (too_deep(c, e->line, e->col, e->end_line, e->end_col))
        return;
    switch (e->kind) {
    case BT_EXPR_BOOL_OP:
        check_exprs(c, &e->bool_op.values, sc);
        break;
    case BT_EXPR_NAMED_EXPR:
        check_expr(c, e->named_expr.value, sc);
        break;
    case BT_EXPR_BIN_OP:
        check_expr(c, e->bin_op.left, sc);
        check_expr(c, e->bin_op.right, sc);
        break;
    case BT_EXPR_UNARY_OP:
        check_expr(c, e->unary_op.operand, sc);
        break;
    case BT_EXPR_LAMBDA: {
        check_args(c, e->lambda.args, sc);
        Scope inner = {.in_function = true};
        check_expr(c, e->lambda.body, inner);
        break;
    }
    case BT_EXPR_IF_EXP:
        check_expr(c, e->if_exp.test, sc);
        check_expr(c, e->if_exp.body, sc);
        check_expr(c, e->if_exp.orelse, sc);
        break;
    case BT_EXPR_DICT:
        for (int i = 0; i < e->dict.keys.count && !c->failed; i++) {
            check_expr(c, e->dict.keys.items[i], sc);
            check_expr(c, e->dict.values.items[i], sc);
        }
        break;
    case BT_EXPR_SET:
        check_exprs(c, &e->set.elts, sc);
        break;
    case BT_EXPR_LIST_COMP:
        check_comprehension(c, e, e->list_comp.elt, NULL, &e->list_comp.generators,
                            "list comprehension", sc);
        break;
    case BT_EXPR_SET_COMP:
        check_comprehension(c, e, e->set_comp.elt, NULL, &e->set_comp.generators,
                            "set comprehension", sc);
        break;
    case BT_EXPR_GENERATOR_EXP:
        check_comprehension(c, e, e->generator_exp.elt, NULL, &e->generator_exp.generators,
                            "generator expression", sc);
        break;
    case BT_EXPR_DICT_COMP:
        check_comprehension(c, e, e->dict_comp.key, e->dict_comp.value,
                            &e->dict_comp.generators, "dict comprehension", sc);
        break;
    case BT_EXPR_YIELD:
    case BT_EXPR_YIELD_FROM:
        if (c->pass == PASS_SYMTABLE && sc.comprehension)
            FAIL_NODE(c, e, "'yield' inside %s", sc.comprehension);
        else if (c->pass == PASS_COMPILER && !sc.in_function)
            FAIL_NODE(c, e, "'yield' outside function%s", "");
        else if (c->pass == PASS_COMPILER && e->kind == BT_EXPR_YIELD_FROM && sc.in_async)
            FAIL_NODE(c, e, "'yield from' inside async function%s", "");
        check_expr(c, e->yield.value, sc);
        break;
    case BT_EXPR_AWAIT:
        if (c->pass == PASS_COMPILER) {
            if (!sc.in_function)
                FAIL_NODE(c, e, "'await' outside function%s", "");
            else if (sc.comprehension && !sc.in_async &&
                     strcmp(sc.comprehension, "generator expression") != 0)
                FAIL_NODE(c, sc.comp_node,
                          "asynchronous comprehension outside of an asynchronous function%s", "");
            else if (!sc.in_async && !sc.comprehension)
                FAIL_NODE(c, e, "'await' outside async function%s", "");
        }
        check_expr(c, e->await_.value, sc);
        break;
    case BT_EXPR_COMPARE:
        check_expr(c, e->compare.left, sc);
        for (int i = 0; i < e->compare.count && !c->failed; i++)
            check_expr(c, e->compare.comparators[i], sc);
        break;
    case BT_EXPR_CALL:
        check_expr(c, e->call.func, sc);
        check_exprs(c, &e->call.args, sc);
        for (int i = 0; i < e->call.keywords.count && !c->failed; i++)
            check_expr(c, e->call.keywords.items[i]->value, sc);
        break;
    case BT_EXPR_FORMATTED_VALUE:
        check_expr(c, e->formatted_value.value, sc);
        check_expr(c, e->formatted_value.format_spec, sc);
        break;
    case BT_EXPR_JOINED_STR:
        check_exprs(c, &e->joined_str.values, sc);
        break;
    case BT_EXPR_ATTRIBUTE:
        check_expr(c, e->attribute.value, sc);
        break;
    case BT_EXPR_SUBSCRIPT:
        check_expr(c, e->subscript.value, sc);
        check_expr(c, e->subscript.slice, sc);
        break;
    case BT_EXPR_STARRED:
        check_expr(c, e->starred.value, sc);
        break;
    case BT_EXPR_LIST:
    case BT_EXPR_TUPLE:
        check_exprs(c, &e->list.elts, sc);
        break;
    case BT_EXPR_SLICE:
        check_expr(c, e->slice.lower, sc);
        check_expr(c, e->slice.upper, sc);
        check_expr(c, e->slice.step, sc);
        break;
    case BT_EXPR_CONSTANT:
    case BT_EXPR_NAME:
    case BT_EXPR__COUNT:
        break;
    }
    c->depth--;
}

static void check_stmt(Checker *c, const BtAstStmt *s, Scope sc) {
    c->depth++;
    if (too_deep(c, s->line, s->col, s->end_line, s->end_col))
        return;
    bool compiler = c->pass == PASS_COMPILER;
    switch (s->kind) {
    case BT_STMT_FUNCTION_DEF:
    case BT_STMT_ASYNC_FUNCTION_DEF: {
        check_exprs(c, &s->function_def.decorator_list, sc);
        check_args(c, s->function_def.args, sc);
        check_expr(c, s->function_def.returns, sc);
        Scope inner = {.in_function = true, .in_async = s->kind == BT_STMT_ASYNC_FUNCTION_DEF};
        check_body(c, &s->function_def.body, inner);
        break;
    }
    case BT_STMT_CLASS_DEF: {
        check_exprs(c, &s->class_def.decorator_list, sc);
        check_exprs(c, &s->class_def.bases, sc);
        for (int i = 0; i < s->class_def.keywords.count && !c->failed; i++)
            check_expr(c, s->class_def.keywords.items[i]->value, sc);
        Scope inner = {.in_function = false};
        check_body(c, &s->class_def.body, inner);
        break;
    }
    case BT_STMT_RETURN:
        if (compiler && !sc.in_function)
            FAIL_NODE(c, s, "'return' outside function%s", "");
        check_expr(c, s->return_.value, sc);
        break;
    case BT_STMT_DELETE:
        check_exprs(c, &s->delete_.targets, sc);
        break;
    case BT_STMT_ASSIGN:
        check_expr(c, s->assign.value, sc);
        check_exprs(c, &s->assign.targets, sc);
        break;
    case BT_STMT_AUG_ASSIGN:
        check_expr(c, s->aug_assign.target, sc);
        check_expr(c, s->aug_assign.value, sc);
        break;
    case BT_STMT_ANN_ASSIGN:
        check_expr(c, s->ann_assign.target, sc);
        check_expr(c, s->ann_assign.annotation, sc);
        check_expr(c, s->ann_assign.value, sc);
        break;
    case BT_STMT_FOR:
    case BT_STMT_ASYNC_FOR: {
        if (compiler && s->kind == BT_STMT_ASYNC_FOR && !sc.in_async)
            FAIL_NODE(c, s, "'async for' outside async function%s", "");
        check_expr(c, s->for_.target, sc);
        check_expr(c, s->for_.iter, sc);
        Scope loop = sc;
        loop.in_loop = true;
        check_body(c, &s->for_.body, loop);
        check_body(c, &s->for_.orelse, sc);
        break;
    }
    case BT_STMT_WHILE: {
        check_expr(c, s->while_.test, sc);
        Scope loop = sc;
        loop.in_loop = true;
        check_body(c, &s->while_.body, loop);
        check_body(c, &s->while_.orelse, sc);
        break;
    }
    case BT_STMT_IF:
        check_expr(c, s->if_.test, sc);
        check_body(c, &s->if_.body, sc);
        check_body(c, &s->if_.orelse, sc);
        break;
    case BT_STMT_WITH:
    case BT_STMT_ASYNC_WITH:
        if (compiler && s->kind == BT_STMT_ASYNC_WITH && !sc.in_async)
            FAIL_NODE(c, s, "'async with' outside async function%s", "");
        for (int i = 0; i < s->with.items.count && !c->failed; i++) {
            check_expr(c, s->with.items.items[i]->context_expr, sc);
            check_expr(c, s->with.items.items[i]->optional_vars, sc);
        }
        check_body(c, &s->with.body, sc);
        break;
    case BT_STMT_RAISE:
        check_expr(c, s->raise.exc, sc);
        check_expr(c, s->raise.cause, sc);
        break;
    case BT_STMT_TRY:
        check_body(c, &s->try_.body, sc);
        for (int i = 0; i < s->try_.handlers.count && !c->failed; i++) {
            const BtAstExceptHandler *h = s->try_.handlers.items[i];
            if (compiler && !h->type && i + 1 < s->try_.handlers.count)
                FAIL_NODE(c, h, "default 'except:' must be last%s", "");
            check_expr(c, h->type, sc);
            check_body(c, &h->body, sc);
        }
        check_body(c, &s->try_.orelse, sc);
        check_body(c, &s->try_.finalbody, sc);
        break;
    case BT_STMT_ASSERT:
        check_expr(c, s->assert_.test, sc);
        check_expr(c, s->assert_.msg, sc);
        break;
    case BT_STMT_NONLOCAL:
        if (!compiler && sc.module_level)
            FAIL_NODE(c, s, "nonlocal declaration not allowed at module level%s", "");
        break;
    case BT_STMT_EXPR:
        check_expr(c, s->expr.value, sc);
        break;
    case BT_STMT_BREAK:
        if (compiler && !sc.in_loop)
            FAIL_NODE(c, s, "'break' outside loop%s", "");
        break;
    case BT_STMT_CONTINUE:
        if (compiler && !sc.in_loop)
            FAIL_NODE(c, s, "'continue' not properly in loop%s", "");
        break;
    case BT_STMT_IMPORT:
    case BT_STMT_IMPORT_FROM:
    case BT_STMT_GLOBAL:
    case BT_STMT_PASS:
    case BT_STMT__COUNT:
        break;
    }
    c->depth--;
}

static void check_body(Checker *c, const BtAstStmtList *body, Scope sc) {
    for (int i = 0; i < body->count && !c->failed; i++)
        check_stmt(c, body->items[i], sc);
}

bool bt_ast_check(const BtAstModule *mod, BtSyntaxError *err) {
    for (Pass pass = PASS_SYMTABLE; pass <= PASS_COMPILER; pass++) {
        Checker c = {.err = err, .pass = pass};
        Scope top = {.module_level = true};
        if (mod->expr)
            check_expr(&c, mod->expr, top);
        for (int i = 0; i < mod->body.count && !c.failed; i++)
            check_stmt(&c, mod->body.items[i], top);
        if (c.failed)
            return false;
    }
    return true;
}
