/* symtable.c: scopes and name resolution, the compiler's first pass (vm stage;
 * see vm/README.md and symtable.h).
 *
 * Two steps, as CPython's symtable.c: a walk of the tree records, per scope,
 * every name and how it is used (BT_DEF_* bits); then analyze() resolves the
 * scopes top-down, passing each child the names its enclosing functions bind
 * ("bound") and the names declared global, and bottom-up collecting the names
 * children need from outside ("free"): a free name that a function binds
 * becomes a cell there, one that a class binds is flagged DEF_FREE_CLASS (the
 * class passes the outer cell through), and `__class__` stops at the class
 * that provides it. Everything is malloc'ed and freed with the table.
 */
#include "vm/symtable.h"
#include "vm/object.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- small string sets for the analysis ---------------------------------------------------- */

static const char tombstone_key[] = "";
#define TOMBSTONE (tombstone_key)

typedef struct {
    const char **keys; /* NULL empty, TOMBSTONE deleted */
    int cap, n, used;
} StrSet;

static uint32_t str_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static bool set_grow(StrSet *s) {
    int ncap = s->cap ? s->cap * 2 : 16;
    const char **keys = calloc((size_t)ncap, sizeof *keys);
    if (!keys)
        return false;
    for (int i = 0; i < s->cap; i++) {
        const char *k = s->keys[i];
        if (!k || k == TOMBSTONE)
            continue;
        uint32_t j = str_hash(k) & (uint32_t)(ncap - 1);
        while (keys[j])
            j = (j + 1) & (uint32_t)(ncap - 1);
        keys[j] = k;
    }
    free(s->keys);
    s->keys = keys;
    s->cap = ncap;
    s->used = s->n;
    return true;
}

static int set_find(const StrSet *s, const char *k) {
    if (!s->cap)
        return -1;
    uint32_t j = str_hash(k) & (uint32_t)(s->cap - 1);
    while (s->keys[j]) {
        if (s->keys[j] != TOMBSTONE && strcmp(s->keys[j], k) == 0)
            return (int)j;
        j = (j + 1) & (uint32_t)(s->cap - 1);
    }
    return -1;
}

static bool set_has(const StrSet *s, const char *k) {
    return set_find(s, k) >= 0;
}

static bool set_add(StrSet *s, const char *k) {
    if (set_has(s, k))
        return true;
    if ((s->used + 1) * 2 > s->cap && !set_grow(s))
        return false;
    uint32_t j = str_hash(k) & (uint32_t)(s->cap - 1);
    while (s->keys[j] && s->keys[j] != TOMBSTONE)
        j = (j + 1) & (uint32_t)(s->cap - 1);
    if (!s->keys[j])
        s->used++;
    s->keys[j] = k;
    s->n++;
    return true;
}

static void set_discard(StrSet *s, const char *k) {
    int j = set_find(s, k);
    if (j >= 0) {
        s->keys[j] = TOMBSTONE;
        s->n--;
    }
}

static bool set_update(StrSet *dst, const StrSet *src) {
    for (int i = 0; i < src->cap; i++) {
        const char *k = src->keys[i];
        if (k && k != TOMBSTONE && !set_add(dst, k))
            return false;
    }
    return true;
}

static void set_free(StrSet *s) {
    free(s->keys);
    memset(s, 0, sizeof *s);
}

/* ---- the table ------------------------------------------------------------------------------ */

typedef struct PoolChunk {
    struct PoolChunk *next;
    char data[];
} PoolChunk;

struct BtSymtable {
    BtScope *top;
    BtScope **all; /* every scope, for freeing and the node map */
    int nall, cap_all;
    const void **map_keys; /* node -> scope, open addressing on the pointer */
    BtScope **map_vals;
    int map_cap;
    PoolChunk *pool; /* mangled names */
    /* builder state */
    BtScope *cur;
    BtSyntaxError *err;
    BtThread *t; /* for the C-stack guard (NULL: none) */
    bool failed, oom;
};

/* The tree may be nested deeper than the C stack allows (a + a + ... is a
 * chain as long as the line): RecursionError in st->t rather than a crash. */
static bool stack_ok(BtSymtable *st) {
    if (!st->t || bt_c_stack_ok(st->t, " during compilation"))
        return true;
    st->failed = true;
    return false;
}

static bool fail_oom(BtSymtable *st) {
    st->failed = true;
    st->oom = true;
    return false;
}

/* Record a syntax error at a 0-based AST span (reported 1-based as CPython does). */
static bool fail_at(BtSymtable *st, int line, int col, int end_line, int end_col, const char *fmt,
                    const char *name) {
    if (!st->failed)
        bt_syntax_error_set(st->err, BT_SYNERR_SYNTAX, line, col + 1, end_line, end_col + 1, fmt,
                            name);
    st->failed = true;
    return false;
}

#define FAIL_NODE(st, n, fmt, name)                                                               \
    fail_at((st), (n)->line, (n)->col, (n)->end_line, (n)->end_col, (fmt), (name))

const char *bt_symtable_mangle(BtSymtable *st, const char *private_name, const char *name) {
    if (!private_name || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    if ((n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*private_name == '_')
        private_name++;
    if (!*private_name)
        return name;
    size_t pn = strlen(private_name);
    PoolChunk *c = malloc(sizeof(PoolChunk) + 1 + pn + n + 1);
    if (!c)
        return NULL;
    c->next = st->pool;
    st->pool = c;
    c->data[0] = '_';
    memcpy(c->data + 1, private_name, pn);
    memcpy(c->data + 1 + pn, name, n + 1);
    return c->data;
}

static bool map_put(BtSymtable *st, const void *key, BtScope *s) {
    if ((st->nall + 1) * 2 > st->map_cap) {
        int ncap = st->map_cap ? st->map_cap * 2 : 32;
        const void **keys = calloc((size_t)ncap, sizeof *keys);
        BtScope **vals = calloc((size_t)ncap, sizeof *vals);
        if (!keys || !vals) {
            free(keys);
            free(vals);
            return false;
        }
        for (int i = 0; i < st->map_cap; i++) {
            if (!st->map_keys[i])
                continue;
            uint32_t j = (uint32_t)(((uintptr_t)st->map_keys[i] >> 3) * 2654435761u) &
                         (uint32_t)(ncap - 1);
            while (keys[j])
                j = (j + 1) & (uint32_t)(ncap - 1);
            keys[j] = st->map_keys[i];
            vals[j] = st->map_vals[i];
        }
        free(st->map_keys);
        free(st->map_vals);
        st->map_keys = keys;
        st->map_vals = vals;
        st->map_cap = ncap;
    }
    uint32_t j = (uint32_t)(((uintptr_t)key >> 3) * 2654435761u) & (uint32_t)(st->map_cap - 1);
    while (st->map_keys[j])
        j = (j + 1) & (uint32_t)(st->map_cap - 1);
    st->map_keys[j] = key;
    st->map_vals[j] = s;
    return true;
}

BtScope *bt_symtable_lookup(BtSymtable *st, const void *node) {
    if (!st->map_cap)
        return NULL;
    uint32_t j = (uint32_t)(((uintptr_t)node >> 3) * 2654435761u) & (uint32_t)(st->map_cap - 1);
    while (st->map_keys[j]) {
        if (st->map_keys[j] == node)
            return st->map_vals[j];
        j = (j + 1) & (uint32_t)(st->map_cap - 1);
    }
    return NULL;
}

BtScope *bt_symtable_top(BtSymtable *st) {
    return st->top;
}

static int sym_find(const BtScope *s, const char *name) {
    if (!s->index_cap)
        return -1;
    uint32_t j = str_hash(name) & (uint32_t)(s->index_cap - 1);
    while (s->index[j] >= 0) {
        if (strcmp(s->syms[s->index[j]].name, name) == 0)
            return s->index[j];
        j = (j + 1) & (uint32_t)(s->index_cap - 1);
    }
    return -1;
}

const BtSymbol *bt_scope_symbol(const BtScope *s, const char *name) {
    int i = sym_find(s, name);
    return i < 0 ? NULL : &s->syms[i];
}

BtSymScope bt_scope_resolve(const BtScope *s, const char *name) {
    int i = sym_find(s, name);
    return i < 0 ? BT_SYM_UNKNOWN : s->syms[i].scope;
}

const char *bt_scope_kind_describe(BtScopeKind kind) {
    switch (kind) {
    case BT_SCOPE_LISTCOMP:
        return "list comprehension";
    case BT_SCOPE_SETCOMP:
        return "set comprehension";
    case BT_SCOPE_DICTCOMP:
        return "dict comprehension";
    case BT_SCOPE_GENEXPR:
        return "generator expression";
    case BT_SCOPE_MODULE:
        return "module";
    case BT_SCOPE_CLASS:
        return "class";
    case BT_SCOPE_LAMBDA:
        return "lambda";
    case BT_SCOPE_FUNCTION:
        break;
    }
    return "function";
}

static bool is_comprehension(BtScopeKind k) {
    return k == BT_SCOPE_LISTCOMP || k == BT_SCOPE_SETCOMP || k == BT_SCOPE_DICTCOMP ||
           k == BT_SCOPE_GENEXPR;
}

static bool is_function_like(BtScopeKind k) {
    return k != BT_SCOPE_MODULE && k != BT_SCOPE_CLASS;
}

/* The symbol for name in s, created (flags 0) when new; -1 when out of memory. */
static int sym_get(BtScope *s, const char *name) {
    int i = sym_find(s, name);
    if (i >= 0)
        return i;
    if (s->nsyms == s->cap_syms) {
        int ncap = s->cap_syms ? s->cap_syms * 2 : 8;
        BtSymbol *syms = realloc(s->syms, (size_t)ncap * sizeof *syms);
        if (!syms)
            return -1;
        s->syms = syms;
        s->cap_syms = ncap;
    }
    if ((s->nsyms + 1) * 2 > s->index_cap) {
        int ncap = s->index_cap ? s->index_cap * 2 : 16;
        int32_t *index = malloc((size_t)ncap * sizeof *index);
        if (!index)
            return -1;
        for (int k = 0; k < ncap; k++)
            index[k] = -1;
        for (int k = 0; k < s->nsyms; k++) {
            uint32_t j = str_hash(s->syms[k].name) & (uint32_t)(ncap - 1);
            while (index[j] >= 0)
                j = (j + 1) & (uint32_t)(ncap - 1);
            index[j] = k;
        }
        free(s->index);
        s->index = index;
        s->index_cap = ncap;
    }
    i = s->nsyms++;
    s->syms[i] = (BtSymbol){.name = name};
    uint32_t j = str_hash(name) & (uint32_t)(s->index_cap - 1);
    while (s->index[j] >= 0)
        j = (j + 1) & (uint32_t)(s->index_cap - 1);
    s->index[j] = i;
    return i;
}

static BtScope *scope_new(BtSymtable *st, BtScopeKind kind, const char *name, const void *node,
                          int line, int col) {
    BtScope *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->line = line;
    s->col = col;
    s->parent = st->cur;
    s->private_name = kind == BT_SCOPE_CLASS ? name : st->cur ? st->cur->private_name : NULL;
    if (st->nall == st->cap_all) {
        int ncap = st->cap_all ? st->cap_all * 2 : 16;
        BtScope **all = realloc(st->all, (size_t)ncap * sizeof *all);
        if (!all) {
            free(s);
            return NULL;
        }
        st->all = all;
        st->cap_all = ncap;
    }
    st->all[st->nall++] = s;
    if (node && !map_put(st, node, s))
        return NULL;
    if (st->cur) {
        BtScope *p = st->cur;
        if (p->nchildren == p->cap_children) {
            int ncap = p->cap_children ? p->cap_children * 2 : 4;
            BtScope **ch = realloc(p->children, (size_t)ncap * sizeof *ch);
            if (!ch)
                return NULL;
            p->children = ch;
            p->cap_children = ncap;
        }
        p->children[p->nchildren++] = s;
    }
    return s;
}

/* Add flag to name (mangled) in the scope s. */
static bool add_def_in(BtSymtable *st, BtScope *s, const char *name, uint32_t flag) {
    const char *m = bt_symtable_mangle(st, s->private_name, name);
    if (!m)
        return fail_oom(st);
    int i = sym_get(s, m);
    if (i < 0)
        return fail_oom(st);
    BtSymbol *sym = &s->syms[i];
    if (flag & BT_DEF_COMP_ITER)
        flag |= BT_DEF_LOCAL;
    sym->flags |= flag;
    return true;
}

static bool add_def(BtSymtable *st, const char *name, uint32_t flag) {
    uint32_t f = flag;
    if ((flag & BT_DEF_LOCAL) && st->cur->comp_iter_target)
        f |= BT_DEF_COMP_ITER;
    return add_def_in(st, st->cur, name, f);
}

static bool add_param(BtSymtable *st, const BtAstArg *a) {
    const char *m = bt_symtable_mangle(st, st->cur->private_name, a->arg);
    if (!m)
        return fail_oom(st);
    const BtSymbol *old = bt_scope_symbol(st->cur, m);
    if (old && (old->flags & BT_DEF_PARAM))
        return FAIL_NODE(st, a, "duplicate argument '%s' in function definition", a->arg);
    if (!add_def_in(st, st->cur, a->arg, BT_DEF_PARAM))
        return false;
    BtScope *s = st->cur;
    const char **p = realloc(s->params, (size_t)(s->nparams + 1) * sizeof *p);
    if (!p)
        return fail_oom(st);
    s->params = p;
    s->params[s->nparams++] = m;
    return true;
}

/* ---- the walk -------------------------------------------------------------------------------- */

static bool visit_expr(BtSymtable *st, const BtAstExpr *e);
static bool visit_stmts(BtSymtable *st, const BtAstStmtList *l);

static bool visit_exprs(BtSymtable *st, const BtAstExprList *l) {
    for (int i = 0; i < l->count; i++)
        if (l->items[i] && !visit_expr(st, l->items[i]))
            return false;
    return true;
}

static bool visit_opt(BtSymtable *st, const BtAstExpr *e) {
    return !e || visit_expr(st, e);
}

static bool enter(BtSymtable *st, BtScopeKind kind, const char *name, const void *node, int line,
                  int col) {
    BtScope *s = scope_new(st, kind, name, node, line, col);
    if (!s)
        return fail_oom(st);
    st->cur = s;
    return true;
}

static void leave(BtSymtable *st) {
    st->cur = st->cur->parent;
}

/* Parameters and the defaults that belong to the enclosing scope are handled
 * by the caller; this declares the parameters in the new scope, in slot order. */
static bool visit_params(BtSymtable *st, const BtAstArguments *a) {
    BtScope *s = st->cur;
    for (int i = 0; i < a->posonlyargs.count; i++)
        if (!add_param(st, a->posonlyargs.items[i]))
            return false;
    for (int i = 0; i < a->args.count; i++)
        if (!add_param(st, a->args.items[i]))
            return false;
    for (int i = 0; i < a->kwonlyargs.count; i++)
        if (!add_param(st, a->kwonlyargs.items[i]))
            return false;
    if (a->vararg && !add_param(st, a->vararg))
        return false;
    if (a->kwarg && !add_param(st, a->kwarg))
        return false;
    s->posonlyargcount = a->posonlyargs.count;
    s->argcount = a->posonlyargs.count + a->args.count;
    s->kwonlyargcount = a->kwonlyargs.count;
    s->varargs = a->vararg != NULL;
    s->varkw = a->kwarg != NULL;
    return true;
}

static bool visit_defaults(BtSymtable *st, const BtAstArguments *a) {
    return visit_exprs(st, &a->defaults) && visit_exprs(st, &a->kw_defaults);
}

static bool visit_comprehension(BtSymtable *st, const BtAstExpr *e, BtScopeKind kind,
                                const BtAstComprehensionList *gens, const BtAstExpr *elt,
                                const BtAstExpr *value) {
    const BtAstComprehension *outer = gens->items[0];
    st->cur->comp_iter_expr++;
    bool ok = visit_expr(st, outer->iter);
    st->cur->comp_iter_expr--;
    if (!ok)
        return false;
    const char *name = kind == BT_SCOPE_LISTCOMP  ? "<listcomp>"
                       : kind == BT_SCOPE_SETCOMP ? "<setcomp>"
                       : kind == BT_SCOPE_DICTCOMP ? "<dictcomp>"
                                                   : "<genexpr>";
    if (!enter(st, kind, name, e, e->line, e->col))
        return false;
    BtScope *s = st->cur;
    if (kind == BT_SCOPE_GENEXPR)
        s->generator = true;
    if (!add_def_in(st, s, ".0", BT_DEF_PARAM))
        return false;
    const char **p = malloc(sizeof *p);
    if (!p)
        return fail_oom(st);
    s->params = p;
    s->params[0] = ".0";
    s->nparams = 1;
    s->argcount = 1;
    for (int i = 0; i < gens->count; i++) {
        const BtAstComprehension *g = gens->items[i];
        s->comp_iter_target = true;
        ok = visit_expr(st, g->target);
        s->comp_iter_target = false;
        if (!ok)
            return false;
        if (i > 0) {
            s->comp_iter_expr++;
            ok = visit_expr(st, g->iter);
            s->comp_iter_expr--;
            if (!ok)
                return false;
        }
        if (!visit_exprs(st, &g->ifs))
            return false;
    }
    if (value && !visit_expr(st, value))
        return false;
    if (!visit_expr(st, elt))
        return false;
    for (int i = 0; i < gens->count; i++)
        s->coroutine |= gens->items[i]->is_async;
    leave(st);
    /* An asynchronous list, set or dict comprehension is awaited where it
     * stands: a comprehension around it becomes asynchronous too. */
    if (s->coroutine && kind != BT_SCOPE_GENEXPR && is_comprehension(st->cur->kind))
        st->cur->coroutine = true;
    return true;
}

/* `target := value` inside a comprehension binds in the nearest enclosing
 * function (or the module), never in the comprehension itself. */
static bool extend_namedexpr_scope(BtSymtable *st, const BtAstExpr *target) {
    const char *name = target->name.id;
    for (BtScope *s = st->cur; s; s = s->parent) {
        if (is_comprehension(s->kind)) {
            const BtSymbol *sym = bt_scope_symbol(s, name);
            if (sym && (sym->flags & BT_DEF_COMP_ITER))
                return FAIL_NODE(st, target,
                                 "assignment expression cannot rebind comprehension iteration "
                                 "variable '%s'",
                                 name);
            continue;
        }
        if (s->kind == BT_SCOPE_FUNCTION || s->kind == BT_SCOPE_LAMBDA) {
            /* A name the function declared global is global in the comprehension too. */
            const BtSymbol *outer = bt_scope_symbol(s, name);
            int how = outer && (outer->flags & BT_DEF_GLOBAL) ? BT_DEF_GLOBAL : BT_DEF_NONLOCAL;
            if (!add_def_in(st, st->cur, name, how))
                return false;
            return add_def_in(st, s, name, BT_DEF_LOCAL);
        }
        if (s->kind == BT_SCOPE_MODULE) {
            if (!add_def_in(st, st->cur, name, BT_DEF_GLOBAL))
                return false;
            return add_def_in(st, s, name, BT_DEF_GLOBAL);
        }
        return FAIL_NODE(st, target,
                         "assignment expression within a comprehension cannot be used in a "
                         "class body",
                         name);
    }
    return true;
}

static bool visit_expr(BtSymtable *st, const BtAstExpr *e) {
    if (!stack_ok(st))
        return false;
    switch (e->kind) {
    case BT_EXPR_BOOL_OP:
        return visit_exprs(st, &e->bool_op.values);
    case BT_EXPR_NAMED_EXPR:
        if (st->cur->comp_iter_expr > 0)
            return FAIL_NODE(st, e,
                             "assignment expression cannot be used in a comprehension iterable "
                             "expression",
                             "");
        if (is_comprehension(st->cur->kind) && e->named_expr.target->kind == BT_EXPR_NAME &&
            !extend_namedexpr_scope(st, e->named_expr.target))
            return false;
        return visit_expr(st, e->named_expr.value) && visit_expr(st, e->named_expr.target);
    case BT_EXPR_BIN_OP:
        return visit_expr(st, e->bin_op.left) && visit_expr(st, e->bin_op.right);
    case BT_EXPR_UNARY_OP:
        return visit_expr(st, e->unary_op.operand);
    case BT_EXPR_LAMBDA:
        if (!visit_defaults(st, e->lambda.args))
            return false;
        if (!enter(st, BT_SCOPE_LAMBDA, "<lambda>", e, e->line, e->col))
            return false;
        if (!visit_params(st, e->lambda.args) || !visit_expr(st, e->lambda.body))
            return false;
        leave(st);
        return true;
    case BT_EXPR_IF_EXP:
        return visit_expr(st, e->if_exp.test) && visit_expr(st, e->if_exp.body) &&
               visit_expr(st, e->if_exp.orelse);
    case BT_EXPR_DICT:
        return visit_exprs(st, &e->dict.keys) && visit_exprs(st, &e->dict.values);
    case BT_EXPR_SET:
        return visit_exprs(st, &e->set.elts);
    case BT_EXPR_LIST_COMP:
        return visit_comprehension(st, e, BT_SCOPE_LISTCOMP, &e->list_comp.generators,
                                   e->list_comp.elt, NULL);
    case BT_EXPR_SET_COMP:
        return visit_comprehension(st, e, BT_SCOPE_SETCOMP, &e->set_comp.generators,
                                   e->set_comp.elt, NULL);
    case BT_EXPR_GENERATOR_EXP:
        return visit_comprehension(st, e, BT_SCOPE_GENEXPR, &e->generator_exp.generators,
                                   e->generator_exp.elt, NULL);
    case BT_EXPR_DICT_COMP:
        return visit_comprehension(st, e, BT_SCOPE_DICTCOMP, &e->dict_comp.generators,
                                   e->dict_comp.value, e->dict_comp.key);
    case BT_EXPR_YIELD:
    case BT_EXPR_YIELD_FROM: {
        BtScope *s = st->cur;
        if (is_comprehension(s->kind))
            return FAIL_NODE(st, e, "'yield' inside %s", bt_scope_kind_describe(s->kind));
        if (!is_function_like(s->kind))
            return FAIL_NODE(st, e, "'yield' outside function", "");
        s->generator = true;
        return visit_opt(st, e->yield.value);
    }
    case BT_EXPR_AWAIT:
        /* An await makes the comprehension it stands in asynchronous. */
        if (is_comprehension(st->cur->kind))
            st->cur->coroutine = true;
        return visit_expr(st, e->await_.value);
    case BT_EXPR_COMPARE:
        if (!visit_expr(st, e->compare.left))
            return false;
        for (int i = 0; i < e->compare.count; i++)
            if (!visit_expr(st, e->compare.comparators[i]))
                return false;
        return true;
    case BT_EXPR_CALL:
        if (!visit_expr(st, e->call.func) || !visit_exprs(st, &e->call.args))
            return false;
        for (int i = 0; i < e->call.keywords.count; i++)
            if (!visit_expr(st, e->call.keywords.items[i]->value))
                return false;
        return true;
    case BT_EXPR_FORMATTED_VALUE:
        return visit_expr(st, e->formatted_value.value) &&
               visit_opt(st, e->formatted_value.format_spec);
    case BT_EXPR_JOINED_STR:
        return visit_exprs(st, &e->joined_str.values);
    case BT_EXPR_CONSTANT:
        return true;
    case BT_EXPR_ATTRIBUTE:
        return visit_expr(st, e->attribute.value);
    case BT_EXPR_SUBSCRIPT:
        return visit_expr(st, e->subscript.value) && visit_expr(st, e->subscript.slice);
    case BT_EXPR_STARRED:
        return visit_expr(st, e->starred.value);
    case BT_EXPR_NAME:
        if (e->name.ctx == BT_CTX_LOAD) {
            if (!add_def(st, e->name.id, BT_DEF_USE))
                return false;
            /* super() needs the class cell: make `__class__` free in the method. */
            if (is_function_like(st->cur->kind) && strcmp(e->name.id, "super") == 0)
                return add_def_in(st, st->cur, "__class__", BT_DEF_USE);
            return true;
        }
        return add_def(st, e->name.id, BT_DEF_LOCAL);
    case BT_EXPR_LIST:
        return visit_exprs(st, &e->list.elts);
    case BT_EXPR_TUPLE:
        return visit_exprs(st, &e->tuple.elts);
    case BT_EXPR_SLICE:
        return visit_opt(st, e->slice.lower) && visit_opt(st, e->slice.upper) &&
               visit_opt(st, e->slice.step);
    case BT_EXPR__COUNT:
        break;
    }
    return true;
}

/* global/nonlocal: the checks against earlier uses in the same scope. */
static bool visit_directive(BtSymtable *st, const BtAstStmt *s, bool is_global) {
    const BtAstNameList *names = is_global ? &s->global.names : &s->nonlocal.names;
    for (int i = 0; i < names->count; i++) {
        const char *name = names->items[i];
        const char *m = bt_symtable_mangle(st, st->cur->private_name, name);
        if (!m)
            return fail_oom(st);
        const BtSymbol *sym = bt_scope_symbol(st->cur, m);
        uint32_t cur = sym ? sym->flags : 0;
        if (cur & (BT_DEF_PARAM | BT_DEF_LOCAL | BT_DEF_USE | BT_DEF_ANNOT)) {
            const char *msg;
            if (cur & BT_DEF_PARAM)
                msg = is_global ? "name '%s' is parameter and global"
                                : "name '%s' is parameter and nonlocal";
            else if (cur & BT_DEF_USE)
                msg = is_global ? "name '%s' is used prior to global declaration"
                                : "name '%s' is used prior to nonlocal declaration";
            else if (cur & BT_DEF_ANNOT)
                msg = is_global ? "annotated name '%s' can't be global"
                                : "annotated name '%s' can't be nonlocal";
            else
                msg = is_global ? "name '%s' is assigned to before global declaration"
                                : "name '%s' is assigned to before nonlocal declaration";
            return FAIL_NODE(st, s, msg, name);
        }
        if (!add_def_in(st, st->cur, name, is_global ? BT_DEF_GLOBAL : BT_DEF_NONLOCAL))
            return false;
        BtSymbol *w = &st->cur->syms[sym_find(st->cur, m)];
        if (!w->dline) {
            w->dline = s->line;
            w->dcol = s->col;
            w->dend_line = s->end_line;
            w->dend_col = s->end_col;
        }
    }
    return true;
}

static bool visit_alias(BtSymtable *st, const BtAstAlias *a, const BtAstStmt *s) {
    if (strcmp(a->name, "*") == 0) {
        if (st->cur->kind != BT_SCOPE_MODULE)
            return FAIL_NODE(st, s, "import * only allowed at module level", "");
        return true;
    }
    const char *bound = a->asname;
    const char *dot = strchr(a->name, '.');
    if (!bound && !dot) {
        bound = a->name;
    } else if (!bound) {
        /* `import a.b` binds `a`. */
        size_t n = (size_t)(dot - a->name);
        PoolChunk *c = malloc(sizeof(PoolChunk) + n + 1);
        if (!c)
            return fail_oom(st);
        c->next = st->pool;
        st->pool = c;
        memcpy(c->data, a->name, n);
        c->data[n] = 0;
        bound = c->data;
    }
    return add_def(st, bound, BT_DEF_IMPORT);
}

static bool visit_patterns(BtSymtable *st, const BtAstPatternList *l);

/* A pattern's captures bind like assignments; its values and class names are loads. */
static bool visit_pattern(BtSymtable *st, const BtAstPattern *pat) {
    if (!stack_ok(st))
        return false;
    switch (pat->kind) {
    case BT_PAT_MATCH_VALUE:
        return visit_expr(st, pat->match_value.value);
    case BT_PAT_MATCH_SEQUENCE:
        return visit_patterns(st, &pat->match_sequence.patterns);
    case BT_PAT_MATCH_MAPPING:
        return visit_exprs(st, &pat->match_mapping.keys) &&
               visit_patterns(st, &pat->match_mapping.patterns) &&
               (!pat->match_mapping.rest || add_def(st, pat->match_mapping.rest, BT_DEF_LOCAL));
    case BT_PAT_MATCH_CLASS:
        return visit_expr(st, pat->match_class.cls) &&
               visit_patterns(st, &pat->match_class.patterns) &&
               visit_patterns(st, &pat->match_class.kwd_patterns);
    case BT_PAT_MATCH_STAR:
        return !pat->match_star.name || add_def(st, pat->match_star.name, BT_DEF_LOCAL);
    case BT_PAT_MATCH_AS:
        return (!pat->match_as.pattern || visit_pattern(st, pat->match_as.pattern)) &&
               (!pat->match_as.name || add_def(st, pat->match_as.name, BT_DEF_LOCAL));
    case BT_PAT_MATCH_OR:
        return visit_patterns(st, &pat->match_or.patterns);
    case BT_PAT_MATCH_SINGLETON:
    case BT_PAT__COUNT:
        break;
    }
    return true;
}

static bool visit_patterns(BtSymtable *st, const BtAstPatternList *l) {
    for (int i = 0; i < l->count; i++)
        if (!visit_pattern(st, l->items[i]))
            return false;
    return true;
}

static bool visit_stmt(BtSymtable *st, const BtAstStmt *s) {
    if (!stack_ok(st))
        return false;
    switch (s->kind) {
    case BT_STMT_FUNCTION_DEF:
    case BT_STMT_ASYNC_FUNCTION_DEF: {
        if (!add_def(st, s->function_def.name, BT_DEF_LOCAL))
            return false;
        if (!visit_defaults(st, s->function_def.args) ||
            !visit_exprs(st, &s->function_def.decorator_list))
            return false;
        if (!enter(st, BT_SCOPE_FUNCTION, s->function_def.name, s, s->line, s->col))
            return false;
        st->cur->coroutine = s->kind == BT_STMT_ASYNC_FUNCTION_DEF;
        if (!visit_params(st, s->function_def.args) || !visit_stmts(st, &s->function_def.body))
            return false;
        leave(st);
        return true;
    }
    case BT_STMT_CLASS_DEF: {
        if (!add_def(st, s->class_def.name, BT_DEF_LOCAL))
            return false;
        if (!visit_exprs(st, &s->class_def.bases))
            return false;
        for (int i = 0; i < s->class_def.keywords.count; i++)
            if (!visit_expr(st, s->class_def.keywords.items[i]->value))
                return false;
        if (!visit_exprs(st, &s->class_def.decorator_list))
            return false;
        if (!enter(st, BT_SCOPE_CLASS, s->class_def.name, s, s->line, s->col))
            return false;
        if (!visit_stmts(st, &s->class_def.body))
            return false;
        leave(st);
        return true;
    }
    case BT_STMT_RETURN:
        return visit_opt(st, s->return_.value);
    case BT_STMT_DELETE:
        return visit_exprs(st, &s->delete_.targets);
    case BT_STMT_ASSIGN:
        return visit_exprs(st, &s->assign.targets) && visit_expr(st, s->assign.value);
    case BT_STMT_AUG_ASSIGN:
        return visit_expr(st, s->aug_assign.target) && visit_expr(st, s->aug_assign.value);
    case BT_STMT_ANN_ASSIGN: {
        const BtAstExpr *target = s->ann_assign.target;
        if (target->kind == BT_EXPR_NAME) {
            const char *m = bt_symtable_mangle(st, st->cur->private_name, target->name.id);
            if (!m)
                return fail_oom(st);
            const BtSymbol *sym = bt_scope_symbol(st->cur, m);
            if (sym && (sym->flags & (BT_DEF_GLOBAL | BT_DEF_NONLOCAL)) &&
                st->cur->kind != BT_SCOPE_MODULE && s->ann_assign.simple)
                return fail_at(st, s->line, s->col, s->end_line, s->end_col,
                               (sym->flags & BT_DEF_GLOBAL)
                                   ? "annotated name '%s' can't be global"
                                   : "annotated name '%s' can't be nonlocal",
                               target->name.id);
            if (s->ann_assign.simple) {
                if (!add_def(st, target->name.id, BT_DEF_ANNOT | BT_DEF_LOCAL))
                    return false;
            } else if (s->ann_assign.value && !add_def(st, target->name.id, BT_DEF_LOCAL)) {
                return false;
            }
        } else if (!visit_expr(st, target)) {
            return false;
        }
        /* Annotations are evaluated only in module and class bodies. */
        if (!is_function_like(st->cur->kind) && !visit_expr(st, s->ann_assign.annotation))
            return false;
        return visit_opt(st, s->ann_assign.value);
    }
    case BT_STMT_FOR:
    case BT_STMT_ASYNC_FOR:
        return visit_expr(st, s->for_.target) && visit_expr(st, s->for_.iter) &&
               visit_stmts(st, &s->for_.body) && visit_stmts(st, &s->for_.orelse);
    case BT_STMT_WHILE:
        return visit_expr(st, s->while_.test) && visit_stmts(st, &s->while_.body) &&
               visit_stmts(st, &s->while_.orelse);
    case BT_STMT_IF:
        return visit_expr(st, s->if_.test) && visit_stmts(st, &s->if_.body) &&
               visit_stmts(st, &s->if_.orelse);
    case BT_STMT_WITH:
    case BT_STMT_ASYNC_WITH:
        for (int i = 0; i < s->with.items.count; i++) {
            const BtAstWithItem *w = s->with.items.items[i];
            if (!visit_expr(st, w->context_expr) || !visit_opt(st, w->optional_vars))
                return false;
        }
        return visit_stmts(st, &s->with.body);
    case BT_STMT_RAISE:
        return visit_opt(st, s->raise.exc) && visit_opt(st, s->raise.cause);
    case BT_STMT_TRY:
        if (!visit_stmts(st, &s->try_.body))
            return false;
        for (int i = 0; i < s->try_.handlers.count; i++) {
            const BtAstExceptHandler *h = s->try_.handlers.items[i];
            if (!visit_opt(st, h->type))
                return false;
            if (h->name && !add_def(st, h->name, BT_DEF_LOCAL))
                return false;
            if (!visit_stmts(st, &h->body))
                return false;
        }
        return visit_stmts(st, &s->try_.orelse) && visit_stmts(st, &s->try_.finalbody);
    case BT_STMT_MATCH:
        if (!visit_expr(st, s->match.subject))
            return false;
        for (int i = 0; i < s->match.cases.count; i++) {
            const BtAstMatchCase *mc = s->match.cases.items[i];
            if (!visit_pattern(st, mc->pattern) || !visit_opt(st, mc->guard) ||
                !visit_stmts(st, &mc->body))
                return false;
        }
        return true;
    case BT_STMT_ASSERT:
        return visit_expr(st, s->assert_.test) && visit_opt(st, s->assert_.msg);
    case BT_STMT_IMPORT:
        for (int i = 0; i < s->import.names.count; i++)
            if (!visit_alias(st, s->import.names.items[i], s))
                return false;
        return true;
    case BT_STMT_IMPORT_FROM:
        for (int i = 0; i < s->import_from.names.count; i++)
            if (!visit_alias(st, s->import_from.names.items[i], s))
                return false;
        return true;
    case BT_STMT_GLOBAL:
        return visit_directive(st, s, true);
    case BT_STMT_NONLOCAL:
        return visit_directive(st, s, false);
    case BT_STMT_EXPR:
        return visit_expr(st, s->expr.value);
    case BT_STMT_PASS:
    case BT_STMT_BREAK:
    case BT_STMT_CONTINUE:
    case BT_STMT__COUNT:
        break;
    }
    return true;
}

static bool visit_stmts(BtSymtable *st, const BtAstStmtList *l) {
    for (int i = 0; i < l->count; i++)
        if (!visit_stmt(st, l->items[i]))
            return false;
    return true;
}

/* ---- the analysis ---------------------------------------------------------------------------- */

static bool directive_error(BtSymtable *st, const BtSymbol *sym, const char *fmt) {
    return fail_at(st, sym->dline, sym->dcol, sym->dend_line, sym->dend_col, fmt, sym->name);
}

/* Decide the scope of one name (CPython's analyze_name); bound is NULL for the module. */
static bool analyze_name(BtSymtable *st, BtScope *s, BtSymbol *sym, StrSet *bound, StrSet *local,
                         StrSet *free, StrSet *global) {
    const char *name = sym->name;
    uint32_t f = sym->flags;
    if (f & BT_DEF_GLOBAL) {
        if (f & BT_DEF_NONLOCAL)
            return directive_error(st, sym, "name '%s' is nonlocal and global");
        sym->scope = BT_SYM_GLOBAL_EXPLICIT;
        if (!set_add(global, name))
            return fail_oom(st);
        if (bound)
            set_discard(bound, name);
        return true;
    }
    if (f & BT_DEF_NONLOCAL) {
        if (!bound)
            return directive_error(st, sym, "nonlocal declaration not allowed at module level");
        if (!set_has(bound, name))
            return directive_error(st, sym, "no binding for nonlocal '%s' found");
        sym->scope = BT_SYM_FREE;
        return set_add(free, name) || fail_oom(st);
    }
    if (f & BT_DEF_BOUND) {
        sym->scope = BT_SYM_LOCAL;
        if (!set_add(local, name))
            return fail_oom(st);
        set_discard(global, name);
        return true;
    }
    if (bound && set_has(bound, name)) {
        sym->scope = BT_SYM_FREE;
        return set_add(free, name) || fail_oom(st);
    }
    (void)s;
    sym->scope = BT_SYM_GLOBAL_IMPLICIT;
    return true;
}

static bool analyze_block(BtSymtable *st, BtScope *s, StrSet *bound, StrSet *free,
                          StrSet *global);

static bool analyze_child(BtSymtable *st, BtScope *child, const StrSet *bound,
                          const StrSet *global, StrSet *child_free) {
    StrSet b = {0}, g = {0};
    bool ok = set_update(&b, bound) && set_update(&g, global);
    if (!ok) {
        set_free(&b);
        set_free(&g);
        return fail_oom(st);
    }
    ok = analyze_block(st, child, &b, child_free, &g);
    set_free(&b);
    set_free(&g);
    return ok;
}

static bool analyze_block(BtSymtable *st, BtScope *s, StrSet *bound, StrSet *free,
                          StrSet *global) {
    StrSet local = {0}, newbound = {0}, newglobal = {0}, newfree = {0};
    bool ok = false;
    if (s->kind == BT_SCOPE_CLASS) {
        if (!set_update(&newglobal, global) || (bound && !set_update(&newbound, bound)))
            goto oom;
    }
    for (int i = 0; i < s->nsyms; i++)
        if (!analyze_name(st, s, &s->syms[i], bound, &local, free, global))
            goto out;
    if (s->kind != BT_SCOPE_CLASS) {
        if (is_function_like(s->kind) && !set_update(&newbound, &local))
            goto oom;
        if (bound && !set_update(&newbound, bound))
            goto oom;
        if (!set_update(&newglobal, global))
            goto oom;
    } else if (!set_add(&newbound, "__class__")) {
        goto oom;
    }
    for (int i = 0; i < s->nchildren; i++) {
        StrSet child_free = {0};
        if (!analyze_child(st, s->children[i], &newbound, &newglobal, &child_free)) {
            set_free(&child_free);
            goto out;
        }
        ok = set_update(&newfree, &child_free);
        set_free(&child_free);
        if (!ok)
            goto oom;
        ok = false;
    }
    if (is_function_like(s->kind)) {
        /* Locals that inner scopes need become cells. */
        for (int i = 0; i < s->nsyms; i++) {
            BtSymbol *sym = &s->syms[i];
            if (sym->scope == BT_SYM_LOCAL && set_has(&newfree, sym->name)) {
                sym->scope = BT_SYM_CELL;
                set_discard(&newfree, sym->name);
            }
        }
    } else if (s->kind == BT_SCOPE_CLASS && set_has(&newfree, "__class__")) {
        s->needs_class_closure = true;
        set_discard(&newfree, "__class__");
    }
    /* Names still free below: pass them through this scope. */
    for (int i = 0; i < newfree.cap; i++) {
        const char *name = newfree.keys[i];
        if (!name || name == TOMBSTONE)
            continue;
        int k = sym_find(s, name);
        if (k >= 0) {
            BtSymbol *sym = &s->syms[k];
            if (s->kind == BT_SCOPE_CLASS && (sym->flags & (BT_DEF_BOUND | BT_DEF_GLOBAL)))
                sym->flags |= BT_DEF_FREE_CLASS;
            continue;
        }
        if (!bound || !set_has(bound, name))
            continue;
        k = sym_get(s, name);
        if (k < 0)
            goto oom;
        s->syms[k].scope = BT_SYM_FREE;
    }
    if (!set_update(free, &newfree))
        goto oom;
    ok = true;
    goto out;
oom:
    fail_oom(st);
out:
    set_free(&local);
    set_free(&newbound);
    set_free(&newglobal);
    set_free(&newfree);
    return ok;
}

BtSymtable *bt_symtable_build(BtThread *t, const BtAstModule *mod, bool eval_mode,
                              BtSyntaxError *err, bool *oom) {
    *oom = false;
    BtSymtable *st = calloc(1, sizeof *st);
    if (!st) {
        *oom = true;
        return NULL;
    }
    st->t = t;
    st->err = err;
    st->top = scope_new(st, BT_SCOPE_MODULE, "top", NULL, 1, 0);
    if (!st->top) {
        bt_symtable_free(st);
        *oom = true;
        return NULL;
    }
    st->cur = st->top;
    bool ok = eval_mode ? (!mod->expr || visit_expr(st, mod->expr)) : visit_stmts(st, &mod->body);
    if (ok) {
        StrSet free = {0}, global = {0};
        ok = analyze_block(st, st->top, NULL, &free, &global);
        set_free(&free);
        set_free(&global);
    }
    if (!ok) {
        *oom = st->oom;
        bt_symtable_free(st);
        return NULL;
    }
    return st;
}

void bt_symtable_free(BtSymtable *st) {
    if (!st)
        return;
    for (int i = 0; i < st->nall; i++) {
        BtScope *s = st->all[i];
        free(s->children);
        free(s->syms);
        free(s->index);
        free(s->params);
        free(s);
    }
    free(st->all);
    free(st->map_keys);
    free(st->map_vals);
    while (st->pool) {
        PoolChunk *n = st->pool->next;
        free(st->pool);
        st->pool = n;
    }
    free(st);
}
