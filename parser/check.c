/* check.c: the checks CPython makes after parsing, over the finished tree (parser stage;
 * see parser/README.md).
 *
 * CPython's symbol table pass reports some errors (duplicate argument, nonlocal at
 * module level, yield in a comprehension) before its compiler reports the others
 * ('return' outside function, 'break' outside loop, ...) in source order. Both passes
 * are repeated here, so a file gets the same first error as under python3. The walk
 * also bounds the tree's height, so every later recursive walker is safe.
 */
#include <stdio.h>
#include <stdlib.h>
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

/* ---- patterns: the errors CPython's compiler reports while it compiles a case ---- */

/* The names a pattern binds, in the order CPython's compiler meets them. */
typedef struct {
    const char **names;
    int n, cap;
} Stores;

static bool stores_has(const Stores *st, const char *name) {
    for (int i = 0; i < st->n; i++)
        if (strcmp(st->names[i], name) == 0)
            return true;
    return false;
}

static void stores_push(Checker *c, Stores *st, const char *name) {
    if (st->n == st->cap) {
        int cap = st->cap ? st->cap * 2 : 8;
        const char **grown = realloc(st->names, (size_t)cap * sizeof *grown);
        if (!grown) {
            fail_span(c, 0, -1, 0, -1, "out of memory%s", "");
            return;
        }
        st->names = grown;
        st->cap = cap;
    }
    st->names[st->n++] = name;
}

static bool is_wildcard(const BtAstPattern *pat) {
    return pat->kind == BT_PAT_MATCH_AS && !pat->match_as.pattern && !pat->match_as.name;
}

static bool is_star_wildcard(const BtAstPattern *pat) {
    return pat->kind == BT_PAT_MATCH_STAR && !pat->match_star.name;
}

/* How CPython compiles a sequence pattern's items: all wildcards (nothing to do), with
 * a `*_` (by index, skipping wildcards) or by unpacking (every item). */
typedef enum { SEQ_ONLY_WILDCARDS, SEQ_BY_INDEX, SEQ_UNPACK } SeqPlan;

static SeqPlan sequence_plan(const BtAstPatternList *items) {
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < items->count; i++) {
        const BtAstPattern *it = items->items[i];
        if (it->kind == BT_PAT_MATCH_STAR) {
            star_wildcard = is_star_wildcard(it);
            only_wildcard &= star_wildcard;
        } else {
            only_wildcard &= is_wildcard(it);
        }
    }
    return only_wildcard ? SEQ_ONLY_WILDCARDS : star_wildcard ? SEQ_BY_INDEX : SEQ_UNPACK;
}

/* Does CPython compile sub-pattern `it` of a sequence compiled with plan? */
static bool compiles_item(SeqPlan plan, const BtAstPattern *it) {
    return plan == SEQ_UNPACK || (plan == SEQ_BY_INDEX && !is_wildcard(it) &&
                                  it->kind != BT_PAT_MATCH_STAR);
}

/* The pattern CPython's compiler has as its location once it has compiled pat (each
 * sub-pattern it compiles moves the location): where its later errors point. */
static const BtAstPattern *last_location(const BtAstPattern *pat) {
    const BtAstPattern *last = pat;
    switch (pat->kind) {
    case BT_PAT_MATCH_AS:
        return pat->match_as.pattern ? last_location(pat->match_as.pattern) : pat;
    case BT_PAT_MATCH_OR: {
        const BtAstPatternList *alts = &pat->match_or.patterns;
        return last_location(alts->items[alts->count - 1]);
    }
    case BT_PAT_MATCH_SEQUENCE: {
        const BtAstPatternList *items = &pat->match_sequence.patterns;
        SeqPlan plan = sequence_plan(items);
        for (int i = 0; i < items->count; i++)
            if (compiles_item(plan, items->items[i]))
                last = last_location(items->items[i]);
        return last;
    }
    case BT_PAT_MATCH_MAPPING: {
        const BtAstPatternList *pats = &pat->match_mapping.patterns;
        return pats->count ? last_location(pats->items[pats->count - 1]) : pat;
    }
    case BT_PAT_MATCH_CLASS: {
        const BtAstPatternList *lists[] = {&pat->match_class.patterns,
                                           &pat->match_class.kwd_patterns};
        for (int l = 0; l < 2; l++)
            for (int i = 0; i < lists[l]->count; i++)
                if (!is_wildcard(lists[l]->items[i]))
                    last = last_location(lists[l]->items[i]);
        return last;
    }
    default:
        return pat;
    }
}

/* A name bound by the pattern at loc (NULL: `_`, nothing bound). */
static void check_store(Checker *c, Stores *st, const char *name, const BtAstPattern *loc) {
    if (!name || c->failed)
        return;
    if (strcmp(name, "__debug__") == 0)
        FAIL_NODE(c, loc, "cannot assign to %s", name);
    else if (stores_has(st, name))
        FAIL_NODE(c, loc, "multiple assignments to name '%s' in pattern", name);
    else
        stores_push(c, st, name);
}

/* A mapping key that is a constant once folded (`1`, `-1`, `'k'`, None), as CPython's
 * duplicate-key set sees it; false for an attribute. */
static bool key_constant(const BtAstExpr *key, BtAstConstant *out, bool *negative) {
    *negative = key->kind == BT_EXPR_UNARY_OP;
    if (*negative)
        key = key->unary_op.operand;
    if (key->kind != BT_EXPR_CONSTANT)
        return false;
    *out = key->constant;
    if (*negative && out->kind == BT_CONST_FLOAT)
        out->f = -out->f;
    if (*negative && out->kind == BT_CONST_INT && !out->big)
        out->i = -out->i;
    *negative = *negative && out->kind == BT_CONST_INT && out->big;
    return true;
}

/* Is k a number (bool, int or float)? Then *i is its value as an integer (ints and
 * bools) and *f as a double. */
static bool key_number(const BtAstConstant *k, int64_t *i, double *f) {
    switch (k->kind) {
    case BT_CONST_TRUE:
    case BT_CONST_FALSE:
        *i = k->kind == BT_CONST_TRUE;
        *f = (double)*i;
        return true;
    case BT_CONST_INT:
        *i = k->i;
        *f = (double)k->i;
        return true;
    case BT_CONST_FLOAT:
        *i = 0;
        *f = k->f;
        return true;
    default:
        return false;
    }
}

/* Are two folded key constants equal as Python set members (1 == 1.0 == True)? */
static bool same_key(const BtAstConstant *a, bool aneg, const BtAstConstant *b, bool bneg) {
    int64_t ai, bi;
    double af, bf;
    bool anum = key_number(a, &ai, &af), bnum = key_number(b, &bi, &bf);
    if (anum != bnum)
        return false;
    if (!anum)
        return a->kind == b->kind && (a->kind == BT_CONST_NONE ||
                                      (a->len == b->len && memcmp(a->s, b->s, a->len) == 0));
    bool abig = a->kind == BT_CONST_INT && a->big, bbig = b->kind == BT_CONST_INT && b->big;
    if (abig || bbig)
        return abig && bbig && aneg == bneg && strcmp(a->digits, b->digits) == 0;
    if (a->kind == BT_CONST_FLOAT || b->kind == BT_CONST_FLOAT)
        return af == bf;
    return ai == bi;
}

/* CPython's checks of a mapping pattern's keys: no duplicate constants, and only
 * literals and attribute lookups. */
static void check_mapping_keys(Checker *c, const BtAstPattern *pat) {
    const BtAstExprList *keys = &pat->match_mapping.keys;
    for (int i = 0; i < keys->count && !c->failed; i++) {
        BtAstConstant k;
        bool neg;
        if (!key_constant(keys->items[i], &k, &neg)) {
            if (keys->items[i]->kind != BT_EXPR_ATTRIBUTE)
                FAIL_NODE(c, pat, "mapping pattern keys may only match literals and attribute "
                                  "lookups%s", "");
            continue;
        }
        for (int j = 0; j < i; j++) {
            BtAstConstant prev;
            bool prev_neg;
            if (!key_constant(keys->items[j], &prev, &prev_neg) ||
                !same_key(&prev, prev_neg, &k, neg))
                continue;
            char repr[128];
            FILE *f = fmemopen(repr, sizeof repr, "w");
            if (f) {
                if (neg)
                    fputc('-', f);
                if (k.kind == BT_CONST_INT && k.big) /* the printer would add a note */
                    fputs(k.digits, f);
                else
                    bt_ast_print_constant(f, &k);
                fclose(f);
            }
            repr[sizeof repr - 1] = 0;
            FAIL_NODE(c, pat, "mapping pattern checks duplicate key (%s)", f ? repr : "?");
            return;
        }
    }
}

static void check_pattern(Checker *c, const BtAstPattern *pat, Stores *st, bool allow_irrefutable,
                          Scope sc);

/* A sub-pattern of a sequence, mapping or class pattern: irrefutable ones are fine. */
static void check_subpatterns(Checker *c, const BtAstPatternList *l, Stores *st,
                              bool skip_wildcards, Scope sc) {
    for (int i = 0; i < l->count && !c->failed; i++)
        if (!skip_wildcards || !is_wildcard(l->items[i]))
            check_pattern(c, l->items[i], st, true, sc);
}

/* The alternatives of p1 | p2: each binds the same names; only the last may be
 * irrefutable, and only when the or-pattern may be. */
static void check_or_pattern(Checker *c, const BtAstPattern *pat, Stores *st,
                             bool allow_irrefutable, Scope sc) {
    const BtAstPatternList *alts = &pat->match_or.patterns;
    Stores control = {0};
    for (int i = 0; i < alts->count && !c->failed; i++) {
        Stores alt = {0};
        check_pattern(c, alts->items[i], &alt, allow_irrefutable && i == alts->count - 1, sc);
        bool differ = alt.n != control.n;
        for (int k = 0; k < control.n && !differ; k++)
            differ = !stores_has(&alt, control.names[k]);
        if (i == 0) {
            control = alt;
            continue;
        }
        free(alt.names);
        if (differ && !c->failed)
            FAIL_NODE(c, last_location(alts->items[i]), "alternative patterns bind different "
                                                        "names%s", "");
    }
    for (int k = 0; k < control.n && !c->failed; k++) {
        if (stores_has(st, control.names[k]))
            FAIL_NODE(c, last_location(pat), "multiple assignments to name '%s' in pattern",
                      control.names[k]);
        else
            stores_push(c, st, control.names[k]);
    }
    free(control.names);
}

static void check_pattern(Checker *c, const BtAstPattern *pat, Stores *st, bool allow_irrefutable,
                          Scope sc) {
    if (c->failed)
        return;
    c->depth++;
    if (too_deep(c, pat->line, pat->col, pat->end_line, pat->end_col))
        return;
    switch (pat->kind) {
    case BT_PAT_MATCH_VALUE:
        if (pat->match_value.value->kind == BT_EXPR_JOINED_STR)
            FAIL_NODE(c, pat, "patterns may only match literals and attribute lookups%s", "");
        check_expr(c, pat->match_value.value, sc);
        break;
    case BT_PAT_MATCH_SEQUENCE: {
        const BtAstPatternList *items = &pat->match_sequence.patterns;
        int stars = 0;
        for (int i = 0; i < items->count; i++)
            stars += items->items[i]->kind == BT_PAT_MATCH_STAR;
        if (stars > 1) {
            FAIL_NODE(c, pat, "multiple starred names in sequence pattern%s", "");
            break;
        }
        SeqPlan plan = sequence_plan(items);
        for (int i = 0; i < items->count && !c->failed; i++)
            if (compiles_item(plan, items->items[i]))
                check_pattern(c, items->items[i], st, true, sc);
        break;
    }
    case BT_PAT_MATCH_MAPPING:
        check_mapping_keys(c, pat);
        check_exprs(c, &pat->match_mapping.keys, sc);
        check_subpatterns(c, &pat->match_mapping.patterns, st, false, sc);
        check_store(c, st, pat->match_mapping.rest, last_location(pat));
        break;
    case BT_PAT_MATCH_CLASS: {
        const BtAstNameList *attrs = &pat->match_class.kwd_attrs;
        const BtAstPatternList *kwds = &pat->match_class.kwd_patterns;
        for (int i = 0; i < attrs->count && !c->failed; i++) {
            if (strcmp(attrs->items[i], "__debug__") == 0)
                FAIL_NODE(c, kwds->items[i], "cannot assign to %s", attrs->items[i]);
            for (int j = i + 1; j < attrs->count && !c->failed; j++)
                if (strcmp(attrs->items[i], attrs->items[j]) == 0)
                    FAIL_NODE(c, kwds->items[j], "attribute name repeated in class pattern: %s",
                              attrs->items[i]);
        }
        check_expr(c, pat->match_class.cls, sc);
        check_subpatterns(c, &pat->match_class.patterns, st, true, sc);
        check_subpatterns(c, kwds, st, true, sc);
        break;
    }
    case BT_PAT_MATCH_STAR:
        check_store(c, st, pat->match_star.name, pat);
        break;
    case BT_PAT_MATCH_AS:
        if (pat->match_as.pattern) {
            check_pattern(c, pat->match_as.pattern, st, allow_irrefutable, sc);
            check_store(c, st, pat->match_as.name, last_location(pat->match_as.pattern));
        } else if (!allow_irrefutable && pat->match_as.name) {
            FAIL_NODE(c, pat, "name capture '%s' makes remaining patterns unreachable",
                      pat->match_as.name);
        } else if (!allow_irrefutable) {
            FAIL_NODE(c, pat, "wildcard makes remaining patterns unreachable%s", "");
        } else {
            check_store(c, st, pat->match_as.name, pat);
        }
        break;
    case BT_PAT_MATCH_OR:
        check_or_pattern(c, pat, st, allow_irrefutable, sc);
        break;
    case BT_PAT_MATCH_SINGLETON:
    case BT_PAT__COUNT:
        break;
    }
    c->depth--;
}

/* A match statement: each case's pattern (compiler pass only), guard and body. Only
 * a guarded or last case may be irrefutable; a final `case _:` is never compiled as a
 * pattern. */
static void check_match(Checker *c, const BtAstStmt *s, Scope sc) {
    check_expr(c, s->match.subject, sc);
    int n = s->match.cases.count;
    for (int i = 0; i < n && !c->failed; i++) {
        const BtAstMatchCase *mc = s->match.cases.items[i];
        if (c->pass == PASS_COMPILER) {
            Stores st = {0};
            check_pattern(c, mc->pattern, &st, mc->guard || i == n - 1, sc);
            free(st.names);
        }
        check_expr(c, mc->guard, sc);
        check_body(c, &mc->body, sc);
    }
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
    case BT_STMT_MATCH:
        check_match(c, s, sc);
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
