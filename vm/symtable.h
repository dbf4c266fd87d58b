/* symtable.h: the compiler's first pass, internal to vm/ (vm stage; see vm/README.md).
 *
 * Walks the syntax tree once and builds one BtScope per module, class body,
 * function, lambda, comprehension and generator expression, recording how
 * each name is used there; then resolves every name to local, global
 * (declared or implicit), free (captured from an enclosing function) or cell
 * (captured by an inner one), with Python 3's rules: class bodies are not
 * visible to their methods, `nonlocal` needs an enclosing binding, `super()`
 * gives methods a `__class__` cell in their class. Only compile.c uses this.
 */
#ifndef BT_SYMTABLE_H
#define BT_SYMTABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "lexer/syntax_error.h"
#include "parser/ast.h"

typedef struct BtThread BtThread;

typedef enum {
    BT_SCOPE_MODULE,
    BT_SCOPE_CLASS,
    BT_SCOPE_FUNCTION,
    BT_SCOPE_LAMBDA,
    BT_SCOPE_LISTCOMP,
    BT_SCOPE_SETCOMP,
    BT_SCOPE_DICTCOMP,
    BT_SCOPE_GENEXPR,
} BtScopeKind;

/* How a name is used in one scope (bits, as CPython's symtable flags). */
enum {
    BT_DEF_GLOBAL = 1 << 0,     /* `global x` */
    BT_DEF_LOCAL = 1 << 1,      /* assigned, deleted, defined or bound by for/with/except */
    BT_DEF_PARAM = 1 << 2,      /* a parameter */
    BT_DEF_NONLOCAL = 1 << 3,   /* `nonlocal x` */
    BT_DEF_USE = 1 << 4,        /* read */
    BT_DEF_FREE_CLASS = 1 << 5, /* a class binds it, but an inner function needs the outer one */
    BT_DEF_IMPORT = 1 << 6,     /* bound by import */
    BT_DEF_ANNOT = 1 << 7,      /* annotated (`x: int`) */
    BT_DEF_COMP_ITER = 1 << 8,  /* a comprehension's iteration variable */
};
#define BT_DEF_BOUND (BT_DEF_LOCAL | BT_DEF_PARAM | BT_DEF_IMPORT)

/* Where a name lives, once resolved. */
typedef enum {
    BT_SYM_UNKNOWN = 0,     /* not used in this scope at all */
    BT_SYM_LOCAL,           /* fast local (functions) or locals-dict name (module, class) */
    BT_SYM_GLOBAL_EXPLICIT, /* declared global */
    BT_SYM_GLOBAL_IMPLICIT, /* not bound anywhere enclosing: global or builtin */
    BT_SYM_FREE,            /* bound in an enclosing function */
    BT_SYM_CELL,            /* local, and captured by an inner scope */
} BtSymScope;

typedef struct {
    const char *name; /* mangled (`__x` in class C is `_C__x`) */
    uint32_t flags;   /* BT_DEF_* */
    BtSymScope scope;
    int dline, dcol, dend_line, dend_col; /* first global/nonlocal statement naming it */
} BtSymbol;

typedef struct BtScope BtScope;
struct BtScope {
    BtScopeKind kind;
    const char *name;    /* "top", the def or class name, "<lambda>", "<listcomp>", ... */
    const void *node;    /* the BtAstStmt/BtAstExpr that opens it (NULL for the module) */
    BtScope *parent;
    BtScope **children;  /* in source order */
    int nchildren, cap_children;
    BtSymbol *syms;      /* in order of first appearance */
    int nsyms, cap_syms;
    int32_t *index;      /* open-addressing hash of syms by name; -1 empty */
    int index_cap;
    const char **params; /* positional (incl. positional-only), kw-only, *args, **kwargs */
    int nparams;
    int argcount;        /* positional parameters */
    int posonlyargcount;
    int kwonlyargcount;
    bool varargs, varkw;
    bool generator;           /* contains yield (functions, lambdas) or is a genexpr */
    bool coroutine;           /* an async def (with generator: an async generator) */
    bool needs_class_closure; /* class: a method uses super() or __class__ */
    const char *private_name; /* enclosing class name for mangling, or NULL */
    int comp_iter_expr;  /* > 0 while visiting a comprehension's iterable (builder state) */
    bool comp_iter_target; /* visiting a comprehension's target (builder state) */
    int line, col;       /* where the scope opens */
};

typedef struct BtSymtable BtSymtable;

/* Build and resolve the scopes of a module (eval_mode: mod->expr is the body).
 * Returns NULL on a syntax error (in *err, CPython's wording and position),
 * when memory runs out (*oom set), or with RecursionError raised in t when
 * the tree is nested deeper than the C stack allows (t NULL: no such check). */
BtSymtable *bt_symtable_build(BtThread *t, const BtAstModule *mod, bool eval_mode,
                              BtSyntaxError *err, bool *oom);
void bt_symtable_free(BtSymtable *st);

/* The module's scope. */
BtScope *bt_symtable_top(BtSymtable *st);
/* The scope a def/class statement or lambda/comprehension expression opens. */
BtScope *bt_symtable_lookup(BtSymtable *st, const void *node);
/* The symbol for a (mangled) name in a scope, or NULL. */
const BtSymbol *bt_scope_symbol(const BtScope *s, const char *name);
/* The resolved scope of a (mangled) name; BT_SYM_UNKNOWN when unused there. */
BtSymScope bt_scope_resolve(const BtScope *s, const char *name);
/* name mangled for the class private_name (`__x` -> `_C__x`), or name itself
 * when it needs no mangling. The result lives as long as st; NULL when out of memory. */
const char *bt_symtable_mangle(BtSymtable *st, const char *private_name, const char *name);

/* The names of a scope's kind for messages ("list comprehension"). */
const char *bt_scope_kind_describe(BtScopeKind kind);

#endif
